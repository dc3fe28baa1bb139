#include "store/connectivity.h"

#include "api/apiclient.h"

#include <QHostAddress>
#include <QNetworkInformation>

namespace Ankra::Store {

Connectivity::Connectivity(Api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &Connectivity::probeNow);
    connect(client, &Api::ApiClient::reachabilityObserved, this, &Connectivity::onObserved);
}

Connectivity::~Connectivity()
{
    // The client outlives this monitor: leave it sending.
    if (m_client)
        m_client->setReachable(true);
}

void Connectivity::setProbeInterval(int ms, int maxMs)
{
    m_baseIntervalMs = ms;
    m_maxIntervalMs = qMax(ms, maxMs);
    m_intervalMs = ms;
}

void Connectivity::start()
{
    loadSystemBackend();
    probeNow();
}

void Connectivity::loadSystemBackend()
{
    if (m_systemBackend)
        return;
    // Without a backend (no NetworkManager, offscreen test machines) the probes decide alone.
    m_systemBackend = QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()
                      && QNetworkInformation::instance()->supports(
                          QNetworkInformation::Feature::Reachability);
    if (m_systemBackend)
        connect(QNetworkInformation::instance(),
                &QNetworkInformation::reachabilityChanged,
                this,
                &Connectivity::onSystemReachability);
    if (systemSaysOffline())
        setOnline(false);
}

bool Connectivity::systemSaysOffline() const
{
    if (!m_systemBackend)
        return false;
    // A server on this machine stays reachable without any network.
    const QHostAddress host(m_client->serverUrl().host());
    if (host.isLoopback() || m_client->serverUrl().host() == QLatin1String("localhost"))
        return false;
    return QNetworkInformation::instance()->reachability()
           == QNetworkInformation::Reachability::Disconnected;
}

void Connectivity::onSystemReachability()
{
    if (systemSaysOffline())
        setOnline(false);
    else
        probeNow(); // the network came back: is the server there too?
}

void Connectivity::probeNow()
{
    if (m_probe)
        return;
    m_probeTimer.stop();
    auto *job = m_client->probe(this);
    m_probe = job;
    connect(job, &Api::ApiJob::finished, this, &Connectivity::onProbeFinished);
}

void Connectivity::onProbeFinished()
{
    Api::ApiJob *job = m_probe;
    m_probe = nullptr;
    if (!job)
        return;
    job->deleteLater();
    const bool reached = job->httpStatus() > 0 && !systemSaysOffline();
    if (reached) {
        m_intervalMs = m_baseIntervalMs;
        setOnline(true);
        return;
    }
    setOnline(false);
    m_probeTimer.start(m_intervalMs);
    m_intervalMs = qMin(m_intervalMs * 2, m_maxIntervalMs);
}

void Connectivity::onObserved(bool reached)
{
    if (reached) {
        if (!m_online && !systemSaysOffline()) {
            m_intervalMs = m_baseIntervalMs;
            m_probeTimer.stop();
            setOnline(true);
        }
        return;
    }
    if (m_online) {
        setOnline(false);
        m_intervalMs = m_baseIntervalMs;
        if (!m_probe)
            m_probeTimer.start(m_intervalMs);
    }
}

void Connectivity::setOnline(bool online)
{
    m_client->setReachable(online);
    if (online == m_online)
        return;
    m_online = online;
    if (!online && !m_probe && !m_probeTimer.isActive())
        m_probeTimer.start(m_intervalMs);
    emit onlineChanged(online);
}

} // namespace Ankra::Store

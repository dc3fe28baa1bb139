#pragma once

// Whether the server can be reached now. Combines the operating system's view
// (QNetworkInformation, when a backend loads; "disconnected" only counts for a non-loopback
// server) with what the API jobs observe and a cheap probe (GET limits): while offline the
// probe runs every probeIntervalMs (doubling up to maxProbeIntervalMs), and its first answer
// makes the client online again. The ApiClient's reachable flag follows isOnline(), so requests
// fail fast while offline. GUI thread only.

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Ankra::Api {
class ApiClient;
class ApiJob;
} // namespace Ankra::Api

namespace Ankra::Store {

class Connectivity : public QObject
{
    Q_OBJECT
public:
    explicit Connectivity(Api::ApiClient *client, QObject *parent = nullptr);
    ~Connectivity() override;

    // Loads the QNetworkInformation backend (may be unavailable: then probes alone decide) and
    // probes once.
    void start();
    // start() in two steps: probeNow() alone first, the probes decide until this is called
    // (loading the backend's plugin takes tens of milliseconds).
    void loadSystemBackend();
    bool isOnline() const { return m_online; }
    bool hasSystemBackend() const { return m_systemBackend; }
    void setProbeInterval(int ms, int maxMs);
    // Probes at once (e.g. the user pressed "Try again").
    void probeNow();

signals:
    void onlineChanged(bool online);

private:
    void setOnline(bool online);
    void onObserved(bool reached);
    void onProbeFinished();
    void onSystemReachability();
    bool systemSaysOffline() const;

    Api::ApiClient *m_client;
    QTimer m_probeTimer;
    QPointer<Api::ApiJob> m_probe;
    int m_baseIntervalMs = 2'000;
    int m_maxIntervalMs = 30'000;
    int m_intervalMs = 2'000;
    bool m_online = true;
    bool m_systemBackend = false;
};

} // namespace Ankra::Store

#include "api/apiclient.h"

#include "api/serverurl.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QUrlQuery>
#include <QUuid>

namespace Ankra::Api {

namespace {

// Qt 6.4's HTTP channel reads a plain-http answer's status line and headers one byte per read()
// system call when it connects without any proxy (an unbuffered socket): ~140 calls per answer
// of the local server, a third of QNAM's thread time when a list of 100 pages loads
// (bench_client P1). With a proxy it uses a buffered socket instead. So for http:// to this
// computer the factory answers DefaultProxy: Qt's own resolution of it for a loopback host is
// "no proxy", the connection is the same direct one, only buffered. Everything else gets the
// application's proxies, as without a factory. (https:// is buffered by TLS anyway.)
class LoopbackBufferedProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (query.url().scheme() == QLatin1String("http") && isLoopbackHost(query.url()))
            return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
        return QNetworkProxyFactory::proxyForQuery(query);
    }
};

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    m_nam->setProxyFactory(new LoopbackBufferedProxyFactory); // the manager owns it
    updateRequestHeaders();
}

void ApiClient::setServerUrl(const QUrl &url)
{
    m_serverUrl = url;
    m_loopback = isLoopbackHost(url);
    m_allowedUrl = isAllowedServerUrl(url);
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    m_apiPath = base + QStringLiteral("/api/v1");
    updateRequestHeaders();
}

void ApiClient::setToken(const QString &token)
{
    m_token = token;
    updateRequestHeaders();
}

void ApiClient::setOrganisationId(const QString &organisationId)
{
    m_organisationId = organisationId;
    updateRequestHeaders();
}

QByteArray ApiClient::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QString ApiClient::refusalOfServerUrl() const
{
    QString why;
    isAllowedServerUrl(m_serverUrl, &why);
    return why;
}

void ApiClient::updateRequestHeaders()
{
    QNetworkRequest request;
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "ankra-support/" ANKRA_VERSION);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_organisationId.isEmpty())
        request.setRawHeader("X-Ankra-Organisation-Id", m_organisationId.toUtf8());
    // A server on this computer gets nothing from compression but the work of it, on both ends
    // (a list page: ~0.1 ms to compress, and to decompress, per 50 KB; bench_client P1).
    if (m_loopback)
        request.setRawHeader("Accept-Encoding", "identity");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    m_requestHeaders = request;
}

QNetworkRequest ApiClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_serverUrl;
    url.setPath(m_apiPath + path);
    url.setQuery(query);
    // The headers are shared with m_requestHeaders, not set again for every request (five
    // headers and the token's encoding: a fifth of the cost of starting a list page's request,
    // bench_client P1).
    QNetworkRequest request = m_requestHeaders;
    request.setUrl(url);
    return request;
}

QNetworkRequest ApiClient::postRequest(const QString &path, const QByteArray &idempotencyKey) const
{
    QNetworkRequest r = request(path);
    r.setRawHeader("Idempotency-Key",
                   idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey);
    return r;
}

QString ApiClient::ticketPath(const QString &ticketId, const QString &rest)
{
    return QStringLiteral("/org/support/tickets/")
           + QString::fromLatin1(QUrl::toPercentEncoding(ticketId)) + rest;
}

void ApiClient::start(ApiJob *job)
{
    job->m_policy = m_policy;
    if (!m_allowedUrl)
        job->failLocally(ApiError::Kind::InsecureUrl, refusalOfServerUrl());
    else if (!m_reachable)
        job->failLocally(ApiError::Kind::Offline,
                         tr("The server cannot be reached. Check the network connection."));
    connect(job, &ApiJob::finished, this, [this, job] {
        if (job->m_failedLocally)
            return; // nothing was learnt about the server
        if (job->httpStatus() > 0)
            emit reachabilityObserved(true);
        else if (job->error().kind == ApiError::Kind::Offline)
            emit reachabilityObserved(false);
    });
    job->start();
}

LimitsJob *ApiClient::probe(QObject *context)
{
    auto *job = new LimitsJob(m_nam,
                              request(QStringLiteral("/org/support/limits")),
                              ApiJob::Method::Get,
                              {},
                              context);
    job->m_policy = m_policy;
    job->m_policy.maxAttempts = 1;
    job->m_policy.transferTimeoutMs = qMin(m_policy.transferTimeoutMs, 10'000);
    if (!m_allowedUrl)
        job->failLocally(ApiError::Kind::InsecureUrl, refusalOfServerUrl());
    job->start();
    return job;
}

namespace {
QByteArray jsonBody(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

ListTicketsJob *ApiClient::listTickets(const TicketQuery &query, QObject *context)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("page"), QString::number(query.page));
    q.addQueryItem(QStringLiteral("page_size"), QString::number(query.pageSize));
    for (const QString &status : query.statuses)
        q.addQueryItem(QStringLiteral("status"), status);
    if (!query.clusterId.isEmpty())
        q.addQueryItem(QStringLiteral("cluster_id"), query.clusterId);
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("q"),
                       QString(query.search).replace(u'+', QLatin1String("%2B")));
    auto *job = new ListTicketsJob(m_nam,
                                   request(QStringLiteral("/org/support/tickets"), q),
                                   ApiJob::Method::Get,
                                   {},
                                   context);
    start(job);
    return job;
}

TicketJob *ApiClient::ticket(const QString &ticketId, QObject *context)
{
    auto *job = new TicketJob(m_nam, request(ticketPath(ticketId)), ApiJob::Method::Get, {}, context);
    start(job);
    return job;
}

TicketJob *ApiClient::addComment(const QString &ticketId,
                                 const QString &markdown,
                                 QObject *context,
                                 const QByteArray &idempotencyKey)
{
    QNetworkRequest r = postRequest(ticketPath(ticketId, QStringLiteral("/comments")),
                                    idempotencyKey);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    auto *job = new TicketJob(m_nam,
                              r,
                              ApiJob::Method::Post,
                              jsonBody({{QStringLiteral("body"), markdown}}),
                              context);
    start(job);
    return job;
}

TicketJob *ApiClient::closeTicket(const QString &ticketId,
                                  QObject *context,
                                  const QByteArray &idempotencyKey)
{
    QNetworkRequest r = postRequest(ticketPath(ticketId, QStringLiteral("/close")), idempotencyKey);
    auto *job = new TicketJob(m_nam, r, ApiJob::Method::Post, {}, context);
    start(job);
    return job;
}

UploadJob *ApiClient::uploadAttachment(const QString &ticketId,
                                       const QString &filePath,
                                       QObject *context,
                                       const QByteArray &idempotencyKey)
{
    QNetworkRequest r = postRequest(ticketPath(ticketId, QStringLiteral("/attachments")),
                                    idempotencyKey);
    auto *job = new UploadJob(m_nam, r, filePath, context);
    start(job);
    return job;
}

DownloadJob *ApiClient::downloadAttachment(const QString &ticketId,
                                           const QString &attachmentId,
                                           const QString &targetPath,
                                           QObject *context)
{
    QNetworkRequest r = request(
        ticketPath(ticketId,
                   QStringLiteral("/attachments/")
                       + QString::fromLatin1(QUrl::toPercentEncoding(attachmentId))));
    r.setRawHeader("Accept", "*/*");
    auto *job = new DownloadJob(m_nam, r, targetPath, context);
    start(job);
    return job;
}

ReviewJob *ApiClient::reviewTicket(const ReviewRequest &reviewRequest,
                                   QObject *context,
                                   const QByteArray &idempotencyKey)
{
    QNetworkRequest r = postRequest(QStringLiteral("/org/support/tickets/review"), idempotencyKey);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    auto *job = new ReviewJob(m_nam,
                              r,
                              ApiJob::Method::Post,
                              jsonBody(toJson(reviewRequest)),
                              context);
    start(job);
    return job;
}

TicketJob *ApiClient::createTicket(const CreateTicketRequest &createRequest,
                                   QObject *context,
                                   const QByteArray &idempotencyKey)
{
    QNetworkRequest r = postRequest(QStringLiteral("/org/support/tickets"), idempotencyKey);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    auto *job = new TicketJob(m_nam,
                              r,
                              ApiJob::Method::Post,
                              jsonBody(toJson(createRequest)),
                              context);
    start(job);
    return job;
}

LimitsJob *ApiClient::limits(QObject *context)
{
    auto *job = new LimitsJob(m_nam,
                              request(QStringLiteral("/org/support/limits")),
                              ApiJob::Method::Get,
                              {},
                              context);
    start(job);
    return job;
}

ClustersJob *ApiClient::clusters(QObject *context)
{
    auto *job = new ClustersJob(m_nam,
                                request(QStringLiteral("/clusters")),
                                ApiJob::Method::Get,
                                {},
                                context);
    start(job);
    return job;
}

} // namespace Ankra::Api

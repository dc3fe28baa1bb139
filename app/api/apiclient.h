#pragma once

// Entry point to the Support API. Owns no network: the QNetworkAccessManager is injected.
// It sets the manager's proxy factory (see apiclient.cpp: buffered reads from a local server).
// Each method returns a job (parented to `context`) that emits finished() once.
// POSTs carry an Idempotency-Key: pass the key of an earlier job (ApiJob::idempotencyKey()) to
// resend the same logical request after a failure; leave it empty for a new request.
// A plain http:// server URL to a non-loopback host is refused before anything is sent.
// Thread: lives in and must be used from the thread of the injected QNetworkAccessManager.
// The token is kept in memory only and never logged.

#include "api/apijob.h"
#include "api/jobs.h"
#include "wire/types.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace Ankra::Api {

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setServerUrl(const QUrl &url); // e.g. https://platform.ankra.app
    QUrl serverUrl() const { return m_serverUrl; }
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    void setOrganisationId(const QString &organisationId); // empty: the token's default
    QString organisationId() const { return m_organisationId; }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }

    ListTicketsJob *listTickets(const TicketQuery &query, QObject *context); // 3
    TicketJob *ticket(const QString &ticketId, QObject *context);            // 4
    TicketJob *addComment(const QString &ticketId,
                          const QString &markdown,
                          QObject *context,
                          const QByteArray &idempotencyKey = {}); // 5
    TicketJob *closeTicket(const QString &ticketId,
                           QObject *context,
                           const QByteArray &idempotencyKey = {}); // 6
    UploadJob *uploadAttachment(const QString &ticketId,
                                const QString &filePath,
                                QObject *context,
                                const QByteArray &idempotencyKey = {}); // 7
    DownloadJob *downloadAttachment(const QString &ticketId,
                                    const QString &attachmentId,
                                    const QString &targetPath,
                                    QObject *context); // 8
    ReviewJob *reviewTicket(const ReviewRequest &request,
                            QObject *context,
                            const QByteArray &idempotencyKey = {}); // 1
    TicketJob *createTicket(const CreateTicketRequest &request,
                            QObject *context,
                            const QByteArray &idempotencyKey = {}); // 2
    LimitsJob *limits(QObject *context);     // §7 addition; contract defaults on 404
    ClustersJob *clusters(QObject *context); // Ankra's /api/v1/clusters; empty on 404

    // Builds the request for `path` below /api/v1 with auth and organisation headers.
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    QString refusalOfServerUrl() const; // why the server URL is refused (isAllowedServerUrl)

    static QByteArray newIdempotencyKey();

    // Cleared by the connectivity monitor (app/store/connectivity.h) while the server is known
    // to be out of reach: new jobs then fail at once with ApiError::Kind::Offline instead of
    // waiting for a timeout. probe() is sent regardless (one attempt) to find out when it is back.
    void setReachable(bool reachable) { m_reachable = reachable; }
    bool isReachable() const { return m_reachable; }
    LimitsJob *probe(QObject *context);

signals:
    // What each finished job learnt about the server: reached (any HTTP answer) or not (Offline).
    void reachabilityObserved(bool reached);

public:
    // For job factories outside this class (api/teamjobs.h): the injected network manager, and
    // start() with this client's retry policy and server URL check.
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    void startJob(ApiJob *job) { start(job); }

private:
    QNetworkRequest postRequest(const QString &path, const QByteArray &idempotencyKey) const;
    static QString ticketPath(const QString &ticketId, const QString &rest = {});
    void start(ApiJob *job);
    void updateRequestHeaders(); // after a change of server, token or organisation

    QNetworkAccessManager *m_nam;
    QUrl m_serverUrl;
    bool m_loopback = false; // a server on this computer: no compression asked for
    // Worked out once per server, not per request (bench_client P1: 100 requests).
    bool m_allowedUrl = false; // isAllowedServerUrl(): every job fails locally otherwise
    QString m_apiPath = QStringLiteral("/api/v1"); // the server URL's path + "/api/v1"
    QString m_token;
    QString m_organisationId;
    QNetworkRequest m_requestHeaders; // what every request carries: updateRequestHeaders()
    RetryPolicy m_policy;
    bool m_reachable = true;
};

} // namespace Ankra::Api

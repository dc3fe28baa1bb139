#pragma once

// Jobs of our team extension (docs/api-extensions.md): who the token belongs to, and the team
// routes across organisations. TeamApi builds them on top of an ApiClient (same server, token,
// retry policy and URL check); like ApiClient's jobs they are parented to `context` and emit
// finished() once. Not for Ankra's real backend: there /support/me answers 404, which MeJob
// turns into a successful "customer" answer (isFallback()), and the team routes are never used.

#include "api/apiclient.h"
#include "api/jobs.h"
#include "wire/team.h"

#include <QUrlQuery>

namespace Ankra::Api {

struct TeamTicketQuery
{
    QStringList statuses; // empty: every status
    QString search;
    QString clusterId;
    QStringList organisations; // uuids; empty: every organisation
    QStringList severities;    // "none" = tickets without a severity; empty: any
    QString assignee;          // "me", "none", a user uuid, or empty: anyone
    int page = 1;
    int pageSize = 25;

    friend bool operator==(const TeamTicketQuery &, const TeamTicketQuery &) = default;
};

class MeJob : public ApiJob
{
    Q_OBJECT
public:
    MeJob(QNetworkAccessManager *nam, QNetworkRequest request, QObject *parent);
    const Wire::Me &me() const { return m_me; }
    bool isTeam() const { return ok() && m_me.isTeam(); }
    // True when the server has no /support/me (404): a customer of Ankra's real backend.
    bool isFallback() const { return m_fallback; }

protected:
    void parseResponse(const QByteArray &body) override;
    void recoverFromError() override;

private:
    Wire::Me m_me;
    bool m_fallback = false;
};

// A list page of the team route. page() has the plain summaries (what TicketListModel keeps),
// teamPage() the same rows with organisation, assignee and last customer activity.
class TeamListJob : public ListTicketsJob
{
    Q_OBJECT
public:
    TeamListJob(QNetworkAccessManager *nam, QNetworkRequest request, QObject *parent);
    const Wire::TeamTicketPage &teamPage() const { return m_teamPage; }

protected:
    void parseResponse(const QByteArray &body) override;

private:
    Wire::TeamTicketPage m_teamPage;
};

// GET, PATCH and comment on the team route all answer with a TeamTicket.
class TeamTicketJob : public TicketJob
{
    Q_OBJECT
public:
    enum class Verb { Get, Patch, Post };
    TeamTicketJob(QNetworkAccessManager *nam,
                  QNetworkRequest request,
                  Verb verb,
                  QByteArray body,
                  QObject *parent);
    const Wire::TeamFields &team() const { return m_team; }

protected:
    void parseResponse(const QByteArray &body) override;

private:
    Wire::TeamFields m_team;
};

class TeamApi
{
public:
    explicit TeamApi(ApiClient *client);

    MeJob *me(QObject *context);
    TeamListJob *listTickets(const TeamTicketQuery &query, QObject *context);
    TeamTicketJob *ticket(const QString &ticketId, QObject *context);
    // PATCH is sent with an Idempotency-Key so a transient failure is retried: setting the
    // same fields twice changes nothing.
    TeamTicketJob *patchTicket(const QString &ticketId,
                               const Wire::TicketPatch &patch,
                               QObject *context,
                               const QByteArray &idempotencyKey = {});
    // `setStatus`: empty, "waiting_customer" or "resolved".
    TeamTicketJob *addComment(const QString &ticketId,
                              const QString &markdown,
                              const QString &setStatus,
                              QObject *context,
                              const QByteArray &idempotencyKey = {});
    // As ApiClient::downloadAttachment, for a ticket of any organisation.
    DownloadJob *downloadAttachment(const QString &ticketId,
                                    const QString &attachmentId,
                                    const QString &targetPath,
                                    QObject *context);

    // Pure builders (tested without a network).
    static QUrlQuery urlQuery(const TeamTicketQuery &query);
    static QJsonObject commentBody(const QString &markdown, const QString &setStatus);

private:
    static QString ticketPath(const QString &ticketId, const QString &rest = {});
    QNetworkRequest jsonRequest(const QString &path, const QByteArray &idempotencyKey) const;

    ApiClient *m_client;
};

} // namespace Ankra::Api

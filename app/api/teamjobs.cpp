#include "api/teamjobs.h"

#include <QJsonDocument>

namespace Ankra::Api {

namespace {

template<typename T, typename F>
bool parseBody(const QByteArray &body, F parse, T &out, QString &why)
{
    auto object = Wire::parseObject(body);
    if (auto *e = std::get_if<Wire::ParseError>(&object)) {
        why = e->message;
        return false;
    }
    auto parsed = parse(std::get<QJsonObject>(object));
    if (auto *e = std::get_if<Wire::ParseError>(&parsed)) {
        why = e->message;
        return false;
    }
    out = std::get<T>(std::move(parsed));
    return true;
}

} // namespace

MeJob::MeJob(QNetworkAccessManager *nam, QNetworkRequest request, QObject *parent)
    : ApiJob(nam, std::move(request), Method::Get, {}, parent)
{}

void MeJob::parseResponse(const QByteArray &body)
{
    QString why;
    if (!parseBody(body, Wire::parseMe, m_me, why))
        failMalformed(why);
}

void MeJob::recoverFromError()
{
    // The extension's rule: no such route means Ankra's backend, i.e. a customer.
    if (m_error.kind != ApiError::Kind::NotFound)
        return;
    m_error = {};
    m_me = {};
    m_me.role = QStringLiteral("customer");
    m_fallback = true;
}

TeamListJob::TeamListJob(QNetworkAccessManager *nam, QNetworkRequest request, QObject *parent)
    : ListTicketsJob(nam, std::move(request), Method::Get, {}, parent)
{}

void TeamListJob::parseResponse(const QByteArray &body)
{
    // The team fields first, here; then the plain page the way ListTicketsJob parses it (which
    // may finish later, off this thread): finished() comes once both are in.
    QString why;
    if (!parseBody(body, Wire::parseTeamTicketPage, m_teamPage, why))
        return failMalformed(why);
    ListTicketsJob::parseResponse(body);
}

TeamTicketJob::TeamTicketJob(QNetworkAccessManager *nam,
                             QNetworkRequest request,
                             Verb verb,
                             QByteArray body,
                             QObject *parent)
    : TicketJob(nam,
                std::move(request),
                verb == Verb::Get     ? Method::Get
                : verb == Verb::Patch ? Method::Patch
                                      : Method::Post,
                std::move(body),
                parent)
{}

void TeamTicketJob::parseResponse(const QByteArray &body)
{
    // The team fields first; the ticket itself the way TicketJob parses it (whether it finishes
    // now or later).
    QString why;
    if (!parseBody(body, Wire::parseTeamFields, m_team, why))
        return failMalformed(why);
    TicketJob::parseResponse(body);
}

TeamApi::TeamApi(ApiClient *client)
    : m_client(client)
{}

QString TeamApi::ticketPath(const QString &ticketId, const QString &rest)
{
    return QStringLiteral("/team/support/tickets/")
           + QString::fromLatin1(QUrl::toPercentEncoding(ticketId)) + rest;
}

QNetworkRequest TeamApi::jsonRequest(const QString &path, const QByteArray &idempotencyKey) const
{
    QNetworkRequest r = m_client->request(path);
    r.setRawHeader("Idempotency-Key",
                   idempotencyKey.isEmpty() ? ApiClient::newIdempotencyKey() : idempotencyKey);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return r;
}

QUrlQuery TeamApi::urlQuery(const TeamTicketQuery &query)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("page"), QString::number(query.page));
    q.addQueryItem(QStringLiteral("page_size"), QString::number(query.pageSize));
    for (const QString &status : query.statuses)
        q.addQueryItem(QStringLiteral("status"), status);
    for (const QString &organisation : query.organisations)
        q.addQueryItem(QStringLiteral("organisation"), organisation);
    for (const QString &severity : query.severities)
        q.addQueryItem(QStringLiteral("severity"), severity);
    if (!query.assignee.isEmpty())
        q.addQueryItem(QStringLiteral("assignee"), query.assignee);
    if (!query.clusterId.isEmpty())
        q.addQueryItem(QStringLiteral("cluster_id"), query.clusterId);
    // QUrlQuery leaves '+' alone and servers read it as a space.
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("q"),
                       QString(query.search).replace(u'+', QLatin1String("%2B")));
    return q;
}

QJsonObject TeamApi::commentBody(const QString &markdown, const QString &setStatus)
{
    QJsonObject o{{QStringLiteral("body"), markdown}};
    if (!setStatus.isEmpty())
        o.insert(QStringLiteral("set_status"), setStatus);
    return o;
}

MeJob *TeamApi::me(QObject *context)
{
    auto *job = new MeJob(m_client->networkAccessManager(),
                          m_client->request(QStringLiteral("/support/me")),
                          context);
    m_client->startJob(job);
    return job;
}

TeamListJob *TeamApi::listTickets(const TeamTicketQuery &query, QObject *context)
{
    auto *job = new TeamListJob(m_client->networkAccessManager(),
                                m_client->request(QStringLiteral("/team/support/tickets"),
                                                  urlQuery(query)),
                                context);
    m_client->startJob(job);
    return job;
}

TeamTicketJob *TeamApi::ticket(const QString &ticketId, QObject *context)
{
    auto *job = new TeamTicketJob(m_client->networkAccessManager(),
                                  m_client->request(ticketPath(ticketId)),
                                  TeamTicketJob::Verb::Get,
                                  {},
                                  context);
    m_client->startJob(job);
    return job;
}

TeamTicketJob *TeamApi::patchTicket(const QString &ticketId,
                                    const Wire::TicketPatch &patch,
                                    QObject *context,
                                    const QByteArray &idempotencyKey)
{
    auto *job = new TeamTicketJob(m_client->networkAccessManager(),
                                  jsonRequest(ticketPath(ticketId), idempotencyKey),
                                  TeamTicketJob::Verb::Patch,
                                  QJsonDocument(Wire::toJson(patch)).toJson(QJsonDocument::Compact),
                                  context);
    m_client->startJob(job);
    return job;
}

TeamTicketJob *TeamApi::addComment(const QString &ticketId,
                                   const QString &markdown,
                                   const QString &setStatus,
                                   QObject *context,
                                   const QByteArray &idempotencyKey)
{
    auto *job = new TeamTicketJob(m_client->networkAccessManager(),
                                  jsonRequest(ticketPath(ticketId, QStringLiteral("/comments")),
                                              idempotencyKey),
                                  TeamTicketJob::Verb::Post,
                                  QJsonDocument(commentBody(markdown, setStatus))
                                      .toJson(QJsonDocument::Compact),
                                  context);
    m_client->startJob(job);
    return job;
}

DownloadJob *TeamApi::downloadAttachment(const QString &ticketId,
                                         const QString &attachmentId,
                                         const QString &targetPath,
                                         QObject *context)
{
    QNetworkRequest r = m_client->request(
        ticketPath(ticketId,
                   QStringLiteral("/attachments/")
                       + QString::fromLatin1(QUrl::toPercentEncoding(attachmentId))));
    r.setRawHeader("Accept", "*/*");
    auto *job = new DownloadJob(m_client->networkAccessManager(), r, targetPath, context);
    m_client->startJob(job);
    return job;
}

} // namespace Ankra::Api

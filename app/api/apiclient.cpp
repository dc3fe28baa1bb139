#include "api/apiclient.h"

#include "wire/json.h"

#include <QNetworkAccessManager>
#include <QUrlQuery>

namespace Ankra::Api {

void ListTicketsJob::parseResponse(const QByteArray &body)
{
    auto object = Wire::parseObject(body);
    if (auto *e = std::get_if<Wire::ParseError>(&object))
        return failMalformed(e->message);
    auto page = Wire::parseTicketPage(std::get<QJsonObject>(object));
    if (auto *e = std::get_if<Wire::ParseError>(&page))
        return failMalformed(e->message);
    m_page = std::get<Wire::TicketPage>(std::move(page));
}

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{}

void ApiClient::setServerUrl(const QUrl &url)
{
    m_serverUrl = url;
}

void ApiClient::setToken(const QString &token)
{
    m_token = token;
}

void ApiClient::setOrganisationId(const QString &organisationId)
{
    m_organisationId = organisationId;
}

QNetworkRequest ApiClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_serverUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1") + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "ankra-support/" ANKRA_VERSION);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_organisationId.isEmpty())
        request.setRawHeader("X-Ankra-Organisation-Id", m_organisationId.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

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
        q.addQueryItem(QStringLiteral("q"), QString(query.search).replace(u'+', QLatin1String("%2B")));
    auto *job = new ListTicketsJob(m_nam,
                                   request(QStringLiteral("/org/support/tickets"), q),
                                   ApiJob::Method::Get,
                                   {},
                                   context);
    job->start();
    return job;
}

} // namespace Ankra::Api

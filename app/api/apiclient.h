#pragma once

// Entry point to the Support API. Owns no network: the QNetworkAccessManager is injected.
// Each method returns a job (parented to `context`) that emits finished() once.
// Thread: lives in and must be used from the thread of the injected QNetworkAccessManager.
// The token is kept in memory only and never logged.

#include "api/apijob.h"
#include "wire/types.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace Ankra::Api {

struct TicketQuery
{
    QStringList statuses; // empty: every status
    QString clusterId;
    QString search;
    int page = 1;
    int pageSize = 25;

    friend bool operator==(const TicketQuery &, const TicketQuery &) = default;
};

class ListTicketsJob : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const Wire::TicketPage &page() const { return m_page; }

protected:
    void parseResponse(const QByteArray &body) override;

private:
    Wire::TicketPage m_page;
};

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

    ListTicketsJob *listTickets(const TicketQuery &query, QObject *context);

    // Builds the request for `path` below /api/v1 with auth and organisation headers.
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;

private:
    QNetworkAccessManager *m_nam;
    QUrl m_serverUrl;
    QString m_token;
    QString m_organisationId;
};

} // namespace Ankra::Api

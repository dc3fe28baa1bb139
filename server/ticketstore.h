#pragma once

// Tickets, comments and attachments of one organisation, read and written through SQL.
// Every method takes the organisation id and never returns another organisation's rows.
// Thread-safe: each call uses the calling thread's connection.

#include "database.h"

#include "wire/types.h"

#include <QStringList>

#include <optional>

namespace Ankra::Server {

struct ListQuery
{
    QStringList statuses;
    QString clusterId;
    QString search;
    int page = 1;
    int pageSize = 25;
};

struct NewTicket
{
    QString subject;
    QString description;
    QString category = QStringLiteral("technical");
    QString severity;
    QString status = QStringLiteral("open");
    QString source = QStringLiteral("portal");
    QString aiReviewStatus = QStringLiteral("passed");
    QString aiSummary;
    QString clusterId;
    QJsonObject environment;
    bool trackedByTeam = false;
    QString createdAt; // RFC 3339; empty = now
    QString updatedAt; // empty = createdAt
};

class TicketStore
{
public:
    explicit TicketStore(Database &db)
        : m_db(db)
    {}

    std::optional<Wire::TicketPage> list(const QString &organisationId,
                                         const ListQuery &query,
                                         QString *error);
    std::optional<Wire::Ticket> get(const QString &organisationId, const QString &ticketId);

    // Inserts a ticket with the next ticket number of the organisation. Call inside a
    // transaction when inserting many. Returns the new id, or empty with `error` set.
    QString insert(const QString &organisationId, const NewTicket &ticket, QString *error);
    QString addComment(const QString &ticketId,
                       const QString &authorType,
                       const QString &authorLabel,
                       const QString &body,
                       const QString &createdAt,
                       QString *error);

    // Turns free text into an FTS5 query: every word must match (prefix match on each word).
    static QString ftsQuery(const QString &text);

private:
    Database &m_db;
};

} // namespace Ankra::Server

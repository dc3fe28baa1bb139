#pragma once

// Tickets, comments and attachments of one organisation, read and written through SQL.
// Every method takes the organisation id and never returns another organisation's rows.
// Thread-safe: each call uses the calling thread's connection.

#include "database.h"
#include "listpaging.h"

#include "wire/types.h"

#include <QSqlQuery>
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

struct AttachmentRow
{
    QString id;
    QString ticketId;
    QString filename;
    QString contentType;
    qint64 sizeBytes = 0;
    QString sha256;
};

struct StoredReview
{
    QJsonObject request;
    QJsonObject result;
    QDateTime expiresAt;
};

struct StoredResponse
{
    int status = 0;
    QByteArray body;
    QString method;
    QString path;
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

    // Status of one of the organisation's tickets; nullopt when it does not exist there.
    std::optional<QString> status(const QString &organisationId, const QString &ticketId);
    bool setStatus(const QString &ticketId, const QString &status, QString *error);
    bool touch(const QString &ticketId, QString *error); // updated_at = now

    QList<Wire::Cluster> clusters(const QString &organisationId);
    bool hasCluster(const QString &organisationId, const QString &clusterId);

    int attachmentCount(const QString &ticketId);
    bool insertAttachment(const AttachmentRow &row, QString *error);
    std::optional<AttachmentRow> attachment(const QString &organisationId,
                                            const QString &ticketId,
                                            const QString &attachmentId);

    bool storeReview(const QString &organisationId,
                     const QString &reviewId,
                     const QJsonObject &request,
                     const QJsonObject &result,
                     const QDateTime &expiresAt,
                     QString *error);
    // nullopt when unknown in this organisation; the caller checks expiresAt.
    std::optional<StoredReview> review(const QString &organisationId, const QString &reviewId);

    // Idempotency records live 24 h.
    std::optional<StoredResponse> storedResponse(const QString &organisationId, const QString &key);
    // Fails (false) when the key is already taken: the caller rolls back and replays.
    bool storeResponse(const QString &organisationId,
                       const QString &key,
                       const StoredResponse &response,
                       QString *error);
    void purgeExpiredResponses();

    // Turns free text into an FTS5 query: every word must match (prefix match on each word).
    static QString ftsQuery(const QString &text);
    // The TicketSummary columns of `tickets t LEFT JOIN clusters c` (13 of them, first in the
    // SELECT) and their reader: shared with the team list (teamstore.cpp).
    static const QString &summaryColumns();
    static constexpr int UpdatedAtColumn = 12; // of summaryColumns(): the raw updated_at
    static Wire::TicketSummary summaryFrom(const QSqlQuery &query);

private:
    Database &m_db;
    ListPaging m_paging; // totals and page starts of each filter, per tickets generation
};

} // namespace Ankra::Server

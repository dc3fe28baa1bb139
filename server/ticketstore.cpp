#include "ticketstore.h"

#include "auth.h"

#include "wire/json.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Ankra::Server {

namespace {

const QString SummaryColumns = QStringLiteral(
    "t.id, t.ticket_number, t.cluster_id, c.name, t.source, t.category, t.subject, t.status, "
    "t.severity, t.ai_review_status, t.is_tracked_by_team, t.created_at, t.updated_at");

Wire::TicketSummary readSummary(const QSqlQuery &q)
{
    Wire::TicketSummary t;
    t.id = q.value(0).toString();
    t.ticketNumber = q.value(1).toLongLong();
    t.clusterId = q.value(2).toString();
    t.clusterName = q.value(3).toString();
    t.source = q.value(4).toString();
    t.category = q.value(5).toString();
    t.subject = q.value(6).toString();
    t.status = q.value(7).toString();
    t.severity = q.value(8).toString();
    t.aiReviewStatus = q.value(9).toString();
    t.trackedByTeam = q.value(10).toBool();
    t.createdAt = Wire::parseTimestamp(q.value(11).toString());
    t.updatedAt = Wire::parseTimestamp(q.value(TicketStore::UpdatedAtColumn).toString());
    return t;
}

} // namespace

const QString &TicketStore::summaryColumns()
{
    return SummaryColumns;
}

Wire::TicketSummary TicketStore::summaryFrom(const QSqlQuery &query)
{
    return readSummary(query);
}

QString TicketStore::ftsQuery(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}_]+"));
    QStringList terms;
    auto it = word.globalMatch(text);
    while (it.hasNext() && terms.size() < 16)
        terms.append(u'"' + it.next().captured(0) + QStringLiteral("\"*"));
    return terms.join(u' ');
}

std::optional<Wire::TicketPage> TicketStore::list(const QString &organisationId,
                                                  const ListQuery &query,
                                                  QString *error)
{
    QSqlDatabase db = m_db.connection();
    QString where = QStringLiteral("t.organisation_id = ?");
    QVariantList binds{organisationId};
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (const QString &s : query.statuses) {
            marks.append(QStringLiteral("?"));
            binds.append(s);
        }
        where += QStringLiteral(" AND t.status IN (") + marks.join(u',') + u')';
    }
    if (!query.clusterId.isEmpty()) {
        where += QStringLiteral(" AND t.cluster_id = ?");
        binds.append(query.clusterId);
    }
    if (!query.search.trimmed().isEmpty()) {
        const QString fts = ftsQuery(query.search);
        if (fts.isEmpty()) {
            where += QStringLiteral(" AND 0");
        } else {
            where += QStringLiteral(
                " AND t.rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)");
            binds.append(fts);
        }
    }

    QSqlQuery q(db);
    const std::string key = ListPaging::filterKey(where, binds);
    const qint64 generation = m_db.generations().tickets; // before the count: see GenerationCache
    const QString countSql = QStringLiteral("SELECT COUNT(*) FROM tickets t WHERE ") + where;
    const std::optional<qint64> total = m_paging.total(q, key, generation, countSql, binds, error);
    if (!total)
        return std::nullopt;
    Wire::TicketPage page;
    page.pagination.page = query.page;
    page.pagination.pageSize = query.pageSize;
    page.pagination.totalCount = *total;
    page.pagination.totalPages = int((page.pagination.totalCount + query.pageSize - 1)
                                     / query.pageSize);

    // The page's rows are chosen on the index alone (tickets_org_updated_status covers the
    // order and the status filter and holds the rowid), as in the team queue: with the cluster
    // join in the same SELECT, OFFSET read every skipped row - page 1000 of 100k took 160 ms,
    // loading all 1,000 pages ~80 s. A page right after the one before it seeks (ListPaging).
    QVariantList pageBinds = binds;
    const QString rows
        = m_paging.pageRows(key, generation, query.page, query.pageSize, true, &pageBinds);
    q.prepare(QStringLiteral("SELECT ") + SummaryColumns
              + QStringLiteral(" FROM tickets t LEFT JOIN clusters c ON c.id = t.cluster_id"
                               " WHERE t.rowid IN (SELECT t.rowid FROM tickets t WHERE ")
              + where + rows + QStringLiteral(") ORDER BY t.updated_at DESC, t.id"));
    for (const QVariant &b : std::as_const(pageBinds))
        q.addBindValue(b);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    while (q.next()) {
        page.result.append(readSummary(q));
        if (page.result.size() == query.pageSize) // a full page: its last row starts the next
            m_paging.setNextStart(key,
                                  generation,
                                  query.page,
                                  query.pageSize,
                                  q.value(UpdatedAtColumn).toString(),
                                  page.result.last().id);
    }
    return page;
}

std::optional<Wire::Ticket> TicketStore::get(const QString &organisationId, const QString &ticketId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + SummaryColumns
              + QStringLiteral(", t.organisation_id, t.description, t.ai_summary, t.environment "
                               "FROM tickets t LEFT JOIN clusters c ON c.id = t.cluster_id "
                               "WHERE t.organisation_id = ? AND t.id = ?"));
    q.addBindValue(organisationId);
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const Wire::TicketSummary s = readSummary(q);
    Wire::Ticket t;
    t.id = s.id;
    t.ticketNumber = s.ticketNumber;
    t.clusterId = s.clusterId;
    t.clusterName = s.clusterName;
    t.source = s.source;
    t.category = s.category;
    t.subject = s.subject;
    t.status = s.status;
    t.severity = s.severity;
    t.aiReviewStatus = s.aiReviewStatus;
    t.trackedByTeam = s.trackedByTeam;
    t.createdAt = s.createdAt;
    t.updatedAt = s.updatedAt;
    t.organisationId = q.value(13).toString();
    t.description = q.value(14).toString();
    t.aiSummary = q.value(15).toString();
    t.environment = QJsonDocument::fromJson(q.value(16).toString().toUtf8()).object();

    q.prepare(QStringLiteral("SELECT id, author_type, author_label, body, created_at FROM comments "
                             "WHERE ticket_id = ? ORDER BY created_at, rowid"));
    q.addBindValue(ticketId);
    if (q.exec())
        while (q.next())
            t.comments.append({q.value(0).toString(),
                               q.value(1).toString(),
                               q.value(2).toString(),
                               q.value(3).toString(),
                               Wire::parseTimestamp(q.value(4).toString())});
    q.prepare(QStringLiteral("SELECT id, filename, content_type, size_bytes, created_at "
                             "FROM attachments WHERE ticket_id = ? ORDER BY created_at, rowid"));
    q.addBindValue(ticketId);
    if (q.exec())
        while (q.next())
            t.attachments.append({q.value(0).toString(),
                                  q.value(1).toString(),
                                  q.value(2).toString(),
                                  q.value(3).toLongLong(),
                                  Wire::parseTimestamp(q.value(4).toString())});
    return t;
}

QString TicketStore::insert(const QString &organisationId, const NewTicket &ticket, QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE organisations SET next_ticket_number = next_ticket_number + 1 "
                             "WHERE id = ? RETURNING next_ticket_number - 1"));
    q.addBindValue(organisationId);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text().isEmpty() ? QStringLiteral("unknown organisation")
                                                : q.lastError().text();
        return {};
    }
    const qint64 number = q.value(0).toLongLong();
    q.finish();
    const QString id = newUuid();
    const QString created = ticket.createdAt.isEmpty() ? nowTimestamp() : ticket.createdAt;
    const QString updated = ticket.updatedAt.isEmpty() ? created : ticket.updatedAt;
    q.prepare(QStringLiteral(
        "INSERT INTO tickets (id, organisation_id, ticket_number, source, category, subject, "
        "description, status, severity, ai_review_status, ai_summary, cluster_id, "
        "is_tracked_by_team, environment, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(id);
    q.addBindValue(organisationId);
    q.addBindValue(number);
    q.addBindValue(ticket.source);
    q.addBindValue(ticket.category);
    q.addBindValue(ticket.subject);
    // description is optional on the wire: a null QString would bind NULL (NOT NULL column).
    q.addBindValue(ticket.description.isNull() ? QStringLiteral("") : ticket.description);
    q.addBindValue(ticket.status);
    q.addBindValue(ticket.severity.isEmpty() ? QVariant() : QVariant(ticket.severity));
    q.addBindValue(ticket.aiReviewStatus);
    q.addBindValue(ticket.aiSummary.isEmpty() ? QVariant() : QVariant(ticket.aiSummary));
    q.addBindValue(ticket.clusterId.isEmpty() ? QVariant() : QVariant(ticket.clusterId));
    q.addBindValue(ticket.trackedByTeam ? 1 : 0);
    q.addBindValue(ticket.environment.isEmpty()
                       ? QVariant()
                       : QVariant(QString::fromUtf8(
                           QJsonDocument(ticket.environment).toJson(QJsonDocument::Compact))));
    q.addBindValue(created);
    q.addBindValue(updated);
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return id;
}

QString TicketStore::addComment(const QString &ticketId,
                                const QString &authorType,
                                const QString &authorLabel,
                                const QString &body,
                                const QString &createdAt,
                                QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    const QString id = newUuid();
    q.prepare(
        QStringLiteral("INSERT INTO comments (id, ticket_id, author_type, author_label, body, "
                       "created_at) VALUES (?,?,?,?,?,?)"));
    q.addBindValue(id);
    q.addBindValue(ticketId);
    q.addBindValue(authorType);
    q.addBindValue(authorLabel);
    q.addBindValue(body);
    q.addBindValue(createdAt.isEmpty() ? nowTimestamp() : createdAt);
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return id;
}

std::optional<QString> TicketStore::status(const QString &organisationId, const QString &ticketId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT status FROM tickets WHERE organisation_id = ? AND id = ?"));
    q.addBindValue(organisationId);
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool TicketStore::setStatus(const QString &ticketId, const QString &status, QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(nowTimestamp());
    q.addBindValue(ticketId);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

bool TicketStore::touch(const QString &ticketId, QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE tickets SET updated_at = ? WHERE id = ?"));
    q.addBindValue(nowTimestamp());
    q.addBindValue(ticketId);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

QList<Wire::Cluster> TicketStore::clusters(const QString &organisationId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, name, kubernetes_version FROM clusters "
                             "WHERE organisation_id = ? ORDER BY name, id"));
    q.addBindValue(organisationId);
    QList<Wire::Cluster> result;
    if (q.exec())
        while (q.next())
            result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

bool TicketStore::hasCluster(const QString &organisationId, const QString &clusterId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM clusters WHERE organisation_id = ? AND id = ?"));
    q.addBindValue(organisationId);
    q.addBindValue(clusterId);
    return q.exec() && q.next();
}

int TicketStore::attachmentCount(const QString &ticketId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM attachments WHERE ticket_id = ?"));
    q.addBindValue(ticketId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool TicketStore::insertAttachment(const AttachmentRow &row, QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO attachments (id, ticket_id, filename, content_type, "
                             "size_bytes, sha256, created_at) VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(row.id);
    q.addBindValue(row.ticketId);
    q.addBindValue(row.filename);
    q.addBindValue(row.contentType);
    q.addBindValue(row.sizeBytes);
    q.addBindValue(row.sha256);
    q.addBindValue(nowTimestamp());
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

std::optional<AttachmentRow> TicketStore::attachment(const QString &organisationId,
                                                     const QString &ticketId,
                                                     const QString &attachmentId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    // The join on the organisation keeps other organisations' files invisible (404).
    q.prepare(QStringLiteral("SELECT a.id, a.ticket_id, a.filename, a.content_type, a.size_bytes, "
                             "a.sha256 FROM attachments a JOIN tickets t ON t.id = a.ticket_id "
                             "WHERE t.organisation_id = ? AND t.id = ? AND a.id = ?"));
    q.addBindValue(organisationId);
    q.addBindValue(ticketId);
    q.addBindValue(attachmentId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return AttachmentRow{q.value(0).toString(),
                         q.value(1).toString(),
                         q.value(2).toString(),
                         q.value(3).toString(),
                         q.value(4).toLongLong(),
                         q.value(5).toString()};
}

bool TicketStore::storeReview(const QString &organisationId,
                              const QString &reviewId,
                              const QJsonObject &request,
                              const QJsonObject &result,
                              const QDateTime &expiresAt,
                              QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO reviews (id, organisation_id, request, result, "
                             "created_at, expires_at) VALUES (?,?,?,?,?,?)"));
    q.addBindValue(reviewId);
    q.addBindValue(organisationId);
    q.addBindValue(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
    q.addBindValue(nowTimestamp());
    q.addBindValue(Wire::formatTimestamp(expiresAt));
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

std::optional<StoredReview> TicketStore::review(const QString &organisationId,
                                                const QString &reviewId)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT request, result, expires_at FROM reviews "
                             "WHERE organisation_id = ? AND id = ?"));
    q.addBindValue(organisationId);
    q.addBindValue(reviewId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return StoredReview{QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(),
                        QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(),
                        Wire::parseTimestamp(q.value(2).toString())};
}

namespace {
QString idempotencyCutoff()
{
    return Wire::formatTimestamp(QDateTime::currentDateTimeUtc().addSecs(-24 * 3600));
}
} // namespace

std::optional<StoredResponse> TicketStore::storedResponse(const QString &organisationId,
                                                          const QString &key)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT status, body, method, path FROM idempotency "
                             "WHERE organisation_id = ? AND key = ? AND created_at >= ?"));
    q.addBindValue(organisationId);
    q.addBindValue(key);
    q.addBindValue(idempotencyCutoff());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return StoredResponse{q.value(0).toInt(),
                          q.value(1).toString().toUtf8(),
                          q.value(2).toString(),
                          q.value(3).toString()};
}

bool TicketStore::storeResponse(const QString &organisationId,
                                const QString &key,
                                const StoredResponse &response,
                                QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM idempotency WHERE organisation_id = ? AND key = ? "
                             "AND created_at < ?"));
    q.addBindValue(organisationId);
    q.addBindValue(key);
    q.addBindValue(idempotencyCutoff());
    q.exec();
    q.prepare(QStringLiteral("INSERT INTO idempotency (organisation_id, key, method, path, status, "
                             "body, created_at) VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(organisationId);
    q.addBindValue(key);
    q.addBindValue(response.method);
    q.addBindValue(response.path);
    q.addBindValue(response.status);
    q.addBindValue(QString::fromUtf8(response.body));
    q.addBindValue(nowTimestamp());
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

void TicketStore::purgeExpiredResponses()
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at < ?"));
    q.addBindValue(idempotencyCutoff());
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM reviews WHERE expires_at < ?"));
    q.addBindValue(nowTimestamp());
    q.exec();
}

} // namespace Ankra::Server

#include "listpaging.h"

#include <QSqlError>

#include <chrono>

namespace Ankra::Server {

ListPaging::ListPaging()
    : m_counts(1024, std::chrono::minutes(5))
    , m_starts(4096, std::chrono::minutes(5))
{}

std::string ListPaging::filterKey(const QString &sql, const QVariantList &binds)
{
    QString key = sql;
    for (const QVariant &b : binds)
        key += QChar(0x1f) + b.toString();
    return key.toStdString();
}

std::optional<qint64> ListPaging::total(QSqlQuery &q,
                                        const std::string &key,
                                        qint64 generation,
                                        const QString &countSql,
                                        const QVariantList &binds,
                                        QString *error)
{
    if (std::optional<qint64> cached = m_counts.find(key, generation))
        return cached;
    q.prepare(countSql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    const qint64 count = q.value(0).toLongLong();
    m_counts.insert(key, generation, count);
    return count;
}

std::string ListPaging::startKey(const std::string &key, int page, int pageSize)
{
    return key + '\x1e' + std::to_string(pageSize) + '\x1e' + std::to_string(page);
}

QString ListPaging::pageRows(const std::string &key,
                             qint64 generation,
                             int page,
                             int pageSize,
                             bool afterWhere,
                             QVariantList *binds) const
{
    const std::optional<Start> start = page > 1 ? m_starts.find(startKey(key, page, pageSize),
                                                                generation)
                                                : std::nullopt;
    if (start) {
        // The same rows as the OFFSET: same data (generation), same order.
        *binds << start->updatedAt << start->updatedAt << start->id << pageSize;
        return (afterWhere ? QStringLiteral(" AND") : QStringLiteral(" WHERE"))
               + QStringLiteral(" t.updated_at <= ? AND NOT (t.updated_at = ? AND t.id <= ?)"
                                " ORDER BY t.updated_at DESC, t.id LIMIT ?");
    }
    *binds << pageSize << qint64(page - 1) * pageSize;
    return QStringLiteral(" ORDER BY t.updated_at DESC, t.id LIMIT ? OFFSET ?");
}

void ListPaging::setNextStart(const std::string &key,
                              qint64 generation,
                              int page,
                              int pageSize,
                              const QString &lastUpdatedAt,
                              const QString &lastId)
{
    m_starts.insert(startKey(key, page + 1, pageSize), generation, Start{lastUpdatedAt, lastId});
}

} // namespace Ankra::Server

#pragma once

// Paging a ticket list ordered by (updated_at DESC, id), for TicketStore (a customer's list)
// and TeamStore (the team's queue), valid for one tickets generation:
// - the list's total (COUNT(*) walks every matching index entry: ~1 ms at 10k rows), and
// - where each page starts (the last row of the page before it): a client paging through reads
//   page n after page n - 1, and the page is then found by an index seek instead of skipping
//   (n - 1) * size entries (OFFSET made paging through 100,000 tickets quadratic: bench_client
//   P6 setup; the team queue's page 1500 of 100k took 1.3 s).
// Thread-safe (GenerationCache). `key` names the filter (its SQL and bound values).

#include "generationcache.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>
#include <string>

namespace Ankra::Server {

class ListPaging
{
public:
    ListPaging();

    // The key of a filter: its SQL and the values bound to it.
    static std::string filterKey(const QString &sql, const QVariantList &binds);

    // The filter's total: cached, or `countSql` run on `q` with `binds` (then cached); nullopt
    // with `error` set when the query fails.
    std::optional<qint64> total(QSqlQuery &q,
                                const std::string &key,
                                qint64 generation,
                                const QString &countSql,
                                const QVariantList &binds,
                                QString *error);

    // The end of the rowid subquery that picks page `page` of `pageSize` (after its WHERE
    // clause): a seek from the page's known start, or an OFFSET; its values are appended to
    // `binds`.
    QString pageRows(const std::string &key,
                     qint64 generation,
                     int page,
                     int pageSize,
                     bool afterWhere, // the subquery has a WHERE clause: the seek adds to it
                     QVariantList *binds) const;
    // After a full page: its last row (raw updated_at and id) starts the next one.
    void setNextStart(const std::string &key,
                      qint64 generation,
                      int page,
                      int pageSize,
                      const QString &lastUpdatedAt,
                      const QString &lastId);

private:
    struct Start
    {
        QString updatedAt;
        QString id;
    };
    static std::string startKey(const std::string &key, int page, int pageSize);

    GenerationCache<qint64> m_counts;
    GenerationCache<Start> m_starts;
};

} // namespace Ankra::Server

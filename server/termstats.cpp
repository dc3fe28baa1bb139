#include "termstats.h"

#include "triage/textanalysis.h"

#include <QSet>
#include <QSqlQuery>

namespace Ankra::Server {

std::shared_ptr<const TermStats> TermStatsCache::forOrganisation(const QString &organisationId)
{
    // Read before the rows: a ticket inserted meanwhile is either scanned now or next time
    // (the rowid watermark keeps it from being counted twice).
    const qint64 generation = m_db.generations().tickets;
    const auto current = [&] {
        std::lock_guard lock(m_mutex);
        return m_stats.value(organisationId);
    };
    auto stats = current();
    if (stats && generation >= 0 && stats->generation == generation)
        return stats;

    std::lock_guard build(m_buildMutex);
    stats = current(); // another thread may have done it
    if (stats && generation >= 0 && stats->generation == generation)
        return stats;
    auto next = stats ? std::make_shared<TermStats>(*stats) : std::make_shared<TermStats>();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT rowid, subject, description FROM tickets "
                             "WHERE organisation_id = ? AND rowid > ? ORDER BY rowid"));
    q.addBindValue(organisationId);
    q.addBindValue(next->lastRowid);
    if (q.exec()) {
        while (q.next()) {
            const QStringList terms = Triage::Text::terms(q.value(1).toString() + u'\n'
                                                          + q.value(2).toString());
            for (const QString &t : QSet<QString>(terms.begin(), terms.end()))
                ++next->documentFrequency[t];
            ++next->documents;
            next->lastRowid = q.value(0).toLongLong();
        }
        next->generation = generation;
    }
    std::lock_guard lock(m_mutex);
    m_stats.insert(organisationId, next);
    return next;
}

} // namespace Ankra::Server

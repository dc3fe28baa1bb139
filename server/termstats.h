#pragma once

// Per-organisation document frequencies of the review engine's terms (Text::terms() of subject
// and description), for CandidateSource::documentCount()/documentFrequency(): built at the
// first review of an organisation and brought up to date, from the rows added since, whenever
// the tickets generation moved. Tickets are never deleted and their subject and description
// never change, so "rows after the last seen rowid" is exact.

#include "database.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

namespace Ankra::Server {

struct TermStats
{
    qint64 documents = 0;
    qint64 lastRowid = 0;
    qint64 generation = -1;
    QHash<QString, qint64> documentFrequency;
};

class TermStatsCache
{
public:
    explicit TermStatsCache(Database &db)
        : m_db(db)
    {}

    // Up to date for the current tickets generation; never null. Thread-safe.
    std::shared_ptr<const TermStats> forOrganisation(const QString &organisationId);

private:
    Database &m_db;
    std::mutex m_mutex;      // guards m_stats
    std::mutex m_buildMutex; // one update at a time (they read many rows)
    QHash<QString, std::shared_ptr<const TermStats>> m_stats;
};

} // namespace Ankra::Server

#pragma once

// Duplicate candidates for the offline pre-check: a Triage::CandidateSource over the tickets of
// one account in the TicketCache (their subjects, and the descriptions of the tickets opened
// before). Document frequencies for the engine's term selection are counted from the cached
// tickets on first use and again after the cache changed. Not owned by the cache's users: the
// cache owns it (TicketCache::candidateSource()). GUI thread only, like the cache.

#include "triage/reviewengine.h"

#include <QHash>

namespace Ankra::Store {

class TicketCache;

class CacheCandidateSource : public Triage::CandidateSource
{
public:
    explicit CacheCandidateSource(TicketCache *cache);

    QList<Triage::Candidate> candidates(const QString &matchQuery, int limit) override;
    qint64 documentCount() override;
    qint64 documentFrequency(const QString &term) override;

private:
    void countTerms();

    TicketCache *m_cache;
    quint64 m_countedAt = ~quint64(0);
    qint64 m_count = 0;
    QHash<QString, qint64> m_df;
};

} // namespace Ankra::Store

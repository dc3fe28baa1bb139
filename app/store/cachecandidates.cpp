#include "store/cachecandidates.h"

#include "store/cache.h"
#include "triage/textanalysis.h"

#include <QSet>

namespace Ankra::Store {

CacheCandidateSource::CacheCandidateSource(TicketCache *cache)
    : m_cache(cache)
{}

QList<Triage::Candidate> CacheCandidateSource::candidates(const QString &matchQuery, int limit)
{
    return m_cache->candidates(matchQuery, limit);
}

void CacheCandidateSource::countTerms()
{
    if (m_countedAt == m_cache->generation())
        return;
    m_countedAt = m_cache->generation();
    m_df.clear();
    const QStringList texts = m_cache->searchableTexts();
    for (const QString &text : texts) {
        const QStringList terms = Triage::Text::terms(text);
        const QSet<QString> unique(terms.begin(), terms.end());
        for (const QString &term : unique)
            ++m_df[term];
    }
    m_count = texts.size();
}

qint64 CacheCandidateSource::documentCount()
{
    countTerms();
    return m_count;
}

qint64 CacheCandidateSource::documentFrequency(const QString &term)
{
    countTerms();
    return m_df.value(term, 0);
}

} // namespace Ankra::Store

#pragma once

// The review engine ("AI review"): enrichment (extractive summary, suggested severity and
// category), quality checks, clarifying questions and duplicate candidates for a ticket that is
// about to be filed. Qt Core only; deterministic (same input + same candidates = same review).
//
// Used by ankra-support-server's review endpoint (candidates from its SQLite FTS5 index) and by
// the client's offline pre-check (candidates from the local cache). Thread-safe: review() is
// const and may run concurrently on several threads.

#include "wire/types.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace Ankra::Triage {

struct ReviewInput
{
    QString subject;
    QString description;
    QString category;                           // what the user chose (may be empty)
    QString clusterId;                          // empty when no cluster was chosen
    QList<std::pair<QString, QString>> answers; // clarification answers: question -> answer
};

// An existing ticket of the organisation that might be the same problem.
struct Candidate
{
    QString id;
    QString subject;
    QString description;
    QString status;
    QString clusterId;
    QDateTime updatedAt;
    double bm25 = 0; // FTS5 bm25() score of the retrieval (lower is better, as SQLite gives it)
};

// Where duplicate candidates come from. `matchQuery` is an FTS5 MATCH expression built by
// ReviewEngine::ftsQueryFor(); return at most `limit` rows ordered by bm25.
class CandidateSource
{
public:
    virtual ~CandidateSource() = default;
    virtual QList<Candidate> candidates(const QString &matchQuery, int limit) = 0;

    // Optional corpus statistics that sharpen query-term selection and re-ranking: the number
    // of indexed tickets, and in how many of them `term` occurs (`term` as produced by
    // Text::terms() in triage/textanalysis.h). -1 = unknown (the engine then estimates).
    virtual qint64 documentCount() { return -1; }
    virtual qint64 documentFrequency(const QString &term)
    {
        Q_UNUSED(term);
        return -1;
    }
};

// A candidate after re-ranking: `score` orders them (higher is more alike); `confidence` is
// "high", "medium", "low" or "" (too unlike to be shown).
struct RankedCandidate
{
    Candidate candidate;
    double score = 0;
    QString confidence;
};

class ReviewEngine
{
public:
    ReviewEngine();

    // Fills everything of Wire::ReviewResult except reviewId and expiresAt (the caller stores
    // the review and sets those). `source` may be null (no duplicate search).
    Wire::ReviewResult review(const ReviewInput &input, CandidateSource *source) const;

    // The FTS5 query used to retrieve duplicate candidates for `input`.
    static QString ftsQueryFor(const ReviewInput &input);
    // The same, choosing the terms with `stats` (documentCount/documentFrequency) when given.
    static QString ftsQueryFor(const ReviewInput &input, CandidateSource *stats);

    // Retrieves CandidatePoolSize candidates from `source` and re-ranks them (subject match,
    // shared error strings and resource names, text similarity, bm25, cluster, recency). Returns
    // the best `limit`, best first, each with its confidence. Used by review() (which shows at
    // most MaxDuplicates with a confidence) and by the benchmarks (recall@k).
    QList<RankedCandidate> rankCandidates(const ReviewInput &input,
                                          CandidateSource *source,
                                          int limit) const;

    static constexpr int CandidatePoolSize = 50;
    static constexpr int MaxDuplicates = 5;
    static constexpr int MaxQuestions = 3;
    static constexpr int SummaryMaxChars = 200;

    // The extractive summary (one or two sentences the user wrote, at most SummaryMaxChars).
    static QString summarize(const QString &subject, const QString &description);
};

} // namespace Ankra::Triage

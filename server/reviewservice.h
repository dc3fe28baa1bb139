#pragma once

// Runs the review engine (app/triage) for one organisation: duplicate candidates come from the
// organisation's rows of the tickets_fts index (BM25), and reviews are stored for an hour so
// that create can refer to them by review_id.

#include "database.h"
#include "termstats.h"
#include "ticketstore.h"

#include "triage/reviewengine.h"

#include <QJsonObject>

namespace Ankra::Server {

// FTS5 candidates of one organisation only (never another's: matches are filtered by the
// organisation before ranking and again on the returned rows), best BM25 first with the
// subject weighted 2:1. Filtering through a join on tickets is ~30% cheaper (measured at 100k)
// than an UNINDEXED organisation column in the external-content FTS table.
// Corpus statistics are the organisation's own (TermStatsCache).
class FtsCandidateSource : public Triage::CandidateSource
{
public:
    FtsCandidateSource(QSqlDatabase db,
                       QString organisationId,
                       std::shared_ptr<const TermStats> stats = {})
        : m_db(std::move(db))
        , m_organisationId(std::move(organisationId))
        , m_stats(std::move(stats))
    {}
    QList<Triage::Candidate> candidates(const QString &matchQuery, int limit) override;
    qint64 documentCount() override { return m_stats ? m_stats->documents : -1; }
    qint64 documentFrequency(const QString &term) override
    {
        return m_stats ? m_stats->documentFrequency.value(term, 0) : -1;
    }

private:
    QSqlDatabase m_db;
    QString m_organisationId;
    std::shared_ptr<const TermStats> m_stats;
};

// What the review endpoint (and create without review_id) reviews.
struct ReviewRequest
{
    QString subject;
    QString description;
    QString category;
    QString clusterId;
    QString source;
    QList<std::pair<QString, QString>> answers;

    QJsonObject toJson() const;
    static ReviewRequest fromJson(const QJsonObject &object);
};

class ReviewService
{
public:
    static constexpr int LifetimeSeconds = 3600;

    ReviewService(Database &db, TicketStore &tickets)
        : m_db(db)
        , m_tickets(tickets)
        , m_termStats(db)
    {}

    // Runs the engine; reviewId and expiresAt are left empty.
    Wire::ReviewResult run(const QString &organisationId, const ReviewRequest &request) const;
    // Sets reviewId and expiresAt and stores the review (call inside the caller's transaction).
    bool store(const QString &organisationId,
               const ReviewRequest &request,
               Wire::ReviewResult *result,
               QString *error);

private:
    Database &m_db;
    TicketStore &m_tickets;
    mutable TermStatsCache m_termStats;
    Triage::ReviewEngine m_engine;
};

} // namespace Ankra::Server

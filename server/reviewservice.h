#pragma once

// Runs the review engine (app/triage) for one organisation: duplicate candidates come from the
// organisation's rows of the tickets_fts index (BM25), and reviews are stored for an hour so
// that create can refer to them by review_id.

#include "database.h"
#include "ticketstore.h"

#include "triage/reviewengine.h"

#include <QJsonObject>

namespace Ankra::Server {

// FTS5 candidates restricted to one organisation, best BM25 first.
class FtsCandidateSource : public Triage::CandidateSource
{
public:
    FtsCandidateSource(QSqlDatabase db, QString organisationId)
        : m_db(std::move(db))
        , m_organisationId(std::move(organisationId))
    {}
    QList<Triage::Candidate> candidates(const QString &matchQuery, int limit) override;

private:
    QSqlDatabase m_db;
    QString m_organisationId;
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
    Triage::ReviewEngine m_engine;
};

} // namespace Ankra::Server

#include "reviewservice.h"

#include "auth.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace Ankra::Server {

QList<Triage::Candidate> FtsCandidateSource::candidates(const QString &matchQuery, int limit)
{
    QList<Triage::Candidate> result;
    if (matchQuery.trimmed().isEmpty() || limit <= 0)
        return result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT t.id, t.subject, t.description, t.status, t.cluster_id, t.updated_at, f.score "
        "FROM (SELECT f.rowid, bm25(tickets_fts, 2.0, 1.0) AS score FROM tickets_fts f "
        "JOIN tickets o ON o.rowid = f.rowid WHERE tickets_fts MATCH ? AND o.organisation_id = ? "
        "ORDER BY score, f.rowid LIMIT ?) f "
        "JOIN tickets t ON t.rowid = f.rowid WHERE t.organisation_id = ? ORDER BY f.score, t.id"));
    q.addBindValue(matchQuery);
    q.addBindValue(m_organisationId);
    q.addBindValue(limit);
    q.addBindValue(m_organisationId);
    // A query the FTS5 parser refuses means "no candidates", never an error for the user.
    if (!q.exec())
        return result;
    while (q.next()) {
        Triage::Candidate c;
        c.id = q.value(0).toString();
        c.subject = q.value(1).toString();
        c.description = q.value(2).toString();
        c.status = q.value(3).toString();
        c.clusterId = q.value(4).toString();
        c.updatedAt = Wire::parseTimestamp(q.value(5).toString());
        c.bm25 = q.value(6).toDouble();
        result.append(c);
    }
    return result;
}

QJsonObject ReviewRequest::toJson() const
{
    QJsonArray answerArray;
    for (const auto &[question, answer] : answers)
        answerArray.append(QJsonObject{{QStringLiteral("question"), question},
                                       {QStringLiteral("answer"), answer}});
    return {{QStringLiteral("subject"), subject},
            {QStringLiteral("description"), description},
            {QStringLiteral("category"), category},
            {QStringLiteral("cluster_id"), clusterId},
            {QStringLiteral("source"), source},
            {QStringLiteral("answers"), answerArray}};
}

ReviewRequest ReviewRequest::fromJson(const QJsonObject &o)
{
    ReviewRequest r;
    r.subject = o.value(QLatin1String("subject")).toString();
    r.description = o.value(QLatin1String("description")).toString();
    r.category = o.value(QLatin1String("category")).toString();
    r.clusterId = o.value(QLatin1String("cluster_id")).toString();
    r.source = o.value(QLatin1String("source")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("answers")).toArray())
        r.answers.append(
            {v[QLatin1String("question")].toString(), v[QLatin1String("answer")].toString()});
    return r;
}

Wire::ReviewResult ReviewService::run(const QString &organisationId,
                                      const ReviewRequest &request) const
{
    Triage::ReviewInput input;
    input.subject = request.subject;
    input.description = request.description;
    input.category = request.category;
    input.clusterId = request.clusterId;
    input.answers = request.answers;
    FtsCandidateSource source(m_db.connection(),
                              organisationId,
                              m_termStats.forOrganisation(organisationId));
    Wire::ReviewResult result = m_engine.review(input, &source);
    // The wire carries a human status label; an engine may hand back the raw status.
    for (Wire::DuplicateCandidate &d : result.duplicateCandidates)
        if (Wire::isKnownStatus(d.statusLabel))
            d.statusLabel = Wire::statusLabel(d.statusLabel);
    return result;
}

bool ReviewService::store(const QString &organisationId,
                          const ReviewRequest &request,
                          Wire::ReviewResult *result,
                          QString *error)
{
    result->reviewId = newUuid();
    result->expiresAt = QDateTime::currentDateTimeUtc().addSecs(LifetimeSeconds);
    return m_tickets.storeReview(organisationId,
                                 result->reviewId,
                                 request.toJson(),
                                 Wire::toJson(*result),
                                 result->expiresAt,
                                 error);
}

} // namespace Ankra::Server

// Review, create, get, comment and close (see httpapi.h).

#include "httpapi.h"

#include "handlerutil.h"
#include "jsonbody.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QJsonArray>

namespace Ankra::Server {

using namespace Handlers;

namespace {

constexpr int MaxSubject = 200;
constexpr int MaxDescription = 10000;
constexpr int MaxEnvironmentBytes = 16 * 1024;
constexpr int MaxAnswers = 20;
constexpr int MaxAnswerLength = 2000;

QString answersComment(const QList<std::pair<QString, QString>> &answers)
{
    QString text = QStringLiteral("Answers to the review's questions:\n");
    for (const auto &[question, answer] : answers)
        text += QStringLiteral("\n**%1**\n%2\n").arg(question, answer);
    return text;
}

} // namespace

void HttpApi::handleReview(const httplib::Request &req,
                           httplib::Response &res,
                           const RequestContext &ctx)
{
    QString key;
    if (replayIdempotent(req, res, ctx, &key))
        return;
    JsonBody body = jsonBody(req, ctx);
    ReviewRequest request;
    if (body.parsed()) {
        request.subject = body.string(QStringLiteral("subject"), true, MaxSubject);
        request.description = body.string(QStringLiteral("description"), false, MaxDescription);
        request.category = body.enumValue(QStringLiteral("category"),
                                          Wire::knownCategories(),
                                          QStringLiteral("technical"));
        request.source = body.enumValue(QStringLiteral("source"),
                                        Wire::knownSources(),
                                        QStringLiteral("portal"));
        request.clusterId = body.uuid(QStringLiteral("cluster_id"));
        if (!request.clusterId.isEmpty()
            && !m_tickets.hasCluster(ctx.organisationId, request.clusterId))
            body.addError(QJsonArray{QStringLiteral("body"), QStringLiteral("cluster_id")},
                          QStringLiteral("unknown cluster"),
                          QStringLiteral("value_error.cluster"));
    }
    if (body.hasErrors())
        return sendJson(res, 422, body.errorBody());

    Wire::ReviewResult result = m_reviews.run(ctx.organisationId, request);
    WriteTransaction tx(m_db.connection());
    QString error;
    if (!tx.isActive() || !m_reviews.store(ctx.organisationId, request, &result, &error))
        return internalError(res, QStringLiteral("storing a review: ") + error);
    finishWrite(tx, req, res, ctx, key, 200, Wire::toJson(result));
}

void HttpApi::handleCreate(const httplib::Request &req,
                           httplib::Response &res,
                           const RequestContext &ctx)
{
    QString key;
    if (replayIdempotent(req, res, ctx, &key))
        return;
    JsonBody body = jsonBody(req, ctx);
    ReviewRequest request;
    QString reviewId;
    QString severity;
    QJsonObject environment;
    bool acknowledged = false;
    QList<std::pair<QString, QString>> answers;
    if (body.parsed()) {
        reviewId = body.uuid(QStringLiteral("review_id"));
        acknowledged = body.boolean(QStringLiteral("acknowledged"), false);
        severity = body.enumValue(QStringLiteral("severity"), Wire::knownSeverities(), {});
        environment = body.object(QStringLiteral("environment"), MaxEnvironmentBytes);
        answers = body.answers(QStringLiteral("clarification_answers"), MaxAnswers, MaxAnswerLength);
        request.source = body.enumValue(QStringLiteral("source"),
                                        Wire::knownSources(),
                                        QStringLiteral("portal"));
        if (!body.has(QStringLiteral("review_id"))) {
            request.subject = body.string(QStringLiteral("subject"), true, MaxSubject);
            request.description = body.string(QStringLiteral("description"), false, MaxDescription);
            request.category = body.enumValue(QStringLiteral("category"),
                                              Wire::knownCategories(),
                                              QStringLiteral("technical"));
            request.clusterId = body.uuid(QStringLiteral("cluster_id"));
            if (!request.clusterId.isEmpty()
                && !m_tickets.hasCluster(ctx.organisationId, request.clusterId))
                body.addError(QJsonArray{QStringLiteral("body"), QStringLiteral("cluster_id")},
                              QStringLiteral("unknown cluster"),
                              QStringLiteral("value_error.cluster"));
        }
    }
    if (body.hasErrors())
        return sendJson(res, 422, body.errorBody());

    Wire::ReviewResult review;
    if (!reviewId.isEmpty()) {
        const auto stored = m_tickets.review(ctx.organisationId, reviewId);
        if (!stored || stored->expiresAt < QDateTime::currentDateTimeUtc())
            return sendValidation(res,
                                  QStringLiteral("body"),
                                  QStringLiteral("review_id"),
                                  QStringLiteral("unknown or expired review; run the review again"),
                                  QStringLiteral("value_error.review"));
        // Ankra: with review_id only severity, acknowledged and the answers are honoured.
        request = ReviewRequest::fromJson(stored->request);
        auto parsed = Wire::parseReviewResult(stored->result);
        if (Wire::isError(parsed))
            return internalError(res, QStringLiteral("stored review is unreadable"));
        review = std::get<Wire::ReviewResult>(parsed);
        if (!answers.isEmpty())
            request.answers = answers;
    } else {
        request.answers = answers;
        review = m_reviews.run(ctx.organisationId, request);
    }
    const bool flagged = review.quality == QLatin1String("flag");
    if (flagged && !acknowledged) {
        QString detail = QStringLiteral("The review flagged this ticket");
        if (!review.qualityFlags.isEmpty())
            detail += QStringLiteral(": ") + review.qualityFlags.join(QStringLiteral("; "));
        detail += QStringLiteral(
            ". Improve it, or send \"acknowledged\": true to file it as it is.");
        return sendDetail(res, 409, detail);
    }

    NewTicket ticket;
    ticket.subject = request.subject;
    ticket.description = request.description;
    ticket.category = request.category.isEmpty() ? QStringLiteral("technical") : request.category;
    ticket.severity = !severity.isEmpty()                      ? severity
                      : Wire::isKnownSeverity(review.severity) ? review.severity
                                                               : QString();
    ticket.source = request.source.isEmpty() ? QStringLiteral("portal") : request.source;
    ticket.status = QStringLiteral("open");
    ticket.aiReviewStatus = flagged ? QStringLiteral("flagged") : QStringLiteral("passed");
    ticket.aiSummary = review.summary;
    ticket.clusterId = request.clusterId;
    ticket.environment = environment;

    WriteTransaction tx(m_db.connection());
    QString error;
    if (!tx.isActive())
        return internalError(res, QStringLiteral("cannot begin a transaction"));
    const QString id = m_tickets.insert(ctx.organisationId, ticket, &error);
    if (id.isEmpty())
        return internalError(res, QStringLiteral("creating a ticket: ") + error);
    if (!request.answers.isEmpty()
        && m_tickets
               .addComment(id,
                           QStringLiteral("system"),
                           QStringLiteral("System"),
                           answersComment(request.answers),
                           {},
                           &error)
               .isEmpty())
        return internalError(res, QStringLiteral("storing answers: ") + error);
    const auto created = m_tickets.get(ctx.organisationId, id);
    if (!created)
        return internalError(res, QStringLiteral("the new ticket cannot be read back"));
    finishWrite(tx, req, res, ctx, key, 201, Wire::toJson(*created));
}

void HttpApi::handleGet(const httplib::Request &req,
                        httplib::Response &res,
                        const RequestContext &ctx)
{
    const QString id = ticketIdOf(req);
    if (id.isEmpty())
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    sendTicket(res, 200, ctx, id);
}

void HttpApi::handleComment(const httplib::Request &req,
                            httplib::Response &res,
                            const RequestContext &ctx)
{
    const QString id = ticketIdOf(req);
    if (id.isEmpty())
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    QString key;
    if (replayIdempotent(req, res, ctx, &key))
        return;
    JsonBody body = jsonBody(req, ctx);
    const QString text = body.parsed() ? body.string(QStringLiteral("body"), true, MaxCommentBody)
                                       : QString();
    if (body.hasErrors())
        return sendJson(res, 422, body.errorBody());

    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return internalError(res, QStringLiteral("cannot begin a transaction"));
    const auto status = m_tickets.status(ctx.organisationId, id);
    if (!status)
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    if (*status == QLatin1String(Wire::Status::Closed))
        return sendDetail(res, 409, QStringLiteral("ticket is closed"));
    QString error;
    if (m_tickets
            .addComment(id, QStringLiteral("customer"), ctx.principal.userName, text, {}, &error)
            .isEmpty())
        return internalError(res, QStringLiteral("adding a comment: ") + error);
    // The customer answered: the ball is back with the team.
    const QString next = *status == QLatin1String(Wire::Status::WaitingCustomer)
                             ? QString::fromLatin1(Wire::Status::InProgress)
                             : *status;
    if (!m_tickets.setStatus(id, next, &error))
        return internalError(res, QStringLiteral("updating a ticket: ") + error);
    const auto ticket = m_tickets.get(ctx.organisationId, id);
    if (!ticket)
        return internalError(res, QStringLiteral("the ticket cannot be read back"));
    finishWrite(tx, req, res, ctx, key, 201, Wire::toJson(*ticket));
}

void HttpApi::handleClose(const httplib::Request &req,
                          httplib::Response &res,
                          const RequestContext &ctx)
{
    const QString id = ticketIdOf(req);
    if (id.isEmpty())
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    QString key;
    if (replayIdempotent(req, res, ctx, &key))
        return;
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return internalError(res, QStringLiteral("cannot begin a transaction"));
    const auto status = m_tickets.status(ctx.organisationId, id);
    if (!status)
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    QString error;
    // Closing a closed ticket is a no-op answered with the ticket (a retry without a key).
    if (*status != QLatin1String(Wire::Status::Closed)) {
        if (m_tickets
                .addComment(id,
                            QStringLiteral("system"),
                            QStringLiteral("System"),
                            QStringLiteral("Closed by the customer."),
                            {},
                            &error)
                .isEmpty()
            || !m_tickets.setStatus(id, QString::fromLatin1(Wire::Status::Closed), &error))
            return internalError(res, QStringLiteral("closing a ticket: ") + error);
    }
    const auto ticket = m_tickets.get(ctx.organisationId, id);
    if (!ticket)
        return internalError(res, QStringLiteral("the ticket cannot be read back"));
    finishWrite(tx, req, res, ctx, key, 200, Wire::toJson(*ticket));
}

} // namespace Ankra::Server

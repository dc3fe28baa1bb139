// Staff mode: GET /support/me and the team routes (see httpapi.h, docs/api-extensions.md).

#include "httpapi.h"

#include "handlerutil.h"
#include "jsonbody.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QJsonArray>

namespace Ankra::Server {

using namespace Handlers;

namespace {

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void addTeamFields(QJsonObject &o, const TeamFields &f)
{
    o.insert(QStringLiteral("organisation_id"), f.organisationId);
    o.insert(QStringLiteral("organisation_name"), f.organisationName);
    o.insert(QStringLiteral("assignee_id"), nullable(f.assigneeId));
    o.insert(QStringLiteral("assignee_name"), nullable(f.assigneeName));
    o.insert(QStringLiteral("last_customer_activity_at"),
             f.lastCustomerActivityAt.isValid()
                 ? QJsonValue(Wire::formatTimestamp(f.lastCustomerActivityAt))
                 : QJsonValue(QJsonValue::Null));
}

QJsonObject teamTicketJson(const TeamTicket &t)
{
    QJsonObject o = Wire::toJson(t.ticket);
    addTeamFields(o, t.team);
    return o;
}

QJsonObject teamPageJson(const TeamPage &page)
{
    Wire::TicketPage envelope; // the customer list's envelope, with richer items
    envelope.pagination = page.pagination;
    QJsonObject o = Wire::toJson(envelope);
    QJsonArray items;
    for (const TeamSummary &s : page.result) {
        QJsonObject item = Wire::toJson(s.ticket);
        addTeamFields(item, s.team);
        items.append(item);
    }
    o.insert(QStringLiteral("result"), items);
    return o;
}

} // namespace

void HttpApi::principalRoute(const char *method,
                             const std::string &pattern,
                             bool teamOnly,
                             Handler handler)
{
    const std::string m(method);
    // 401 without a valid token; a customer token on a team route finds no route at all.
    auto authenticated = [this, teamOnly](const httplib::Request &req,
                                          httplib::Response &res) -> std::optional<RequestContext> {
        const auto principal = m_auth.authenticate(req.get_header_value("Authorization"));
        if (!principal) {
            res.set_header("WWW-Authenticate", "Bearer");
            sendDetail(res, 401, QStringLiteral("Not authenticated"));
            return std::nullopt;
        }
        if (teamOnly && !principal->isTeam) {
            sendDetail(res, 404, QStringLiteral("Not Found"));
            return std::nullopt;
        }
        return RequestContext{*principal, QStringLiteral("team:") + principal->userId, {}};
    };
    for (const std::string &prefix : {ApiPrefix, std::string()}) {
        const std::string full = prefix + pattern;
        remember(full, m);
        if (m == "GET") {
            m_server->Get(full,
                          [handler, authenticated](const httplib::Request &req,
                                                   httplib::Response &res) {
                              if (auto ctx = authenticated(req, res))
                                  handler(req, res, *ctx);
                          });
            continue;
        }
        // POST and PATCH: the body is read first, capped (see route() and DrainBytes).
        auto withBody = [this, handler, authenticated](const httplib::Request &req,
                                                       httplib::Response &res,
                                                       const httplib::ContentReader &reader) {
            std::string body;
            bool tooLarge = false;
            if (!readBody(req, reader, m_options.maxJsonBodyBytes, &body, &tooLarge)) {
                sendDetail(res,
                           tooLarge ? 413 : 400,
                           tooLarge ? QStringLiteral("Request body too large")
                                    : QStringLiteral("Could not read the request body"));
                return closeAfter(res);
            }
            auto ctx = authenticated(req, res);
            if (!ctx)
                return;
            ctx->body = std::move(body);
            handler(req, res, *ctx);
        };
        if (m == "PATCH")
            m_server->Patch(full, withBody);
        else
            m_server->Post(full, withBody);
    }
}

void HttpApi::registerTeamRoutes()
{
    using namespace std::placeholders;
    principalRoute("GET", "/support/me", false, std::bind(&HttpApi::handleMe, this, _1, _2, _3));
    const std::string tickets = "/team/support/tickets";
    principalRoute("GET", tickets, true, std::bind(&HttpApi::handleTeamList, this, _1, _2, _3));
    principalRoute("GET",
                   tickets + "/([^/]+)",
                   true,
                   std::bind(&HttpApi::handleTeamGet, this, _1, _2, _3));
    principalRoute("PATCH",
                   tickets + "/([^/]+)",
                   true,
                   std::bind(&HttpApi::handleTeamPatch, this, _1, _2, _3));
    principalRoute("POST",
                   tickets + "/([^/]+)/comments",
                   true,
                   std::bind(&HttpApi::handleTeamComment, this, _1, _2, _3));
    principalRoute("GET",
                   tickets + "/([^/]+)/attachments/([^/]+)",
                   true,
                   std::bind(&HttpApi::handleTeamDownload, this, _1, _2, _3));
}

void HttpApi::handleMe(const httplib::Request &, httplib::Response &res, const RequestContext &ctx)
{
    const Principal &p = ctx.principal;
    QJsonArray organisations;
    for (const OrganisationEntry &o : m_team.organisations(p.userId, p.isTeam))
        organisations.append(QJsonObject{{QStringLiteral("id"), o.id},
                                         {QStringLiteral("name"), o.name},
                                         {QStringLiteral("is_default"), o.isDefault}});
    sendJson(res,
             200,
             QJsonObject{{QStringLiteral("user_id"), p.userId},
                         {QStringLiteral("name"), p.userName},
                         {QStringLiteral("role"),
                          p.isTeam ? QStringLiteral("team") : QStringLiteral("customer")},
                         {QStringLiteral("organisations"), organisations}});
}

void HttpApi::handleTeamList(const httplib::Request &req,
                             httplib::Response &res,
                             const RequestContext &ctx)
{
    TeamListQuery query;
    auto invalid = [&res](const QString &field, const QString &message, const QString &type) {
        sendValidation(res, QStringLiteral("query"), field, message, type);
    };
    const QString valueError = QStringLiteral("value_error");
    if (req.has_param("page")) {
        const auto page = parsePositiveInt(req.get_param_value("page"));
        if (!page || *page < 1)
            return invalid(QStringLiteral("page"),
                           QStringLiteral("ensure this value is an integer of at least 1"),
                           valueError);
        query.base.page = *page;
    }
    if (req.has_param("page_size")) {
        const auto size = parsePositiveInt(req.get_param_value("page_size"));
        if (!size || *size < 1 || *size > 100)
            return invalid(QStringLiteral("page_size"),
                           QStringLiteral("ensure this value is an integer from 1 to 100"),
                           valueError);
        query.base.pageSize = *size;
    }
    for (size_t i = 0; i < req.get_param_value_count("status"); ++i) {
        const QString status = QString::fromStdString(req.get_param_value("status", i));
        if (!Wire::isKnownStatus(status))
            return invalid(QStringLiteral("status"),
                           QStringLiteral("value is not a valid status: %1").arg(status),
                           QStringLiteral("type_error.enum"));
        query.base.statuses.append(status);
    }
    for (size_t i = 0; i < req.get_param_value_count("severity"); ++i) {
        const QString severity = QString::fromStdString(req.get_param_value("severity", i));
        if (!Wire::isKnownSeverity(severity) && severity != QLatin1String("none"))
            return invalid(QStringLiteral("severity"),
                           QStringLiteral("value is not a valid severity: %1").arg(severity),
                           QStringLiteral("type_error.enum"));
        query.severities.append(severity);
    }
    for (size_t i = 0; i < req.get_param_value_count("organisation"); ++i) {
        const QString id = QString::fromStdString(req.get_param_value("organisation", i)).toLower();
        if (!isUuid(id))
            return invalid(QStringLiteral("organisation"),
                           QStringLiteral("value is not a valid uuid"),
                           QStringLiteral("type_error.uuid"));
        query.organisationIds.append(id);
    }
    if (req.has_param("assignee")) {
        const QString assignee = QString::fromStdString(req.get_param_value("assignee")).toLower();
        if (assignee == QLatin1String("me"))
            query.assignee = ctx.principal.userId;
        else if (assignee == QLatin1String("none") || isUuid(assignee))
            query.assignee = assignee;
        else
            return invalid(QStringLiteral("assignee"),
                           QStringLiteral("expected \"me\", \"none\" or a user uuid"),
                           valueError);
    }
    if (req.has_param("cluster_id")) {
        query.base.clusterId = QString::fromStdString(req.get_param_value("cluster_id")).toLower();
        if (!isUuid(query.base.clusterId))
            return invalid(QStringLiteral("cluster_id"),
                           QStringLiteral("value is not a valid uuid"),
                           QStringLiteral("type_error.uuid"));
    }
    if (req.has_param("q")) {
        query.base.search = QString::fromStdString(req.get_param_value("q"));
        if (query.base.search.size() > 200)
            return invalid(QStringLiteral("q"),
                           QStringLiteral("ensure this value has at most 200 characters"),
                           valueError);
    }
    // Cached like the customer list: valid while the tickets generation (tickets, comments,
    // organisation and user names: schema 4) stays the same, read before the query.
    const QChar sep(0x1f);
    QStringList organisations = query.organisationIds;
    organisations.sort();
    const std::string key = QStringList{QString::number(query.base.page),
                                        QString::number(query.base.pageSize),
                                        query.base.statuses.join(u','),
                                        query.severities.join(u','),
                                        organisations.join(u','),
                                        query.assignee,
                                        query.base.clusterId,
                                        query.base.search}
                                .join(sep)
                                .toStdString();
    const qint64 generation = m_db.generations().tickets;
    if (auto body = m_teamListCache.find(key, generation)) {
        res.status = 200;
        res.set_content(*body, JsonContentType);
        return;
    }
    QString error;
    const auto page = m_team.list(query, &error);
    if (!page)
        return internalError(res, QStringLiteral("team list failed: ") + error);
    sendJson(res, 200, teamPageJson(*page));
    m_teamListCache.insert(key, generation, res.body);
}

void HttpApi::handleTeamGet(const httplib::Request &req,
                            httplib::Response &res,
                            const RequestContext &)
{
    const QString id = ticketIdOf(req);
    const auto ticket = id.isEmpty() ? std::nullopt : m_team.get(id);
    if (!ticket)
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    sendJson(res, 200, teamTicketJson(*ticket));
}

void HttpApi::handleTeamPatch(const httplib::Request &req,
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
    TeamChanges changes;
    if (body.parsed()) {
        auto notNull = [&body](const QString &field) {
            if (!body.isNull(field))
                return true;
            body.addError(QJsonArray{QStringLiteral("body"), field},
                          QStringLiteral("none is not an allowed value"),
                          QStringLiteral("type_error.none.not_allowed"));
            return false;
        };
        const QString status = QStringLiteral("status");
        if (notNull(status) && body.has(status))
            changes.status = body.enumValue(status, Wire::knownStatuses(), {});
        const QString category = QStringLiteral("category");
        if (notNull(category) && body.has(category))
            changes.category = body.enumValue(category, Wire::knownCategories(), {});
        const QString severity = QStringLiteral("severity");
        if (body.isNull(severity))
            changes.severity = QString();
        else if (body.has(severity))
            changes.severity = body.enumValue(severity, Wire::knownSeverities(), {});
        const QString assignee = QStringLiteral("assignee_id");
        if (body.isNull(assignee)) {
            changes.assigneeId = QString();
        } else if (body.has(assignee)) {
            const QString value = body.string(assignee, true, 64).toLower();
            const QString userId = value == QLatin1String("me") ? ctx.principal.userId : value;
            if (!value.isEmpty() && !m_team.teamUserName(userId))
                body.addError(QJsonArray{QStringLiteral("body"), assignee},
                              QStringLiteral("unknown assignee: expected \"me\", null or the "
                                             "id of a team user"),
                              QStringLiteral("value_error.assignee"));
            changes.assigneeId = userId;
        }
    }
    if (body.hasErrors())
        return sendJson(res, 422, body.errorBody());

    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return internalError(res, QStringLiteral("cannot begin a transaction"));
    const auto current = m_team.state(id);
    if (!current)
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    if (changes.status && !TeamStore::canTransition(current->status, *changes.status))
        return sendDetail(res, 409, TeamStore::transitionRefusal(current->status, *changes.status));
    QString error;
    if (!m_team.apply(id,
                      *current,
                      changes,
                      ctx.principal.userName,
                      QDateTime::currentDateTimeUtc(),
                      false,
                      &error))
        return internalError(res, QStringLiteral("updating a ticket: ") + error);
    const auto ticket = m_team.get(id);
    if (!ticket)
        return internalError(res, QStringLiteral("the ticket cannot be read back"));
    finishWrite(tx, req, res, ctx, key, 200, teamTicketJson(*ticket));
}

void HttpApi::handleTeamComment(const httplib::Request &req,
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
    QString text;
    QString next;
    if (body.parsed()) {
        text = body.string(QStringLiteral("body"), true, MaxCommentBody);
        next = body.enumValue(QStringLiteral("set_status"),
                              {QString::fromLatin1(Wire::Status::WaitingCustomer),
                               QString::fromLatin1(Wire::Status::Resolved)},
                              {});
    }
    if (body.hasErrors())
        return sendJson(res, 422, body.errorBody());

    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return internalError(res, QStringLiteral("cannot begin a transaction"));
    const auto current = m_team.state(id);
    if (!current)
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    if (current->status == QLatin1String(Wire::Status::Closed))
        return sendDetail(res, 409, QStringLiteral("ticket is closed"));
    if (!next.isEmpty() && !TeamStore::canTransition(current->status, next))
        return sendDetail(res, 409, TeamStore::transitionRefusal(current->status, next));
    // The reply and its status note have the same time: comments of the same time are listed in
    // the order they were written (TicketStore orders by time, then rowid). A note stamped a
    // millisecond later was listed after a comment that came within that millisecond.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    TeamChanges changes;
    if (!next.isEmpty())
        changes.status = next;
    if (m_tickets
            .addComment(id,
                        QStringLiteral("team"),
                        ctx.principal.userName,
                        text,
                        Wire::formatTimestamp(now),
                        &error)
            .isEmpty()
        || !m_team.apply(id, *current, changes, ctx.principal.userName, now, true, &error))
        return internalError(res, QStringLiteral("adding a team comment: ") + error);
    const auto ticket = m_team.get(id);
    if (!ticket)
        return internalError(res, QStringLiteral("the ticket cannot be read back"));
    finishWrite(tx, req, res, ctx, key, 201, teamTicketJson(*ticket));
}

} // namespace Ankra::Server

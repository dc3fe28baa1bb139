#include "httpapi.h"

#include "serverlog.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <sys/socket.h>

#include <chrono>

namespace Ankra::Server {

namespace {

thread_local std::chrono::steady_clock::time_point t_requestStart;

const std::string ApiPrefix = "/api/v1";

std::optional<int> parsePositiveInt(const std::string &text)
{
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

} // namespace

HttpApi::HttpApi(Database &db, ServerOptions options)
    : m_db(db)
    , m_options(std::move(options))
    , m_auth(db)
    , m_tickets(db)
    , m_server(std::make_unique<httplib::Server>())
{
    auto &svr = *m_server;
    const int threads = m_options.threads;
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    // SO_REUSEPORT (the library's default) lets a second server share the port silently.
    svr.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    svr.set_payload_max_length(m_options.maxJsonBodyBytes);
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    svr.set_keep_alive_timeout(5);

    svr.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        t_requestStart = std::chrono::steady_clock::now();
        // Chunked or compressed bodies bypass the payload limit (measured): refuse them.
        if (req.has_header("Content-Encoding")) {
            sendDetail(res, 415, QStringLiteral("Content-Encoding is not supported"));
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.has_header("Transfer-Encoding")) {
            sendDetail(res, 411, QStringLiteral("Send a Content-Length; chunked bodies are not "
                                                "accepted"));
            return httplib::Server::HandlerResponse::Handled;
        }
        // httplib would read a body without a length until the client closes (a 10 s hang).
        const bool mayHaveBody = req.method == "POST" || req.method == "PUT"
                                 || req.method == "PATCH" || req.method == "DELETE";
        if (mayHaveBody && !req.has_header("Content-Length")) {
            sendDetail(res, 411, QStringLiteral("Send a Content-Length header (0 for no body)"));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    svr.set_exception_handler(
        [](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception &e) {
                what = e.what();
            } catch (...) {
            }
            logLine("internal error: " + what);
            sendDetail(res, 500, QStringLiteral("Internal server error"));
        });

    svr.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request &req, httplib::Response &res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            if (res.status == 404) {
                for (const auto &[text, info] : m_routes) {
                    if (std::regex_match(req.path, info.pattern)) {
                        res.status = 405;
                        res.set_header("Allow", info.methods);
                        sendDetail(res, 405, QStringLiteral("Method Not Allowed"));
                        return httplib::Server::HandlerResponse::Handled;
                    }
                }
                sendDetail(res, 404, QStringLiteral("Not Found"));
            } else if (res.status == 413) {
                sendDetail(res, 413, QStringLiteral("Request body too large"));
            } else if (res.status == 414) {
                sendDetail(res, 414, QStringLiteral("Request line too long"));
            } else {
                sendDetail(res, res.status, QStringLiteral("Bad request"));
            }
            return httplib::Server::HandlerResponse::Handled;
        }));

    svr.set_logger([](const httplib::Request &req, const httplib::Response &res) {
        if (req.method.empty())
            return; // leftovers of an aborted body parsed as requests; nothing to log
        const auto elapsed = std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - t_requestStart)
                                 .count();
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.1fms", elapsed);
        // Path only: the query string may carry search text, never a token; bodies never.
        logLine(req.method + " " + req.path + " " + std::to_string(res.status) + " " + duration);
    });

    registerRoutes();
}

HttpApi::~HttpApi() = default;

void HttpApi::route(const char *method, const std::string &pattern, Handler handler)
{
    for (const std::string &prefix : {ApiPrefix, std::string()}) {
        const std::string full = prefix + pattern;
        auto wrapped = [this, handler](const httplib::Request &req, httplib::Response &res) {
            auto ctx = authenticate(req, res);
            if (ctx)
                handler(req, res, *ctx);
        };
        const std::string m(method);
        if (m == "GET")
            m_server->Get(full, wrapped);
        else if (m == "POST")
            m_server->Post(full, wrapped);
        else if (m == "PATCH")
            m_server->Patch(full, wrapped);
        else if (m == "DELETE")
            m_server->Delete(full, wrapped);
        auto it = std::find_if(m_routes.begin(), m_routes.end(), [&](const auto &r) {
            return r.first == full;
        });
        if (it == m_routes.end())
            m_routes.push_back({full, RouteInfo{std::regex(full), m}});
        else
            it->second.methods += ", " + m;
    }
}

void HttpApi::registerRoutes()
{
    m_server->Get("/health", [](const httplib::Request &, httplib::Response &res) {
        sendJson(res, 200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    route("GET", "/org/support/tickets", [this](auto &req, auto &res, auto &ctx) {
        handleList(req, res, ctx);
    });
}

std::optional<RequestContext> HttpApi::authenticate(const httplib::Request &req,
                                                    httplib::Response &res)
{
    const auto principal = m_auth.authenticate(req.get_header_value("Authorization"));
    if (!principal) {
        res.set_header("WWW-Authenticate", "Bearer");
        sendDetail(res, 401, QStringLiteral("Not authenticated"));
        return std::nullopt;
    }
    RequestContext ctx{*principal, principal->defaultOrganisationId};
    if (req.has_header("X-Ankra-Organisation-Id")) {
        const QString wanted = QString::fromStdString(req.get_header_value("X-Ankra-Organisation-Id"))
                                   .trimmed();
        if (!isUuid(wanted)) {
            sendValidation(res, QStringLiteral("header"), QStringLiteral("X-Ankra-Organisation-Id"),
                           QStringLiteral("value is not a valid uuid"),
                           QStringLiteral("type_error.uuid"));
            return std::nullopt;
        }
        if (!principal->organisationIds.contains(wanted, Qt::CaseInsensitive)) {
            sendDetail(res, 403, QStringLiteral("You are not a member of that organisation"));
            return std::nullopt;
        }
        ctx.organisationId = wanted.toLower();
    }
    if (ctx.organisationId.isEmpty()) {
        sendDetail(res, 403, QStringLiteral("This token belongs to no organisation"));
        return std::nullopt;
    }
    return ctx;
}

void HttpApi::handleList(const httplib::Request &req,
                         httplib::Response &res,
                         const RequestContext &ctx)
{
    ListQuery query;
    if (req.has_param("page")) {
        const auto page = parsePositiveInt(req.get_param_value("page"));
        if (!page || *page < 1)
            return sendValidation(res, QStringLiteral("query"), QStringLiteral("page"),
                                  QStringLiteral("ensure this value is an integer of at least 1"));
        query.page = *page;
    }
    if (req.has_param("page_size")) {
        const auto size = parsePositiveInt(req.get_param_value("page_size"));
        if (!size || *size < 1 || *size > 100)
            return sendValidation(res, QStringLiteral("query"), QStringLiteral("page_size"),
                                  QStringLiteral("ensure this value is an integer from 1 to 100"));
        query.pageSize = *size;
    }
    const size_t statusCount = req.get_param_value_count("status");
    for (size_t i = 0; i < statusCount; ++i) {
        const QString status = QString::fromStdString(req.get_param_value("status", i));
        if (!Wire::isKnownStatus(status))
            return sendValidation(res, QStringLiteral("query"), QStringLiteral("status"),
                                  QStringLiteral("value is not a valid status: %1").arg(status),
                                  QStringLiteral("type_error.enum"));
        query.statuses.append(status);
    }
    if (req.has_param("cluster_id")) {
        query.clusterId = QString::fromStdString(req.get_param_value("cluster_id"));
        if (!isUuid(query.clusterId))
            return sendValidation(res, QStringLiteral("query"), QStringLiteral("cluster_id"),
                                  QStringLiteral("value is not a valid uuid"),
                                  QStringLiteral("type_error.uuid"));
    }
    if (req.has_param("q")) {
        query.search = QString::fromStdString(req.get_param_value("q"));
        if (query.search.size() > 200)
            return sendValidation(res, QStringLiteral("query"), QStringLiteral("q"),
                                  QStringLiteral("ensure this value has at most 200 characters"));
    }
    QString error;
    const auto page = m_tickets.list(ctx.organisationId, query, &error);
    if (!page) {
        logLine("list failed: " + error.toStdString());
        return sendDetail(res, 500, QStringLiteral("Internal server error"));
    }
    sendJson(res, 200, Wire::toJson(*page));
}

void HttpApi::sendJson(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json");
}

void HttpApi::sendDetail(httplib::Response &res, int status, const QString &detail)
{
    sendJson(res, status, QJsonObject{{QStringLiteral("detail"), detail}});
}

void HttpApi::sendValidation(httplib::Response &res,
                             const QString &location,
                             const QString &field,
                             const QString &message,
                             const QString &type)
{
    const QJsonObject item{{QStringLiteral("loc"), QJsonArray{location, field}},
                           {QStringLiteral("msg"), message},
                           {QStringLiteral("type"), type}};
    res.status = 422;
    res.set_content(QJsonDocument(QJsonObject{{QStringLiteral("detail"), QJsonArray{item}}})
                        .toJson(QJsonDocument::Compact)
                        .toStdString(),
                    "application/json");
}

int HttpApi::bind()
{
    if (m_options.port == 0)
        return m_server->bind_to_any_port(m_options.host);
    return m_server->bind_to_port(m_options.host, m_options.port) ? m_options.port : -1;
}

void HttpApi::serve()
{
    m_server->listen_after_bind();
}

void HttpApi::stop()
{
    m_server->stop();
}

bool HttpApi::isRunning() const
{
    return m_server->is_running();
}

} // namespace Ankra::Server

#include "httpapi.h"

#include "attachmentfiles.h"
#include "elasticpool.h"
#include "handlerutil.h"
#include "jsonbody.h"
#include "serverlog.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>

namespace Ankra::Server {

using namespace Handlers;

namespace {

thread_local std::chrono::steady_clock::time_point t_requestStart;

// Multipart framing around the file part (boundaries, part headers, small extra fields).
constexpr qint64 MultipartOverhead = 64 * 1024;

std::optional<qint64> contentLength(const httplib::Request &req)
{
    if (!req.has_header("Content-Length"))
        return std::nullopt;
    const std::string text = req.get_header_value("Content-Length");
    if (text.empty() || text.size() > 18
        || text.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    return std::stoll(text);
}

} // namespace

HttpApi::HttpApi(Database &db, ServerOptions options)
    : m_db(db)
    , m_options(std::move(options))
    , m_auth(db)
    , m_tickets(db)
    , m_reviews(db, m_tickets)
    , m_server(std::make_unique<httplib::Server>())
    , m_uploadPath(R"((/api/v1)?/org/support/tickets/[^/]+/attachments)")
{
    auto &svr = *m_server;
    // Slow or silent clients each hold a worker: the pool grows past `threads` instead of
    // letting them starve everyone else (see elasticpool.h).
    svr.new_task_queue = [this] {
        ElasticPool::Options pool;
        pool.coreThreads = size_t(m_options.threads);
        pool.maxThreads = ElasticPool::defaultMaxThreads(pool.coreThreads);
        pool.onThreadExit = [this] { m_db.closeThreadConnection(); };
        return new ElasticPool(std::move(pool));
    };
    // SO_REUSEPORT (the library's default) lets a second server share the port silently.
    svr.set_socket_options([this](socket_t sock) {
        m_listenSocket = sock; // only the listening socket passes here
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        // Accepted sockets inherit it. httplib writes headers and body separately: with Nagle
        // a keep-alive response waits for the client's delayed ACK (40 ms measured).
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });
    // The per-route limits are checked in the pre-routing handler; this is the upper bound.
    svr.set_payload_max_length(
        size_t(m_options.maxAttachmentBytes + MultipartOverhead + DrainBytes));
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    // Keep-alive, but 0.11.4 ignores a handler's "Connection: close" and would parse the
    // unread rest of a refused body (upload over the limit, 401 before the body) as new
    // requests: every response that may leave body bytes unread goes through closeAfter().
    // Idle keep-alive connections hold a worker, hence the short timeout.
    svr.set_keep_alive_max_count(100);
    svr.set_keep_alive_timeout(2);
    installBodyHooks();
    installHooks();
    registerRoutes();
}

HttpApi::~HttpApi() = default;

bool HttpApi::isUploadPath(const std::string &path) const
{
    return std::regex_match(path, m_uploadPath);
}

void HttpApi::installBodyHooks()
{
    auto &svr = *m_server;
    // Refuses an over-large body before the client sends it (curl sends Expect for big bodies).
    svr.set_expect_100_continue_handler([this](const httplib::Request &req, httplib::Response &res) {
        const auto length = contentLength(req);
        const qint64 limit = isUploadPath(req.path)
                                 ? m_options.maxAttachmentBytes + MultipartOverhead
                                 : qint64(m_options.maxJsonBodyBytes);
        if (length && *length > limit) {
            sendDetail(res, 413, QStringLiteral("Request body too large"));
            closeAfter(res);
            return 413;
        }
        return 100;
    });

    svr.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        t_requestStart = std::chrono::steady_clock::now();
        // Ranges are for attachment downloads: httplib slices any routed body by the Range
        // header and keeps the status, so a JSON answer came back cut (a 200 or a 404 with
        // "deta" as its body; found by fuzz_server). The Request is the server's own object.
        if (req.path.find("/attachments/") == std::string::npos)
            const_cast<httplib::Request &>(req).ranges.clear();
        // Every refusal here leaves the body unread.
        const auto handled = refuseEarly(req, res);
        if (handled == httplib::Server::HandlerResponse::Handled)
            closeAfter(res);
        return handled;
    });
}

httplib::Server::HandlerResponse HttpApi::refuseEarly(const httplib::Request &req,
                                                      httplib::Response &res)
{
    // Chunked or compressed bodies bypass the payload limit (measured): refuse them.
    if (req.has_header("Content-Encoding")) {
        sendDetail(res, 415, QStringLiteral("Content-Encoding is not supported"));
        return httplib::Server::HandlerResponse::Handled;
    }
    if (req.has_header("Transfer-Encoding")) {
        sendDetail(res,
                   411,
                   QStringLiteral("Send a Content-Length; chunked bodies are not "
                                  "accepted"));
        return httplib::Server::HandlerResponse::Handled;
    }
    // httplib would read a body without a length until the client closes (a 10 s hang).
    const bool mayHaveBody = req.method == "POST" || req.method == "PUT" || req.method == "PATCH"
                             || req.method == "DELETE";
    const auto length = contentLength(req);
    if (mayHaveBody && !length) {
        sendDetail(res, 411, QStringLiteral("Send a Content-Length header (0 for no body)"));
        return httplib::Server::HandlerResponse::Handled;
    }
    if (length && *length < 0) {
        sendDetail(res, 400, QStringLiteral("Invalid Content-Length"));
        return httplib::Server::HandlerResponse::Handled;
    }
    // Bodies too large even to drain are refused before a byte of them is read.
    const bool upload = req.method == "POST" && isUploadPath(req.path);
    const qint64 limit = (upload ? m_options.maxAttachmentBytes + MultipartOverhead
                                 : qint64(m_options.maxJsonBodyBytes))
                         + DrainBytes;
    if (length && *length > limit) {
        sendDetail(res,
                   413,
                   upload ? QStringLiteral("File too large: the limit is %1 bytes")
                                .arg(m_options.maxAttachmentBytes)
                          : QStringLiteral("Request body too large"));
        return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
}

void HttpApi::installHooks()
{
    auto &svr = *m_server;
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
            closeAfter(res); // the handler may have stopped in the middle of the body
        });

    svr.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request &req, httplib::Response &res) {
            // Error bodies are never sliced by a Range header (see the pre-routing handler).
            const_cast<httplib::Request &>(req).ranges.clear();
            // A body already set, or moved into a provider by closeAfter(), is the answer.
            if (!res.body.empty() || res.has_header("Connection"))
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
            // Errors the library found itself (malformed request, body too large) may leave
            // bytes on the connection.
            if (res.status != 404 && res.status != 405)
                closeAfter(res);
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
}

void HttpApi::remember(const std::string &full, const std::string &method)
{
    auto it = std::find_if(m_routes.begin(), m_routes.end(), [&](const auto &r) {
        return r.first == full;
    });
    if (it == m_routes.end())
        m_routes.push_back({full, RouteInfo{std::regex(full), method}});
    else
        it->second.methods += ", " + method;
}

bool HttpApi::readBody(const httplib::Request &req,
                       const httplib::ContentReader &reader,
                       size_t cap,
                       std::string *body,
                       bool *tooLarge)
{
    qint64 total = 0;
    bool over = false;
    auto sink = [&](const char *data, size_t length) {
        total += qint64(length);
        if (body && !over && body->size() + length <= cap)
            body->append(data, length);
        else if (body)
            over = true;
        return total <= qint64(cap) + DrainBytes;
    };
    const bool ok = req.is_multipart_form_data()
                        ? reader([](const httplib::MultipartFormData &) { return true; }, sink)
                        : reader(sink);
    if (tooLarge)
        *tooLarge = over || total > qint64(cap) + DrainBytes;
    return ok && !over;
}

void HttpApi::route(const char *method, const std::string &pattern, Handler handler)
{
    const std::string m(method);
    for (const std::string &prefix : {ApiPrefix, std::string()}) {
        const std::string full = prefix + pattern;
        remember(full, m);
        if (m == "GET") {
            m_server->Get(full,
                          [this, handler](const httplib::Request &req, httplib::Response &res) {
                              if (auto ctx = authenticate(req, res))
                                  handler(req, res, *ctx);
                          });
            continue;
        }
        // POST: the body is read here, capped, before anything else answers (see DrainBytes).
        m_server->Post(full,
                       [this, handler](const httplib::Request &req,
                                       httplib::Response &res,
                                       const httplib::ContentReader &reader) {
                           std::string body;
                           bool tooLarge = false;
                           if (!readBody(req, reader, m_options.maxJsonBodyBytes, &body, &tooLarge)) {
                               sendDetail(res,
                                          tooLarge ? 413 : 400,
                                          tooLarge
                                              ? QStringLiteral("Request body too large")
                                              : QStringLiteral("Could not read the request body"));
                               return closeAfter(res);
                           }
                           auto ctx = authenticate(req, res);
                           if (!ctx)
                               return;
                           ctx->body = std::move(body);
                           handler(req, res, *ctx);
                       });
    }
}

void HttpApi::routeUpload(const std::string &pattern, ReaderHandler handler)
{
    for (const std::string &prefix : {ApiPrefix, std::string()}) {
        const std::string full = prefix + pattern;
        m_server->Post(full,
                       [this, handler](const httplib::Request &req,
                                       httplib::Response &res,
                                       const httplib::ContentReader &reader) {
                           auto ctx = authenticate(req, res);
                           if (ctx)
                               handler(req, res, reader, *ctx);
                           else {
                               // A failed read sets its own status (400) over the 401.
                               const int status = res.status;
                               readBody(req, reader, 0, nullptr, nullptr);
                               res.status = status;
                           }
                           // A refused upload may be left partly unread.
                           if (res.status >= 400)
                               closeAfter(res);
                       });
        remember(full, "POST");
    }
}

void HttpApi::registerRoutes()
{
    m_server->Get("/health", [](const httplib::Request &, httplib::Response &res) {
        sendJson(res, 200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    using namespace std::placeholders;
    const std::string tickets = "/org/support/tickets";
    route("GET", tickets, std::bind(&HttpApi::handleList, this, _1, _2, _3));
    route("POST", tickets, std::bind(&HttpApi::handleCreate, this, _1, _2, _3));
    route("POST", tickets + "/review", std::bind(&HttpApi::handleReview, this, _1, _2, _3));
    route("GET", tickets + "/([^/]+)", std::bind(&HttpApi::handleGet, this, _1, _2, _3));
    route("POST",
          tickets + "/([^/]+)/comments",
          std::bind(&HttpApi::handleComment, this, _1, _2, _3));
    route("POST", tickets + "/([^/]+)/close", std::bind(&HttpApi::handleClose, this, _1, _2, _3));
    routeUpload(tickets + "/([^/]+)/attachments",
                std::bind(&HttpApi::handleUpload, this, _1, _2, _3, _4));
    route("GET",
          tickets + "/([^/]+)/attachments/([^/]+)",
          std::bind(&HttpApi::handleDownload, this, _1, _2, _3));
    route("GET", "/org/support/limits", std::bind(&HttpApi::handleLimits, this, _1, _2, _3));
    route("GET", "/clusters", std::bind(&HttpApi::handleClusters, this, _1, _2, _3));
    registerTeamRoutes();
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
    RequestContext ctx{*principal, principal->defaultOrganisationId, {}};
    if (req.has_header("X-Ankra-Organisation-Id")) {
        const QString wanted
            = QString::fromStdString(req.get_header_value("X-Ankra-Organisation-Id")).trimmed();
        if (!isUuid(wanted)) {
            sendValidation(res,
                           QStringLiteral("header"),
                           QStringLiteral("X-Ankra-Organisation-Id"),
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

bool HttpApi::replayIdempotent(const httplib::Request &req,
                               httplib::Response &res,
                               const RequestContext &ctx,
                               QString *key)
{
    key->clear();
    if (!req.has_header("Idempotency-Key"))
        return false;
    const std::string raw = req.get_header_value("Idempotency-Key");
    const bool printable = std::all_of(raw.begin(), raw.end(), [](char c) {
        return c > 0x20 && c < 0x7f;
    });
    if (raw.empty() || raw.size() > 255 || !printable) {
        sendValidation(res,
                       QStringLiteral("header"),
                       QStringLiteral("Idempotency-Key"),
                       QStringLiteral("must be 1 to 255 visible ASCII characters"));
        return true;
    }
    *key = QString::fromStdString(raw);
    const auto stored = m_tickets.storedResponse(ctx.organisationId, *key);
    if (!stored)
        return false;
    if (stored->method != QString::fromStdString(req.method)
        || stored->path != QString::fromStdString(req.path)) {
        sendValidation(res,
                       QStringLiteral("header"),
                       QStringLiteral("Idempotency-Key"),
                       QStringLiteral("this key was already used for a different request"));
        return true;
    }
    res.status = stored->status;
    res.set_header("Idempotent-Replayed", "true");
    res.set_content(stored->body.toStdString(), JsonContentType);
    return true;
}

bool HttpApi::finishWrite(WriteTransaction &tx,
                          const httplib::Request &req,
                          httplib::Response &res,
                          const RequestContext &ctx,
                          const QString &key,
                          int status,
                          const QJsonObject &body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QString error;
    if (!key.isEmpty()
        && !m_tickets.storeResponse(ctx.organisationId,
                                    key,
                                    {status,
                                     bytes,
                                     QString::fromStdString(req.method),
                                     QString::fromStdString(req.path)},
                                    &error)) {
        // The same key raced in on another connection: its response is the answer.
        tx.rollback();
        QString ignored;
        if (!replayIdempotent(req, res, ctx, &ignored))
            internalError(res, error);
        return false;
    }
    if (!tx.commit(&error)) {
        internalError(res, error);
        return false;
    }
    res.status = status;
    res.set_content(bytes.toStdString(), JsonContentType);
    return true;
}

void HttpApi::sendTicket(httplib::Response &res,
                         int status,
                         const RequestContext &ctx,
                         const QString &id)
{
    const auto ticket = m_tickets.get(ctx.organisationId, id);
    if (!ticket)
        return sendDetail(res, 404, QStringLiteral("Ticket not found"));
    sendJson(res, status, Wire::toJson(*ticket));
}

void HttpApi::internalError(httplib::Response &res, const QString &what)
{
    logLine("internal error: " + what.toStdString());
    // A full disk (SQLite's SQLITE_FULL, ENOSPC on an attachment) is the operator's to fix
    // and the client's to retry later: 507, not a bare 500.
    if (what.contains(QLatin1String("disk is full"))
        || what.contains(QLatin1String("No space left on device")))
        return sendDetail(res,
                          507,
                          QStringLiteral("The server has no disk space left to store this; try "
                                         "again later"));
    sendDetail(res, 500, QStringLiteral("Internal server error"));
}

void HttpApi::handleList(const httplib::Request &req,
                         httplib::Response &res,
                         const RequestContext &ctx)
{
    ListQuery query;
    if (req.has_param("page")) {
        const auto page = parsePositiveInt(req.get_param_value("page"));
        if (!page || *page < 1)
            return sendValidation(res,
                                  QStringLiteral("query"),
                                  QStringLiteral("page"),
                                  QStringLiteral("ensure this value is an integer of at least 1"));
        query.page = *page;
    }
    if (req.has_param("page_size")) {
        const auto size = parsePositiveInt(req.get_param_value("page_size"));
        if (!size || *size < 1 || *size > 100)
            return sendValidation(res,
                                  QStringLiteral("query"),
                                  QStringLiteral("page_size"),
                                  QStringLiteral("ensure this value is an integer from 1 to 100"));
        query.pageSize = *size;
    }
    const size_t statusCount = req.get_param_value_count("status");
    for (size_t i = 0; i < statusCount; ++i) {
        const QString status = QString::fromStdString(req.get_param_value("status", i));
        if (!Wire::isKnownStatus(status))
            return sendValidation(res,
                                  QStringLiteral("query"),
                                  QStringLiteral("status"),
                                  QStringLiteral("value is not a valid status: %1").arg(status),
                                  QStringLiteral("type_error.enum"));
        query.statuses.append(status);
    }
    if (req.has_param("cluster_id")) {
        query.clusterId = QString::fromStdString(req.get_param_value("cluster_id")).toLower();
        if (!isUuid(query.clusterId))
            return sendValidation(res,
                                  QStringLiteral("query"),
                                  QStringLiteral("cluster_id"),
                                  QStringLiteral("value is not a valid uuid"),
                                  QStringLiteral("type_error.uuid"));
    }
    if (req.has_param("q")) {
        query.search = QString::fromStdString(req.get_param_value("q"));
        if (query.search.size() > 200)
            return sendValidation(res,
                                  QStringLiteral("query"),
                                  QStringLiteral("q"),
                                  QStringLiteral("ensure this value has at most 200 characters"));
    }
    // The same page is asked for again and again (clients poll): answered from memory until
    // a ticket or cluster changes. The generation is read first, so a write racing with this
    // request makes the stored body stale rather than wrong.
    const QChar sep(0x1f);
    const std::string key = QString(ctx.organisationId + sep + QString::number(query.page) + sep
                                    + QString::number(query.pageSize) + sep
                                    + query.statuses.join(u',') + sep + query.clusterId + sep
                                    + query.search)
                                .toStdString();
    const qint64 generation = m_db.generations().tickets;
    if (auto body = m_listCache.find(key, generation)) {
        res.status = 200;
        res.set_content(*body, JsonContentType);
        return;
    }
    QString error;
    const auto page = m_tickets.list(ctx.organisationId, query, &error);
    if (!page)
        return internalError(res, QStringLiteral("list failed: ") + error);
    sendJson(res, 200, Wire::toJson(*page));
    m_listCache.insert(key, generation, res.body);
}

void HttpApi::handleLimits(const httplib::Request &, httplib::Response &res, const RequestContext &)
{
    Wire::Limits limits;
    limits.maxAttachmentBytes = m_options.maxAttachmentBytes;
    limits.maxAttachmentsPerTicket = m_options.maxAttachmentsPerTicket;
    for (const QString &ext : allowedExtensions())
        limits.allowedExtensions.append(u'.' + ext);
    sendJson(res, 200, Wire::toJson(limits));
}

void HttpApi::handleClusters(const httplib::Request &,
                             httplib::Response &res,
                             const RequestContext &ctx)
{
    QJsonArray result;
    for (const Wire::Cluster &c : m_tickets.clusters(ctx.organisationId))
        result.append(Wire::toJson(c));
    sendJson(res, 200, QJsonObject{{QStringLiteral("result"), result}});
}

void HttpApi::closeAfter(httplib::Response &res)
{
    if (res.has_header("Connection") || res.body.empty())
        return;
    // 0.11.4 closes a keep-alive connection only when writing the response fails: a content
    // provider that writes the whole body and then reports failure does exactly that.
    auto body = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    res.set_header("Connection", "close");
    const std::string type = res.get_header_value("Content-Type");
    res.set_content_provider(body->size(),
                             type.empty() ? JsonContentType : type.c_str(),
                             [body](size_t offset, size_t length, httplib::DataSink &sink) {
                                 sink.write(body->data() + offset, length);
                                 return false;
                             });
}

void HttpApi::sendJson(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    JsonContentType);
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
    sendJson(res, 422, QJsonObject{{QStringLiteral("detail"), QJsonArray{item}}});
}

int HttpApi::bind()
{
    const int port = m_options.port == 0
                         ? m_server->bind_to_any_port(m_options.host)
                         : (m_server->bind_to_port(m_options.host, m_options.port) ? m_options.port
                                                                                   : -1);
    // The Debian build of cpp-httplib 0.11 listens with a backlog of 5: with a few dozen
    // clients connecting at once (64 in tst_load) the accept queue overflowed and the kernel
    // dropped connections the clients already saw as established (transport errors). A
    // second listen() on the bound socket only raises the backlog.
    if (port >= 0 && m_listenSocket >= 0)
        ::listen(m_listenSocket, SOMAXCONN);
    return port;
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

bool HttpApi::processOne(httplib::Stream &stream)
{
    // process_request is protected: a pointer to it, named through a derived class, can be
    // called on the base object.
    struct Access : httplib::Server
    {
        static auto process() { return &Access::process_request; }
    };
    bool closed = false;
    return (m_server.get()->*Access::process())(stream, true, closed, [](httplib::Request &) {});
}

} // namespace Ankra::Server

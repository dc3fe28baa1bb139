#pragma once

// The Support API over HTTP (cpp-httplib 0.11, see ../shared/notes/cpp-httplib-0.11.md).
// Routes are registered for both prefixes (/api/v1/org/... for tokens, /org/... for browser
// sessions). Every error is a FastAPI-shaped JSON body; no input produces a 5xx by design.
// Handlers live in httpapi.cpp (infrastructure, list, limits, clusters), tickethandlers.cpp
// and attachmenthandlers.cpp.

#include "auth.h"
#include "database.h"
#include "generationcache.h"
#include "reviewservice.h"
#include "teamstore.h"
#include "ticketstore.h"

#include <httplib.h>

#include <QJsonObject>

#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace Ankra::Server {

struct ServerOptions
{
    std::string host = "127.0.0.1";
    int port = 0;     // 0 picks a free port
    int threads = 64; // keep-alive holds a worker per connection: 64 clients must not queue
    size_t maxJsonBodyBytes = 256 * 1024;
    qint64 maxAttachmentBytes = 25 * 1024 * 1024;
    int maxAttachmentsPerTicket = 10;
};

// Who is calling and on behalf of which organisation (after X-Ankra-Organisation-Id).
struct RequestContext
{
    Principal principal;
    QString organisationId;
    std::string body; // POST routes: the request body, read with the size cap
};

// A refused body is still read (and thrown away) up to this many bytes, so the client sees
// the error response: closing a socket with unread data makes the kernel send a reset, which
// can destroy the response before the client reads it. Larger bodies are refused unread.
inline constexpr qint64 DrainBytes = 8 * 1024 * 1024;

class HttpApi
{
public:
    HttpApi(Database &db, ServerOptions options);
    ~HttpApi();

    // Binds the port; returns the bound port, or -1.
    int bind();
    // Serves until stop(); returns when in-flight requests are done.
    void serve();
    void stop();
    bool isRunning() const;
    // Answers one request read from `stream` exactly as a connection worker does (hooks,
    // routing, handlers), without a socket: for the in-process fuzzer and tests.
    bool processOne(httplib::Stream &stream);

    static void sendJson(httplib::Response &res, int status, const QJsonObject &body);
    static void sendDetail(httplib::Response &res, int status, const QString &detail);
    // 422 in FastAPI's shape: [{"loc": ["query","page"], "msg": ..., "type": ...}]
    static void sendValidation(httplib::Response &res,
                               const QString &location,
                               const QString &field,
                               const QString &message,
                               const QString &type = QStringLiteral("value_error"));
    // Sends the response and then closes the connection (keep-alive otherwise): for answers
    // that may leave part of the request body unread on the socket.
    static void closeAfter(httplib::Response &res);

private:
    using Handler
        = std::function<void(const httplib::Request &, httplib::Response &, const RequestContext &)>;
    using ReaderHandler = std::function<void(const httplib::Request &,
                                             httplib::Response &,
                                             const httplib::ContentReader &,
                                             const RequestContext &)>;
    void route(const char *method, const std::string &pattern, Handler handler);
    void routeUpload(const std::string &pattern, ReaderHandler handler);
    void remember(const std::string &full, const std::string &method);
    void registerRoutes();
    void installHooks();
    void installBodyHooks();
    httplib::Server::HandlerResponse refuseEarly(const httplib::Request &req,
                                                 httplib::Response &res);
    std::optional<RequestContext> authenticate(const httplib::Request &req, httplib::Response &res);
    bool isUploadPath(const std::string &path) const;
    // Reads the body through `reader`, keeping at most `cap` bytes in `body` (null: keep none)
    // and draining up to DrainBytes beyond. False when the body is malformed or too large.
    static bool readBody(const httplib::Request &req,
                         const httplib::ContentReader &reader,
                         size_t cap,
                         std::string *body,
                         bool *tooLarge);

    // Idempotency-Key: answers a repeat from the store (returns true), or refuses a bad key.
    // `key` is set (possibly empty) when the request should go on.
    bool replayIdempotent(const httplib::Request &req,
                          httplib::Response &res,
                          const RequestContext &ctx,
                          QString *key);
    // Stores the response under `key` in the open transaction, commits and sends it.
    // False when nothing was committed (the response then says why).
    bool finishWrite(WriteTransaction &tx,
                     const httplib::Request &req,
                     httplib::Response &res,
                     const RequestContext &ctx,
                     const QString &key,
                     int status,
                     const QJsonObject &body);
    void sendTicket(httplib::Response &res,
                    int status,
                    const RequestContext &ctx,
                    const QString &id);
    void internalError(httplib::Response &res, const QString &what);

    void handleList(const httplib::Request &req, httplib::Response &res, const RequestContext &ctx);
    void handleLimits(const httplib::Request &req,
                      httplib::Response &res,
                      const RequestContext &ctx);
    void handleClusters(const httplib::Request &req,
                        httplib::Response &res,
                        const RequestContext &ctx);
    void handleReview(const httplib::Request &req,
                      httplib::Response &res,
                      const RequestContext &ctx);
    void handleCreate(const httplib::Request &req,
                      httplib::Response &res,
                      const RequestContext &ctx);
    void handleGet(const httplib::Request &req, httplib::Response &res, const RequestContext &ctx);
    void handleComment(const httplib::Request &req,
                       httplib::Response &res,
                       const RequestContext &ctx);
    void handleClose(const httplib::Request &req, httplib::Response &res, const RequestContext &ctx);
    void handleUpload(const httplib::Request &req,
                      httplib::Response &res,
                      const httplib::ContentReader &reader,
                      const RequestContext &ctx);
    void handleDownload(const httplib::Request &req,
                        httplib::Response &res,
                        const RequestContext &ctx);
    // Streams one attachment of a ticket of `organisationId` (404 when there is none).
    void sendAttachment(httplib::Response &res,
                        const QString &organisationId,
                        const QString &ticketId,
                        const QString &attachmentId);

    // Staff mode (teamhandlers.cpp, docs/api-extensions.md). On these routes the context's
    // organisationId is "team:<user id>": the scope of the caller's Idempotency-Keys.
    void registerTeamRoutes();
    void principalRoute(const char *method,
                        const std::string &pattern,
                        bool teamOnly,
                        Handler handler);
    void handleMe(const httplib::Request &req, httplib::Response &res, const RequestContext &ctx);
    void handleTeamList(const httplib::Request &req,
                        httplib::Response &res,
                        const RequestContext &ctx);
    void handleTeamGet(const httplib::Request &req,
                       httplib::Response &res,
                       const RequestContext &ctx);
    void handleTeamPatch(const httplib::Request &req,
                         httplib::Response &res,
                         const RequestContext &ctx);
    void handleTeamComment(const httplib::Request &req,
                           httplib::Response &res,
                           const RequestContext &ctx);
    void handleTeamDownload(const httplib::Request &req,
                            httplib::Response &res,
                            const RequestContext &ctx);

    Database &m_db;
    ServerOptions m_options;
    Auth m_auth;
    TicketStore m_tickets;
    ReviewService m_reviews;
    GenerationCache<std::string> m_listCache{512, std::chrono::minutes(5)};
    TeamStore m_team{m_db, m_tickets};
    GenerationCache<std::string> m_teamListCache{256, std::chrono::minutes(5)};
    std::unique_ptr<httplib::Server> m_server;
    struct RouteInfo
    {
        std::regex pattern;
        std::string methods;
    };
    std::vector<std::pair<std::string, RouteInfo>> m_routes; // pattern text -> methods
    std::regex m_uploadPath;
    int m_listenSocket = -1; // set by the socket-options hook when bind() creates it
};

} // namespace Ankra::Server

#pragma once

// The Support API over HTTP (cpp-httplib 0.11, see ../shared/notes/cpp-httplib-0.11.md).
// Routes are registered for both prefixes (/api/v1/org/... for tokens, /org/... for browser
// sessions). Every error is a FastAPI-shaped JSON body; no input produces a 5xx by design.

#include "auth.h"
#include "database.h"
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
    int port = 0; // 0 picks a free port
    int threads = 16;
    size_t maxJsonBodyBytes = 256 * 1024;
};

// Who is calling and on behalf of which organisation (after X-Ankra-Organisation-Id).
struct RequestContext
{
    Principal principal;
    QString organisationId;
};

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

    // Helpers for handlers (public for the route files).
    static void sendJson(httplib::Response &res, int status, const QJsonObject &body);
    static void sendDetail(httplib::Response &res, int status, const QString &detail);
    // 422 in FastAPI's shape: [{"loc": ["query","page"], "msg": ..., "type": ...}]
    static void sendValidation(httplib::Response &res,
                               const QString &location,
                               const QString &field,
                               const QString &message,
                               const QString &type = QStringLiteral("value_error"));

private:
    using Handler = std::function<void(const httplib::Request &, httplib::Response &,
                                       const RequestContext &)>;
    void route(const char *method, const std::string &pattern, Handler handler);
    void registerRoutes();
    std::optional<RequestContext> authenticate(const httplib::Request &req, httplib::Response &res);

    void handleList(const httplib::Request &req, httplib::Response &res, const RequestContext &ctx);

    Database &m_db;
    ServerOptions m_options;
    Auth m_auth;
    TicketStore m_tickets;
    std::unique_ptr<httplib::Server> m_server;
    struct RouteInfo
    {
        std::regex pattern;
        std::string methods;
    };
    std::vector<std::pair<std::string, RouteInfo>> m_routes; // pattern text -> methods
};

} // namespace Ankra::Server

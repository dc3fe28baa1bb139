// Small pieces every route file of HttpApi shares (httpapi.cpp, tickethandlers.cpp,
// attachmenthandlers.cpp, teamhandlers.cpp). Internal to the server; not a public header.
#pragma once

#include "jsonbody.h"

#include "httpapi.h"

#include <QString>

#include <optional>
#include <string>

namespace Ankra::Server::Handlers {

// With a charset parameter, cpp-httplib 0.11 does not compress the body on its own: it picks
// brotli whenever a client accepts it (Qt always does), which cost 82 ms for one 34 KB list page
// against 1 ms uncompressed (measured by bench_client P1). This server mostly answers over
// loopback, where compression only costs time.
inline const char *const JsonContentType = "application/json; charset=utf-8";

inline const std::string ApiPrefix = "/api/v1";

constexpr int MaxCommentBody = 10000;

// Strict decimal: no sign, no spaces, at most 9 digits (so it fits an int).
inline std::optional<int> parsePositiveInt(const std::string &text)
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

// The ticket id of a `{ticket_id}` route (first capture), lower-cased; empty when not a uuid.
inline QString ticketIdOf(const httplib::Request &req)
{
    const QString id = QString::fromStdString(req.matches[1]).toLower();
    return isUuid(id) ? id : QString();
}

inline JsonBody jsonBody(const httplib::Request &req, const RequestContext &ctx)
{
    return JsonBody(ctx.body, req.get_header_value("Content-Type"));
}

} // namespace Ankra::Server::Handlers

#pragma once

// ankra-support://ticket/<id> links (desktop file `%u`, browsers, chat): parsing and building.

#include <QString>
#include <QUrl>

namespace Ankra::Instance {

inline constexpr char TicketUrlScheme[] = "ankra-support";

// The ticket id of `ankra-support://ticket/<id>` (a trailing slash is allowed), or an empty
// string for anything else. Ids are restricted to [A-Za-z0-9_-] so a link cannot smuggle a
// path or a query into API requests.
QString ticketIdFromUrl(const QString &text);
QUrl ticketUrl(const QString &ticketId);

} // namespace Ankra::Instance

#pragma once

#include <QString>
#include <QUrl>

namespace Ankra::Api {

inline constexpr auto DefaultServerUrl = "https://platform.ankra.app";

// https:// is always allowed; http:// only for loopback hosts (localhost, 127.0.0.0/8, ::1).
// On refusal `why` gets a translated explanation.
bool isAllowedServerUrl(const QUrl &url, QString *why = nullptr);

// localhost, 127.0.0.0/8 or ::1.
bool isLoopbackHost(const QUrl &url);

// Trims, adds https:// when no scheme is given, and drops a trailing slash.
QUrl normalizedServerUrl(const QString &text);

} // namespace Ankra::Api

#include "api/serverurl.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Ankra::Api {

bool isLoopbackHost(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isAllowedServerUrl(const QUrl &url, QString *why)
{
    auto refuse = [why](const char *text) {
        if (why)
            *why = QCoreApplication::translate("Ankra::Api", text);
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse("Enter a server address such as https://platform.ankra.app.");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return refuse("Only https:// server addresses are supported.");
    if (isLoopbackHost(url))
        return true;
    return refuse("http:// is only allowed for a server on this computer (localhost). Use "
                  "https:// so the API token is never sent unencrypted.");
}

QUrl normalizedServerUrl(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QLatin1String("https://"));
    while (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    return QUrl(trimmed, QUrl::StrictMode);
}

} // namespace Ankra::Api

#include "instance/ticketurl.h"

#include <QRegularExpression>

namespace Ankra::Instance {

QString ticketIdFromUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String(TicketUrlScheme), Qt::CaseInsensitive)
        || url.host() != QLatin1String("ticket") || url.hasQuery() || url.hasFragment())
        return {};
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.startsWith(QLatin1Char('/')))
        return {};
    const QString id = path.mid(1);
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    return valid.match(id).hasMatch() ? id : QString();
}

QUrl ticketUrl(const QString &ticketId)
{
    QUrl url;
    url.setScheme(QLatin1String(TicketUrlScheme));
    url.setHost(QStringLiteral("ticket"));
    url.setPath(QLatin1Char('/') + ticketId);
    return url;
}

} // namespace Ankra::Instance

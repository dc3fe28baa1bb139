#include "secrets/secretstore.h"

namespace Ankra::Secrets {

QString SecretStore::tokenKey(const QString &serverUrl, const QString &accountName)
{
    return QStringLiteral("token:") + accountName + u'@' + serverUrl;
}

} // namespace Ankra::Secrets

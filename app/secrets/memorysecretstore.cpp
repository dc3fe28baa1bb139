#include "secrets/memorysecretstore.h"

namespace Ankra::Secrets {

void MemorySecretStore::complete(QObject *context, Done done, SecretResult result)
{
    if (m_failure != SecretResult::Error::None)
        result = SecretResult{m_failure, {}, tr("The test keychain is set to fail.")};
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void MemorySecretStore::read(const QString &key, QObject *context, Done done)
{
    SecretResult result;
    if (auto it = m_secrets.constFind(key); it != m_secrets.cend())
        result.secret = *it;
    else
        result = SecretResult{SecretResult::Error::NotFound, {}, tr("No token is stored.")};
    complete(context, std::move(done), result);
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, Done done)
{
    if (m_failure == SecretResult::Error::None)
        m_secrets.insert(key, secret);
    complete(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Done done)
{
    if (m_failure == SecretResult::Error::None)
        m_secrets.remove(key);
    complete(context, std::move(done), {});
}

} // namespace Ankra::Secrets

#pragma once

// In-memory SecretStore for tests. Completes asynchronously like the real one; can be told to
// fail every call with a given error to exercise the unavailable-keychain paths.

#include "secrets/secretstore.h"

#include <QHash>

namespace Ankra::Secrets {

class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void failWith(SecretResult::Error error) { m_failure = error; }
    const QHash<QString, QString> &contents() const { return m_secrets; }

    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;

private:
    void complete(QObject *context, Done done, SecretResult result);

    QHash<QString, QString> m_secrets;
    SecretResult::Error m_failure = SecretResult::Error::None;
};

} // namespace Ankra::Secrets

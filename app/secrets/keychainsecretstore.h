#pragma once

// SecretStore on the OS keychain through QtKeychain (Secret Service on Linux via libsecret,
// Keychain on macOS, Credential Manager on Windows). No insecure fallback is ever enabled.
// Each job has a timeout; a keychain that does not answer yields Error::Timeout.

#include "secrets/secretstore.h"

namespace Ankra::Secrets {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;

private:
    QString m_service;
    int m_timeoutMs = 10'000;
};

} // namespace Ankra::Secrets

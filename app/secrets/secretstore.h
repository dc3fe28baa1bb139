#pragma once

// Where API tokens live. Asynchronous: the OS keychain may prompt or hang (a broken Secret
// Service can block for ~25 s), so every call completes later through `done`, invoked in the
// caller's thread and only while `context` is alive. There is deliberately no plaintext
// fallback: when the keychain is unavailable the UI offers a session-only token instead.

#include <QObject>
#include <QString>

#include <functional>

namespace Ankra::Secrets {

struct SecretResult
{
    enum class Error {
        None,
        NotFound,     // nothing stored under that key
        Unavailable,  // no D-Bus session, or no Secret Service provider
        AccessDenied, // keyring locked and not unlocked, or the user refused
        Timeout,      // the keychain did not answer in time
        Other,
    };
    Error error = Error::None;
    QString secret;  // for reads
    QString message; // translated, fit to show the user

    bool ok() const { return error == Error::None; }
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const SecretResult &)>;
    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, Done done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Done done) = 0;
    virtual void remove(const QString &key, QObject *context, Done done) = 0;

    // The key under which an account's token is stored: one per server URL and account name.
    static QString tokenKey(const QString &serverUrl, const QString &accountName);
};

} // namespace Ankra::Secrets

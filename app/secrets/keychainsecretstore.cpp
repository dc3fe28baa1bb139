#include "secrets/keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Ankra::Secrets {

namespace {

SecretResult mapError(QKeychain::Error error, const QString &text)
{
    using E = SecretResult::Error;
    auto tr = [](const char *s) { return QCoreApplication::translate("Ankra::Secrets", s); };
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {E::NotFound, {}, tr("No token is stored in the keychain for this account.")};
    case QKeychain::CouldNotDeleteEntry:
        return {E::Other, {}, tr("The token could not be removed from the keychain.")};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {E::AccessDenied,
                {},
                tr("The keychain refused access (it may be locked). Unlock it and try again, or "
                   "use a token for this session only.")};
    case QKeychain::NoBackendAvailable:
        return {E::Unavailable,
                {},
                tr("No keychain is available (no Secret Service such as GNOME Keyring or "
                   "KWallet is running). You can use a token for this session only.")};
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports a missing D-Bus session as OtherError with a message.
    if (text.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("DBus"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("secrets"), Qt::CaseInsensitive))
        return {E::Unavailable,
                {},
                tr("The keychain cannot be reached (%1). You can use a token for this session "
                   "only.")
                    .arg(text)};
    return {E::Other, {}, tr("The keychain reported an error: %1").arg(text)};
}

// Runs one QKeychain job with a timeout and calls `done` exactly once.
void run(QKeychain::Job *job,
         int timeoutMs,
         QObject *context,
         SecretStore::Done done,
         std::function<void(QKeychain::Job *, SecretResult &)> onSuccess = {})
{
    auto called = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto finish = [called, guard, done](const SecretResult &result) {
        if (*called)
            return;
        *called = true;
        if (guard)
            done(result);
    };
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [finish] {
        finish({SecretResult::Error::Timeout,
                {},
                QCoreApplication::translate("Ankra::Secrets",
                                            "The keychain did not answer in time. You can use a "
                                            "token for this session only.")});
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [finish, onSuccess](QKeychain::Job *j) {
        SecretResult result = mapError(j->error(), j->errorString());
        if (result.ok() && onSuccess)
            onSuccess(j, result);
        finish(result);
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::read(const QString &key, QObject *context, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    run(job, m_timeoutMs, context, std::move(done), [](QKeychain::Job *j, SecretResult &r) {
        r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
    });
}

void KeychainSecretStore::write(const QString &key,
                                const QString &secret,
                                QObject *context,
                                Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    run(job, m_timeoutMs, context, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    run(job, m_timeoutMs, context, std::move(done));
}

} // namespace Ankra::Secrets

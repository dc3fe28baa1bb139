// The sign-in flow against a real gnome-keyring in a private D-Bus session (run by
// tests/support/run-with-keyring.sh) and the real server: the token lands in the keychain under
// the account's own key, a second account gets a second key, settings never hold a token, and
// signing out (removing the key) leaves the other account's token in place.

#include "signin/signindialog.h"
#include "testserver.h"

#include "secrets/accountstore.h"
#include "secrets/keychainsecretstore.h"

#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;

namespace {

Secrets::SecretResult wait(std::function<void(Secrets::SecretStore::Done)> call)
{
    std::optional<Secrets::SecretResult> result;
    call([&](const Secrets::SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
        return {Secrets::SecretResult::Error::Other, {}, QStringLiteral("test: no answer")};
    return *result;
}

} // namespace

class TestSignInKeychain : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    bool signIn(Secrets::SecretStore &store,
                Secrets::AccountStore &accounts,
                const QString &name,
                const QString &token)
    {
        Ui::SignInDialog dialog(&m_nam, &store, &accounts);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"))
            ->setText(m_server.url().toString());
        dialog.findChild<QLineEdit *>(QStringLiteral("accountNameEdit"))->setText(name);
        dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(token);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        return QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, 30'000)
               && !dialog.isSessionOnly();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/support/run-with-keyring.sh");
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void twoAccountsTwoKeys()
    {
        const QString iniPath = m_dir.filePath(QStringLiteral("accounts.ini"));
        QSettings settings(iniPath, QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        Secrets::KeychainSecretStore keychain(QStringLiteral("ankra-support-signin-test"));
        const QString second = m_server.createToken(QStringLiteral("other-org"),
                                                    QStringLiteral("bob"));
        QVERIFY(!second.isEmpty());

        QVERIFY(signIn(keychain, accounts, QStringLiteral("work"), m_server.token()));
        const Secrets::Account work = accounts.current();
        QCOMPARE(work.name, QStringLiteral("work"));
        QVERIFY(signIn(keychain, accounts, QStringLiteral("other"), second));
        const Secrets::Account other = accounts.current();
        QCOMPARE(other.name, QStringLiteral("other"));
        QCOMPARE(accounts.accounts().size(), 2);
        QVERIFY(work.tokenKey() != other.tokenKey());

        // A fresh store (the next start) reads each token from the real keyring.
        Secrets::KeychainSecretStore again(QStringLiteral("ankra-support-signin-test"));
        auto read = wait([&](auto done) { again.read(work.tokenKey(), this, done); });
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, m_server.token());
        QCOMPARE(wait([&](auto done) { again.read(other.tokenKey(), this, done); }).secret, second);

        settings.sync();
        QFile ini(iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray written = ini.readAll();
        QVERIFY(written.contains("work"));
        QVERIFY(!written.contains(m_server.token().toUtf8()));
        QVERIFY(!written.contains(second.toUtf8()));

        // Sign out of "other" (what the account menu does): its key is gone, work's stays.
        QVERIFY(wait([&](auto done) { keychain.remove(other.tokenKey(), this, done); }).ok());
        accounts.remove(other);
        QCOMPARE(wait([&](auto done) { again.read(other.tokenKey(), this, done); }).error,
                 Secrets::SecretResult::Error::NotFound);
        QCOMPARE(wait([&](auto done) { again.read(work.tokenKey(), this, done); }).secret,
                 m_server.token());
        QCOMPARE(accounts.accounts().size(), 1);
        QVERIFY(wait([&](auto done) { keychain.remove(work.tokenKey(), this, done); }).ok());
    }
};

QTEST_MAIN(TestSignInKeychain)
#include "tst_signin_keychain.moc"

// KeychainSecretStore against a real gnome-keyring in a private D-Bus session
// (run by tests/support/run-with-keyring.sh), and its unavailable-keychain paths.

#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"

#include <QProcess>
#include <QTest>

using namespace Ankra::Secrets;

namespace {

SecretResult wait(std::function<void(SecretStore::Done)> call)
{
    std::optional<SecretResult> result;
    call([&](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30'000))
        return {SecretResult::Error::Other, {}, QStringLiteral("test: no answer")};
    return *result;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/support/run-with-keyring.sh");
    }

    void writeReadRemove()
    {
        KeychainSecretStore store(QStringLiteral("ankra-support-test"));
        const QString key = SecretStore::tokenKey(QStringLiteral("http://127.0.0.1:1"),
                                                  QStringLiteral("me"));
        const QString token = QStringLiteral("ank_0123456789abcdef_s3cr3t-t0ken");
        QVERIFY(wait([&](auto done) { store.write(key, token, this, done); }).ok());
        const SecretResult read = wait([&](auto done) { store.read(key, this, done); });
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, token);

        // A second store (as after a restart) sees the same token.
        KeychainSecretStore again(QStringLiteral("ankra-support-test"));
        QCOMPARE(wait([&](auto done) { again.read(key, this, done); }).secret, token);

        QVERIFY(wait([&](auto done) { store.remove(key, this, done); }).ok());
        const SecretResult gone = wait([&](auto done) { store.read(key, this, done); });
        QCOMPARE(int(gone.error), int(SecretResult::Error::NotFound));
    }

    void keysAreSeparatePerAccount()
    {
        KeychainSecretStore store(QStringLiteral("ankra-support-test"));
        const QString a = SecretStore::tokenKey(QStringLiteral("https://a.example"),
                                                QStringLiteral("me"));
        const QString b = SecretStore::tokenKey(QStringLiteral("https://b.example"),
                                                QStringLiteral("me"));
        QVERIFY(
            wait([&](auto done) { store.write(a, QStringLiteral("token-a"), this, done); }).ok());
        QVERIFY(
            wait([&](auto done) { store.write(b, QStringLiteral("token-b"), this, done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(a, this, done); }).secret,
                 QStringLiteral("token-a"));
        QCOMPARE(wait([&](auto done) { store.read(b, this, done); }).secret,
                 QStringLiteral("token-b"));
    }

    void tokenIsNotWrittenToDisk()
    {
        // The keyring encrypts its file; the plain token must not appear under HOME.
        KeychainSecretStore store(QStringLiteral("ankra-support-test"));
        const QString token = QStringLiteral("ank_feedfacefeedface_plaintext-marker-9731");
        QVERIFY(wait([&](auto done) {
                    store.write(QStringLiteral("disk-check"), token, this, done);
                }).ok());
        QProcess grep;
        grep.start(QStringLiteral("grep"),
                   {QStringLiteral("-r"),
                    QStringLiteral("-l"),
                    QStringLiteral("plaintext-marker-9731"),
                    qEnvironmentVariable("HOME")});
        QVERIFY(grep.waitForFinished(10'000));
        QCOMPARE(grep.exitCode(), 1); // 1 = no match
    }

    void unavailableWithoutDBus()
    {
        // Without a session bus there is no Secret Service: a clear Unavailable error, quickly,
        // and no plaintext fallback.
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ankra-test-bus");
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QStringLiteral("childUnavailable")});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ANKRA_KEYCHAIN_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start();
        QVERIFY(child.waitForFinished(60'000));
        qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
        const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitCode() == 0, out.constData());
    }

    void childUnavailable()
    {
        if (!qEnvironmentVariableIsSet("ANKRA_KEYCHAIN_CHILD"))
            QSKIP("runs only as the child of unavailableWithoutDBus");
        KeychainSecretStore store(QStringLiteral("ankra-support-test"));
        store.setTimeout(20'000);
        const SecretResult r = wait([&](auto done) { store.read(QStringLiteral("k"), this, done); });
        QVERIFY2(r.error == SecretResult::Error::Unavailable
                     || r.error == SecretResult::Error::Other,
                 qPrintable(r.message));
        QVERIFY(!r.message.isEmpty());
        const SecretResult w = wait(
            [&](auto done) { store.write(QStringLiteral("k"), QStringLiteral("v"), this, done); });
        QVERIFY(!w.ok());
    }

    void timeoutIsReported()
    {
        // A keychain that never answers must not hang the caller.
        MemorySecretStore memory;
        memory.failWith(SecretResult::Error::Timeout);
        const SecretResult r = wait(
            [&](auto done) { memory.read(QStringLiteral("x"), this, done); });
        QCOMPARE(int(r.error), int(SecretResult::Error::Timeout));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

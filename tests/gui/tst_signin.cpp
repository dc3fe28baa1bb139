// The sign-in dialog against the real local server, offscreen, with an in-memory keychain:
// test connection, sign in (token to the SecretStore, never to settings), refused http://,
// and the unavailable-keychain path with a session-only token.

#include "signin/signindialog.h"
#include "testserver.h"

#include "secrets/accountstore.h"
#include "secrets/memorysecretstore.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;

class TestSignIn : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    void fill(Ui::SignInDialog &dialog, const QString &server, const QString &token)
    {
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"));
        url->setText(server);
        auto *tokenEdit = dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
        tokenEdit->setText(token);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void testConnectionAndSignIn()
    {
        const QString iniPath = m_dir.filePath(QStringLiteral("a.ini"));
        QSettings settings(iniPath, QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        Secrets::MemorySecretStore secrets;
        Ui::SignInDialog dialog(&m_nam, &secrets, &accounts);
        dialog.show();
        fill(dialog, m_server.url().toString(), QStringLiteral("wrong-token"));
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("signInStatus"));
        auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("token was refused")),
                                 10'000);

        fill(dialog, m_server.url().toString(), m_server.token());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Connected")), 10'000);

        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5'000);
        QVERIFY(!dialog.isSessionOnly());
        QCOMPARE(dialog.token(), m_server.token());
        const Secrets::Account account = accounts.current();
        QVERIFY(account.isValid());
        QCOMPARE(secrets.contents().value(account.tokenKey()), m_server.token());
        settings.sync();
        QFile ini(iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray written = ini.readAll();
        QVERIFY(written.contains("serverUrl"));
        QVERIFY(!written.contains(m_server.token().toUtf8()));
    }

    void plainHttpIsRefused()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        Secrets::MemorySecretStore secrets;
        Ui::SignInDialog dialog(&m_nam, &secrets, &accounts);
        dialog.show();
        fill(dialog, QStringLiteral("http://support.example.com"), QStringLiteral("t"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("signInStatus"))
                    ->text()
                    .contains(QLatin1String("localhost")));
        QVERIFY(secrets.contents().isEmpty());
        QCOMPARE(dialog.result(), 0);
    }

    void keychainUnavailableOffersSessionOnly()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        Secrets::MemorySecretStore secrets;
        secrets.failWith(Secrets::SecretResult::Error::Unavailable);
        Ui::SignInDialog dialog(&m_nam, &secrets, &accounts);
        dialog.show();
        fill(dialog, m_server.url().toString(), m_server.token());
        auto *sessionOnly = dialog.findChild<QPushButton *>(QStringLiteral("sessionOnlyButton"));
        QVERIFY(!sessionOnly->isVisible());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(sessionOnly->isVisible());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("signInStatus"))
                    ->text()
                    .contains(QLatin1String("could not be stored")));
        QTest::mouseClick(sessionOnly, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.isSessionOnly());
        QCOMPARE(dialog.token(), m_server.token());
        QVERIFY(!accounts.current().isValid()); // nothing remembered for a session-only token
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"

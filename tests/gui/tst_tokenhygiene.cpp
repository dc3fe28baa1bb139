// After a full session (the real app binary with ANKRA_API_TOKEN, then sign-in, list, open,
// reply, upload and download in process), nothing under the session's HOME / XDG config, cache
// and data directories contains the token.

#include "mainwindow.h"
#include "signin/signindialog.h"
#include "testserver.h"

#include "api/apiclient.h"
#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "messagebox.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "secrets/accountstore.h"
#include "secrets/memorysecretstore.h"

#include <QDirIterator>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Ankra;

class TestTokenHygiene : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    Test::TestServer m_server;

    // Files under HOME containing `needle`; also counts the files looked at.
    QStringList filesContaining(const QByteArray &needle, int *scanned)
    {
        QStringList hits;
        QDirIterator it(m_home.path(),
                        QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++*scanned;
            if (f.readAll().contains(needle))
                hits.append(path);
        }
        return hits;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const QByteArray home = m_home.path().toUtf8();
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", home + "/.config");
        qputenv("XDG_CACHE_HOME", home + "/.cache");
        qputenv("XDG_DATA_HOME", home + "/.local/share");
        qputenv("XDG_STATE_HOME", home + "/.local/state");
        QCoreApplication::setOrganizationName(QStringLiteral("Ankra"));
        QCoreApplication::setApplicationName(QStringLiteral("ankra-support"));
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void realAppWithEnvironmentToken()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ANKRA_API_TOKEN"), m_server.token());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(ANKRA_APP_BINARY),
                  {QStringLiteral("--server"), m_server.url().toString()});
        QVERIFY(app.waitForStarted(10'000));
        // Still running: no dialog blocked or crashed it.
        const bool ended = app.waitForFinished(3'000);
        if (!ended) {
            app.terminate();
            if (!app.waitForFinished(5'000))
                app.kill();
        }
        const QByteArray out = app.readAllStandardOutput();
        const QByteArray err = app.readAllStandardError();
        QVERIFY2(!ended,
                 qPrintable(QStringLiteral("the app ended (exit status %1, code %2): %3")
                                .arg(int(app.exitStatus()))
                                .arg(app.exitCode())
                                .arg(QString::fromUtf8(err.right(2000)))));
        QVERIFY(!out.contains(m_server.token().toUtf8()));
        QVERIFY(!err.contains(m_server.token().toUtf8()));
    }

    void fullSessionInProcess()
    {
        QNetworkAccessManager nam;
        QSettings settings; // the real default location, under the temporary HOME
        Secrets::AccountStore accounts(&settings);
        Secrets::MemorySecretStore keychain;
        Ui::SignInDialog dialog(&nam, &keychain, &accounts);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"))
            ->setText(m_server.url().toString());
        dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(m_server.token());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5'000);

        Api::ApiClient client(&nam);
        client.setServerUrl(QUrl(dialog.account().serverUrl));
        client.setToken(dialog.token());
        Ui::MainWindow window(&client);
        window.show();
        auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 10'000);
        const QModelIndex first = list->model()->index(0, 0);
        window.openTicket(first.data(Models::IdRole).toString());
        Models::TicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket(), 10'000);
        const int comments = int(controller->ticket().comments.size());
        auto *edit = window.findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
        edit->setPlainText(QStringLiteral("Token hygiene check reply."));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("sendReplyButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(controller->ticket().comments.size()), comments + 1, 10'000);

        const QString log = m_home.filePath(QStringLiteral("upload.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello\n");
        f.close();
        const int attachments = int(controller->ticket().attachments.size());
        QVERIFY(window.detailView()->attachmentsPanel()->attachFiles({log}).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(int(controller->ticket().attachments.size()),
                                  attachments + 1,
                                  10'000);
        auto *attachmentsList = window.findChild<QTreeView *>(QStringLiteral("attachmentsList"));
        attachmentsList->setCurrentIndex(attachmentsList->model()->index(0, 0));
        const QString target = m_home.filePath(QStringLiteral("Downloads/saved"));
        QDir().mkpath(m_home.filePath(QStringLiteral("Downloads")));
        Ui::MessageBox::setNextSaveFileName(target);
        window.detailView()->attachmentsPanel()->downloadSelected();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(target), 10'000);
        settings.sync();
    }

    void nothingContainsTheToken()
    {
        int scanned = 0;
        const QStringList hits = filesContaining(m_server.token().toUtf8(), &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
        // The scan saw what the session wrote (settings with the account), so it can fail.
        QVERIFY(scanned >= 3);
        QVERIFY(!filesContaining(QByteArrayLiteral("serverUrl"), &scanned).isEmpty());
        // The secret part alone (after the public prefix) is not there either.
        const QByteArray secretPart = m_server.token().section(u'_', 2).toUtf8();
        QVERIFY(secretPart.size() > 10);
        QVERIFY(filesContaining(secretPart, &scanned).isEmpty());
    }
};

QTEST_MAIN(TestTokenHygiene)
#include "tst_tokenhygiene.moc"

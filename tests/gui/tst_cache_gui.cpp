// The offline cache in the main window (ui/cache), offscreen against the real server: the list
// and an opened ticket show from the cache after a restart with the server killed, marked as the
// saved copy; previews are kept in the cache; Tools → "Clear offline cache…" asks and clears.

#include "mainwindow.h"
#include "testserver.h"

#include "cache/cacheui.h"
#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "detail/previewdialog.h"
#include "messagebox.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "store/cache.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Ankra;

class TestCacheGui : public QObject
{
    Q_OBJECT

private slots:
    void windowShowsCacheOfflineAndClearsIt()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(server.url());
        client.setToken(server.token());
        Api::RetryPolicy fast;
        fast.maxAttempts = 1;
        client.setRetryPolicy(fast);
        KSyntaxHighlighting::Repository repository;

        int onlineRows = 0;
        QString openedId;
        QString keptPreview;
        {
            Ui::MainWindow window(&client);
            window.setSyntaxRepository(&repository);
            Ui::CacheUi *cacheUi = Ui::CacheUi::install(&window,
                                                        &client,
                                                        QStringLiteral("gui"),
                                                        dir.path());
            QVERIFY(cacheUi);
            window.show();
            QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->totalCount() > 0
                                         && !window.ticketModel()->isLoading(),
                                     20'000);
            onlineRows = window.ticketModel()->rowCount();
            QVERIFY(!cacheUi->statusLabel()->isVisible());
            openedId = window.ticketModel()->ticketAt(0).id;
            window.openTicket(openedId);
            Models::TicketController *controller = window.ticketController();
            QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && !controller->isLoading(), 20'000);

            // A preview downloads the attachment into the account's cache, once.
            QTemporaryDir files;
            const QString log = files.filePath(QStringLiteral("kubelet.log"));
            QFile file(log);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("E0412 kubelet.go:2410 node not ready\n");
            file.close();
            auto *panel = window.detailView()->attachmentsPanel();
            QSignalSpy uploaded(controller, &Models::TicketController::uploadFinished);
            QVERIFY(panel->attachFiles({log}).isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(!uploaded.isEmpty(), 20'000);
            QVERIFY(uploaded.first().at(1).toBool());
            auto *attachments = panel->findChild<QTreeView *>(QStringLiteral("attachmentsList"));
            const QModelIndex index = attachments->model()
                                          ->index(controller->attachments()->rowCount() - 1, 0);
            attachments->setCurrentIndex(index);
            QSignalSpy downloaded(controller, &Models::TicketController::downloadFinished);
            panel->previewSelected();
            QTRY_VERIFY_WITH_TIMEOUT(panel->previewDialog() && panel->previewDialog()->isVisible(),
                                     20'000);
            QCOMPARE(downloaded.count(), 1);
            const QString attachmentId = index.data(Models::IdRole).toString();
            keptPreview = cacheUi->cache()->attachmentPath(attachmentId,
                                                           QStringLiteral("kubelet.log"));
            QVERIFY(keptPreview.startsWith(dir.path()));
            QVERIFY(QFile::exists(keptPreview));
            QVERIFY(cacheUi->cache()->attachmentBytes() > 0);
            panel->previewDialog()->hide();
            downloaded.clear();
            panel->previewSelected();
            QVERIFY(panel->previewDialog()->isVisible());
            QTest::qWait(200);
            QCOMPARE(downloaded.count(), 0); // the kept copy
            QTRY_VERIFY_WITH_TIMEOUT(!controller->isLoading(), 20'000);
        }

        server.kill();

        // "Restart" with the server down.
        Ui::MainWindow window(&client);
        window.setSyntaxRepository(&repository);
        Ui::CacheUi *cacheUi = Ui::CacheUi::install(&window,
                                                    &client,
                                                    QStringLiteral("gui"),
                                                    dir.path());
        QVERIFY(cacheUi);
        window.show();
        QVERIFY(window.ticketModel()->isShowingCache());
        QCOMPARE(window.ticketModel()->rowCount(), onlineRows);
        QLabel *status = window.findChild<QLabel *>(QStringLiteral("cacheStatusLabel"));
        QVERIFY(status);
        QTRY_VERIFY(status->isVisible());
        QVERIFY(status->text().contains(QString::number(onlineRows)));
        // Offline search runs over the cache; the note counts what is shown.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        const QString word = window.ticketModel()->ticketAt(0).subject.section(u' ', 0, 0);
        search->setText(word);
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->query().search == word, 20'000);
        QVERIFY(window.ticketModel()->isShowingCache());
        const int found = window.ticketModel()->rowCount();
        QVERIFY(found >= 1 && found < onlineRows);
        QVERIFY(status->text().contains(QString::number(found)));
        search->clear();
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->rowCount() == onlineRows, 20'000);
        auto *banner = window.findChild<QWidget *>(QStringLiteral("errorBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20'000); // the server cannot be reached
        QCOMPARE(window.ticketModel()->rowCount(), onlineRows);
        QVERIFY(window.findChild<QTreeView *>(QStringLiteral("ticketList"))->model()->rowCount()
                == onlineRows);

        window.openTicket(openedId);
        QVERIFY(window.ticketController()->hasTicket());
        QVERIFY(window.ticketController()->isShowingCache());
        QSignalSpy failed(window.ticketController(), &Models::TicketController::errorOccurred);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20'000);
        bool bannerSaysCopy = false;
        for (QLabel *label : window.detailView()->findChildren<QLabel *>())
            bannerSaysCopy = bannerSaysCopy
                             || (label->isVisible()
                                 && label->text().contains(QLatin1String("copy saved")));
        QVERIFY(bannerSaysCopy);

        // Clear: "No" keeps everything, "Yes" removes this account's tickets and files.
        QAction *clear = window.findChild<QAction *>(QStringLiteral("clearCacheAction"));
        QVERIFY(clear);
        Store::TicketCache *cache = cacheUi->cache();
        const qint64 before = cache->ticketCount();
        QVERIFY(before >= onlineRows);
        Ui::MessageBox::setNextAnswer(QMessageBox::No);
        clear->trigger();
        QCOMPARE(cache->ticketCount(), before);
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        clear->trigger();
        QCOMPARE(cache->ticketCount(), 0);
        QVERIFY(!QFile::exists(keptPreview));
        QCOMPARE(cache->attachmentBytes(), 0);
    }
};

QTEST_MAIN(TestCacheGui)
#include "tst_cache_gui.moc"

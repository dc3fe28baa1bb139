// The main window against the real local server, offscreen.

#include "mainwindow.h"
#include "testserver.h"

#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "detail/previewdialog.h"
#include "messagebox.h"
#include "preview/previewwidget.h"
#include "signin/accountswitcher.h"
#include "tickets/ticketproxymodel.h"
#include "widgets/traynotifier.h"

#include "api/apiclient.h"
#include "api/jobs.h"
#include "models/notificationbatcher.h"
#include "models/readstate.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "models/updatepoller.h"
#include "secrets/accountstore.h"

#include <KSyntaxHighlighting/Repository>

#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTreeView>

#include <optional>

using namespace Ankra;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void showsDemoTickets()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        Ui::MainWindow window(&client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
        QVERIFY(list);
        // The default view is "Open": every open status, none resolved or closed.
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 10'000);
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QString status = list->model()->index(row, 0).data(Models::StatusRole).toString();
            QVERIFY2(status != QLatin1String("closed") && status != QLatin1String("resolved"),
                     qPrintable(status));
        }
        auto *count = window.findChild<QLabel *>(QStringLiteral("ticketCount"));
        // The status bar counts the view's tickets, and follows the view and the search.
        const auto countText = [&window] {
            return QCoreApplication::translate("Ankra::Ui::MainWindow",
                                               "%n ticket(s)",
                                               nullptr,
                                               int(window.ticketModel()->totalCount()));
        };
        QTRY_COMPARE(count->text(), countText());

        // "All" shows more, and typing in the search field filters on the server.
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("viewSidebar"));
        const int open = list->model()->rowCount();
        sidebar->setCurrentRow(sidebar->count() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > open, 10'000);
        QTRY_COMPARE(count->text(), countText());
        QVERIFY(!count->text().startsWith(QString::number(open) + u' '));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        const int all = list->model()->rowCount();
        QTest::keyClicks(search, QStringLiteral("invoice"));
        // The search covers subject and description: fewer rows, one of them the invoice one.
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0 && list->model()->rowCount() < all,
                                 10'000);
        bool invoice = false;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            invoice = invoice
                      || list->model()
                             ->index(row, Models::TicketListModel::SubjectColumn)
                             .data()
                             .toString()
                             .contains(QLatin1String("Invoice"));
        QVERIFY(invoice);
        QTRY_COMPARE(count->text(), countText());

        // The grab is what a user sees: not empty.
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        if (qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR")
                      + QStringLiteral("/tst-main-window.png"));
    }

    void countsSortingUnreadAndKeys()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        Models::ReadStateStore readState(dir.filePath(QStringLiteral("read.ini")));
        Ui::MainWindow window(&client);
        window.setReadState(&readState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("viewSidebar"));
        sidebar->setCurrentRow(sidebar->count() - 1); // All
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 10, 10'000);
        QAbstractItemModel *model = list->model();

        // Every view shows its count; "All" counts every ticket.
        const qint64 total = window.ticketModel()->totalCount();
        QTRY_COMPARE_WITH_TIMEOUT(sidebar->item(sidebar->count() - 1)->text(),
                                  QStringLiteral("All (%1)").arg(total),
                                  10'000);
        QVERIFY(sidebar->item(0)->text().startsWith(QLatin1String("Open (")));

        // Human labels, not wire values.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString category
                = model->index(row, Models::TicketListModel::CategoryColumn).data().toString();
            QVERIFY2(!category.contains(u'_') && category.at(0).isUpper(), qPrintable(category));
        }

        // Default: the server's order (updated_at descending); a header click sorts.
        QCOMPARE(list->header()->sortIndicatorSection(), -1);
        QHeaderView *header = list->header();
        QTest::mouseClick(header->viewport(),
                          Qt::LeftButton,
                          {},
                          QPoint(header->sectionViewportPosition(0) + 5, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), 0);
        for (int row = 1; row < model->rowCount(); ++row) {
            const qint64 a = model->index(row - 1, 0).data(Models::TicketNumberRole).toLongLong();
            const qint64 b = model->index(row, 0).data(Models::TicketNumberRole).toLongLong();
            QVERIFY(header->sortIndicatorOrder() == Qt::AscendingOrder ? a <= b : a >= b);
        }
        list->sortByColumn(-1, Qt::DescendingOrder); // back to the server's order

        // Someone else answers a ticket: after F5 it is bold (unread) and on top.
        QString id;
        for (int row = 2; row < model->rowCount() && id.isEmpty(); ++row)
            if (model->index(row, 0).data(Models::StatusRole).toString() != QLatin1String("closed"))
                id = model->index(row, 0).data(Models::IdRole).toString();
        {
            Api::ApiClient other(&nam);
            other.setServerUrl(m_server.url());
            other.setToken(m_server.token());
            auto *job = other.addComment(id, QStringLiteral("A colleague's question"), this);
            QSignalSpy done(job, &Api::ApiJob::finished);
            QVERIFY(done.wait(10'000));
            QVERIFY(job->ok());
            delete job;
        }
        QSignalSpy refreshed(window.ticketModel(), &Models::TicketListModel::refreshed);
        QSignalSpy reset(model, &QAbstractItemModel::modelAboutToBeReset);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_F5);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model->index(0, 0).data(Models::IdRole).toString(), id);
        QVERIFY(model->index(0, 0).data(Models::UnreadRole).toBool());
        QVERIFY(model->index(0, 1).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model->index(1, 1).data(Qt::FontRole).value<QFont>().bold());

        // Enter opens the current ticket, which marks it read; Ctrl+R goes to the reply box.
        list->setCurrentIndex(model->index(0, 1));
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketController()->hasTicket(), 10'000);
        QCOMPARE(window.ticketController()->ticketId(), id);
        QTRY_VERIFY(!model->index(0, 0).data(Models::UnreadRole).toBool());
        QVERIFY(!model->index(0, 1).data(Qt::FontRole).value<QFont>().bold());
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY(QApplication::focusWidget()
                    && QApplication::focusWidget()->inherits("Ankra::Ui::ReplyEdit"));

        // Polling: the window polls on its own (interval shortened here).
        QSignalSpy polled(window.poller(), &Models::UpdatePoller::polled);
        window.poller()->setInterval(100);
        QVERIFY(polled.wait(5'000));
    }

    void previewsAttachmentsFromTheCache()
    {
        QStandardPaths::setTestModeEnabled(true);
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        KSyntaxHighlighting::Repository repository;
        Ui::MainWindow window(&client);
        window.setSyntaxRepository(&repository);
        window.show();
        auto *panel = window.detailView()->attachmentsPanel();
        QVERIFY(panel->findChild<QWidget *>(QStringLiteral("previewButton"))->isVisibleTo(panel));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 10'000);
        window.openTicket(list->model()->index(0, 0).data(Models::IdRole).toString());
        Models::TicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket(), 10'000);

        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("kubelet.log"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("E0412 kubelet.go:2410 node not ready\nI0412 retrying\n");
        file.close();
        QSignalSpy uploaded(controller, &Models::TicketController::uploadFinished);
        QVERIFY(panel->attachFiles({log}).isEmpty());
        QVERIFY(uploaded.wait(10'000));
        QVERIFY(uploaded.first().at(1).toBool());

        auto *attachments = panel->findChild<QTreeView *>(QStringLiteral("attachmentsList"));
        const int row = controller->attachments()->rowCount() - 1;
        const QModelIndex index = attachments->model()->index(row, 0);
        attachments->setCurrentIndex(index);
        const QString path = Ui::AttachmentsPanel::cachePath(index.data(Models::IdRole).toString(),
                                                             QStringLiteral("kubelet.log"));
        QFile::remove(path);
        QSignalSpy downloaded(controller, &Models::TicketController::downloadFinished);
        panel->previewSelected();
        QVERIFY(downloaded.wait(10'000));
        QTRY_VERIFY(panel->previewDialog() && panel->previewDialog()->isVisible());
        QVERIFY(path.contains(QLatin1String("/attachments/")));
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(panel->previewDialog()->preview()->kind(), Ui::PreviewWidget::Kind::Text);

        // The second time the cached copy is used: nothing is downloaded.
        panel->previewDialog()->hide();
        downloaded.clear();
        QTest::keyClick(attachments, Qt::Key_Return); // Enter (or double-click) previews
        QVERIFY(panel->previewDialog()->isVisible());
        QTest::qWait(200);
        QCOMPARE(downloaded.count(), 0);
    }

    void accountSwitcherListsAccounts()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        const Secrets::Account work{QStringLiteral("work"), m_server.url().toString(), {}};
        const Secrets::Account lab{QStringLiteral("lab"),
                                   QStringLiteral("https://lab.example"),
                                   QStringLiteral("org-7")};
        accounts.save(work);
        accounts.save(lab);
        Ui::AccountSwitcher switcher(&accounts);
        switcher.setCurrent(work);
        QCOMPARE(switcher.text(), QStringLiteral("work"));
        QSignalSpy switchTo(&switcher, &Ui::AccountSwitcher::switchRequested);
        QSignalSpy add(&switcher, &Ui::AccountSwitcher::addAccountRequested);
        QSignalSpy signOut(&switcher, &Ui::AccountSwitcher::signOutRequested);
        emit switcher.accountMenu()->aboutToShow();
        const QList<QAction *> actions = switcher.accountMenu()->actions();
        QAction *labAction = nullptr;
        for (QAction *a : actions) {
            if (a->text().startsWith(QLatin1String("work")))
                QVERIFY(a->isChecked());
            if (a->text().startsWith(QLatin1String("lab"))) {
                QVERIFY(!a->isChecked());
                QVERIFY(a->text().contains(QLatin1String("org-7")));
                labAction = a;
            }
        }
        QVERIFY(labAction);
        labAction->trigger();
        QCOMPARE(switchTo.count(), 1);
        QCOMPARE(switchTo.first().at(0).value<Secrets::Account>(), lab);
        switcher.accountMenu()->findChild<QAction *>(QStringLiteral("addAccountAction"))->trigger();
        QCOMPARE(add.count(), 1);
        switcher.accountMenu()->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QCOMPARE(signOut.count(), 1);
        QCOMPARE(signOut.first().at(0).value<Secrets::Account>(), work);

        // A session-only token has no account to sign out of.
        switcher.setCurrent({});
        emit switcher.accountMenu()->aboutToShow();
        QVERIFY(!switcher.accountMenu()
                     ->findChild<QAction *>(QStringLiteral("signOutAction"))
                     ->isEnabled());
    }

    void shortDates()
    {
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(Ui::TicketProxyModel::shortDate(now.addDays(-1), now), QStringLiteral("Yesterday"));
        QVERIFY(Ui::TicketProxyModel::shortDate(now.addYears(-2), now)
                    .endsWith(QString::number(now.addYears(-2).date().year())));
        QVERIFY(Ui::TicketProxyModel::shortDate(now, now).size() <= 8);
    }

    // The team's news (what UpdatePoller reports): in the status bar, and while the window is
    // not the active one in a desktop notification, batched; none when Settings turned them off.
    void notifiesOfTeamNewsWhileInactive()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        Ui::MainWindow window(&client); // not shown: not the active window
        window.poller()->stop();
        Models::TicketListModel *model = window.ticketModel();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, 20'000);
        const QString id = model->ticketAt(0).id;
        const QString subject = model->ticketAt(0).subject;
        Ui::TrayNotifier *tray = window.trayNotifier();
        QVERIFY(tray->isEnabled());
        constexpr int Quiet = Models::NotificationBatcher::DefaultQuietMs;

        emit window.poller()->statusChanged(id, QStringLiteral("open"), QStringLiteral("resolved"));
        QVERIFY2(window.statusBar()->currentMessage().contains(subject),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(tray->lastTitle().isEmpty()); // batched: not at once
        QTRY_COMPARE_WITH_TIMEOUT(tray->lastTitle(),
                                  QStringLiteral("1 status change(s)"),
                                  Quiet * 3);
        QCOMPARE(tray->lastBody(), QStringLiteral("Resolved: ") + subject);

        Wire::Comment reply;
        reply.authorType = QStringLiteral("team");
        reply.body = QStringLiteral("We are on it.");
        // Turned off: nothing.
        window.setNotificationsEnabled(false);
        QVERIFY(!tray->isEnabled());
        emit window.poller()->newReplies(id, {reply});
        QTest::qWait(Quiet + 500);
        QCOMPARE(tray->lastTitle(), QStringLiteral("1 status change(s)"));
        // On again. The system's note of a status change is no reply.
        window.setNotificationsEnabled(true);
        Wire::Comment note;
        note.authorType = QStringLiteral("system");
        note.body = QStringLiteral("Status changed to resolved.");
        emit window.poller()->newReplies(id, {note});
        QTest::qWait(Quiet + 500);
        QCOMPARE(tray->lastTitle(), QStringLiteral("1 status change(s)"));
        // The window active: the status bar says it, no notification.
        window.setNotificationsEnabled(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        emit window.poller()->newReplies(id, {reply});
        QTest::qWait(Quiet + 500);
        QCOMPARE(tray->lastTitle(), QStringLiteral("1 status change(s)"));
        // Another window in front: notified again.
        QWidget other;
        other.show();
        other.activateWindow();
        QTRY_VERIFY(!window.isActiveWindow());
        emit window.poller()->newReplies(id, {reply});
        QTRY_COMPARE_WITH_TIMEOUT(tray->lastTitle(),
                                  QStringLiteral("1 reply(s) from the Ankra team"),
                                  Quiet * 3);
        QCOMPARE(tray->lastBody(), QStringLiteral("Reply: ") + subject);
    }

    // Closing the window while a file is being uploaded asks first: Cancel keeps the window and
    // the upload going; Discard closes. With nothing running it closes without a question.
    void closingAsksWhileFilesAreTransferred()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        Ui::MainWindow window(&client);
        window.poller()->stop();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Models::TicketListModel *model = window.ticketModel();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, 20'000);
        Models::TicketController *controller = window.ticketController();
        window.openTicket(model->ticketAt(0).id);
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && !controller->isLoading(), 20'000);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubelet.log"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("I1127 kubelet.go:1 sync\n").repeated(40'000)); // ~1 MB
        }
        QVERIFY2(controller->uploadRefusal(path).isEmpty(),
                 qPrintable(controller->uploadRefusal(path)));

        Api::UploadJob *upload = controller->upload(path);
        QVERIFY(upload);
        QSignalSpy uploaded(upload, &Api::ApiJob::finished);
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        // The question says what stops them and what it costs.
        QVERIFY2(Ui::MessageBox::lastQuestionText().contains(
                     QLatin1String("Closing the window stops them."))
                     && Ui::MessageBox::lastQuestionText().contains(
                         QLatin1String("A stopped upload has to be attached again.")),
                 qPrintable(Ui::MessageBox::lastQuestionText()));
        QVERIFY(uploaded.wait(20'000)); // it went on
        QVERIFY2(upload->ok(), qPrintable(upload->error().message));
        QCOMPARE(controller->runningUploads(), 0);

        Api::UploadJob *stopped = controller->upload(path);
        QVERIFY(stopped);
        std::optional<Api::ApiError::Kind> ended;
        connect(stopped, &Api::ApiJob::finished, this, [&ended, stopped] {
            ended = stopped->error().kind;
        });
        QCOMPARE(controller->runningUploads(), 1);
        // Signing out (or switching accounts) asks the same, in its own words.
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!window.mayClose(Ui::DetailView::Ending::SignOut));
        QVERIFY2(Ui::MessageBox::lastQuestionText().contains(
                     QLatin1String("Signing out stops them.")),
                 qPrintable(Ui::MessageBox::lastQuestionText()));
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!window.mayClose(Ui::DetailView::Ending::SwitchAccount));
        QVERIFY2(Ui::MessageBox::lastQuestionText().contains(
                     QLatin1String("Switching to another account stops them.")),
                 qPrintable(Ui::MessageBox::lastQuestionText()));
        QCOMPARE(controller->runningUploads(), 1);
        Ui::MessageBox::setNextAnswer(QMessageBox::Discard);
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
        QCOMPARE(controller->runningUploads(), 0); // stopped, as the question said
        QTRY_VERIFY_WITH_TIMEOUT(ended.has_value(), 5'000);
        QCOMPARE(*ended, Api::ApiError::Kind::Cancelled);
        // Asked again (another account's session): nothing left to ask about.
        QVERIFY(window.mayClose());

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.close()); // nothing running: no question (one would block here)
    }

    void errorBannerWhenServerIsDown()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        client.setToken(m_server.token());
        Ui::MainWindow window(&client);
        window.show();
        auto *banner = window.findChild<QWidget *>(QStringLiteral("errorBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15'000);
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("retryButton"))->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

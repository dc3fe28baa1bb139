// The outbox in the main window, offscreen, against the real server: with the server down the
// offline banner shows, a new ticket from the wizard and a reply from the detail view are queued
// (the Outbox view says "Waiting", the ticket is in the list as "Not yet sent"); once the server
// is back both are sent and the list shows the real ticket instead. The Outbox view's Edit,
// Cancel and Send anyway act on what waits.

#include "mainwindow.h"
#include "testserver.h"

#include "detail/detailview.h"
#include "messagebox.h"
#include "outbox/offlinebanner.h"
#include "outbox/outboxui.h"
#include "outbox/outboxview.h"
#include "wizard/submitwizard.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "review/submissionflow.h"
#include "store/connectivity.h"
#include "store/outbox.h"
#include "store/outboxmodel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace Ankra;

namespace {

// Rows of the ticket list view whose subject is `subject`: their ids.
QStringList idsWithSubject(QAbstractItemModel *model, const QString &subject)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(Models::SubjectRole).toString() == subject)
            ids.append(index.data(Models::IdRole).toString());
    }
    return ids;
}

QString statusLabelOf(QAbstractItemModel *model, const QString &subject)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(Models::SubjectRole).toString() == subject)
            return index.data(Models::StatusLabelRole).toString();
    }
    return {};
}

// The main window with the outbox installed, against a real server (demo data), its first rows
// shown. Probes every 200 ms while offline; two attempts per request.
struct OutboxWindow
{
    Test::TestServer server;
    QNetworkAccessManager nam;
    Api::ApiClient client{&nam};
    QTemporaryDir dir;
    std::unique_ptr<Ui::MainWindow> window;
    Ui::OutboxUi *outboxUi = nullptr;
    QTreeView *list = nullptr;

    bool start()
    {
        QString error;
        if (!server.start(true, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        client.setServerUrl(server.url());
        client.setToken(server.token());
        client.setRetryPolicy({2, 50, 1'000, 15'000});
        window = std::make_unique<Ui::MainWindow>(&client);
        outboxUi = Ui::OutboxUi::install(window.get(),
                                         &client,
                                         dir.filePath(QStringLiteral("outbox.sqlite")),
                                         200);
        window->show();
        list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
        return outboxUi && list && QTest::qWaitForWindowExposed(window.get())
               && QTest::qWaitFor([this] { return list->model()->rowCount() > 0; }, 20'000);
    }
};

} // namespace

class TestOutboxGui : public QObject
{
    Q_OBJECT
private slots:
    // With the server down, reloading the list fails for the same reason the offline banner
    // gives: one banner says so, not two.
    void oneBannerWhenOffline()
    {
        OutboxWindow w;
        QVERIFY(w.start());
        Test::TestServer &server = w.server;
        Ui::MainWindow &window = *w.window;
        Ui::OutboxUi *outboxUi = w.outboxUi;
        QTreeView *list = w.list;
        auto *errorBanner = window.findChild<QWidget *>(QStringLiteral("errorBanner"));
        QVERIFY(errorBanner);

        server.kill();
        outboxUi->connectivity()->probeNow();
        QTRY_VERIFY_WITH_TIMEOUT(outboxUi->banner()->isVisible(), 20'000);
        QSignalSpy failed(window.ticketModel(), &Models::TicketListModel::errorOccurred);
        window.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20'000);
        QCoreApplication::processEvents();
        QVERIFY(!errorBanner->isVisible());
        QVERIFY(outboxUi->banner()->isVisible());
        QVERIFY(list->model()->rowCount() > 0); // the rows shown stay
    }

    void queueWhileDownThenSent()
    {
        OutboxWindow w;
        QVERIFY(w.start());
        Test::TestServer &server = w.server;
        Api::ApiClient &client = w.client;
        Ui::MainWindow &window = *w.window;
        Ui::OutboxUi *outboxUi = w.outboxUi;
        QTreeView *list = w.list;
        QString error;
        QVERIFY(!outboxUi->banner()->isVisible());

        // Open a ticket while online: the reply goes to it later.
        const QString openId = list->model()->index(0, 0).data(Models::IdRole).toString();
        window.openTicket(openId);
        Models::TicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && !controller->isClosed(), 20'000);

        // The server goes away: the banner says so.
        server.kill();
        outboxUi->connectivity()->probeNow();
        QTRY_VERIFY_WITH_TIMEOUT(outboxUi->banner()->isVisible(), 20'000);
        QVERIFY(outboxUi->banner()->text().contains(QStringLiteral("offline")));

        // A reply while offline is queued, not lost.
        auto *reply = window.detailView()->findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
        auto *send = window.detailView()->findChild<QPushButton *>(
            QStringLiteral("sendReplyButton"));
        QVERIFY(reply && send);
        const QString replyText = QStringLiteral("Queued reply from the outbox GUI test");
        reply->setPlainText(replyText);
        QTRY_VERIFY(send->isEnabled());
        send->click();
        QTRY_COMPARE_WITH_TIMEOUT(outboxUi->outbox()->pendingCount(), 1, 20'000);
        QVERIFY(reply->toPlainText().isEmpty());
        auto *bannerText = window.detailView()->findChild<Ui::MessageBanner *>(
            QStringLiteral("detailBanner"));
        QVERIFY(bannerText->text().contains(QStringLiteral("outbox")));

        // A new ticket from the wizard while offline: queued, the wizard closes.
        const QString subject = QStringLiteral("Outbox GUI: ingress pods restart after upgrade");
        auto *wizard = new Ui::SubmitWizard(&client, &window);
        outboxUi->attachWizard(wizard);
        Review::SubmissionFlow *flow = wizard->flow();
        flow->setSubject(subject);
        flow->setDescription(QStringLiteral("Since the upgrade to 1.29 the ingress pods restart "
                                            "every few minutes. Error: OOMKilled, exit code 137."));
        flow->setCategory(QStringLiteral("bug"));
        flow->setAcknowledged(true);
        wizard->show();
        // Whatever the wizard starts on its own (a review, answered locally while offline) ends
        // first; then "Submit", which must reach the server and cannot.
        QTRY_VERIFY_WITH_TIMEOUT(flow->state() != Review::SubmissionFlow::State::Reviewing, 20'000);
        flow->submit();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->result(), int(QDialog::Accepted), 20'000);
        QCOMPARE(outboxUi->outbox()->pendingCount(), 2);
        QCOMPARE(outboxUi->toolButton()->text(), QStringLiteral("Outbox (2)"));

        // The Outbox view shows both waiting; the list shows the ticket as not yet sent.
        Ui::OutboxView *view = outboxUi->showOutbox();
        QAbstractItemModel *entries = view->list()->model();
        QCOMPARE(entries->rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QCOMPARE(entries->index(row, 0).data(Store::OutboxStateRole).toString(),
                     QStringLiteral("waiting"));
        QCOMPARE(entries->index(0, Store::OutboxModel::StateColumn).data().toString(),
                 QStringLiteral("Waiting"));
        QStringList ids = idsWithSubject(list->model(), subject);
        QCOMPARE(ids.size(), 1);
        QVERIFY2(Store::Outbox::isLocalTicketId(ids.first()), qPrintable(ids.first()));
        QCOMPARE(statusLabelOf(list->model(), subject), QStringLiteral("Not yet sent"));

        // The server is back (same data, new port): everything is sent, in order.
        QVERIFY2(server.start(true, &error), qPrintable(error));
        client.setServerUrl(server.url());
        QTRY_VERIFY_WITH_TIMEOUT(outboxUi->connectivity()->isOnline(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(!outboxUi->banner()->isVisible(), 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(outboxUi->outbox()->pendingCount(), 0, 30'000);
        for (int row = 0; row < 2; ++row)
            QCOMPARE(entries->index(row, 0).data(Store::OutboxStateRole).toString(),
                     QStringLiteral("sent"));
        QCOMPARE(entries->index(0, Store::OutboxModel::StateColumn).data().toString(),
                 QStringLiteral("Sent"));

        // The "not yet sent" row became the real ticket (one row, a server id).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QStringList now = idsWithSubject(list->model(), subject);
                return now.size() == 1 && !Store::Outbox::isLocalTicketId(now.first());
            }(),
            30'000);
        QVERIFY(statusLabelOf(list->model(), subject) != QStringLiteral("Not yet sent"));
        // The queued reply is in the open ticket's conversation.
        QTRY_VERIFY_WITH_TIMEOUT(!controller->ticket().comments.isEmpty()
                                     && controller->ticket().comments.last().body == replyText,
                                 30'000);
    }

    // The Outbox view's own actions on what waits: Edit (a reply's text, refused empty), Cancel
    // (asks first; "No" keeps it), and Send anyway for a new ticket the server refused as
    // flagged by its review (409) - each as a user does it, with the server down, then back.
    void editCancelAndSendAnywayFromTheView()
    {
        OutboxWindow w;
        QVERIFY(w.start());
        Store::Outbox *outbox = w.outboxUi->outbox();
        const QString ticketId = w.list->model()->index(0, 0).data(Models::IdRole).toString();
        w.server.kill();
        w.outboxUi->connectivity()->probeNow();
        QTRY_VERIFY_WITH_TIMEOUT(w.outboxUi->banner()->isVisible(), 20'000);

        const qint64 typo = outbox->enqueueComment(ticketId, QStringLiteral("Frist try: a typo"));
        const qint64 unwanted = outbox->enqueueComment(ticketId, QStringLiteral("Sent by mistake"));
        Api::CreateTicketRequest thin; // the review flags it: the server answers 409
        thin.subject = QStringLiteral("broken");
        thin.description = QStringLiteral("it does not work");
        const qint64 flagged = outbox->enqueueCreateTicket(thin);
        QVERIFY(typo > 0 && unwanted > 0 && flagged > 0);
        QCOMPARE(outbox->pendingCount(), 3);

        Ui::OutboxView *view = w.outboxUi->showOutbox();
        auto *edit = view->findChild<QPushButton *>(QStringLiteral("outboxEditButton"));
        auto *cancel = view->findChild<QPushButton *>(QStringLiteral("outboxCancelButton"));
        auto *sendAnyway = view->findChild<QPushButton *>(QStringLiteral("outboxSendAnywayButton"));
        QVERIFY(edit && cancel && sendAnyway);

        // Edit: an empty reply is refused with the reason, the dialog stays; then saved.
        view->selectEntry(typo);
        QVERIFY(edit->isEnabled());
        QString refusal;
        bool stayed = false;
        bool found = false;
        QTimer::singleShot(0, view, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != QLatin1String("outboxEditDialog")) {
                if (dialog)
                    dialog->reject(); // not the one expected: end its exec(), the test fails
                return;
            }
            found = true;
            auto *text = dialog->findChild<QPlainTextEdit *>();
            auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
            text->setPlainText(QStringLiteral("   "));
            save->click();
            for (QLabel *label : dialog->findChildren<QLabel *>())
                if (!label->text().isEmpty() && !label->buddy())
                    refusal += label->text();
            stayed = dialog->isVisible();
            text->setPlainText(QStringLiteral("First try: no typo"));
            save->click();
        });
        edit->click();
        QVERIFY(found);
        QVERIFY2(refusal.contains(QStringLiteral("empty")), qPrintable(refusal));
        QVERIFY(stayed);
        QCOMPARE(outbox->entry(typo)->request.value(QLatin1String("body")).toString(),
                 QStringLiteral("First try: no typo"));

        // Cancel asks first: "No" keeps the reply, "Yes" drops it.
        view->selectEntry(unwanted);
        Ui::MessageBox::setNextAnswer(QMessageBox::No);
        cancel->click();
        QVERIFY(outbox->entry(unwanted));
        QCOMPARE(outbox->pendingCount(), 3);
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        cancel->click();
        QVERIFY(!outbox->entry(unwanted));
        QCOMPARE(outbox->pendingCount(), 2);

        // The server is back: the edited reply goes, the flagged ticket is refused (409) and
        // waits with the server's reason and "Send anyway", which files it.
        QString error;
        QVERIFY2(w.server.start(true, &error), qPrintable(error));
        w.client.setServerUrl(w.server.url());
        QTRY_VERIFY_WITH_TIMEOUT(outbox->entry(flagged)->state == Store::OutboxEntry::State::Failed,
                                 30'000);
        QCOMPARE(outbox->entry(typo)->state, Store::OutboxEntry::State::Sent);
        QVERIFY(outbox->entry(flagged)->conflict);
        view->selectEntry(flagged);
        QVERIFY(sendAnyway->isVisible());
        auto *reason = view->findChild<QLabel *>(QStringLiteral("outboxReason"));
        QVERIFY2(reason->text().contains(QStringLiteral("flagged")), qPrintable(reason->text()));
        sendAnyway->click();
        QTRY_COMPARE_WITH_TIMEOUT(outbox->entry(flagged)->state,
                                  Store::OutboxEntry::State::Sent,
                                  30'000);
        QCOMPARE(outbox->pendingCount(), 0);

        // What reached the server: the edited reply, not the cancelled one.
        auto *job = w.client.ticket(ticketId, view);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 20'000);
        QVERIFY(job->ok());
        QStringList bodies;
        for (const Wire::Comment &c : job->ticket().comments)
            bodies << c.body;
        QVERIFY(bodies.contains(QStringLiteral("First try: no typo")));
        QVERIFY(!bodies.contains(QStringLiteral("Frist try: a typo")));
        QVERIFY(!bodies.contains(QStringLiteral("Sent by mistake")));
    }
};

QTEST_MAIN(TestOutboxGui)
#include "tst_outbox_gui.moc"

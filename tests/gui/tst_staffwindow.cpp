// Staff mode end to end, offscreen, against the real local server with its demo team token:
// role detection, the queue across organisations and its views, assign / status / severity /
// category changes (by keyboard too), team replies that set a status, canned replies, and one
// notification for a burst of customer activity.

#include "palette/commandpalette.h"
#include "staff/cannedrepliesbutton.h"
#include "staff/staffactions.h"
#include "staff/staffwindow.h"
#include "testserver.h"
#include "widgets/traynotifier.h"

#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "detail/previewdialog.h"
#include "detail/replyedit.h"
#include "drafts/replydraftbinder.h"
#include "messagebox.h"

#include "api/apiclient.h"
#include "api/teamjobs.h"
#include "models/activitywatcher.h"
#include "models/cannedreplies.h"
#include "models/notificationbatcher.h"
#include "models/queuemodel.h"
#include "models/roles.h"
#include "models/staffticketcontroller.h"
#include "store/drafts.h"

#include <KSyntaxHighlighting/Repository>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeView>

using namespace Ankra;

namespace {

template<typename Job>
bool waitFor(Job *job)
{
    QSignalSpy spy(job, &Api::ApiJob::finished);
    return job->isFinished() || spy.wait(20'000);
}

} // namespace

class TestStaffWindow : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QString m_teamToken;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    Api::ApiClient *client(const QString &token)
    {
        auto *c = new Api::ApiClient(&m_nam, this);
        c->setServerUrl(m_server.url());
        c->setToken(token);
        return c;
    }

    // A fresh ticket filed by the demo customer: open, unassigned.
    QString fileTicket(const QString &subject)
    {
        Api::CreateTicketRequest r;
        r.subject = subject;
        r.description = QStringLiteral("Since the upgrade to 1.29 the ingress controller answers "
                                       "502 for every route in namespace shop. Logs attached.");
        r.category = QStringLiteral("technical");
        r.acknowledged = true;
        auto *job = client(m_server.token())->createTicket(r, this);
        if (!waitFor(job) || !job->ok()) {
            qWarning("create failed: %s", qPrintable(job->error().message));
            return {};
        }
        return job->ticket().id;
    }

    QAction *action(QWidget *window, const char *name)
    {
        return window->findChild<QAction *>(QLatin1String(name));
    }

    int rowOf(QTreeView *list, const QString &id)
    {
        for (int row = 0; row < list->model()->rowCount(); ++row)
            if (list->model()->index(row, 0).data(Models::IdRole).toString() == id)
                return row;
        return -1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        QFile file(m_server.dataDir() + QStringLiteral("/demo-team-token"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "the server wrote no demo team token");
        m_teamToken = QString::fromUtf8(file.readAll()).trimmed();
        QVERIFY(!m_teamToken.isEmpty());
    }

    void roleDetection()
    {
        auto *team = Api::TeamApi(client(m_teamToken)).me(this);
        QVERIFY(waitFor(team));
        QVERIFY2(team->ok(), qPrintable(team->error().message));
        QVERIFY(team->isTeam());
        QVERIFY(!team->isFallback());
        QVERIFY(team->me().organisations.size() > 1);

        auto *customer = Api::TeamApi(client(m_server.token())).me(this);
        QVERIFY(waitFor(customer));
        QVERIFY(customer->ok());
        QVERIFY(!customer->isTeam());

        // The team routes do not exist for a customer token.
        auto *list = Api::TeamApi(client(m_server.token())).listTickets({}, this);
        QVERIFY(waitFor(list));
        QCOMPARE(list->error().kind, Api::ApiError::Kind::NotFound);

        // A backend without the extension (Ankra's): 404 on /support/me is customer mode.
        Api::ApiClient *ankra = client(m_server.token());
        QUrl elsewhere = m_server.url();
        elsewhere.setPath(QStringLiteral("/not-our-extension"));
        ankra->setServerUrl(elsewhere);
        auto *fallback = Api::TeamApi(ankra).me(this);
        QVERIFY(waitFor(fallback));
        QVERIFY2(fallback->ok(), qPrintable(fallback->error().message));
        QVERIFY(fallback->isFallback());
        QVERIFY(!fallback->isTeam());

        // A wrong token is an error, not a silent customer.
        auto *bad = Api::TeamApi(client(QStringLiteral("ank_wrong"))).me(this);
        QVERIFY(waitFor(bad));
        QCOMPARE(bad->error().kind, Api::ApiError::Kind::Auth);
    }

    void queueAcrossOrganisations()
    {
        const QString fresh = fileTicket(QStringLiteral("Ingress answers 502 after upgrade"));
        QVERIFY(!fresh.isEmpty());
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned1.json")));
        Ui::StaffWindow window(client(m_teamToken), &canned, QStringLiteral("Ankra Support (demo)"));
        QAbstractItemModelTester tester(window.queueModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("queueList"));
        auto *views = window.findChild<QListWidget *>(QStringLiteral("queueViews"));
        QCOMPARE(views->count(), 4);
        QCOMPARE(views->item(0)->text().section(u' ', 0, 1), QStringLiteral("Needs triage"));

        // Needs triage (the default): the new ticket, unassigned, not yet worked on.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, fresh) >= 0, 20'000);
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex i = list->model()->index(row, 0);
            QVERIFY(i.data(Models::AssigneeIdRole).toString().isEmpty());
            QVERIFY(QStringList({QStringLiteral("pending_review"),
                                 QStringLiteral("open"),
                                 QStringLiteral("triaging")})
                        .contains(i.data(Models::StatusRole).toString()));
        }
        // Organisation and severity columns, with headers.
        const int orgColumn = Models::QueueModel::OrganisationColumn;
        QCOMPARE(list->model()->headerData(orgColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Organisation"));
        QCOMPARE(list->model()
                     ->headerData(Models::TicketListModel::SeverityColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Severity"));
        QCOMPARE(list->model()->index(rowOf(list, fresh), orgColumn).data().toString(),
                 QStringLiteral("Demo Org"));

        // All (Alt+4): tickets of several organisations.
        QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
        QCOMPARE(views->currentRow(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->rowCount() > 0
                                     && !window.queueModel()->isLoading(),
                                 20'000);
        QSet<QString> organisations;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            organisations.insert(list->model()->index(row, orgColumn).data().toString());
        QVERIFY2(organisations.size() > 1,
                 qPrintable(QStringList(organisations.values()).join(u',')));
        QVERIFY(!organisations.contains(QString()));
        // The counts reach the views.
        QTRY_VERIFY_WITH_TIMEOUT(views->item(3)->text().contains(u'('), 20'000);

        // Every action has a shortcut (but Help's About boxes and the column choices of
        // View → Columns), and the palette lists them all.
        QAction *palette = Ui::CommandPalette::install(&window);
        const QList<QAction *> actions = Ui::CommandPalette::collectActions(&window);
        QVERIFY(actions.size() >= 15);
        auto *help = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        auto *columns = window.findChild<QMenu *>(QStringLiteral("columnsMenu"));
        QVERIFY(columns);
        for (QAction *a : actions)
            QVERIFY2(!a->shortcut().isEmpty() || help->actions().contains(a)
                         || columns->actions().contains(a),
                     qPrintable(a->text()));
        QVERIFY(actions.contains(columns->actions().constFirst()));
        // And each of them has its place in the menu bar: View, Ticket, File (Quit), Help.
        for (QAction *a : window.actions()) {
            if (a == palette)
                continue;
            bool inMenu = false;
            for (QObject *o : a->associatedObjects())
                inMenu = inMenu || qobject_cast<QMenu *>(o);
            QVERIFY2(inMenu, qPrintable(a->text()));
        }
        const auto menuOf = [&window](const char *action) -> QString {
            for (QObject *o :
                 window.findChild<QAction *>(QLatin1String(action))->associatedObjects())
                if (qobject_cast<QMenu *>(o))
                    return o->objectName();
            return {};
        };
        QCOMPARE(menuOf("assignToMeAction"), QStringLiteral("ticketMenu"));
        QCOMPARE(menuOf("refreshAction"), QStringLiteral("viewMenu"));
        QCOMPARE(menuOf("quitAction"), QStringLiteral("fileMenu"));
        // The views in View: checked where the sidebar is, Alt+N moves both.
        QAction *firstView = action(&window, "viewAction_triage");
        QVERIFY(firstView);
        QCOMPARE(menuOf("viewAction_triage"), QStringLiteral("viewMenu"));
        views->setCurrentRow(0);
        QVERIFY(firstView->isChecked());
        QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
        QCOMPARE(views->currentRow(), 3);
        QVERIFY(!firstView->isChecked());
        views->setCurrentRow(0);
        QVERIFY(firstView->isChecked());
        QVERIFY(!actions.contains(palette));
        QStringList seen;
        for (QAction *a : actions) {
            const QString key = a->shortcut().toString();
            if (key.isEmpty())
                continue;                                   // About, About Qt
            QVERIFY2(!seen.contains(key), qPrintable(key)); // no shortcut used twice
            seen.append(key);
        }
        QVERIFY(!seen.contains(QStringLiteral("Ctrl+K")));
    }

    // The demo customer's files, opened by a team user who is no member of its organisation:
    // preview and download go through the team route (the customer route would say 403).
    void previewAndDownloadACustomersAttachment()
    {
        QStandardPaths::setTestModeEnabled(true);
        Api::TeamTicketQuery query;
        query.search = QStringLiteral("CrashLoopBackOff");
        auto *list = Api::TeamApi(client(m_teamToken)).listTickets(query, this);
        QVERIFY(waitFor(list));
        QVERIFY2(list->ok(), qPrintable(list->error().message));
        QString ticketId;
        for (const Wire::TicketSummary &t : list->page().result)
            if (t.subject.contains(QLatin1String("ingress-nginx")))
                ticketId = t.id;
        QVERIFY(!ticketId.isEmpty());
        // The reference bytes, through the customer's own route.
        auto *mine = client(m_server.token())->ticket(ticketId, this);
        QVERIFY(waitFor(mine));
        QVERIFY2(mine->ok(), qPrintable(mine->error().message));
        QCOMPARE(mine->ticket().attachments.size(), 1);
        const Wire::Attachment attachment = mine->ticket().attachments.first();
        const QString reference = m_dir.filePath(QStringLiteral("reference.log"));
        auto *download = client(m_server.token())
                             ->downloadAttachment(ticketId, attachment.id, reference, this);
        QVERIFY(waitFor(download));
        QVERIFY2(download->ok(), qPrintable(download->error().message));
        QFile referenceFile(reference);
        QVERIFY(referenceFile.open(QIODevice::ReadOnly));
        const QByteArray expected = referenceFile.readAll();
        QVERIFY(expected.size() > 0);

        KSyntaxHighlighting::Repository repository;
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned-files.json")));
        Ui::StaffWindow window(client(m_teamToken), &canned, QStringLiteral("Ankra Support (demo)"));
        window.setSyntaxRepository(&repository);
        window.show();
        window.openTicket(ticketId);
        Models::StaffTicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && controller->ticketId() == ticketId,
                                 20'000);
        QCOMPARE(controller->attachments()->rowCount(), 1);
        Ui::AttachmentsPanel *panel = window.detailView()->attachmentsPanel();
        auto *files = panel->findChild<QTreeView *>(QStringLiteral("attachmentsList"));
        files->setCurrentIndex(files->model()->index(0, 0));

        const QString cached = Ui::AttachmentsPanel::cachePath(attachment.id, attachment.filename);
        QFile::remove(cached);
        QSignalSpy downloaded(controller, &Models::TicketController::downloadFinished);
        QStringList failures;
        connect(controller,
                &Models::TicketController::errorOccurred,
                this,
                [&failures](Models::TicketController::Operation, const Api::ApiError &error) {
                    failures.append(error.message);
                });
        panel->previewSelected();
        QVERIFY(downloaded.wait(20'000));
        QVERIFY2(downloaded.first().at(1).toBool(), qPrintable(failures.join(u'\n')));
        QTRY_VERIFY_WITH_TIMEOUT(panel->previewDialog() && panel->previewDialog()->isVisible(),
                                 20'000);
        QFile preview(cached);
        QVERIFY(preview.open(QIODevice::ReadOnly));
        QVERIFY(preview.readAll() == expected);

        const QString target = m_dir.filePath(QStringLiteral("saved-by-staff.log"));
        Ui::MessageBox::setNextSaveFileName(target);
        downloaded.clear();
        panel->downloadSelected();
        QVERIFY(downloaded.wait(20'000));
        QVERIFY(downloaded.first().at(1).toBool());
        QFile saved(target);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll() == expected);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }

    void assignStatusSeverityCategory()
    {
        const QString id = fileTicket(QStringLiteral("Node pool does not scale up"));
        QVERIFY(!id.isEmpty());
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned2.json")));
        Ui::StaffWindow window(client(m_teamToken), &canned, {});
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("queueList"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, id) >= 0, 20'000);

        // Keyboard: focus the queue, select the row, Enter opens it.
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(list->hasFocus());
        list->setCurrentIndex(list->model()->index(rowOf(list, id), 0));
        QTest::keyClick(list, Qt::Key_Return);
        Models::StaffTicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && controller->ticket().id == id, 20'000);
        auto *organisation = window.findChild<QLabel *>(QStringLiteral("staffOrganisation"));
        auto *assignee = window.findChild<QLabel *>(QStringLiteral("staffAssignee"));
        QCOMPARE(organisation->text(), QStringLiteral("Organisation: Demo Org"));
        // The team reads the customer's words as the customer's, not as "You".
        auto *conversation = window.findChild<QTextEdit *>(QStringLiteral("conversationView"));
        QVERIFY(conversation->toPlainText().contains(QStringLiteral("  ·  Customer  ·  ")));
        QVERIFY(!conversation->toPlainText().contains(QStringLiteral("  ·  You  ·  ")));
        QCOMPARE(assignee->text(), QStringLiteral("Unassigned"));

        // Assign to me (Ctrl+Shift+M): the ticket leaves "Needs triage".
        QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(assignee->text(),
                                  QStringLiteral("Assigned to Ankra Support (demo)"),
                                  20'000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, id) < 0, 20'000);
        QTest::keyClick(&window, Qt::Key_2, Qt::AltModifier); // Assigned to me
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, id) >= 0, 20'000);
        QCOMPARE(list->model()
                     ->index(rowOf(list, id), Models::QueueModel::AssigneeColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Ankra Support (demo)"));

        // Status by keyboard: Ctrl+Shift+S opens the chooser; it offers only allowed moves.
        auto *status = window.findChild<QComboBox *>(QStringLiteral("statusCombo"));
        const QString from = controller->ticket().status;
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(status->view()->isVisible());
        QCOMPARE(status->itemData(0).toString(), from);
        QStringList offered;
        for (int i = 1; i < status->count(); ++i)
            offered.append(status->itemData(i).toString());
        QCOMPARE(offered, Wire::allowedNextStatuses(from));
        const int target = offered.indexOf(QStringLiteral("in_progress")) + 1;
        QVERIFY(target > 0);
        for (int i = 0; i < target; ++i)
            QTest::keyClick(status->view(), Qt::Key_Down);
        QTest::keyClick(status->view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(controller->ticket().status,
                                  QStringLiteral("in_progress"),
                                  20'000);
        QCOMPARE(status->itemData(0).toString(), QStringLiteral("in_progress"));
        // The server notes the change in the thread.
        bool noted = false;
        for (const Wire::Comment &c : controller->ticket().comments)
            noted = noted
                    || (c.authorType == QLatin1String("system")
                        && c.body.contains(QLatin1String("Being worked on")));
        QVERIFY(noted);

        // A move the lifecycle forbids: the server's reason is shown, nothing changes.
        controller->setStatus(QStringLiteral("closed"));
        auto *actions = window.findChild<Ui::StaffActionsPanel *>(QStringLiteral("staffActions"));
        QTRY_VERIFY_WITH_TIMEOUT(actions->errorText().contains(QLatin1String("cannot move")),
                                 20'000);
        QCOMPARE(controller->ticket().status, QStringLiteral("in_progress"));

        // Severity and category through the choosers.
        auto *severity = window.findChild<QComboBox *>(QStringLiteral("severityCombo"));
        const int critical = severity->findData(QStringLiteral("critical"));
        severity->setCurrentIndex(critical);
        emit severity->activated(critical);
        QTRY_COMPARE_WITH_TIMEOUT(controller->ticket().severity, QStringLiteral("critical"), 20'000);
        QVERIFY(actions->errorText().isEmpty());
        auto *category = window.findChild<QComboBox *>(QStringLiteral("categoryCombo"));
        const int billing = category->findData(QStringLiteral("billing"));
        emit category->activated(billing);
        QTRY_COMPARE_WITH_TIMEOUT(controller->ticket().category, QStringLiteral("billing"), 20'000);
        // ... and the queue row follows.
        QTRY_COMPARE_WITH_TIMEOUT(list->model()
                                      ->index(rowOf(list, id),
                                              Models::TicketListModel::SeverityColumn)
                                      .data(Models::SeverityRole)
                                      .toString(),
                                  QStringLiteral("critical"),
                                  20'000);

        // Clearing the severity sends null.
        emit severity->activated(0);
        QTRY_VERIFY_WITH_TIMEOUT(controller->ticket().severity.isEmpty(), 20'000);

        if (qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR"))
            window.grab().save(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR")
                               + QStringLiteral("/tst-staff-window.png"));

        // The customer sees the new status.
        auto *mine = client(m_server.token())->ticket(id, this);
        QVERIFY(waitFor(mine));
        QCOMPARE(mine->ticket().status, QStringLiteral("in_progress"));
    }

    void teamRepliesAndCannedReplies()
    {
        const QString id = fileTicket(QStringLiteral("Certificate renewal fails for api domain"));
        QVERIFY(!id.isEmpty());
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned3.json")));
        Ui::StaffWindow window(client(m_teamToken), &canned, {});
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.openTicket(id);
        Models::StaffTicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && controller->ticket().id == id, 20'000);
        auto *reply = window.findChild<Ui::ReplyEdit *>(QStringLiteral("replyEdit"));
        auto *wait = window.findChild<QPushButton *>(QStringLiteral("replyWaitButton"));
        auto *resolve = window.findChild<QPushButton *>(QStringLiteral("replyResolveButton"));
        QVERIFY(!wait->isEnabled()); // nothing written yet
        QVERIFY(!resolve->isEnabled());

        // Save a canned reply from the reply box (Ctrl+Shift+K asks for its name).
        const QString question = QStringLiteral("Could you send the output of "
                                                "`kubectl describe certificate api`?");
        reply->setFocus();
        QTest::keyClicks(reply, question);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        auto *button = window.findChild<Ui::CannedRepliesButton *>(
            QStringLiteral("cannedRepliesButton"));
        QTRY_VERIFY(button->saveDialog() && button->saveDialog()->isVisible());
        button->saveDialog()->setTextValue(QStringLiteral("Ask for certificate"));
        button->saveDialog()->accept();
        QTRY_COMPARE(canned.replies().size(), 1);
        QCOMPARE(canned.replies().first().body, question);

        // Insert it again (Ctrl+Shift+I opens the menu, Enter takes the first).
        reply->clear();
        QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QMenu *menu = button->findChild<QMenu *>(QStringLiteral("cannedRepliesMenu"));
        QTRY_VERIFY(menu->isVisible());
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_COMPARE(reply->toPlainText(), question);

        // Reply and set waiting on customer (Ctrl+Shift+W).
        QTRY_VERIFY(wait->isEnabled());
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(controller->ticket().status,
                                  QStringLiteral("waiting_customer"),
                                  20'000);
        QTRY_VERIFY(reply->toPlainText().isEmpty());
        const Wire::Comment last = [&] {
            Wire::Comment found;
            for (const Wire::Comment &c : controller->ticket().comments)
                if (c.authorType == QLatin1String("team"))
                    found = c;
            return found;
        }();
        QCOMPARE(last.body, question);
        QCOMPARE(last.authorLabel, QStringLiteral("Ankra Support (demo)"));

        // The customer sees the team's reply and that it waits on them.
        auto *mine = client(m_server.token())->ticket(id, this);
        QVERIFY(waitFor(mine));
        QCOMPARE(mine->ticket().status, QStringLiteral("waiting_customer"));
        QCOMPARE(mine->ticket().comments.last().authorType == QLatin1String("team")
                     || std::any_of(mine->ticket().comments.cbegin(),
                                    mine->ticket().comments.cend(),
                                    [&](const Wire::Comment &c) { return c.body == question; }),
                 true);

        // Reply and resolve, with the button.
        QTest::keyClicks(reply, QStringLiteral("Renewed by hand; fixed in the next release."));
        QTRY_VERIFY(resolve->isEnabled());
        QTest::mouseClick(resolve, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(controller->ticket().status, QStringLiteral("resolved"), 20'000);

        // A plain reply (Ctrl+Enter, the detail view's send) changes no status.
        QTest::keyClicks(reply, QStringLiteral("One more note."));
        const int before = int(controller->ticket().comments.size());
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(controller->ticket().comments.size() > before, 20'000);
        QCOMPARE(controller->ticket().status, QStringLiteral("resolved"));
    }

    // A team reply typed and not sent stays a draft per ticket (ui/main.cpp binds the staff
    // window's reply box as the customer's): it comes back on the ticket, in a new window, and
    // goes once sent.
    void teamReplyKeepsADraftPerTicket()
    {
        const QString first = fileTicket(QStringLiteral("Draft test: node pool stuck"));
        const QString second = fileTicket(QStringLiteral("Draft test: ingress 502"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        Store::DraftStore store(m_dir.filePath(QStringLiteral("team-drafts")));
        const QString account = QStringLiteral("team-account");
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned5.json")));
        // A staff window with its reply box bound to the drafts, as ui/main.cpp does.
        const auto staffWindow = [&] {
            auto window = std::make_unique<Ui::StaffWindow>(client(m_teamToken), &canned, QString());
            new Ui::ReplyDraftBinder(&store, account, window->detailView());
            window->show();
            return window;
        };
        // Opens `id` there; the reply box once it is ready.
        const auto open = [](Ui::StaffWindow *window, const QString &id) -> Ui::ReplyEdit * {
            auto *reply = window->findChild<Ui::ReplyEdit *>(QStringLiteral("replyEdit"));
            window->openTicket(id);
            Models::StaffTicketController *controller = window->ticketController();
            if (!QTest::qWaitFor(
                    [&] {
                        return controller->hasTicket() && controller->ticket().id == id
                               && reply->isEnabled();
                    },
                    20'000))
                return nullptr;
            return reply;
        };
        {
            const auto window = staffWindow();
            Ui::ReplyEdit *reply = open(window.get(), first);
            QVERIFY(reply);
            QTest::keyClicks(reply, QStringLiteral("Looking at the node pool now"));
            QTRY_VERIFY_WITH_TIMEOUT(store.replyDraft(account, first), 20'000);
            QVERIFY(open(window.get(), second));
            QCOMPARE(reply->toPlainText(), QString());
            QVERIFY(open(window.get(), first));
            QCOMPARE(reply->toPlainText(), QStringLiteral("Looking at the node pool now"));
        } // the window closes with the draft unsent
        const auto window = staffWindow();
        Ui::ReplyEdit *reply = open(window.get(), first);
        QVERIFY(reply);
        QTRY_COMPARE(reply->toPlainText(), QStringLiteral("Looking at the node pool now"));
        // Sent with "Reply & wait on customer": the draft goes.
        auto *wait = window->findChild<QPushButton *>(QStringLiteral("replyWaitButton"));
        QTRY_VERIFY(wait->isEnabled());
        wait->click();
        QTRY_COMPARE_WITH_TIMEOUT(window->ticketController()->ticket().status,
                                  QStringLiteral("waiting_customer"),
                                  20'000);
        QTRY_VERIFY_WITH_TIMEOUT(!store.replyDraft(account, first), 20'000);
    }

    void oneNotificationForABurst()
    {
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned4.json")));
        Ui::StaffWindow window(client(m_teamToken), &canned, {});
        window.activityWatcher()->setInterval(500);
        // Generous: filing a ticket runs the review and may take seconds on a loaded machine.
        window.notificationBatcher()->setQuietPeriod(8'000);
        window.notificationBatcher()->setMaxDelay(40'000);
        QSignalSpy batches(window.notificationBatcher(), &Models::NotificationBatcher::batchReady);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The watcher's baseline first: what existed before reports nothing.
        QTest::qWait(1'500);
        QCOMPARE(batches.count(), 0);

        // A burst: two new tickets and a customer reply on an older one.
        const QString older = fileTicket(QStringLiteral("Backups of volume data missing"));
        QTest::qWait(1'200); // the older ticket is now part of what the watcher knows
        QTRY_VERIFY_WITH_TIMEOUT(batches.count() == 1, 40'000);
        batches.clear();
        const QString a = fileTicket(QStringLiteral("Grafana dashboards empty"));
        auto *comment = client(m_server.token())
                            ->addComment(older, QStringLiteral("It happened again tonight."), this);
        QVERIFY(waitFor(comment));
        QVERIFY(comment->ok());
        const QString b = fileTicket(QStringLiteral("Helm release stuck in pending-upgrade"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(batches.count() >= 1, 60'000);
        QTest::qWait(9'000); // no second notification for the same burst
        QCOMPARE(batches.count(), 1);
        const auto events = batches.first().first().value<QList<Models::ActivityEvent>>();
        QSet<QString> ids;
        for (const Models::ActivityEvent &e : events)
            ids.insert(e.ticketId);
        QCOMPARE(ids, QSet<QString>({a, b, older}));
        Ui::TrayNotifier *tray = window.trayNotifier();
        QCOMPARE(tray->lastTitle(), QStringLiteral("2 new ticket(s) and 1 customer reply(s)"));
        QVERIFY(tray->lastBody().contains(QLatin1String("Grafana dashboards empty (Demo Org)")));
        // Settings' switch (main.cpp applies it to either window the same way).
        window.setNotificationsEnabled(false);
        QVERIFY(!tray->isEnabled());
        window.setNotificationsEnabled(true);
        QVERIFY(tray->isEnabled());
    }
};

QTEST_MAIN(TestStaffWindow)
#include "tst_staffwindow.moc"

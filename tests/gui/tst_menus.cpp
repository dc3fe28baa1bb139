// The menu bar (ui/widgets/menus.h), offscreen: menus come in the desktop's order whatever
// order features add them in; File keeps Quit last; Ctrl+Q closes every window; About names
// the version and Qt; the customer's main window (against the real local server) has every
// action of its toolbar in a menu, View's views follow and drive the sidebar (Alt+1..6), and
// Ticket → Close ticket… closes the open ticket after asking.

#include "mainwindow.h"
#include "messagebox.h"
#include "testserver.h"
#include "tickets/viewsidebar.h"
#include "widgets/menus.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QWidgetAction>

using namespace Ankra;
using Ui::Menus::Kind;

namespace {

QStringList menuNames(QMainWindow *window)
{
    QStringList names;
    for (QAction *entry : window->menuBar()->actions())
        names.append(entry->menu() ? entry->menu()->objectName() : entry->text());
    return names;
}

QStringList actionNames(QMenu *menu)
{
    QStringList names;
    for (QAction *a : menu->actions())
        names.append(a->isSeparator() ? QStringLiteral("-") : a->objectName());
    return names;
}

// An API client signed in to the test server as its demo customer.
struct SignedIn
{
    explicit SignedIn(const Test::TestServer &server)
        : client(&nam)
    {
        client.setServerUrl(server.url());
        client.setToken(server.token());
    }
    QNetworkAccessManager nam;
    Api::ApiClient client;
};

} // namespace

class TestMenus : public QObject
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

    void menusTakeTheirPlaceWhateverTheOrder()
    {
        QMainWindow window;
        QMenu *help = Ui::Menus::menu(&window, Kind::Help);
        QMenu *tools = Ui::Menus::menu(&window, Kind::Tools);
        auto *custom = window.menuBar()->addMenu(QStringLiteral("Custom")); // not one of ours
        QMenu *file = Ui::Menus::menu(&window, Kind::File);
        QMenu *view = Ui::Menus::menu(&window, Kind::View);
        QMenu *edit = Ui::Menus::menu(&window, Kind::Edit);
        QMenu *ticket = Ui::Menus::menu(&window, Kind::Ticket);
        QCOMPARE(menuNames(&window),
                 (QStringList{QStringLiteral("fileMenu"),
                              QStringLiteral("editMenu"),
                              QStringLiteral("viewMenu"),
                              QStringLiteral("ticketMenu"),
                              QStringLiteral("toolsMenu"),
                              QStringLiteral("helpMenu"),
                              custom->objectName()}));
        // Asked again: the same menus, none added.
        QCOMPARE(Ui::Menus::menu(&window, Kind::Help), help);
        QCOMPARE(Ui::Menus::menu(&window, Kind::Tools), tools);
        QCOMPARE(Ui::Menus::menu(&window, Kind::File), file);
        QCOMPARE(Ui::Menus::menu(&window, Kind::View), view);
        QCOMPARE(Ui::Menus::menu(&window, Kind::Edit), edit);
        QCOMPARE(Ui::Menus::menu(&window, Kind::Ticket), ticket);
        QCOMPARE(window.menuBar()->actions().size(), 7);
        QCOMPARE(file->title(), QStringLiteral("&File"));
        QCOMPARE(help->title(), QStringLiteral("&Help"));
    }

    // Quit stays last in File, the About boxes last in Help, whatever is added later.
    void quitAndAboutStayLast()
    {
        QMainWindow window;
        auto *before = new QAction(QStringLiteral("Before"), &window);
        before->setObjectName(QStringLiteral("before"));
        Ui::Menus::add(&window, Kind::File, before);
        Ui::Menus::addStandardActions(&window);
        auto *after = new QAction(QStringLiteral("Added later"), &window);
        after->setObjectName(QStringLiteral("after"));
        Ui::Menus::add(&window, Kind::File, after);
        QCOMPARE(actionNames(Ui::Menus::menu(&window, Kind::File)),
                 (QStringList{QStringLiteral("before"),
                              QStringLiteral("after"),
                              QStringLiteral("-"),
                              QStringLiteral("quitAction")}));
        auto *helpItem = new QAction(QStringLiteral("Find"), &window);
        helpItem->setObjectName(QStringLiteral("helpItem"));
        Ui::Menus::add(&window, Kind::Help, helpItem);
        QCOMPARE(actionNames(Ui::Menus::menu(&window, Kind::Help)),
                 (QStringList{QStringLiteral("helpItem"),
                              QStringLiteral("-"),
                              QStringLiteral("aboutAction"),
                              QStringLiteral("aboutQtAction")}));
        auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
        QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        QCOMPARE(quit->menuRole(), QAction::QuitRole);
    }

    void ctrlQClosesEveryWindow()
    {
        QMainWindow first;
        QMainWindow second;
        Ui::Menus::addStandardActions(&first);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        first.show();
        first.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&first));
        QSignalSpy quit(first.findChild<QAction *>(QStringLiteral("quitAction")),
                        &QAction::triggered);
        QTest::keyClick(&first, Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(quit.count(), 1);
        QTRY_VERIFY(!first.isVisible());
        QTRY_VERIFY(!second.isVisible());
    }

    void aboutNamesTheVersionAndQt()
    {
        QMainWindow window;
        Ui::Menus::addStandardActions(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox")))
                    && box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral(ANKRA_VERSION)), qPrintable(box->text()));
        QVERIFY(box->text().contains(QString::fromLatin1(qVersion())));
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY(box->isModal() || box->windowModality() != Qt::NonModal);
        box->button(QMessageBox::Close)->click();
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("aboutBox")));
    }

    void mainWindowHasItsActionsInTheMenus()
    {
        SignedIn session(m_server);
        Ui::MainWindow window(&session.client);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QCOMPARE(menuNames(&window),
                 (QStringList{QStringLiteral("fileMenu"),
                              QStringLiteral("viewMenu"),
                              QStringLiteral("ticketMenu"),
                              QStringLiteral("helpMenu")}));
        // Every action of the toolbar and of the window is in a menu.
        auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QList<QAction *> actions = window.actions();
        for (QAction *a : toolbar->actions())
            if (!a->isSeparator() && !qobject_cast<QWidgetAction *>(a) && !a->text().isEmpty())
                actions.append(a);
        QVERIFY(actions.size() >= 5);
        for (QAction *a : actions)
            QVERIFY2(Ui::Menus::menuOf(a), qPrintable(a->text()));
        QCOMPARE(actionNames(Ui::Menus::menu(&window, Kind::File)),
                 (QStringList{QStringLiteral("newTicketAction"),
                              QStringLiteral("draftsAction"),
                              QStringLiteral("-"),
                              QStringLiteral("quitAction")}));
        QCOMPARE(Ui::Menus::menuOf(window.findChild<QAction *>(QStringLiteral("replyAction")))
                     ->objectName(),
                 QStringLiteral("ticketMenu"));

        // View's views: one per sidebar row, with Alt+1.., checked where the sidebar is.
        auto *sidebar = window.findChild<Ui::ViewSidebar *>(QStringLiteral("viewSidebar"));
        QVERIFY(sidebar->count() >= 6);
        QList<QAction *> views;
        for (int row = 0; row < sidebar->count(); ++row) {
            auto *a = window.findChild<QAction *>(QStringLiteral("viewAction_%1").arg(row));
            QVERIFY(a);
            QCOMPARE(a->text(), sidebar->viewName(row));
            QCOMPARE(a->shortcut(), QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + row)));
            QCOMPARE(Ui::Menus::menuOf(a)->objectName(), QStringLiteral("viewMenu"));
            views.append(a);
        }
        QVERIFY(views.at(0)->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(!window.ticketModel()->isLoading(), 20'000);
        // Alt+2: Waiting on me, in the sidebar and in what the list asks for.
        QTest::keyClick(&window, Qt::Key_2, Qt::AltModifier);
        QCOMPARE(sidebar->currentRow(), 1);
        QVERIFY(views.at(1)->isChecked());
        QVERIFY(!views.at(0)->isChecked());
        QCOMPARE(window.ticketModel()->query().statuses,
                 QStringList{QStringLiteral("waiting_customer")});
        // A click in the sidebar moves the check.
        sidebar->setCurrentRow(3);
        QVERIFY(views.at(3)->isChecked());
        QCOMPARE(window.ticketModel()->query().statuses, QStringList{QStringLiteral("resolved")});
    }

    void ticketMenuClosesTheOpenTicket()
    {
        SignedIn session(m_server);
        Ui::MainWindow window(&session.client);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Models::TicketListModel *model = window.ticketModel();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, 20'000);

        // Built with the ticket view (after the first paint): disabled while no ticket is open.
        QAction *close = nullptr;
        QTRY_VERIFY(close = window.findChild<QAction *>(QStringLiteral("closeTicketAction")));
        QCOMPARE(Ui::Menus::menuOf(close)->objectName(), QStringLiteral("ticketMenu"));
        QVERIFY(!close->isEnabled());

        const QString id = model->index(0, 0).data(Models::IdRole).toString();
        window.openTicket(id);
        Models::TicketController *controller = window.ticketController();
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasTicket() && controller->ticket().id == id, 20'000);
        QVERIFY(close->isEnabled());

        // Ticket → Attach files… (Ctrl+Shift+A): the files chosen are uploaded.
        auto *attach = window.findChild<QAction *>(QStringLiteral("attachAction"));
        QVERIFY(attach);
        QCOMPARE(Ui::Menus::menuOf(attach)->objectName(), QStringLiteral("ticketMenu"));
        QCOMPARE(attach->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        QVERIFY(attach->isEnabled());
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("ingress.log"));
        {
            QFile file(log);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("502 Bad Gateway upstream=shop/cart\n");
        }
        const qsizetype attachments = controller->ticket().attachments.size();
        Ui::MessageBox::setNextOpenFileNames({log});
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(controller->ticket().attachments.size(), attachments + 1, 20'000);
        QCOMPARE(controller->ticket().attachments.last().filename, QStringLiteral("ingress.log"));

        // It asks first: "Cancel" leaves the ticket open.
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        close->trigger();
        QTest::qWait(300);
        QVERIFY(!controller->isClosed());
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        close->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(controller->isClosed(), 20'000);
        QTRY_VERIFY(!close->isEnabled());
        QVERIFY(!attach->isEnabled()); // a closed ticket takes no files
    }
};

QTEST_MAIN(TestMenus)
#include "tst_menus.moc"

// Desktop integration, end to end: window layout restored from settings (with the columns
// hidden or shown through View → Columns and the list header's menu), the Settings dialog
// (Edit → Settings…, Ctrl+,) writes the documented keys, and an ankra-support://ticket/<id>
// link given to a second launch of the real app opens the ticket in the first one.

#include "mainwindow.h"
#include "staff/staffwindow.h"
#include "testserver.h"

#include "desktop/windowstate.h"
#include "settings/settingsdialog.h"
#include "widgets/menus.h"

#include "api/apiclient.h"
#include "instance/singleinstance.h"
#include "models/cannedreplies.h"
#include "models/ticketlistmodel.h"
#include "settings/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocalSocket>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Ankra;

class TestDesktop : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;

    std::unique_ptr<Api::ApiClient> client()
    {
        auto c = std::make_unique<Api::ApiClient>(&m_nam);
        c->setServerUrl(m_server.url());
        c->setToken(m_server.token());
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void windowLayoutIsRestored()
    {
        QSettings raw(m_dir.filePath(QStringLiteral("layout.ini")), QSettings::IniFormat);
        Settings::AppSettings settings(&raw);
        auto c = client();
        QList<int> sizes;
        int subjectWidth = 0;
        {
            Ui::MainWindow window(c.get());
            window.resize(1200, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("listDetailSplitter"));
            splitter->setSizes({300, 700});
            sizes = splitter->sizes();
            auto *header = window.findChild<QTreeView *>(QStringLiteral("ticketList"))->header();
            header->resizeSection(0, 77);
            window.findChild<QListWidget *>(QStringLiteral("viewSidebar"))->setCurrentRow(3);
            Ui::WindowState::save(&window, &settings);
        }
        QCOMPARE(raw.value(QStringLiteral("window/lastView")).toInt(), 3);
        for (const QString &key : raw.allKeys())
            QVERIFY2(!raw.value(key).toString().contains(m_server.token()), "token in settings");

        Ui::MainWindow again(c.get());
        Ui::WindowState::restore(&again, settings);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1200, 700));
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("listDetailSplitter"))->sizes(), sizes);
        QCOMPARE(again.findChild<QTreeView *>(QStringLiteral("ticketList"))->header()->sectionSize(0),
                 77);
        QCOMPARE(again.findChild<QListWidget *>(QStringLiteral("viewSidebar"))->currentRow(), 3);
        Q_UNUSED(subjectWidth)
    }

    // View → Columns (also the list header's context menu) hides and shows the columns of the
    // customer's list, the subject always stays, and a hidden column stays hidden at the next
    // start (the header's saved state).
    void columnsCanBeHiddenAndStayHidden()
    {
        QSettings raw(m_dir.filePath(QStringLiteral("columns.ini")), QSettings::IniFormat);
        Settings::AppSettings settings(&raw);
        auto c = client();
        const int cluster = Models::TicketListModel::ClusterColumn;
        {
            Ui::MainWindow window(c.get());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // Installed once the window has painted.
            QTRY_VERIFY(window.findChild<QMenu *>(QStringLiteral("columnsMenu")));
            auto *columns = window.findChild<QMenu *>(QStringLiteral("columnsMenu"));
            QCOMPARE(Ui::Menus::menuOf(columns->menuAction()),
                     Ui::Menus::menu(&window, Ui::Menus::Kind::View));
            QStringList names;
            for (QAction *entry : columns->actions()) {
                names << entry->text();
                QVERIFY(entry->isChecked()); // all shown
            }
            QCOMPARE(names,
                     (QStringList{QStringLiteral("Ticket number"),
                                  QStringLiteral("Subject"),
                                  QStringLiteral("Status"),
                                  QStringLiteral("Severity"),
                                  QStringLiteral("Category"),
                                  QStringLiteral("Cluster"),
                                  QStringLiteral("Updated")}));
            QHeaderView *header = window.findChild<QTreeView *>(QStringLiteral("ticketList"))
                                      ->header();
            auto *subject = columns->findChild<QAction *>(QStringLiteral("column_1"));
            QVERIFY(!subject->isEnabled());
            subject->trigger();
            QVERIFY(!header->isSectionHidden(Models::TicketListModel::SubjectColumn));

            auto *clusterEntry = columns->findChild<QAction *>(
                QStringLiteral("column_%1").arg(cluster));
            clusterEntry->trigger();
            QVERIFY(header->isSectionHidden(cluster));
            QVERIFY(!clusterEntry->isChecked());

            // The same menu on the header.
            QCOMPARE(header->contextMenuPolicy(), Qt::CustomContextMenu);
            emit header->customContextMenuRequested(QPoint(20, 5));
            QTRY_VERIFY(columns->isVisible());
            columns->hide();
            Ui::WindowState::save(&window, &settings);
        }

        Ui::MainWindow again(c.get());
        Ui::WindowState::restore(&again, settings);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QHeaderView *header = again.findChild<QTreeView *>(QStringLiteral("ticketList"))->header();
        QVERIFY(header->isSectionHidden(cluster));
        QTRY_VERIFY(again.findChild<QMenu *>(QStringLiteral("columnsMenu")));
        auto *clusterEntry = again.findChild<QMenu *>(QStringLiteral("columnsMenu"))
                                 ->findChild<QAction *>(QStringLiteral("column_%1").arg(cluster));
        QVERIFY(!clusterEntry->isChecked()); // the restored state, not "all shown"
        clusterEntry->trigger();
        QVERIFY(!header->isSectionHidden(cluster));
        QVERIFY(header->sectionSize(cluster) >= header->minimumSectionSize());
        QVERIFY(clusterEntry->isChecked());
    }

    // The staff queue hides the cluster at first (nine columns next to the ticket); shown
    // through View → Columns, it stays shown: the queue's header is saved too ("staff/").
    void staffQueueColumnsAreRemembered()
    {
        QSettings raw(m_dir.filePath(QStringLiteral("staff-columns.ini")), QSettings::IniFormat);
        Settings::AppSettings settings(&raw);
        auto c = client();
        c->setToken(
            m_server.createToken(QStringLiteral("Demo Org"), QStringLiteral("Sam Support"), true));
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned-columns.json")));
        const int cluster = Models::TicketListModel::ClusterColumn;
        const QString group = QStringLiteral("staff/");
        {
            Ui::StaffWindow window(c.get(), &canned, {});
            Ui::WindowState::restore(&window, settings, group);
            QHeaderView *header = window.findChild<QTreeView *>(QStringLiteral("queueList"))
                                      ->header();
            QVERIFY(header->isSectionHidden(cluster));
            auto *entry = window.findChild<QMenu *>(QStringLiteral("columnsMenu"))
                              ->findChild<QAction *>(QStringLiteral("column_%1").arg(cluster));
            QVERIFY(!entry->isChecked());
            entry->trigger();
            QVERIFY(!header->isSectionHidden(cluster));
            header->resizeSection(Models::TicketListModel::NumberColumn, 61);
            Ui::WindowState::save(&window, &settings, group);
        }
        Ui::StaffWindow again(c.get(), &canned, {});
        Ui::WindowState::restore(&again, settings, group);
        QHeaderView *header = again.findChild<QTreeView *>(QStringLiteral("queueList"))->header();
        QVERIFY(!header->isSectionHidden(cluster));
        QCOMPARE(header->sectionSize(Models::TicketListModel::NumberColumn), 61);
    }

    // At a first start a large screen gets a larger window (the subject column gets the room;
    // at most 1800 x 1100), a 1440 x 900 screen the default size, a small one no more than it has.
    void firstStartSizeFollowsTheScreen()
    {
        const QSize customer(1400, 860);
        QCOMPARE(Ui::WindowState::firstStartSize(customer, QSize(1440, 870)), customer);
        QCOMPARE(Ui::WindowState::firstStartSize(customer, QSize(1920, 1050)), QSize(1632, 893));
        QCOMPARE(Ui::WindowState::firstStartSize(customer, QSize(3840, 2100)), QSize(1800, 1100));
        QCOMPARE(Ui::WindowState::firstStartSize(customer, QSize(1366, 740)), QSize(1366, 740));
        QCOMPARE(Ui::WindowState::firstStartSize(QSize(1500, 900), QSize(1920, 1050)),
                 QSize(1632, 900));
    }

    // A first start (nothing saved) opens each window at its default size, but never larger
    // than the screen: the staff window's 1500 px ran off a 1440 px screen, its buttons and the
    // account switcher out of reach. And what the windows hold still fits a 1366 x 768 laptop.
    void firstStartFitsTheScreen()
    {
        QSettings raw(m_dir.filePath(QStringLiteral("first.ini")), QSettings::IniFormat);
        Settings::AppSettings settings(&raw);
        auto c = client();
        Models::CannedReplyStore canned(m_dir.filePath(QStringLiteral("canned.json")));
        Ui::MainWindow customer(c.get());
        Ui::StaffWindow team(c.get(), &canned, {});
        for (QMainWindow *window : std::initializer_list<QMainWindow *>{&customer, &team}) {
            Ui::WindowState::restore(window,
                                     settings,
                                     window == &team ? QStringLiteral("staff/") : QString());
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            const QSize available = window->screen()->availableGeometry().size();
            const QSize least = window->minimumSizeHint(); // laid out: what it holds
            const QString what = QStringLiteral("%1: %2 x %3 on %4 x %5, at least %6 x %7")
                                     .arg(window->objectName())
                                     .arg(window->width())
                                     .arg(window->height())
                                     .arg(available.width())
                                     .arg(available.height())
                                     .arg(least.width())
                                     .arg(least.height());
            QVERIFY2(least.width() <= 1366 && least.height() <= 768, qPrintable(what));
            QVERIFY2(window->width() <= qMax(available.width(), least.width()), qPrintable(what));
            QVERIFY2(window->height() <= qMax(available.height(), least.height()), qPrintable(what));
            window->hide();
        }
    }

    void settingsDialogWritesTheKeys()
    {
        QSettings raw(m_dir.filePath(QStringLiteral("prefs.ini")), QSettings::IniFormat);
        Settings::AppSettings settings(&raw);
        auto c = client();
        Ui::MainWindow window(c.get());
        QAction *action = Ui::SettingsDialog::addMenuAction(&window);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        auto *edit = window.menuBar()->findChild<QMenu *>(QStringLiteral("editMenu"));
        QVERIFY(edit && edit->actions().contains(action));
        // A second install reuses the Edit menu.
        Ui::SettingsDialog::addMenuAction(&window);
        QCOMPARE(window.menuBar()->findChildren<QMenu *>(QStringLiteral("editMenu")).size(), 1);

        Ui::SettingsDialog dialog(&settings);
        QSignalSpy accounts(&dialog, &Ui::SettingsDialog::manageAccountsRequested);
        dialog.findChild<QPushButton *>(QStringLiteral("manageAccountsButton"))->click();
        QCOMPARE(accounts.size(), 1);
        dialog.findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"))->setValue(120);
        dialog.findChild<QCheckBox *>(QStringLiteral("notificationsCheck"))->setChecked(false);
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("de")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("languageNote"))->isVisibleTo(&dialog));
        dialog.findChild<QSpinBox *>(QStringLiteral("cacheSizeSpin"))->setValue(750);
        if (qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR")) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(QDir(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR"))
                                   .filePath(QStringLiteral("settings-dialog.png")));
        }
        QSignalSpy changed(&settings, &Settings::AppSettings::changed);
        dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton"))->click();
        QVERIFY(changed.size() >= 1);

        QSettings reread(m_dir.filePath(QStringLiteral("prefs.ini")), QSettings::IniFormat);
        QCOMPARE(reread.value(QStringLiteral("updates/pollIntervalSeconds")).toInt(), 120);
        QCOMPARE(reread.value(QStringLiteral("notifications/enabled")).toBool(), false);
        QCOMPARE(reread.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(reread.value(QStringLiteral("cache/maxMegabytes")).toInt(), 750);

        // Cancel keeps what was stored.
        Ui::SettingsDialog second(&settings);
        second.findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"))->setValue(300);
        second.reject();
        QCOMPARE(settings.pollIntervalSeconds(), 120);
    }

    void linkOpensTheTicketInTheRunningApp()
    {
        // A ticket to link to.
        auto c = client();
        Api::TicketQuery query;
        auto *job = c->listTickets(query, this);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 20'000);
        QVERIFY(job->ok() && !job->page().result.isEmpty());
        const QString ticketId = job->page().result.last().id;
        delete job;

        const QString home = m_dir.filePath(QStringLiteral("home"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("ANKRA_SINGLE_INSTANCE"));
        const QString dataDir = home + QStringLiteral("/data/Ankra/ankra-support");
        const QString serverName = Instance::SingleInstance::serverNameFor(dataDir);

        QProcess first;
        QProcessEnvironment firstEnv = env;
        firstEnv.insert(QStringLiteral("ANKRA_API_TOKEN"), m_server.token());
        first.setProcessEnvironment(firstEnv);
        first.setProcessChannelMode(QProcess::ForwardedChannels);
        first.start(QStringLiteral(ANKRA_APP_BINARY),
                    {QStringLiteral("--server"), m_server.url().toString()});
        QVERIFY(first.waitForStarted(20'000));
        const auto listening = [&] {
            QLocalSocket probe;
            probe.connectToServer(serverName);
            return probe.waitForConnected(200);
        };
        QTRY_VERIFY_WITH_TIMEOUT(listening(), 30'000);

        // A second launch with a link hands it over and exits 0 at once.
        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(ANKRA_APP_BINARY),
                     {QStringLiteral("ankra-support://ticket/") + ticketId});
        QVERIFY(second.waitForFinished(30'000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);

        // The first instance opened the ticket: opening marks it read on disk.
        const auto markedRead = [&] {
            QSettings readState(dataDir + QStringLiteral("/read-state.ini"), QSettings::IniFormat);
            const QStringList keys = readState.allKeys();
            return std::any_of(keys.begin(), keys.end(), [&](const QString &k) {
                return k.contains(ticketId);
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(markedRead(), 30'000);

        // Another data directory is another instance: it does not hand over (it keeps running).
        QProcess other;
        QProcessEnvironment otherEnv = env;
        otherEnv.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data2"));
        otherEnv.insert(QStringLiteral("ANKRA_API_TOKEN"), m_server.token());
        other.setProcessEnvironment(otherEnv);
        other.start(QStringLiteral(ANKRA_APP_BINARY),
                    {QStringLiteral("--server"), m_server.url().toString()});
        QVERIFY(other.waitForStarted(20'000));
        QVERIFY(!other.waitForFinished(3'000));
        other.kill();
        other.waitForFinished(10'000);

        first.terminate();
        if (!first.waitForFinished(20'000)) {
            first.kill();
            first.waitForFinished(10'000);
        }
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"

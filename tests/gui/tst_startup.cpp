// The start of the app (ui/startup, ui/main.cpp), against the real server: the window of the
// role remembered from the last start opens before GET /support/me answers, and the answer
// switches the window when the role changed; work deferred until after the first paint runs
// then, in order; the offline cache installed after the first paint still shows its rows when
// the first request already failed (offline) and stores the page the server already answered.

#include "mainwindow.h"
#include "testserver.h"

#include "cache/cacheui.h"
#include "desktop/palette.h"
#include "startup/afterfirstpaint.h"
#include "startup/lazyiconstyle.h"
#include "startup/sessionrole.h"

#include "api/apiclient.h"
#include "models/ticketlistmodel.h"
#include "models/viewcounter.h"
#include "store/cache.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Ankra;

namespace {

// The lines of the app's ANKRA_STARTUP_TRACE output, without the timestamps.
QStringList milestones(const QByteArray &stderrText)
{
    QStringList out;
    for (const QByteArray &raw : stderrText.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!line.startsWith(QLatin1String("ankra-startup:"))
            || !line.contains(QLatin1String(" ms ")))
            continue;
        out << line.section(QLatin1String(" ms "), 1).trimmed();
    }
    return out;
}

// A first start with `client`: its probe answers and the role is remembered in `settings`.
bool probeOnce(QSettings *settings, Api::ApiClient *client, const QString &key)
{
    Ui::SessionRole first(settings);
    QSignalSpy probed(&first, &Ui::SessionRole::probeFinished);
    first.start(client, key);
    return QTest::qWaitFor([&] { return probed.count() == 1; }, 20'000)
           && first.remembered(key).known;
}

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_teamToken = m_server.createToken(QStringLiteral("Demo Org"),
                                           QStringLiteral("Sam Support"),
                                           true);
        QVERIFY(!m_teamToken.isEmpty());
    }

    void firstStartWaitsForTheProbeThenRemembers()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        auto client = clientWith(m_teamToken);
        const QString key = keyFor(*client, QStringLiteral("sam"));
        Ui::SessionRole role(&settings);
        QSignalSpy decided(&role, &Ui::SessionRole::roleDecided);
        QSignalSpy probed(&role, &Ui::SessionRole::probeFinished);
        role.start(client.get(), key);
        QCOMPARE(decided.count(), 0); // nothing remembered: the answer decides
        QVERIFY(role.isProbing());
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 20'000);
        QCOMPARE(probed.at(0).at(0).toBool(), true);
        QCOMPARE(decided.count(), 1);
        QCOMPARE(decided.at(0).at(0).toBool(), true);
        QCOMPARE(decided.at(0).at(1).value<Wire::Me>().name, QStringLiteral("Sam Support"));
        const Ui::SessionRole::Remembered r = role.remembered(key);
        QVERIFY(r.known);
        QVERIFY(r.team);
        QCOMPARE(r.name, QStringLiteral("Sam Support"));
        // The settings never hold the token.
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_teamToken.toUtf8()));
    }

    void rememberedTeamOpensAtOnce()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        auto client = clientWith(m_teamToken);
        const QString key = keyFor(*client, QStringLiteral("sam"));
        QVERIFY(probeOnce(&settings, client.get(), key));
        Ui::SessionRole role(&settings);
        QSignalSpy decided(&role, &Ui::SessionRole::roleDecided);
        QSignalSpy probed(&role, &Ui::SessionRole::probeFinished);
        role.start(client.get(), key);
        // Decided before start() returned: no round trip, no event loop.
        QCOMPARE(decided.count(), 1);
        QCOMPARE(decided.at(0).at(0).toBool(), true);
        QCOMPARE(decided.at(0).at(1).value<Wire::Me>().name, QStringLiteral("Sam Support"));
        QVERIFY(role.isProbing());
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 20'000);
        QCOMPARE(decided.count(), 1); // the same role: the window stays
    }

    void changedRoleSwitchesTheWindow()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        // The customer's token last time; now the same account is a team member.
        auto customer = clientWith(m_server.token());
        const QString key = keyFor(*customer, QStringLiteral("same-account"));
        {
            Ui::SessionRole first(&settings);
            QSignalSpy probed(&first, &Ui::SessionRole::probeFinished);
            first.start(customer.get(), key);
            QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 20'000);
            QVERIFY(first.remembered(key).known);
            QVERIFY(!first.remembered(key).team);
        }
        auto team = clientWith(m_teamToken);
        Ui::SessionRole role(&settings);
        QSignalSpy decided(&role, &Ui::SessionRole::roleDecided);
        QSignalSpy probed(&role, &Ui::SessionRole::probeFinished);
        role.start(team.get(), key);
        QCOMPARE(decided.count(), 1);
        QCOMPARE(decided.at(0).at(0).toBool(), false); // the remembered customer window first
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 20'000);
        QCOMPARE(decided.count(), 2);
        QCOMPARE(decided.at(1).at(0).toBool(), true); // then the staff window
        QVERIFY(role.remembered(key).team);
    }

    void failedProbeKeepsTheRememberedRole()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        auto client = clientWith(m_teamToken);
        const QString key = keyFor(*client, QStringLiteral("sam"));
        QVERIFY(probeOnce(&settings, client.get(), key));
        // Nothing listens there: the probe fails.
        client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        Ui::SessionRole role(&settings);
        QSignalSpy decided(&role, &Ui::SessionRole::roleDecided);
        QSignalSpy probed(&role, &Ui::SessionRole::probeFinished);
        role.start(client.get(), key);
        QCOMPARE(decided.count(), 1);
        QVERIFY(decided.at(0).at(0).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 20'000);
        QCOMPARE(probed.at(0).at(0).toBool(), false);
        QCOMPARE(decided.count(), 1); // offline: still the staff window
        QVERIFY(role.remembered(key).team);

        // Without a remembered role a failure means the customer window, as before.
        Ui::SessionRole fresh(&settings);
        QSignalSpy freshDecided(&fresh, &Ui::SessionRole::roleDecided);
        fresh.start(client.get(), keyFor(*client, QStringLiteral("nobody")));
        QCOMPARE(freshDecided.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(freshDecided.count(), 1, 20'000);
        QCOMPARE(freshDecided.at(0).at(0).toBool(), false);
    }

    void keysSeparateServersAndAccounts()
    {
        const QUrl a(QStringLiteral("http://127.0.0.1:8080/"));
        const QUrl b(QStringLiteral("http://127.0.0.1:8081"));
        QCOMPARE(Ui::SessionRole::sessionKey(a, QStringLiteral("o"), QStringLiteral("u")),
                 Ui::SessionRole::sessionKey(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                             QStringLiteral("o"),
                                             QStringLiteral("u")));
        QVERIFY(Ui::SessionRole::sessionKey(a, QStringLiteral("o"), QStringLiteral("u"))
                != Ui::SessionRole::sessionKey(b, QStringLiteral("o"), QStringLiteral("u")));
        QVERIFY(Ui::SessionRole::sessionKey(a, QStringLiteral("o"), QStringLiteral("u"))
                != Ui::SessionRole::sessionKey(a, QStringLiteral("o"), QStringLiteral("v")));
    }

    void workRunsAfterTheFirstPaintInOrder()
    {
        QWidget window;
        window.resize(200, 100);
        QStringList done;
        Ui::AfterFirstPaint::run(&window, [&] { done << QStringLiteral("a"); });
        Ui::AfterFirstPaint::run(&window, [&] {
            done << QStringLiteral("b");
            Ui::AfterFirstPaint::run(&window, [&] { done << QStringLiteral("c"); });
        });
        QTest::qWait(50);
        QVERIFY(done.isEmpty()); // not shown, not painted
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(done,
                                  (QStringList{QStringLiteral("a"),
                                               QStringLiteral("b"),
                                               QStringLiteral("c")}),
                                  20'000);
        // Once painted, later work runs at the next idle moment.
        Ui::AfterFirstPaint::run(&window, [&] { done << QStringLiteral("d"); });
        QCOMPARE(done.size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 4, 20'000);

        // Work of a window that goes away first is dropped.
        bool ran = false;
        {
            QWidget gone;
            Ui::AfterFirstPaint::run(&gone, [&] { ran = true; });
        }
        QTest::qWait(50);
        QVERIFY(!ran);
    }

    // A window that is never painted (started minimised) still gets its work done, later.
    void workRunsAlsoWithoutAPaint()
    {
        QWidget window; // never shown
        bool ran = false;
        Ui::AfterFirstPaint::run(&window, [&] { ran = true; });
        QTest::qWait(200);
        QVERIFY(!ran);
        QTRY_VERIFY_WITH_TIMEOUT(ran, 10'000);
    }

    void lazyIconsLookTheSame()
    {
        Ui::LazyIconStyle style(QApplication::style()->name());
        for (const QStyle::StandardPixmap which : {QStyle::SP_ToolBarHorizontalExtensionButton,
                                                   QStyle::SP_LineEditClearButton,
                                                   QStyle::SP_DialogOkButton}) {
            const QIcon lazy = style.standardIcon(which);
            const QIcon direct = style.baseStyle()->standardIcon(which);
            QVERIFY(!lazy.isNull());
            QVERIFY(!direct.isNull());
            QCOMPARE(lazy.availableSizes(), direct.availableSizes());
            const QImage a = lazy.pixmap(QSize(16, 16)).toImage();
            const QImage b = direct.pixmap(QSize(16, 16)).toImage();
            QVERIFY(!a.isNull());
            QCOMPARE(a.convertToFormat(QImage::Format_ARGB32),
                     b.convertToFormat(QImage::Format_ARGB32));
        }
    }

    // main.cpp sets the style after --palette: the palette chosen stays.
    void lazyIconStyleKeepsTheChosenPalette()
    {
        const QPalette before = QApplication::palette();
        QVERIFY(Ui::Appearance::applyPalette(qApp, QStringLiteral("dark")));
        const QColor dark = QApplication::palette().color(QPalette::Window);
        QVERIFY(dark != before.color(QPalette::Window));
        qApp->setStyle(new Ui::LazyIconStyle(QApplication::style()->name()));
        QCOMPARE(QApplication::palette().color(QPalette::Window), dark);
        QVERIFY(qobject_cast<Ui::LazyIconStyle *>(QApplication::style()));
        QWidget widget;
        QCOMPARE(widget.palette().color(QPalette::Window), dark);
    }

    // The view counts are not asked before the window's first paint, and come after it.
    void mainWindowCountsAfterItsFirstPaint()
    {
        auto client = clientWith(m_server.token());
        Ui::MainWindow window(client.get());
        QSignalSpy counted(window.viewCounter(), &Models::ViewCounter::finished);
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->totalCount() > 0
                                     && !window.ticketModel()->isLoading(),
                                 20'000);
        QTest::qWait(100);
        QCOMPARE(counted.count(), 0);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(counted.count(), 1, 20'000);
    }

    void lateCacheStoresWhatTheServerAlreadyAnswered()
    {
        QTemporaryDir dir;
        auto client = clientWith(m_server.token());
        Ui::MainWindow window(client.get());
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->totalCount() > 0
                                     && !window.ticketModel()->isLoading(),
                                 20'000);
        Ui::CacheUi *cacheUi = Ui::CacheUi::install(&window,
                                                    client.get(),
                                                    QStringLiteral("late"),
                                                    dir.path());
        QVERIFY(cacheUi);
        QTRY_VERIFY_WITH_TIMEOUT(cacheUi->cache()->ticketCount() > 0, 20'000);
    }

    void lateCacheShowsItsRowsWhenTheFirstRequestFailed()
    {
        QTemporaryDir dir;
        auto client = clientWith(m_server.token());
        int cachedRows = 0;
        {
            Ui::MainWindow online(client.get());
            Ui::CacheUi *cacheUi = Ui::CacheUi::install(&online,
                                                        client.get(),
                                                        QStringLiteral("offline"),
                                                        dir.path());
            QVERIFY(cacheUi);
            QTRY_VERIFY_WITH_TIMEOUT(online.ticketModel()->totalCount() > 0
                                         && !online.ticketModel()->isLoading(),
                                     20'000);
            cachedRows = online.ticketModel()->rowCount();
        }
        QVERIFY(cachedRows > 0);
        // The same server address with nothing listening: the first request fails at once.
        const QUrl serverUrl = client->serverUrl();
        auto offline = clientWith(m_server.token());
        offline->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        Ui::MainWindow window(offline.get());
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->lastError().isError()
                                     && !window.ticketModel()->isLoading(),
                                 20'000);
        QCOMPARE(window.ticketModel()->rowCount(), 0);
        // The cache belongs to the account on the real server: installed for that one.
        offline->setServerUrl(serverUrl);
        offline->setReachable(false); // requests fail fast, as while offline
        Ui::CacheUi *cacheUi = Ui::CacheUi::install(&window,
                                                    offline.get(),
                                                    QStringLiteral("offline"),
                                                    dir.path());
        QVERIFY(cacheUi);
        QTRY_VERIFY_WITH_TIMEOUT(window.ticketModel()->isShowingCache(), 20'000);
        QCOMPARE(window.ticketModel()->rowCount(), cachedRows);
    }

    // The real app: a team token's first start waits for the probe and remembers the role; the
    // next start opens the staff window before the probe answers; a remembered customer role
    // that changed to team switches to the staff window.
    void appOpensTheRememberedWindowAtOnce()
    {
        QTemporaryDir home;
        const QProcessEnvironment env = appEnvironment(home, m_teamToken);
        const QString decidedTeam = QStringLiteral("role decided: team");
        const QString staffShown = QStringLiteral("staff window shown");
        const QString answered = QStringLiteral("role probe answered");

        QStringList first = runUntil(env, {staffShown, answered});
        QVERIFY2(first.contains(staffShown), qPrintable(first.join(u'|')));
        // The first start: the window only after the answer (which decided it).
        QVERIFY2(first.indexOf(decidedTeam) < first.indexOf(answered)
                     && !first.contains(QStringLiteral("customer session")),
                 qPrintable(first.join(u'|')));
        QVERIFY2(first.indexOf(QStringLiteral("event loop")) < first.indexOf(decidedTeam),
                 qPrintable(first.join(u'|')));

        QStringList second = runUntil(env, {staffShown, answered});
        // Remembered: the staff window exists before the event loop even started.
        QVERIFY2(second.indexOf(staffShown) >= 0
                     && second.indexOf(staffShown) < second.indexOf(QStringLiteral("event loop"))
                     && second.indexOf(staffShown) < second.indexOf(answered),
                 qPrintable(second.join(u'|')));
        QCOMPARE(second.count(decidedTeam), 1);
        const qsizetype fontsReady = second.indexOf(QStringLiteral("fontconfig ready"));
        QVERIFY2(fontsReady > second.indexOf(QStringLiteral("staff session"))
                     && fontsReady < second.indexOf(staffShown),
                 qPrintable(second.join(u'|')));

        // The role changed since (remembered: customer): the customer window at once, then the
        // staff window.
        QSettings settings(home.filePath(QStringLiteral("config/Ankra/ankra-support.conf")),
                           QSettings::IniFormat);
        QStringList roles;
        for (const QString &key : settings.allKeys())
            if (key.startsWith(QLatin1String("startup/roles/"))
                && key.endsWith(QLatin1String("/role")))
                roles << key;
        QCOMPARE(roles.size(), 1);
        QCOMPARE(settings.value(roles.first()).toString(), QStringLiteral("team"));
        settings.setValue(roles.first(), QStringLiteral("customer"));
        settings.sync();
        QStringList third = runUntil(env, {staffShown, answered});
        const qsizetype customer = third.indexOf(QStringLiteral("role decided: customer"));
        QVERIFY2(customer >= 0 && customer < third.indexOf(QStringLiteral("event loop"))
                     && third.indexOf(QStringLiteral("shown")) > customer
                     && third.indexOf(decidedTeam) > third.indexOf(QStringLiteral("shown"))
                     && third.indexOf(staffShown) > third.indexOf(decidedTeam),
                 qPrintable(third.join(u'|')));
        settings.sync();
        QCOMPARE(settings.value(roles.first()).toString(), QStringLiteral("team"));

        // No token in the settings file.
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_teamToken.toUtf8()));
    }

    // The hook bench_client P2 times (ANKRA_BENCH_EXIT_AFTER_PAINT=1): "ankra-bench: painted"
    // once the main window's first paint pass is over, then the app quits normally.
    void benchMarkerFollowsTheFirstPaint()
    {
        QTemporaryDir home;
        QProcessEnvironment env = appEnvironment(home, m_server.token());
        env.insert(QStringLiteral("ANKRA_BENCH_EXIT_AFTER_PAINT"), QStringLiteral("1"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(ANKRA_APP_BINARY), appArguments());
        QVERIFY(app.waitForFinished(30'000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(app.readAllStandardOutput(), QByteArray("ankra-bench: painted\n"));
        const QStringList got = milestones(app.readAllStandardError());
        const qsizetype painted = got.indexOf(QStringLiteral("first paint event"));
        QVERIFY2(painted >= 0 && painted < got.indexOf(QStringLiteral("bench marker")),
                 qPrintable(got.join(u'|')));
        // Fontconfig read its configuration on a worker thread while the main thread started
        // Qt (ui/startup/fontwarmup.h), waited for before the window was made (the staff
        // window: appOpensTheRememberedWindowAtOnce; the sign-in dialog: the next test).
        const qsizetype loaded = got.indexOf(QStringLiteral("fontconfig loaded (worker thread)"));
        const qsizetype ready = got.indexOf(QStringLiteral("fontconfig ready"));
        QVERIFY2(loaded >= 0 && loaded < ready
                     && ready > got.indexOf(QStringLiteral("customer session"))
                     && ready < got.indexOf(QStringLiteral("main window constructed")),
                 qPrintable(got.join(u'|')));
        QCOMPARE(got.count(QStringLiteral("fontconfig ready")), 1);
    }

    // Fontconfig is ready before the sign-in dialog too (a start without token or account).
    void fontconfigIsReadyBeforeTheSignInDialog()
    {
        QTemporaryDir home;
        const QStringList got = runUntil(appEnvironment(home, {}),
                                         {QStringLiteral("sign-in dialog shown")});
        const qsizetype ready = got.indexOf(QStringLiteral("fontconfig ready"));
        QVERIFY2(ready >= 0 && ready < got.indexOf(QStringLiteral("sign-in dialog shown")),
                 qPrintable(got.join(u'|')));
    }

    // The dynamic loader finds most symbols, of the libraries too, in QtCore, libstdc++ and
    // libc: the executable names them first (ui/CMakeLists.txt; fewer misses per lookup).
    void executableNamesItsMostUsedLibrariesFirst()
    {
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"),
                      {QStringLiteral("-d"), QStringLiteral(ANKRA_APP_BINARY)});
        if (!readelf.waitForStarted())
            QSKIP("readelf (binutils) is not installed");
        QVERIFY(readelf.waitForFinished(10'000));
        QStringList needed;
        for (const QByteArray &line : readelf.readAllStandardOutput().split('\n')) {
            const qsizetype open = line.indexOf('[');
            if (line.contains("(NEEDED)") && open >= 0)
                needed << QString::fromLatin1(line.mid(open + 1, line.indexOf(']') - open - 1));
        }
        if (!needed.isEmpty() && needed.first().startsWith(QLatin1String("libasan")))
            QSKIP("a sanitizer build: its runtime must come first");
        QCOMPARE(needed.mid(0, 3),
                 (QStringList{QStringLiteral("libQt6Core.so.6"),
                              QStringLiteral("libstdc++.so.6"),
                              QStringLiteral("libc.so.6")}));
    }

private:
    // The real app's environment: its own settings and data under `home`, offscreen, traced.
    static QProcessEnvironment appEnvironment(const QTemporaryDir &home, const QString &token)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("ANKRA_SINGLE_INSTANCE"), QStringLiteral("0"));
        env.insert(QStringLiteral("ANKRA_STARTUP_TRACE"), QStringLiteral("1"));
        if (token.isEmpty())
            env.remove(QStringLiteral("ANKRA_API_TOKEN")); // nor one of the test's environment
        else
            env.insert(QStringLiteral("ANKRA_API_TOKEN"), token);
        return env;
    }
    QStringList appArguments() const
    {
        return {QStringLiteral("--server"), m_server.url().toString(QUrl::StripTrailingSlash)};
    }
    // Runs the real app with `env` until it printed all of `wanted` (30 s at most), then ends
    // it; its milestones.
    QStringList runUntil(const QProcessEnvironment &env, const QStringList &wanted) const
    {
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(ANKRA_APP_BINARY), appArguments());
        QByteArray err;
        const auto seen = [&] {
            app.waitForReadyRead(50);
            err += app.readAllStandardError();
            const QStringList got = milestones(err);
            return std::all_of(wanted.begin(), wanted.end(), [&](const QString &w) {
                return got.contains(w);
            });
        };
        QElapsedTimer timer;
        timer.start();
        while (!seen() && timer.elapsed() < 30'000 && app.state() == QProcess::Running) {
        }
        app.terminate();
        if (!app.waitForFinished(10'000)) {
            app.kill();
            app.waitForFinished(5'000);
        }
        err += app.readAllStandardError();
        return milestones(err);
    }

    std::unique_ptr<Api::ApiClient> clientWith(const QString &token)
    {
        auto client = std::make_unique<Api::ApiClient>(&m_nam);
        client->setServerUrl(m_server.url());
        client->setToken(token);
        Api::RetryPolicy fast;
        fast.maxAttempts = 1;
        client->setRetryPolicy(fast);
        return client;
    }
    static QString keyFor(const Api::ApiClient &client, const QString &principal)
    {
        return Ui::SessionRole::sessionKey(client.serverUrl(), client.organisationId(), principal);
    }

    Test::TestServer m_server;
    QString m_teamToken;
    QNetworkAccessManager m_nam;
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"

// The composition root: the only place that creates and wires the real objects.

#include "cache/cacheui.h"
#include "desktop/startup.h"
#include "desktop/windowstate.h"
#include "detail/detailview.h"
#include "drafts/draftsdialog.h"
#include "drafts/replydraftbinder.h"
#include "mainwindow.h"
#include "outbox/outboxui.h"
#include "palette/commandpalette.h"
#include "settings/settingsdialog.h"
#include "signin/accountswitcher.h"
#include "signin/signindialog.h"
#include "staff/staffwindow.h"
#include "startup/afterfirstpaint.h"
#include "startup/fontwarmup.h"
#include "startup/lazyiconstyle.h"
#include "startup/sessionrole.h"
#include "startup/startuptrace.h"
#include "startup/syntaxrepositoryloader.h"
#include "wizard/submitwizard.h"

#include "api/apiclient.h"
#include "api/serverurl.h"
#include "instance/singleinstance.h"
#include "instance/ticketurl.h"
#include "models/cannedreplies.h"
#include "models/readstate.h"
#include "models/updatepoller.h"
#include "review/submissionflow.h"
#include "secrets/accountstore.h"
#include "secrets/keychainsecretstore.h"
#include "settings/appsettings.h"
#include "store/cache.h"
#include "store/drafts.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QHash>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include <cstdio>
#include <functional>
#include <memory>

using namespace Ankra;

namespace {

// Benchmark hook (tests/bench/bench_client, P2: cold start to the painted main window): with
// ANKRA_BENCH_EXIT_AFTER_PAINT=1 the app prints a marker once the first paint of the main
// window is done and quits. Installed only when the variable is set.
class ExitAfterFirstPaint : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!m_seen && event->type() == QEvent::Paint && widget
            && qobject_cast<Ui::MainWindow *>(widget->window())) {
            m_seen = true;
            // Runs when the event loop is back, after the whole paint pass (children included)
            // was flushed. High priority: ahead of the work posted before the paint (the list's
            // first request), which the marker is not about. The reference window does the same.
            QCoreApplication::postEvent(this, new QEvent(Painted), Qt::HighEventPriority);
        }
        return false;
    }

    bool event(QEvent *event) override
    {
        if (event->type() != Painted)
            return QObject::event(event);
        Ui::StartupTrace::mark("bench marker");
        std::fputs("ankra-bench: painted\n", stdout);
        std::fflush(stdout);
        QCoreApplication::quit();
        return true;
    }

private:
    static constexpr QEvent::Type Painted = QEvent::User;
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    Ui::StartupTrace::mark("main");
    // Fontconfig reads its configuration on another thread meanwhile; waited for before the
    // first widget (each place that makes a first window or dialog below).
    Ui::FontWarmUp fontWarmUp;
    QApplication app(argc, argv);
    Ui::StartupTrace::mark("QApplication");
    QApplication::setApplicationName(QStringLiteral("ankra-support"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ankra Support"));
    QApplication::setOrganizationName(QStringLiteral("Ankra"));
    QApplication::setOrganizationDomain(QStringLiteral("ankra.io"));
    QApplication::setApplicationVersion(QStringLiteral(ANKRA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.ankra.Support"));
    // Before the parser: --help is translated too (ui/desktop/startup.h).
    Ui::Startup::applyLanguageAndPalette(&app);
    Ui::StartupTrace::mark("language and palette");
    // The same style, but no image plugin is loaded for icons the first paint does not show.
    app.setStyle(new Ui::LazyIconStyle(app.style()->name()));
    Ui::StartupTrace::mark("style");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop client for Ankra support tickets."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption
        serverOption(QStringLiteral("server"),
                     QApplication::translate("main",
                                             "Server URL (default: $ANKRA_SUPPORT_URL or %1).")
                         .arg(QLatin1String(Api::DefaultServerUrl)),
                     QStringLiteral("url"));
    parser.addOption(serverOption);
    parser.addOptions(Ui::Startup::options());
    parser.addPositionalArgument(QStringLiteral("link"),
                                 QApplication::translate("main",
                                                         "A ticket to open, as "
                                                         "ankra-support://ticket/<id>."),
                                 QStringLiteral("[link]"));
    parser.process(app);
    // One running app per user and data directory: a later launch (an ankra-support:// link
    // from the desktop, or a second start) hands its arguments to it and exits.
    Instance::SingleInstance instance(Instance::SingleInstance::serverNameFor(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    if (qEnvironmentVariable("ANKRA_SINGLE_INSTANCE") != QLatin1String("0")) {
        if (instance.handOver(parser.positionalArguments()))
            return 0;
        instance.listen();
    }
    Ui::StartupTrace::mark("arguments and single instance");
    if (qEnvironmentVariable("ANKRA_BENCH_EXIT_AFTER_PAINT") == QLatin1String("1"))
        app.installEventFilter(new ExitAfterFirstPaint(&app));

    const QString serverOptionText = parser.value(serverOption);
    QString serverText = serverOptionText;
    if (serverText.isEmpty())
        serverText = qEnvironmentVariable("ANKRA_SUPPORT_URL");
    if (serverText.isEmpty())
        serverText = QLatin1String(Api::DefaultServerUrl);
    const QUrl serverUrl = Api::normalizedServerUrl(serverText);
    QString why;
    if (!Api::isAllowedServerUrl(serverUrl, &why)) {
        fontWarmUp.wait();
        QMessageBox::critical(nullptr,
                              QApplication::translate("main", "Ankra Support"),
                              QApplication::translate("main", "Cannot use the server %1.\n\n%2")
                                  .arg(serverText, why));
        return 1;
    }

    QNetworkAccessManager nam;
    Api::ApiClient client(&nam);
    QSettings settings; // server URL, account name and organisation only: never the token
    Settings::AppSettings appSettings(&settings); // preferences and window layout (Ctrl+,)
    Secrets::AccountStore accounts(&settings);
    Secrets::KeychainSecretStore keychain(QStringLiteral("ankra-support"));
    // Expensive to load: one for the whole application, lent to the widgets that preview.
    // Loaded once the first window has painted, not before it is shown (ui/startup).
    Ui::SyntaxRepositoryLoader repository;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    Models::ReadStateStore readState(QDir(dataDir).filePath(QStringLiteral("read-state.ini")));
    // Drafts of new tickets and replies (drafts.sqlite + copied attachments), per account.
    // Opened when first needed, after the first paint (ui/startup/afterfirstpaint.h).
    std::unique_ptr<Store::DraftStore> draftStoreOwner;
    const auto draftStore = [&] {
        if (!draftStoreOwner)
            draftStoreOwner = std::make_unique<Store::DraftStore>(dataDir);
        return draftStoreOwner.get();
    };
    QString draftAccount;
    // Drafts are kept per server and organisation of the session.
    const auto draftAccountOf = [&client]() -> QString {
        return client.serverUrl().toString() + QLatin1Char('|') + client.organisationId();
    };
    Ui::StartupTrace::mark("settings and stores");
    QHash<QString, QPointer<Ui::SubmitWizard>> openDrafts; // a draft is edited in one wizard
    std::unique_ptr<Ui::MainWindow> window;
    // Staff mode (issue 8): a team token gets the queue window instead of the customer's.
    std::unique_ptr<Models::ReadStateStore> staffReadState; // created for a team session only
    Models::CannedReplyStore cannedReplies(
        QDir(dataDir).filePath(QStringLiteral("canned-replies.json")));
    std::unique_ptr<Ui::StaffWindow> staffWindow;
    // Which window a session gets: remembered from the last start, checked in the background.
    Ui::SessionRole sessionRole(&settings);

    // The new-ticket wizard (ui/wizard), empty or restoring a draft; a new or linked ticket
    // opens in the window.
    std::function<void(const QString &)> openWizard = [&](const QString &draftId) {
        if (QPointer<Ui::SubmitWizard> open = openDrafts.value(draftId);
            open && !draftId.isEmpty()) {
            open->raise();
            open->activateWindow();
            return;
        }
        auto *wizard = new Ui::SubmitWizard(&client, window.get());
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        // Offline pre-check: likely duplicates come from the tickets cached on this computer.
        if (auto *cacheUi = window->findChild<Ui::CacheUi *>())
            wizard->flow()->setCandidateSource(cacheUi->cache()->candidateSource());
        wizard->setDraftStore(draftStore(), draftAccount);
        if (auto *outboxUi = window->findChild<Ui::OutboxUi *>())
            outboxUi->attachWizard(wizard); // a submission that cannot reach the server is queued
        if (!draftId.isEmpty()) {
            if (!wizard->restoreDraft(draftId)) {
                delete wizard;
                window->statusBar()
                    ->showMessage(QApplication::translate("main", "That draft no longer exists."),
                                  10'000);
                return;
            }
            openDrafts.insert(draftId, wizard);
        }
        QObject::connect(wizard,
                         &Ui::SubmitWizard::ticketOpened,
                         window.get(),
                         [&](const QString &ticketId) {
                             window->refresh();
                             window->openTicket(ticketId);
                         });
        QObject::connect(wizard, &Ui::SubmitWizard::draftSaved, window.get(), [&] {
            window->statusBar()
                ->showMessage(QApplication::translate("main",
                                                      "Saved as a draft: open it from Drafts."),
                              10'000);
        });
        wizard->loadServerData();
        wizard->show();
    };

    // ankra-support://ticket/<id> links (command line or a later launch) open once a session
    // window exists; until then they wait.
    QStringList pendingTickets;
    const auto openLinks = [&](const QStringList &links) {
        // The customer window or, in team mode, the staff window.
        QMainWindow *target = window ? static_cast<QMainWindow *>(window.get()) : staffWindow.get();
        for (const QString &link : links) {
            const QString id = Instance::ticketIdFromUrl(link);
            if (!id.isEmpty())
                pendingTickets.append(id);
            else if (target)
                target->statusBar()
                    ->showMessage(QApplication::translate("main", "Not a ticket link: %1").arg(link),
                                  15'000);
        }
        if (!target)
            return;
        for (const QString &id : std::as_const(pendingTickets)) {
            if (window)
                window->openTicket(id);
            else
                staffWindow->openTicket(id);
        }
        pendingTickets.clear();
        if (target->isMinimized())
            target->showNormal();
        target->raise();
        target->activateWindow();
    };
    QObject::connect(&instance, &Instance::SingleInstance::argumentsReceived, &app, openLinks);
    openLinks(parser.positionalArguments());
    const QString StaffWindowGroup = QStringLiteral("staff/");
    const auto saveWindowState = [&] {
        if (window)
            Ui::WindowState::save(window.get(), &appSettings);
        if (staffWindow)
            Ui::WindowState::save(staffWindow.get(), &appSettings, StaffWindowGroup);
    };
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, saveWindowState);
    // Before another account's session replaces this one: files still being uploaded or
    // downloaded stop only if the user agrees (as when the window is closed).
    const auto mayEndSession = [&](Ui::DetailView::Ending ending) {
        return (!window || window->mayClose(ending))
               && (!staffWindow || staffWindow->mayClose(ending));
    };
    // The settings either window follows: at its start and whenever they change.
    const auto applySettings = [&](auto *sessionWindow) {
        if (!sessionWindow)
            return;
        sessionWindow->poller()->setInterval(appSettings.pollIntervalSeconds() * 1000);
        sessionWindow->setNotificationsEnabled(appSettings.notificationsEnabled());
    };
    QObject::connect(&appSettings, &Settings::AppSettings::changed, &app, [&] {
        applySettings(window.get());
        applySettings(staffWindow.get());
    });

    std::function<void(const QString &, const QString &)> showSignIn;
    std::function<void(const Secrets::Account &, const QString &)> startSession;
    std::function<void(const Secrets::Account &, const QString &)> startCustomerSession;
    std::function<void(const Secrets::Account &, const Wire::Me &)> startStaffSession;
    // Edit → Settings… (Ctrl+,) in either window; "Accounts…" there opens the sign-in dialog.
    const auto addSettings = [&](QMainWindow *owner, const Secrets::Account &account) {
        QObject::connect(Ui::SettingsDialog::addMenuAction(owner),
                         &QAction::triggered,
                         owner,
                         [&, owner, account] {
                             auto *dialog = new Ui::SettingsDialog(&appSettings, owner);
                             dialog->setAttribute(Qt::WA_DeleteOnClose);
                             if (account.isValid())
                                 dialog->setAccountText(QApplication::translate("main", "%1 on %2")
                                                            .arg(account.name, account.serverUrl));
                             else
                                 dialog->setAccountText(
                                     QApplication::translate("main", "Session token on %1")
                                         .arg(client.serverUrl().toString()));
                             QObject::connect(
                                 dialog,
                                 &Ui::SettingsDialog::manageAccountsRequested,
                                 &app,
                                 [&, dialog = QPointer<Ui::SettingsDialog>(dialog)] {
                                     if (dialog)
                                         dialog->reject();
                                     showSignIn({}, {});
                                 },
                                 Qt::QueuedConnection);
                             dialog->open();
                         });
    };
    // Switching to another account or adding one, from either window's account menu. Queued:
    // each of these destroys the window the menu lives in.
    const auto connectSwitcher = [&](Ui::AccountSwitcher *switcher) {
        QObject::connect(
            switcher,
            &Ui::AccountSwitcher::switchRequested,
            &app,
            [&](const Secrets::Account &next) {
                if (!mayEndSession(Ui::DetailView::Ending::SwitchAccount))
                    return;
                keychain.read(next.tokenKey(), &app, [&, next](const Secrets::SecretResult &r) {
                    if (!r.ok()) {
                        showSignIn(next.serverUrl, r.message);
                        return;
                    }
                    accounts.setCurrent(next);
                    startSession(next, r.secret);
                });
            },
            Qt::QueuedConnection);
        QObject::connect(
            switcher,
            &Ui::AccountSwitcher::addAccountRequested,
            &app,
            [&] { showSignIn({}, {}); },
            Qt::QueuedConnection);
    };

    // Who is signing in decides the window: GET /support/me says "team" -> staff mode; a 404
    // (Ankra's backend), a customer, or any failure -> the customer window, as before. The role
    // an account had at its last start opens that window at once; the answer replaces it only
    // when the role changed (ui/startup/sessionrole.h).
    Secrets::Account sessionAccount;
    QString sessionToken;
    QObject::connect(&sessionRole,
                     &Ui::SessionRole::roleDecided,
                     &app,
                     [&](bool team, const Wire::Me &me) {
                         Ui::StartupTrace::mark(team ? "role decided: team"
                                                     : "role decided: customer");
                         saveWindowState();
                         window.reset();
                         staffWindow.reset();
                         if (team)
                             startStaffSession(sessionAccount, me);
                         else
                             startCustomerSession(sessionAccount, sessionToken);
                     });
    QObject::connect(&sessionRole, &Ui::SessionRole::probeFinished, &app, [] {
        Ui::StartupTrace::mark("role probe answered");
    });
    startSession = [&](const Secrets::Account &account, const QString &token) {
        if (!mayEndSession(Ui::DetailView::Ending::SwitchAccount))
            return; // an account added meanwhile is kept: the switcher offers it
        saveWindowState();
        window.reset();
        staffWindow.reset();
        client.setServerUrl(account.isValid() ? QUrl(account.serverUrl) : serverUrl);
        client.setOrganisationId(account.organisationId);
        client.setToken(token);
        sessionAccount = account;
        sessionToken = token;
        sessionRole.start(&client,
                          Ui::SessionRole::sessionKey(client.serverUrl(),
                                                      client.organisationId(),
                                                      account.isValid()
                                                          ? account.name
                                                          : Store::TicketCache::tokenPrincipal(
                                                              token)));
    };
    startCustomerSession = [&](const Secrets::Account &account, const QString &token) {
        saveWindowState();
        window.reset(); // the old session's jobs end with its window
        client.setServerUrl(account.isValid() ? QUrl(account.serverUrl) : serverUrl);
        client.setOrganisationId(account.organisationId);
        client.setToken(token);
        Ui::StartupTrace::mark("customer session");
        fontWarmUp.wait();
        window = std::make_unique<Ui::MainWindow>(&client);
        Ui::StartupTrace::mark("main window constructed");
        Ui::StartupTrace::markFirstPaint(window.get());
        if (Ui::StartupTrace::enabled())
            Ui::AfterFirstPaint::run(window.get(),
                                     [] { Ui::StartupTrace::mark("after first paint"); });
        window->setReadState(&readState);
        applySettings(window.get());
        addSettings(window.get(), account); // Edit → Settings… (Ctrl+,)
        // What is not needed for the first picture of the window opens once it has painted
        // (ui/startup/afterfirstpaint.h), one step at a time: the offline cache (its rows show
        // then), the outbox (its button, banner and unsent tickets), the drafts, the syntax
        // definitions of the previews.
        const QString principal = account.isValid() ? account.name
                                                    : Store::TicketCache::tokenPrincipal(token);
        // The offline copy of this account's tickets (app/store/cache.h); one per account.
        Ui::AfterFirstPaint::run(window.get(), [&, principal] {
            Ui::CacheUi::install(window.get(), &client, principal);
            Ui::StartupTrace::mark("cache installed");
        });
        // The outbox (app/store/outbox.h): what could not be sent yet, per account.
        Ui::AfterFirstPaint::run(window.get(), [&, principal] {
            Ui::OutboxUi::install(window.get(),
                                  &client,
                                  Ui::OutboxUi::defaultDatabasePath(
                                      client.serverUrl().toString() + QLatin1Char('|')
                                      + client.organisationId() + QLatin1Char('|') + principal));
            Ui::StartupTrace::mark("outbox installed");
        });
        auto *switcher = new Ui::AccountSwitcher(&accounts, window.get());
        switcher->setCurrent(account);
        window->setAccountWidget(switcher); // the outbox's button comes left of it
        // Ctrl+N: the new-ticket wizard (ui/wizard); a new or linked ticket opens in the window.
        QObject::connect(window.get(), &Ui::MainWindow::newTicketRequested, window.get(), [&] {
            openWizard({});
        });
        // Drafts: what was typed and not sent, kept per account; replies per ticket.
        draftAccount = draftAccountOf();
        // The drafts database is opened once the window has painted.
        Ui::AfterFirstPaint::run(window.get(), [&] {
            Store::DraftStore *drafts = draftStore();
            new Ui::ReplyDraftBinder(drafts, draftAccount, window->detailView());
            window->setDraftCount(drafts->count(draftAccount));
            QObject::connect(drafts, &Store::DraftStore::changed, window.get(), [&] {
                window->setDraftCount(draftStore()->count(draftAccount));
            });
            if (const int n = drafts->count(draftAccount); n > 0)
                window->statusBar()->showMessage(
                    QApplication::translate("main", "%n unsent draft(s): see Drafts.", nullptr, n),
                    15'000);
            Ui::StartupTrace::mark("drafts opened");
        });
        repository.lendAfterFirstPaint(window.get(), [&](KSyntaxHighlighting::Repository *r) {
            if (window)
                window->setSyntaxRepository(r);
        });
        QObject::connect(window.get(), &Ui::MainWindow::draftsRequested, window.get(), [&] {
            auto *dialog = new Ui::DraftsDialog(draftStore(), draftAccount, window.get());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog,
                             &Ui::DraftsDialog::openRequested,
                             window.get(),
                             [&, dialog](const QString &id,
                                         const QString &kind,
                                         const QString &ticketId) {
                                 dialog->close();
                                 if (kind == QLatin1String("reply")) {
                                     window->openTicket(ticketId); // the reply box restores it
                                     window->detailView()->focusReply();
                                 } else {
                                     openWizard(id);
                                 }
                             });
            dialog->show();
        });
        connectSwitcher(switcher);
        QObject::connect(
            switcher,
            &Ui::AccountSwitcher::signOutRequested,
            &app,
            [&](const Secrets::Account &gone) {
                if (!mayEndSession(Ui::DetailView::Ending::SignOut))
                    return;
                keychain.remove(gone.tokenKey(), &app, [&, gone](const Secrets::SecretResult &r) {
                    accounts.remove(gone);
                    if (auto *cacheUi = window ? window->findChild<Ui::CacheUi *>() : nullptr)
                        cacheUi->cache()->clear(); // a removed account leaves nothing behind
                    sessionRole.cancel();          // a late answer must not reopen this session
                    saveWindowState();
                    window.reset();
                    client.setToken({});
                    showSignIn(gone.serverUrl,
                               r.ok() || r.error == Secrets::SecretResult::Error::NotFound
                                   ? QString()
                                   : r.message);
                });
            },
            Qt::QueuedConnection);
        Ui::WindowState::restore(window.get(), appSettings);
        Ui::CommandPalette::install(window.get()); // Ctrl+K
        window->show();
        Ui::StartupTrace::mark("shown");
        openLinks({});
    };
    startStaffSession = [&](const Secrets::Account &account, const Wire::Me &me) {
        Ui::StartupTrace::mark("staff session");
        fontWarmUp.wait();
        staffWindow = std::make_unique<Ui::StaffWindow>(&client, &cannedReplies, me.name);
        Ui::StartupTrace::markFirstPaint(staffWindow.get());
        if (!staffReadState)
            staffReadState = std::make_unique<Models::ReadStateStore>(
                QDir(dataDir).filePath(QStringLiteral("staff-read-state.ini")));
        staffWindow->setReadState(staffReadState.get());
        repository.lendAfterFirstPaint(staffWindow.get(), [&](KSyntaxHighlighting::Repository *r) {
            if (staffWindow)
                staffWindow->setSyntaxRepository(r);
        });
        applySettings(staffWindow.get());
        addSettings(staffWindow.get(), account);
        // A team reply typed and not sent is a draft per ticket, as the customer's are: it comes
        // back when the ticket is opened again, after a restart too. Kept apart from the drafts
        // of a customer session on the same server and organisation.
        const QString teamDrafts = draftAccountOf() + QStringLiteral("|team");
        Ui::AfterFirstPaint::run(staffWindow.get(), [&, teamDrafts] {
            if (staffWindow)
                new Ui::ReplyDraftBinder(draftStore(), teamDrafts, staffWindow->detailView());
        });
        auto *switcher = new Ui::AccountSwitcher(&accounts, staffWindow.get());
        switcher->setCurrent(account);
        staffWindow->addToolBarWidget(switcher);
        connectSwitcher(switcher);
        QObject::connect(
            switcher,
            &Ui::AccountSwitcher::signOutRequested,
            &app,
            [&](const Secrets::Account &gone) {
                if (!mayEndSession(Ui::DetailView::Ending::SignOut))
                    return;
                keychain.remove(gone.tokenKey(), &app, [&, gone](const Secrets::SecretResult &r) {
                    accounts.remove(gone);
                    sessionRole.cancel(); // a late answer must not reopen this session
                    saveWindowState();
                    staffWindow.reset();
                    client.setToken({});
                    showSignIn(gone.serverUrl,
                               r.ok() || r.error == Secrets::SecretResult::Error::NotFound
                                   ? QString()
                                   : r.message);
                });
            },
            Qt::QueuedConnection);
        Ui::WindowState::restore(staffWindow.get(), appSettings, StaffWindowGroup);
        Ui::CommandPalette::install(staffWindow.get()); // Ctrl+K
        staffWindow->show();
        Ui::StartupTrace::mark("staff window shown");
        openLinks({});
    };
    showSignIn = [&](const QString &server, const QString &keychainProblem) {
        fontWarmUp.wait();
        auto *dialog = new Ui::SignInDialog(&nam, &keychain, &accounts);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (!server.isEmpty())
            dialog->setServerUrl(server);
        if (!keychainProblem.isEmpty())
            dialog->showKeychainProblem(keychainProblem);
        QObject::connect(dialog, &QDialog::accepted, &app, [&, dialog] {
            startSession(dialog->account(), dialog->token());
        });
        QObject::connect(dialog, &QDialog::rejected, &app, [&] {
            if (!window && !staffWindow)
                QApplication::quit();
        });
        dialog->show();
        Ui::StartupTrace::mark("sign-in dialog shown");
    };

    // A token from the environment is used for this session only and never stored.
    const QString envToken = qEnvironmentVariable("ANKRA_API_TOKEN");
    qunsetenv("ANKRA_API_TOKEN");
    if (!envToken.isEmpty()) {
        startSession({}, envToken);
        Ui::StartupTrace::mark("event loop");
        return app.exec();
    }

    const bool serverGiven = !serverOptionText.isEmpty()
                             || qEnvironmentVariableIsSet("ANKRA_SUPPORT_URL");
    const Secrets::Account current = accounts.current();
    const bool serverMatches = serverOptionText.isEmpty()
                               || Api::normalizedServerUrl(current.serverUrl) == serverUrl;
    if (current.isValid() && serverMatches) {
        // The stored account's token comes from the keychain, asynchronously.
        keychain.read(current.tokenKey(), &app, [&, current](const Secrets::SecretResult &r) {
            if (!r.ok()) {
                showSignIn(current.serverUrl, r.message);
                return;
            }
            startSession(current, r.secret);
        });
    } else {
        showSignIn(serverGiven ? serverUrl.toString() : QString(), {});
    }
    Ui::StartupTrace::mark("event loop");
    return app.exec();
}

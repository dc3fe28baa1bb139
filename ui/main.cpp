// The composition root: the only place that creates and wires the real objects.

#include "mainwindow.h"
#include "signin/accountswitcher.h"
#include "signin/signindialog.h"
#include "wizard/submitwizard.h"

#include "api/apiclient.h"
#include "api/serverurl.h"
#include "models/readstate.h"
#include "secrets/accountstore.h"
#include "secrets/keychainsecretstore.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

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
            // Queued: runs after the whole paint pass (children included) was flushed.
            QTimer::singleShot(0, qApp, [] {
                std::fputs("ankra-bench: painted\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ankra-support"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ankra Support"));
    QApplication::setOrganizationName(QStringLiteral("Ankra"));
    QApplication::setOrganizationDomain(QStringLiteral("ankra.io"));
    QApplication::setApplicationVersion(QStringLiteral(ANKRA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.ankra.Support"));

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
    parser.process(app);
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
        QMessageBox::critical(nullptr,
                              QApplication::translate("main", "Ankra Support"),
                              QApplication::translate("main", "Cannot use the server %1.\n\n%2")
                                  .arg(serverText, why));
        return 1;
    }

    QNetworkAccessManager nam;
    Api::ApiClient client(&nam);
    QSettings settings; // server URL, account name and organisation only: never the token
    Secrets::AccountStore accounts(&settings);
    Secrets::KeychainSecretStore keychain(QStringLiteral("ankra-support"));
    // Expensive to load: one for the whole application, lent to the widgets that preview.
    KSyntaxHighlighting::Repository repository;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    Models::ReadStateStore readState(QDir(dataDir).filePath(QStringLiteral("read-state.ini")));
    std::unique_ptr<Ui::MainWindow> window;

    std::function<void(const QString &, const QString &)> showSignIn;
    std::function<void(const Secrets::Account &, const QString &)> startSession;
    startSession = [&](const Secrets::Account &account, const QString &token) {
        window.reset(); // the old session's jobs end with its window
        client.setServerUrl(account.isValid() ? QUrl(account.serverUrl) : serverUrl);
        client.setOrganisationId(account.organisationId);
        client.setToken(token);
        window = std::make_unique<Ui::MainWindow>(&client);
        window->setReadState(&readState);
        window->setSyntaxRepository(&repository);
        auto *switcher = new Ui::AccountSwitcher(&accounts, window.get());
        switcher->setCurrent(account);
        window->addToolBarWidget(switcher);
        // Ctrl+N: the new-ticket wizard (ui/wizard); a new or linked ticket opens in the window.
        QObject::connect(window.get(), &Ui::MainWindow::newTicketRequested, window.get(), [&] {
            auto *wizard = new Ui::SubmitWizard(&client, window.get());
            wizard->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(wizard,
                             &Ui::SubmitWizard::ticketOpened,
                             window.get(),
                             [&](const QString &ticketId) {
                                 window->refresh();
                                 window->openTicket(ticketId);
                             });
            wizard->loadServerData();
            wizard->show();
        });
        // Queued: each of these destroys the window the menu lives in.
        QObject::connect(
            switcher,
            &Ui::AccountSwitcher::switchRequested,
            &app,
            [&](const Secrets::Account &next) {
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
        QObject::connect(
            switcher,
            &Ui::AccountSwitcher::signOutRequested,
            &app,
            [&](const Secrets::Account &gone) {
                keychain.remove(gone.tokenKey(), &app, [&, gone](const Secrets::SecretResult &r) {
                    accounts.remove(gone);
                    window.reset();
                    client.setToken({});
                    showSignIn(gone.serverUrl,
                               r.ok() || r.error == Secrets::SecretResult::Error::NotFound
                                   ? QString()
                                   : r.message);
                });
            },
            Qt::QueuedConnection);
        window->show();
    };
    showSignIn = [&](const QString &server, const QString &keychainProblem) {
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
            if (!window)
                QApplication::quit();
        });
        dialog->show();
    };

    // A token from the environment is used for this session only and never stored.
    const QString envToken = qEnvironmentVariable("ANKRA_API_TOKEN");
    qunsetenv("ANKRA_API_TOKEN");
    if (!envToken.isEmpty()) {
        startSession({}, envToken);
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
    return app.exec();
}

// The composition root: the only place that creates and wires the real objects.

#include "mainwindow.h"
#include "signin/signindialog.h"

#include "api/apiclient.h"
#include "api/serverurl.h"
#include "secrets/accountstore.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>

#include <memory>

using namespace Ankra;

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
    std::unique_ptr<Ui::MainWindow> window;
    auto showWindow = [&] {
        window = std::make_unique<Ui::MainWindow>(&client);
        window->show();
    };

    // A token from the environment is used for this session only and never stored.
    const QString envToken = qEnvironmentVariable("ANKRA_API_TOKEN");
    qunsetenv("ANKRA_API_TOKEN");
    if (!envToken.isEmpty()) {
        client.setServerUrl(serverUrl);
        client.setToken(envToken);
        showWindow();
        return app.exec();
    }

    auto *dialog = new Ui::SignInDialog(&nam, &keychain, &accounts);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!serverOptionText.isEmpty() || qEnvironmentVariableIsSet("ANKRA_SUPPORT_URL"))
        dialog->setServerUrl(serverUrl.toString());
    QObject::connect(dialog, &QDialog::accepted, &app, [&, dialog] {
        const Secrets::Account account = dialog->account();
        client.setServerUrl(QUrl(account.serverUrl));
        client.setOrganisationId(account.organisationId);
        client.setToken(dialog->token());
        showWindow();
    });
    QObject::connect(dialog, &QDialog::rejected, &app, &QApplication::quit);

    const Secrets::Account current = accounts.current();
    const bool serverMatches = serverOptionText.isEmpty()
                               || Api::normalizedServerUrl(current.serverUrl) == serverUrl;
    if (current.isValid() && serverMatches) {
        // The stored account's token comes from the keychain, asynchronously.
        keychain.read(current.tokenKey(),
                      &app,
                      [&, current, dialog](const Secrets::SecretResult &r) {
                          if (!r.ok()) {
                              dialog->showKeychainProblem(r.message);
                              dialog->show();
                              return;
                          }
                          dialog->deleteLater();
                          client.setServerUrl(QUrl(current.serverUrl));
                          client.setOrganisationId(current.organisationId);
                          client.setToken(r.secret);
                          showWindow();
                      });
    } else {
        dialog->show();
    }
    return app.exec();
}

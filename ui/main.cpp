// The composition root: the only place that creates and wires the real objects.

#include "mainwindow.h"

#include "api/apiclient.h"
#include "api/serverurl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkAccessManager>

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
    QCommandLineOption serverOption(
        QStringLiteral("server"),
        QApplication::translate("main", "Server URL (default: $ANKRA_SUPPORT_URL or %1).")
            .arg(QLatin1String(Api::DefaultServerUrl)),
        QStringLiteral("url"));
    parser.addOption(serverOption);
    parser.process(app);

    QString serverText = parser.value(serverOption);
    if (serverText.isEmpty())
        serverText = qEnvironmentVariable("ANKRA_SUPPORT_URL");
    if (serverText.isEmpty())
        serverText = QLatin1String(Api::DefaultServerUrl);
    const QUrl serverUrl = Api::normalizedServerUrl(serverText);
    QString why;
    if (!Api::isAllowedServerUrl(serverUrl, &why)) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Ankra Support"),
                              QApplication::translate("main", "Cannot use the server %1.\n\n%2")
                                  .arg(serverText, why));
        return 1;
    }

    QNetworkAccessManager nam;
    Api::ApiClient client(&nam);
    client.setServerUrl(serverUrl);
    // A token from the environment is used for this session only and never stored.
    client.setToken(qEnvironmentVariable("ANKRA_API_TOKEN"));
    qunsetenv("ANKRA_API_TOKEN");

    Ui::MainWindow window(&client);
    window.show();
    return app.exec();
}

// Load benchmark (issue 10): 64 concurrent clients over loopback doing list, get, review,
// create, comment and upload against a fresh demo server for ANKRA_LOAD_SECONDS (default 60),
// then lost-write and integrity checks. Exit status 1 on any error, lost write or failed
// integrity check. `make load` runs it; `make bench` too.
//
//   bench_load [--seconds S] [--clients N] [--server-threads N]
//   bench_load --port P --token T [--seconds S] [--clients N]   (a server already running)

#include "loadrun.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>

using namespace Ankra;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Load::Options options;
    options.seconds = qEnvironmentVariableIntValue("ANKRA_LOAD_SECONDS") > 0
                          ? qEnvironmentVariableIntValue("ANKRA_LOAD_SECONDS")
                          : 60;
    QString serverThreads = QStringLiteral("16");
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--seconds"))
            options.seconds = args.at(i + 1).toDouble();
        else if (args.at(i) == QLatin1String("--clients"))
            options.clients = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--server-threads"))
            serverThreads = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--port")) // an already running server
            options.port = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--token"))
            options.token = args.at(i + 1).toStdString();
    }
    if (options.port > 0) {
        const Load::Result result = Load::run(options);
        std::printf("%s", qPrintable(result.report()));
        return result.errors == 0 && result.lostWrites == 0 ? 0 : 1;
    }
    Test::TestServer server;
    server.setExtraArguments(
        {QStringLiteral("--quiet"), QStringLiteral("--threads"), serverThreads});
    QString error;
    if (!server.start(true, &error)) {
        std::fprintf(stderr, "cannot start the server: %s\n", qPrintable(error));
        return 1;
    }
    options.port = server.url().port();
    options.token = server.token().toStdString();
    std::printf("load: %d clients, %.0f s, server with %s worker threads\n",
                options.clients,
                options.seconds,
                qPrintable(serverThreads));
    std::fflush(stdout);
    const Load::Result result = Load::run(options);
    server.stop();

    bool integrity = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("check"));
        db.setDatabaseName(server.dataDir() + QStringLiteral("/support.sqlite3"));
        if (db.open()) {
            QSqlQuery q(db);
            integrity = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()
                        && q.value(0).toString() == QLatin1String("ok");
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    std::printf("%sintegrity_check: %s\n", qPrintable(result.report()), integrity ? "ok" : "FAILED");
    return result.errors == 0 && result.lostWrites == 0 && integrity ? 0 : 1;
}

// ankra-support-server: a complete local implementation of Ankra's Support API.
//
//   ankra-support-server serve --listen 127.0.0.1:PORT --data-dir DIR [--demo [--simulate-team]]
//   ankra-support-server token create --data-dir DIR --org NAME [--user NAME]
//   ankra-support-server token create --data-dir DIR --team --name NAME [--org NAME]
//   ankra-support-server import --data-dir DIR --org NAME FILE

#include "attachmentfiles.h"
#include "auth.h"
#include "database.h"
#include "demo.h"
#include "httpapi.h"
#include "importer.h"
#include "serverlog.h"
#include "simulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <thread>
#include <unistd.h>

using namespace Ankra::Server;

namespace {

const char *const MainHelp = R"(Usage: ankra-support-server COMMAND [OPTIONS]

A local implementation of Ankra's Support API (SQLite storage, attachments on disk).

Commands:
  serve          Serve the API over HTTP
  token create   Create an API token and print it once
  import         Load tickets from a JSON Lines file
  --version      Print the version
  --help         Show this help; COMMAND --help shows a command's options
)";

const char *const ServeHelp
    = R"(Usage: ankra-support-server serve --data-dir DIR [--listen HOST:PORT] [--demo]

  --listen HOST:PORT  Address to listen on (default 127.0.0.1:8080; port 0 picks a free port).
                      The first line printed is "listening on http://HOST:PORT".
  --data-dir DIR      Where the database and attachments live (created when missing).
  --demo              Seed demo data on first use and print the demo token. Also creates a
                      team user; its token is in DIR/demo-team-token (mode 0600).
  --simulate-team     With --demo: a simulated support team moves new tickets along
                      (triaging, in progress, replies, questions, resolved).
  --simulate-team-delay MIN_MS:MAX_MS  Random delay of each simulated step (default 3000:15000).
  --threads N         Worker threads kept ready (default 64); more start while all are busy
                      (slow clients), up to 512, and end after 10 s idle.
  --max-attachment-bytes N      Largest accepted attachment (default 26214400 = 25 MiB).
  --max-attachments-per-ticket N  Attachments per ticket (default 10).
  --quiet             Do not log requests.
)";

const char *const ImportHelp = R"(Usage: ankra-support-server import --data-dir DIR --org NAME FILE

Loads tickets from FILE (JSON Lines, "-" for standard input) into organisation NAME (created
when missing). One object per line:
  {"subject", "description", "category"?, "severity"?, "status"?, "created_at"?}
Everything is imported in one transaction: a bad line imports nothing and names the line.
Prints the number of imported tickets.
)";

const char *const TokenHelp
    = R"(Usage: ankra-support-server token create --data-dir DIR --org NAME [--user NAME]
       ankra-support-server token create --data-dir DIR --team --name NAME [--org NAME]

Creates the organisation and user when missing and prints a new token. The token is shown
only once: the server stores only a salted hash of it. A team token (--team) sees the
tickets of every organisation through the team routes (docs/api-extensions.md); --name is
the team member's name (--user is accepted too).
)";

int fail(const std::string &message)
{
    std::cerr << "ankra-support-server: " << message << "\n";
    return 2;
}

// Reads "--name value" pairs; flags listed in `flags` take no value.
bool parseOptions(const QStringList &args,
                  int from,
                  const QStringList &flags,
                  QHash<QString, QString> *out,
                  std::string *error)
{
    for (int i = from; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--"))) {
            *error = "unexpected argument '" + a.toStdString() + "'";
            return false;
        }
        if (flags.contains(a)) {
            out->insert(a, QStringLiteral("1"));
            continue;
        }
        if (i + 1 >= args.size()) {
            *error = a.toStdString() + " needs a value";
            return false;
        }
        out->insert(a, args.at(++i));
    }
    return true;
}

int serve(const QHash<QString, QString> &opts)
{
    if (!opts.contains(QStringLiteral("--data-dir")))
        return fail("serve needs --data-dir DIR (see serve --help)");
    ServerOptions options;
    const QString listen = opts.value(QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8080"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    options.port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : 0;
    if (colon <= 0 || !portOk || options.port < 0 || options.port > 65535)
        return fail("--listen takes HOST:PORT, e.g. 127.0.0.1:8080");
    options.host = listen.left(colon).toStdString();
    if (opts.contains(QStringLiteral("--threads"))) {
        options.threads = opts.value(QStringLiteral("--threads")).toInt();
        if (options.threads < 2 || options.threads > 256)
            return fail("--threads takes a number from 2 to 256");
    }
    if (opts.contains(QStringLiteral("--max-attachment-bytes"))) {
        bool ok = false;
        options.maxAttachmentBytes = opts.value(QStringLiteral("--max-attachment-bytes"))
                                         .toLongLong(&ok);
        if (!ok || options.maxAttachmentBytes < 1 || options.maxAttachmentBytes > (qint64(1) << 40))
            return fail("--max-attachment-bytes takes a positive number of bytes");
    }
    if (opts.contains(QStringLiteral("--max-attachments-per-ticket"))) {
        bool ok = false;
        options.maxAttachmentsPerTicket = opts.value(QStringLiteral("--max-attachments-per-ticket"))
                                              .toInt(&ok);
        if (!ok || options.maxAttachmentsPerTicket < 1 || options.maxAttachmentsPerTicket > 1000)
            return fail("--max-attachments-per-ticket takes a number from 1 to 1000");
    }
    const bool simulateTeam = opts.contains(QStringLiteral("--simulate-team"));
    if (simulateTeam && !opts.contains(QStringLiteral("--demo")))
        return fail("--simulate-team needs --demo (it plays the demo team)");
    SimulatorOptions simulation;
    if (opts.contains(QStringLiteral("--simulate-team-delay"))) {
        const QStringList parts = opts.value(QStringLiteral("--simulate-team-delay")).split(u':');
        bool minOk = false;
        bool maxOk = false;
        const int min = parts.value(0).toInt(&minOk);
        const int max = parts.value(1).toInt(&maxOk);
        if (!simulateTeam)
            return fail("--simulate-team-delay needs --simulate-team");
        if (parts.size() != 2 || !minOk || !maxOk || min < 0 || max < min || max > 3'600'000)
            return fail("--simulate-team-delay takes MIN_MS:MAX_MS, e.g. 3000:15000");
        simulation.minDelay = std::chrono::milliseconds(min);
        simulation.maxDelay = std::chrono::milliseconds(max);
    }
    setQuiet(opts.contains(QStringLiteral("--quiet")));

    // Block the stop stopSignals in every thread; one thread waits for them (sigwait).
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    Database db(opts.value(QStringLiteral("--data-dir")));
    QString error;
    if (!db.open(&error))
        return fail(error.toStdString());

    // Uploads cut short by a crash leave *.part files or files without a row.
    if (const int swept = sweepAttachments(db))
        logLine("removed " + std::to_string(swept) + " unfinished attachment file(s)");
    TicketStore(db).purgeExpiredResponses();

    std::optional<DemoSeed> demo;
    std::optional<DemoTeam> demoTeam;
    if (opts.contains(QStringLiteral("--demo"))) {
        demo = seedDemo(db, &error);
        if (!demo)
            return fail("cannot seed demo data: " + error.toStdString());
        demoTeam = seedDemoTeam(db, &error);
        if (!demoTeam)
            return fail("cannot seed the demo team: " + error.toStdString());
    }

    HttpApi api(db, options);
    const int port = api.bind();
    if (port < 0)
        return fail("cannot listen on " + listen.toStdString() + " (address in use?)");
    std::cout << "listening on http://" << options.host << ":" << port << std::endl;
    if (demo && demo->created)
        std::cout << "demo token: " << demo->customerToken.toStdString() << std::endl;
    else if (demo)
        std::cout << "demo data already present (create a token with: ankra-support-server "
                     "token create --data-dir DIR --org \"Demo Org\")"
                  << std::endl;
    if (demoTeam && !demoTeam->token.isEmpty())
        std::cout << "demo team token: " << demoTeam->token.toStdString() << std::endl;
    if (demoTeam)
        std::cout << "demo team token file: " << demoTeam->tokenFile.toStdString() << std::endl;

    std::unique_ptr<TeamSimulator> simulator;
    if (simulateTeam) {
        simulator = std::make_unique<TeamSimulator>(db,
                                                    demoTeam->userId,
                                                    demoTeam->userName,
                                                    simulation);
        simulator->start();
        logLine("simulated team is on duty (" + std::to_string(simulation.minDelay.count()) + "-"
                + std::to_string(simulation.maxDelay.count()) + " ms per step)");
    }

    std::thread waiter([&api, stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        logLine("stopping (signal " + std::to_string(sig) + ")");
        // In-flight requests finish; a client trickling bytes must not hold the exit forever.
        std::thread([] {
            std::this_thread::sleep_for(std::chrono::seconds(10));
            std::fprintf(stderr, "ankra-support-server: shutdown watchdog fired\n");
            std::_Exit(1);
        }).detach();
        api.stop();
    });
    api.serve();
    // serve() can also return without a signal (e.g. a bind problem): wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    if (simulator)
        simulator->stop();
    logLine("stopped");
    return 0;
}

int tokenCreate(const QHash<QString, QString> &opts)
{
    const bool team = opts.contains(QStringLiteral("--team"));
    if (!opts.contains(QStringLiteral("--data-dir"))
        || (!team && !opts.contains(QStringLiteral("--org"))))
        return fail("token create needs --data-dir DIR and --org NAME, or --team --name NAME "
                    "(see token create --help)");
    if (opts.contains(QStringLiteral("--name")) && opts.contains(QStringLiteral("--user")))
        return fail("give the name once: --name or --user");
    Database db(opts.value(QStringLiteral("--data-dir")));
    QString error;
    if (!db.open(&error))
        return fail(error.toStdString());
    Auth auth(db);
    const QString user = opts.value(QStringLiteral("--name"),
                                    opts.value(QStringLiteral("--user"),
                                               team ? QStringLiteral("Ankra Support")
                                                    : QStringLiteral("Customer")));
    if (user.trimmed().isEmpty())
        return fail("the user name must not be empty");
    const auto token = auth.createToken(opts.value(QStringLiteral("--org")), user, team, &error);
    if (!token)
        return fail("cannot create token: " + error.toStdString());
    std::cout << token->token.toStdString() << std::endl;
    return 0;
}

int importCommand(const QHash<QString, QString> &opts, const QString &file)
{
    if (!opts.contains(QStringLiteral("--data-dir")) || !opts.contains(QStringLiteral("--org"))
        || file.isEmpty())
        return fail("import needs --data-dir DIR --org NAME FILE (see import --help)");
    QFile input;
    const bool opened = file == QLatin1String("-")
                            ? input.open(stdin, QIODevice::ReadOnly)
                            : (input.setFileName(file), input.open(QIODevice::ReadOnly));
    if (!opened)
        return fail("cannot read " + file.toStdString() + ": " + input.errorString().toStdString());
    Database db(opts.value(QStringLiteral("--data-dir")));
    QString error;
    if (!db.open(&error))
        return fail(error.toStdString());
    const QString orgId = Auth(db).ensureOrganisation(opts.value(QStringLiteral("--org")), &error);
    if (orgId.isEmpty())
        return fail(error.toStdString());
    QElapsedTimer timer;
    timer.start();
    const auto count = importTickets(db, orgId, input, &error);
    if (!count)
        return fail("import failed: " + error.toStdString());
    std::cout << "imported " << *count << " tickets in " << timer.elapsed() << " ms" << std::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ankra-support-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANKRA_VERSION));
    const QStringList args = QCoreApplication::arguments();

    if (args.size() < 2 || args.at(1) == QLatin1String("--help")
        || args.at(1) == QLatin1String("-h")) {
        std::cout << MainHelp;
        return args.size() < 2 ? 2 : 0;
    }
    if (args.at(1) == QLatin1String("--version")) {
        std::cout << "ankra-support-server " << ANKRA_VERSION << std::endl;
        return 0;
    }
    const bool wantsHelp = args.contains(QStringLiteral("--help"));
    QHash<QString, QString> opts;
    std::string error;
    if (args.at(1) == QLatin1String("serve")) {
        if (wantsHelp) {
            std::cout << ServeHelp;
            return 0;
        }
        if (!parseOptions(args,
                          2,
                          {QStringLiteral("--demo"),
                           QStringLiteral("--quiet"),
                           QStringLiteral("--simulate-team")},
                          &opts,
                          &error))
            return fail(error);
        return serve(opts);
    }
    if (args.at(1) == QLatin1String("token")) {
        if (wantsHelp || args.size() < 3) {
            std::cout << TokenHelp;
            return wantsHelp ? 0 : 2;
        }
        if (args.at(2) != QLatin1String("create"))
            return fail("unknown token command '" + args.at(2).toStdString() + "'");
        if (!parseOptions(args, 3, {QStringLiteral("--team")}, &opts, &error))
            return fail(error);
        return tokenCreate(opts);
    }
    if (args.at(1) == QLatin1String("import")) {
        if (wantsHelp) {
            std::cout << ImportHelp;
            return 0;
        }
        // The last argument is the file; the rest are --name value pairs.
        QStringList rest = args.mid(2);
        const QString file = rest.size() % 2 == 1 ? rest.takeLast() : QString();
        if (!parseOptions(rest, 0, {}, &opts, &error))
            return fail(error);
        return importCommand(opts, file);
    }
    return fail("unknown command '" + args.at(1).toStdString() + "' (see --help)");
}

// Faults (issue 10), each with its expected outcome checked: the server killed (SIGKILL)
// during concurrent creates, during uploads and during a schema migration; the data
// directory's disk full; slow clients holding connections. Every case ends with
// PRAGMA integrity_check = ok.

#include "testserver.h"
#include "tst_server_http.h"

#include <httplib.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <sys/mount.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace Ankra;
using Test::HttpReply;

namespace {

const QByteArray Tickets = "/api/v1/org/support/tickets";

// Runs `sql` (several statements) on the database file with the sqlite3 shell.
bool sqliteShell(const QString &file, const QByteArray &sql, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), file});
    if (!p.waitForStarted(5'000))
        return false;
    p.write(sql);
    p.closeWriteChannel();
    if (!p.waitForFinished(120'000))
        return false;
    if (out)
        *out = p.readAllStandardOutput().trimmed();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString integrity(const QString &dataDir)
{
    QByteArray out;
    if (!sqliteShell(dataDir + QStringLiteral("/support.sqlite3"),
                     "PRAGMA integrity_check;\n",
                     &out))
        return QStringLiteral("sqlite3 failed");
    return QString::fromUtf8(out);
}

qint64 scalar(const QString &dataDir, const QByteArray &sql)
{
    QByteArray out;
    if (!sqliteShell(dataDir + QStringLiteral("/support.sqlite3"), sql + "\n", &out))
        return -1;
    return out.toLongLong();
}

QStringList attachmentFiles(const QString &dataDir)
{
    QStringList files = QDir(dataDir + QStringLiteral("/attachments")).entryList(QDir::Files);
    files.sort();
    return files;
}

// The schema migrations, read from server/database.cpp (R"SQL( ... )SQL" blocks in order).
QList<QByteArray> migrationsFromSource()
{
    QFile f(QStringLiteral(ANKRA_SOURCE_DIR "/server/database.cpp"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = f.readAll();
    QList<QByteArray> blocks;
    for (qsizetype at = text.indexOf("R\"SQL("); at >= 0; at = text.indexOf("R\"SQL(", at)) {
        const qsizetype end = text.indexOf(")SQL\"", at);
        if (end < 0)
            break;
        blocks.append(text.mid(at + 6, end - at - 6));
        at = end;
    }
    return blocks;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private:
    bool haveSqliteShell()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty();
    }

private slots:
    void initTestCase()
    {
        if (!haveSqliteShell())
            QSKIP("the sqlite3 shell is needed to inspect databases of killed servers (apt "
                  "install sqlite3)");
    }

    // Concurrent creates with Idempotency-Keys, SIGKILL in the middle: every acknowledged
    // ticket survives, and retrying the unacknowledged keys after the restart files each
    // request exactly once.
    void killDuringCreates()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        const std::string token = server.token().toStdString();
        const int port = server.url().port();
        std::mutex mutex;
        QMap<QString, QString> acknowledged; // key -> ticket id
        QStringList unanswered;              // keys sent without an answer
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&, t] {
                httplib::Client c("127.0.0.1", port);
                c.set_bearer_token_auth(token);
                c.set_read_timeout(20, 0);
                for (int i = 0; !stop; ++i) {
                    const std::string key = "fault-" + std::to_string(t) + "-" + std::to_string(i);
                    const auto r = c.Post(Tickets.toStdString(),
                                          {{"Idempotency-Key", key}},
                                          "{\"subject\":\"Fault " + key
                                              + "\",\"acknowledged\":true}",
                                          "application/json");
                    std::lock_guard lock(mutex);
                    if (r && r->status == 201) {
                        acknowledged.insert(QString::fromStdString(key),
                                            QJsonDocument::fromJson(
                                                QByteArray::fromStdString(r->body))
                                                .object()
                                                .value(QLatin1String("id"))
                                                .toString());
                    } else {
                        unanswered.append(QString::fromStdString(key));
                        return;
                    }
                }
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     std::lock_guard lock(mutex);
                                     return acknowledged.size() >= 60;
                                 }()),
                                 30'000);
        server.kill();
        stop = true;
        for (auto &t : threads)
            t.join();
        QVERIFY(integrity(server.dataDir()) == QLatin1String("ok"));

        QVERIFY2(server.start(false, &error), qPrintable(error));
        const QString token2 = server.createToken(QStringLiteral("Demo Org"),
                                                  QStringLiteral("Customer"));
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
            QCOMPARE(Test::request(server.url(), "GET", Tickets + '/' + it.value().toUtf8(), token2)
                         .status,
                     200);
        for (const QString &key : std::as_const(unanswered)) {
            const HttpReply r = Test::request(server.url(),
                                              "POST",
                                              Tickets,
                                              token2,
                                              "{\"subject\":\"Fault " + key.toUtf8()
                                                  + "\",\"acknowledged\":true}",
                                              {"Idempotency-Key: " + key.toUtf8()});
            QCOMPARE(r.status, 201);
        }
        server.stop();
        // Exactly one ticket per key, acknowledged or retried.
        QCOMPARE(scalar(server.dataDir(),
                        "SELECT COUNT(*) FROM tickets WHERE subject LIKE 'Fault fault-%';"),
                 qint64(acknowledged.size() + unanswered.size()));
        QCOMPARE(scalar(server.dataDir(),
                        "SELECT COUNT(*) FROM (SELECT subject FROM tickets GROUP BY subject HAVING "
                        "COUNT(*) > 1);"),
                 0);
        qInfo("killed after %lld acknowledged creates, %lld in flight",
              qint64(acknowledged.size()),
              qint64(unanswered.size()));
    }

    // Uploads in flight when the server is killed leave nothing behind; finished ones survive
    // byte for byte.
    void killDuringUploads()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        const HttpReply created = Test::request(server.url(),
                                                "POST",
                                                Tickets,
                                                server.token(),
                                                "{\"subject\":\"Uploads\",\"acknowledged\":true}");
        const QByteArray ticket = created.json().value(QLatin1String("id")).toString().toUtf8();
        const QByteArray path = Tickets + '/' + ticket + "/attachments";
        QByteArray done(300 * 1024, 'x');
        for (qsizetype i = 0; i < done.size(); i += 64)
            done[i] = '\n';
        const QStringList before = attachmentFiles(server.dataDir()); // the demo's
        QStringList finished;
        for (int i = 0; i < 3; ++i) {
            const HttpReply r
                = Test::rawRequest(server.url(),
                                   Test::uploadRequest(path, server.token(), "done.log", done));
            QCOMPARE(r.status, 201);
            finished.append(
                r.json()[QLatin1String("attachments")][i][QLatin1String("id")].toString());
        }
        std::vector<std::unique_ptr<QTcpSocket>> inFlight;
        const QByteArray big = Test::uploadRequest(path,
                                                   server.token(),
                                                   "big.log",
                                                   QByteArray(4 << 20, 'y'));
        for (int i = 0; i < 4; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(server.url().host(), quint16(server.url().port()));
            QVERIFY(socket->waitForConnected(5'000));
            socket->write(big.left(big.size() / 2));
            while (socket->bytesToWrite() > 0)
                QVERIFY(socket->waitForBytesWritten(5'000));
            inFlight.push_back(std::move(socket));
        }
        // The halves are on disk as .part files before the kill.
        QTRY_VERIFY_WITH_TIMEOUT(QDir(server.dataDir() + QStringLiteral("/attachments"))
                                         .entryList({QStringLiteral("*.part")}, QDir::Files)
                                         .size()
                                     == 4,
                                 20'000);
        server.kill();
        inFlight.clear();
        QCOMPARE(integrity(server.dataDir()), QStringLiteral("ok"));
        QVERIFY2(server.start(false, &error), qPrintable(error));
        QStringList expected = before + finished;
        expected.sort();
        QCOMPARE(attachmentFiles(server.dataDir()), expected);
        const QString token2 = server.createToken(QStringLiteral("Demo Org"),
                                                  QStringLiteral("Customer"));
        const HttpReply t = Test::request(server.url(), "GET", Tickets + '/' + ticket, token2);
        QCOMPARE(t.json().value(QLatin1String("attachments")).toArray().size(), 3);
        for (const QString &id : std::as_const(finished))
            QCOMPARE(Test::request(server.url(), "GET", path + '/' + id.toUtf8(), token2).body,
                     done);
    }

    // A database two schema versions old with 40k tickets: the FTS rebuild of migration 3
    // takes long enough to be killed in the middle. Repeated SIGKILLs at growing delays;
    // after each the database is at a whole version with every ticket, and the final start
    // migrates cleanly.
    void killMidMigration()
    {
        const QList<QByteArray> migrations = migrationsFromSource();
        QVERIFY2(migrations.size() >= 3, "cannot read the migrations from server/database.cpp");
        QTemporaryDir dir;
        const QString file = dir.path() + QStringLiteral("/support.sqlite3");
        const qint64 count = 40'000;
        QByteArray script = "PRAGMA journal_mode = WAL;\n" + migrations.at(0) + migrations.at(1)
                            + "INSERT INTO organisations (id, name, created_at) VALUES "
                              "('11111111-1111-4111-8111-111111111111', 'Old Org', "
                              "'2024-01-01T00:00:00Z');\n"
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < "
                            + QByteArray::number(count)
                            + ") INSERT INTO tickets (id, organisation_id, ticket_number, source, "
                              "category, subject, description, status, ai_review_status, "
                              "created_at, updated_at) SELECT lower(hex(randomblob(16))), "
                              "'11111111-1111-4111-8111-111111111111', i, 'api', 'technical', "
                              "'Ingress controller restarts ' || i, 'Pods restarted after the "
                              "upgrade renewed certificates ' || i, 'open', 'passed', "
                              "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM n;\n"
                              "UPDATE organisations SET next_ticket_number = "
                            + QByteArray::number(count + 1) + ";\nPRAGMA user_version = 2;\n";
        QVERIFY(sqliteShell(file, script));
        QCOMPARE(scalar(dir.path(), "SELECT COUNT(*) FROM tickets;"), count);

        int kills = 0;
        int midMigration = 0;
        int delayMs = 20;
        for (int round = 0; round < 20; ++round, delayMs *= 2) {
            QProcess server;
            server.start(Test::TestServer::binary(),
                         {QStringLiteral("serve"),
                          QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--data-dir"),
                          dir.path()});
            QVERIFY(server.waitForStarted(10'000));
            const bool listening = server.waitForReadyRead(delayMs)
                                   && server.readAllStandardOutput().contains("listening on");
            server.kill();
            server.waitForFinished(10'000);
            if (listening)
                break;
            ++kills;
            // Uncommitted pages in the WAL (the sqlite3 shell removes it on close): the kill
            // interrupted a migration step, not the start-up before it.
            const bool wroteWal = QFileInfo(file + QStringLiteral("-wal")).size() > 0;
            const qint64 version = scalar(dir.path(), "PRAGMA user_version;");
            QVERIFY2(version >= 2, qPrintable(QString::number(version)));
            if (version < migrations.size() && (wroteWal || version > 2))
                ++midMigration;
            QCOMPARE(scalar(dir.path(), "SELECT COUNT(*) FROM tickets;"), count);
            QCOMPARE(integrity(dir.path()), QStringLiteral("ok"));
        }
        qInfo("%d kills before the server listened, %d of them in the middle of a migration",
              kills,
              midMigration);
        QVERIFY2(midMigration > 0, "no kill landed during the migration");

        QProcess server;
        server.start(Test::TestServer::binary(),
                     {QStringLiteral("serve"),
                      QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--data-dir"),
                      dir.path(),
                      QStringLiteral("--quiet")});
        QVERIFY(server.waitForStarted(10'000));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 120'000
               && server.state() == QProcess::Running) {
            server.waitForReadyRead(500);
            out += server.readAllStandardOutput();
        }
        const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
        const auto m = listening.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        QProcess tokenCli;
        tokenCli.start(Test::TestServer::binary(),
                       {QStringLiteral("token"),
                        QStringLiteral("create"),
                        QStringLiteral("--data-dir"),
                        dir.path(),
                        QStringLiteral("--org"),
                        QStringLiteral("Old Org")});
        QVERIFY(tokenCli.waitForFinished(30'000));
        const QString token = QString::fromUtf8(tokenCli.readAllStandardOutput()).trimmed();
        const HttpReply all = Test::request(QUrl(m.captured(1)),
                                            "GET",
                                            Tickets + "?page_size=1",
                                            token);
        QCOMPARE(all.json()[QLatin1String("pagination")][QLatin1String("total_count")].toInteger(),
                 count);
        // The rebuilt full-text index finds the old tickets (porter stemming: renew ~ renewed).
        const HttpReply found = Test::request(QUrl(m.captured(1)),
                                              "GET",
                                              Tickets + "?q=renew&page_size=1",
                                              token);
        QCOMPARE(found.status, 200);
        QVERIFY(found.json()[QLatin1String("pagination")][QLatin1String("total_count")].toInteger()
                > 0);
        server.terminate();
        QVERIFY(server.waitForFinished(20'000));
        QCOMPARE(scalar(dir.path(), "PRAGMA user_version;"), qint64(migrations.size()));
        QCOMPARE(integrity(dir.path()), QStringLiteral("ok"));
    }

    void diskFull();
    void slowClientsDoNotStarveOthers();
};

#include "tst_faults_more.inc"

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"

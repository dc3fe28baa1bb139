// Crash safety, graceful shutdown, memory under oversized uploads and the import CLI of the
// real ankra-support-server.

#include "testserver.h"
#include "tst_server_http.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Ankra;
using Test::HttpReply;

namespace {
const QByteArray Tickets = "/api/v1/org/support/tickets";

QStringList attachmentFiles(const Test::TestServer &server)
{
    return QDir(QDir(server.dataDir()).filePath(QStringLiteral("attachments")))
        .entryList(QDir::Files | QDir::Hidden);
}
} // namespace

class TestServerDurability : public QObject
{
    Q_OBJECT
private:
    QString m_token;

    QJsonObject create(const Test::TestServer &server, const QString &subject)
    {
        const QJsonObject body{
            {QStringLiteral("subject"), subject},
            {QStringLiteral("description"),
             QStringLiteral(
                 "The kubelet on node-3 reports: Error: failed to pull image, Kubernetes 1.29.4")},
            {QStringLiteral("acknowledged"), true}};
        return Test::request(server.url(), "POST", Tickets, m_token, QJsonDocument(body).toJson())
            .json();
    }
    static QByteArray path(const QJsonObject &t)
    {
        return Tickets + '/' + t[QLatin1String("id")].toString().toUtf8();
    }

    bool startFresh(Test::TestServer &server, const QStringList &extra = {})
    {
        server.setExtraArguments(extra);
        QString error;
        if (!server.start(false, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_token = server.createToken(QStringLiteral("Acme"), QStringLiteral("Ops"));
        return !m_token.isEmpty();
    }

    // Opens a connection and sends the headers and the first `sent` bytes of an upload.
    static std::unique_ptr<QTcpSocket> startUpload(const QUrl &url,
                                                   const QByteArray &request,
                                                   qsizetype sent)
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(url.host(), quint16(url.port()));
        if (!socket->waitForConnected(5'000))
            return nullptr;
        socket->write(request.left(sent));
        while (socket->bytesToWrite() > 0)
            socket->waitForBytesWritten(1'000);
        return socket;
    }

private slots:
    void killedServerKeepsCommittedData()
    {
        Test::TestServer server;
        QVERIFY(startFresh(server));
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(
                create(server, QStringLiteral("Durable ticket %1").arg(i))[QLatin1String("id")]
                    .toString());
        const QByteArray log = "2024-05-01 kubelet: failed to pull image\n";
        const HttpReply up = Test::rawRequest(server.url(),
                                              Test::uploadRequest(Tickets + '/' + ids.at(0).toUtf8()
                                                                      + "/attachments",
                                                                  m_token,
                                                                  "kubelet.log",
                                                                  log));
        QCOMPARE(up.status, 201);
        const QString attachment = up.json()[QLatin1String("attachments")][0][QLatin1String("id")]
                                       .toString();
        // Leftovers of a crash: an unfinished upload and a file whose row never committed.
        const QDir dir(QDir(server.dataDir()).filePath(QStringLiteral("attachments")));
        for (const QString &name : QStringList{QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                   + QStringLiteral(".part"),
                                               QUuid::createUuid().toString(QUuid::WithoutBraces)}) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("partial");
        }
        QCOMPARE(attachmentFiles(server).size(), 3);

        server.kill();
        QString error;
        server.setExtraArguments({});
        QVERIFY2(server.start(false, &error), qPrintable(error));
        const HttpReply list = Test::request(server.url(), "GET", Tickets + "?q=Durable", m_token);
        QCOMPARE(list.json()[QLatin1String("pagination")][QLatin1String("total_count")].toInt(), 3);
        const HttpReply down = Test::request(server.url(),
                                             "GET",
                                             Tickets + '/' + ids.at(0).toUtf8() + "/attachments/"
                                                 + attachment.toUtf8(),
                                             m_token);
        QCOMPARE(down.status, 200);
        QCOMPARE(down.body, log);
        QCOMPARE(attachmentFiles(server), QStringList{attachment});
    }

    void crashMidUploadLeavesNothing()
    {
        Test::TestServer server;
        QVERIFY(startFresh(server));
        const QJsonObject t = create(server, QStringLiteral("Crash during upload"));
        const QByteArray request = Test::uploadRequest(path(t) + "/attachments",
                                                       m_token,
                                                       "big.log",
                                                       QByteArray(4 * 1024 * 1024, 'x'));
        auto socket = startUpload(server.url(), request, request.size() / 2);
        QVERIFY(socket);
        QTest::qWait(300);
        QVERIFY(!attachmentFiles(server).isEmpty()); // the .part file is being written
        server.kill();
        socket.reset();
        QString error;
        QVERIFY2(server.start(false, &error), qPrintable(error));
        QCOMPARE(attachmentFiles(server), QStringList());
        QCOMPARE(Test::request(server.url(), "GET", path(t), m_token)
                     .json()[QLatin1String("attachments")]
                     .toArray()
                     .size(),
                 0);
    }

    void sigtermLetsASlowUploadFinish()
    {
        Test::TestServer server;
        QVERIFY(startFresh(server));
        const QJsonObject t = create(server, QStringLiteral("Upload during shutdown"));
        const QByteArray content(1024 * 1024, 'y');
        const QByteArray request = Test::uploadRequest(path(t) + "/attachments",
                                                       m_token,
                                                       "slow.log",
                                                       content);
        auto socket = startUpload(server.url(), request, request.size() / 2);
        QVERIFY(socket);
        QTest::qWait(200);
        server.process()->terminate(); // SIGTERM while the upload is in flight
        QTest::qWait(500);
        QCOMPARE(server.process()->state(), QProcess::Running);
        socket->write(request.mid(request.size() / 2));
        QByteArray raw;
        QElapsedTimer timer;
        timer.start();
        while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10'000) {
            socket->waitForReadyRead(100);
            raw += socket->readAll();
        }
        raw += socket->readAll();
        QCOMPARE(Test::parseReply(raw).status, 201);
        QVERIFY(server.process()->waitForFinished(10'000));
        QCOMPARE(server.process()->exitCode(), 0);
        QString error;
        QVERIFY2(server.start(false, &error), qPrintable(error));
        const QJsonArray attachments = Test::request(server.url(), "GET", path(t), m_token)
                                           .json()[QLatin1String("attachments")]
                                           .toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0)[QLatin1String("size_bytes")].toInt(), content.size());
        QCOMPARE(attachmentFiles(server).size(), 1);
    }

    void oversizedUploadsDoNotGrowMemory()
    {
        Test::TestServer server;
        QVERIFY(startFresh(server)); // default limit: 25 MiB
        const QJsonObject t = create(server, QStringLiteral("Big uploads"));
        const qint64 pid = server.process()->processId();
        // Warm up (thread pool, SQLite caches) before taking the baseline.
        QCOMPARE(Test::rawRequest(server.url(),
                                  Test::uploadRequest(path(t) + "/attachments",
                                                      m_token,
                                                      "small.log",
                                                      "ok\n"))
                     .status,
                 201);
        const qint64 before = Test::peakRssKiB(pid);
        QVERIFY(before > 0);

        // 60 MB: refused from its Content-Length before the body is read. The client may see
        // the 413 or, having sent more than the server drains, a reset; never a stored file.
        const QByteArray huge = Test::uploadRequest(path(t) + "/attachments",
                                                    m_token,
                                                    "huge.log",
                                                    QByteArray(60 * 1000 * 1000, 'z'));
        const HttpReply r1 = Test::rawRequest(server.url(), huge);
        QVERIFY2(r1.status == 413 || r1.status == 0, qPrintable(QString::number(r1.status)));
        // 30 MB: over the limit but within the drain allowance: streamed, cut at 25 MiB, 413.
        const QByteArray over = Test::uploadRequest(path(t) + "/attachments",
                                                    m_token,
                                                    "over.log",
                                                    QByteArray(30 * 1000 * 1000, 'z'));
        const HttpReply r2 = Test::rawRequest(server.url(), over);
        QCOMPARE(r2.status, 413);
        QVERIFY(r2.detail().contains(QLatin1String("too large")));

        const qint64 after = Test::peakRssKiB(pid);
        qInfo("VmHWM before %lld KiB, after %lld KiB", before, after);
        QVERIFY2(after - before < 10 * 1024,
                 qPrintable(QStringLiteral("grew by %1 KiB").arg(after - before)));
        QCOMPARE(attachmentFiles(server).size(), 1);
        QCOMPARE(Test::request(server.url(), "GET", path(t), m_token)
                     .json()[QLatin1String("attachments")]
                     .toArray()
                     .size(),
                 1);
    }

    void importLoadsJsonLinesAllOrNothing()
    {
        QTemporaryDir dir;
        QFile good(dir.filePath(QStringLiteral("good.jsonl")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        for (int i = 0; i < 2000; ++i)
            good.write(
                QJsonDocument(
                    QJsonObject{{QStringLiteral("subject"),
                                 QStringLiteral("Imported %1 etcd latency").arg(i)},
                                {QStringLiteral("description"),
                                 QStringLiteral("etcd fsync duration high on node %1").arg(i)},
                                {QStringLiteral("status"),
                                 i % 2 ? QStringLiteral("resolved") : QStringLiteral("open")},
                                {QStringLiteral("created_at"),
                                 QStringLiteral("2024-03-01T10:00:00Z")}})
                    .toJson(QJsonDocument::Compact)
                + '\n');
        good.close();
        QFile bad(dir.filePath(QStringLiteral("bad.jsonl")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"subject\":\"fine\",\"description\":\"d\"}\n{\"subject\":\"x\","
                  "\"description\":\"d\",\"category\":\"nope\"}\n");
        bad.close();

        const QString data = dir.filePath(QStringLiteral("data"));
        auto run = [&](const QString &file) {
            QProcess p;
            p.start(Test::TestServer::binary(),
                    {QStringLiteral("import"),
                     QStringLiteral("--data-dir"),
                     data,
                     QStringLiteral("--org"),
                     QStringLiteral("Importers"),
                     file});
            p.waitForFinished(60'000);
            return std::make_pair(p.exitCode(),
                                  QString::fromUtf8(p.readAllStandardOutput()
                                                    + p.readAllStandardError()));
        };
        const auto [badCode, badOutput] = run(bad.fileName());
        QVERIFY(badCode != 0);
        QVERIFY2(badOutput.contains(QLatin1String("line 2")), qPrintable(badOutput));
        const auto [code, output] = run(good.fileName());
        QCOMPARE(code, 0);
        QVERIFY2(output.contains(QLatin1String("imported 2000 tickets")), qPrintable(output));

        QProcess token;
        token.start(Test::TestServer::binary(),
                    {QStringLiteral("token"),
                     QStringLiteral("create"),
                     QStringLiteral("--data-dir"),
                     data,
                     QStringLiteral("--org"),
                     QStringLiteral("Importers")});
        token.waitForFinished(20'000);
        m_token = QString::fromUtf8(token.readAllStandardOutput()).trimmed();
        QProcess serve;
        serve.start(Test::TestServer::binary(),
                    {QStringLiteral("serve"),
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"),
                     data,
                     QStringLiteral("--quiet")});
        QVERIFY(serve.waitForReadyRead(10'000));
        const QUrl url(QString::fromUtf8(serve.readLine()).trimmed().section(u' ', 2));
        const HttpReply all = Test::request(url, "GET", Tickets, m_token);
        QCOMPARE(all.json()[QLatin1String("pagination")][QLatin1String("total_count")].toInt(),
                 2000); // the bad file added nothing
        const HttpReply resolved = Test::request(url,
                                                 "GET",
                                                 Tickets + "?status=resolved&q=etcd",
                                                 m_token);
        QCOMPARE(resolved.json()[QLatin1String("pagination")][QLatin1String("total_count")].toInt(),
                 1000);
        QCOMPARE(all.json()[QLatin1String("result")][0][QLatin1String("ticket_number")].toInt() > 0,
                 true);
        serve.terminate();
        QVERIFY(serve.waitForFinished(10'000));
    }
};

QTEST_GUILESS_MAIN(TestServerDurability)
#include "tst_server_durability.moc"

// Exactly once, under crashes: 100 ticket creations (every third with an attachment) are queued
// while the server is down, then sent while the server is killed with SIGKILL and restarted 10
// times mid-flight. Afterwards the server has exactly 100 of them, no duplicates, and every
// attachment byte-identical.

#include "testserver.h"

#include "api/apiclient.h"
#include "store/outbox.h"
#include "store/outboxsender.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Ankra;
using Store::Outbox;
using Store::OutboxEntry;
using Store::OutboxSender;

namespace {

constexpr int Tickets = 100;
constexpr int Kills = 10;

bool waitFor(Api::ApiJob *job)
{
    return QTest::qWaitFor([job] { return job->isFinished(); }, 30'000);
}

QByteArray logBytes(int index)
{
    // Text (the server sniffs content), distinct per ticket, 2 KiB to ~150 KiB.
    QRandomGenerator rng(quint32(1000 + index));
    const int lines = 30 + int(rng.bounded(2'000));
    QByteArray bytes;
    for (int i = 0; i < lines; ++i)
        bytes += QByteArrayLiteral("2026-11-26T20:00:00Z pod/ingress-") + QByteArray::number(index)
                 + ' ' + QByteArray::number(rng.generate64(), 16) + " level=error msg=restart "
                 + QByteArray::number(i) + '\n';
    return bytes;
}

// Between the client and the server: forwards bytes both ways. When armed, the next answer to
// a POST is not forwarded: `onAnswer` runs instead (it kills the server) and the client's
// connection is cut. That is the worst moment of a crash: the server has committed, the client
// never hears of it.
class CuttingProxy : public QObject
{
public:
    explicit CuttingProxy(std::function<void()> onAnswer)
        : m_onAnswer(std::move(onAnswer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                bridge(client);
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    void setUpstream(const QUrl &url) { m_upstream = url; }
    void armCut() { m_armed = true; }
    bool isArmed() const { return m_armed; }
    int cuts() const { return m_cuts; }

private:
    void bridge(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        auto method = std::make_shared<QByteArray>();
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, method] {
            const QByteArray data = client->readAll();
            if (data.startsWith("POST ") || data.startsWith("GET "))
                *method = data.left(data.indexOf(' '));
            upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, method] {
            const QByteArray data = upstream->readAll();
            if (m_armed && *method == "POST" && data.startsWith("HTTP/1.1 2")) {
                m_armed = false;
                ++m_cuts;
                client->abort();
                client->deleteLater();
                m_onAnswer();
                return;
            }
            client->write(data);
        });
        // The server gone (killed, or not listening yet): so is the client's connection.
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->abort(); });
        connect(upstream, &QTcpSocket::errorOccurred, client, [client] { client->abort(); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        upstream->connectToHost(QHostAddress::LocalHost, quint16(m_upstream.port()));
    }

    QTcpServer m_server;
    QUrl m_upstream;
    std::function<void()> m_onAnswer;
    bool m_armed = false;
    int m_cuts = 0;
};

} // namespace

class TestOutboxExactlyOnce : public QObject
{
    Q_OBJECT
private slots:
    void hundredTicketsTenKills()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(server.url());
        client.setToken(server.token());
        // One attempt per job: every resend is the outbox's own, with its stored key.
        client.setRetryPolicy({1, 50, 1'000, 15'000});
        server.kill(); // offline from here on

        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const QString prefix = QStringLiteral("Exactly-once %1 #")
                                   .arg(QRandomGenerator::global()->generate(), 0, 16);
        QMap<QString, QByteArray> attachmentOf; // subject -> bytes
        for (int i = 0; i < Tickets; ++i) {
            Api::CreateTicketRequest r;
            r.subject = prefix + QString::number(i);
            r.description = QStringLiteral("Ingress pods restart with exit code 137 after the "
                                           "upgrade; error: OOMKilled (case %1).")
                                .arg(i);
            r.category = QStringLiteral("bug");
            r.acknowledged = true;
            QStringList files;
            if (i % 3 == 0) {
                const QString path = dir.filePath(QStringLiteral("ingress-%1.log").arg(i));
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
                attachmentOf.insert(r.subject, logBytes(i));
                f.write(attachmentOf.value(r.subject));
                f.close();
                files.append(path);
            }
            QVERIFY2(outbox.enqueueCreateTicket(r, files, &error) > 0, qPrintable(error));
            for (const QString &path : std::as_const(files))
                QFile::remove(path); // the outbox has its own copy
        }
        const int entries = int(outbox.entries().size());
        QCOMPARE(entries, Tickets + int(attachmentOf.size()));

        QVERIFY2(server.start(true, &error), qPrintable(error));
        bool killedByProxy = false;
        CuttingProxy proxy([&] {
            server.kill();
            killedByProxy = true;
        });
        proxy.setUpstream(server.url());
        client.setServerUrl(proxy.url());
        OutboxSender sender(&outbox, &client, nullptr);
        sender.setBackoff(50, 400);
        int sent = 0;
        int kills = 0;
        int midFlight = 0;
        connect(&sender, &OutboxSender::entrySent, this, [&] { ++sent; });
        QElapsedTimer timer;
        timer.start();
        sender.start();
        // Kills spread over the run, after every ~tenth of the entries. Even ones: right after
        // the server committed a POST and before its answer reached the client (the proxy
        // kills it then). Odd ones: a few ms into the next request, wherever it is.
        auto *rng = QRandomGenerator::global();
        while (kills < Kills && timer.elapsed() < 150'000) {
            const int target = (kills + 1) * entries / (Kills + 2);
            if (!QTest::qWaitFor([&] { return sent >= target; }, 60'000))
                break;
            if (kills % 2 == 0) {
                killedByProxy = false;
                proxy.armCut();
                if (!QTest::qWaitFor([&] { return killedByProxy; }, 60'000))
                    break;
                ++midFlight;
            } else {
                QTest::qWait(int(rng->bounded(1, 25)));
                midFlight += sender.isBusy();
                server.kill();
            }
            ++kills;
            QTest::qWait(int(rng->bounded(50, 300)));
            QVERIFY2(server.start(true, &error), qPrintable(error));
            proxy.setUpstream(server.url());
        }
        QCOMPARE(kills, Kills);
        QCOMPARE(proxy.cuts(), Kills / 2);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.pendingCount() == 0, 120'000);
        qInfo("sent %d entries with %d kills (%d with a request in flight, %d of them between the "
              "server's commit and its answer) in %lld ms",
              entries,
              kills,
              midFlight,
              proxy.cuts(),
              timer.elapsed());
        QVERIFY(midFlight >= Kills / 2);

        // Every page of the server's list: exactly 100 of ours, each subject once.
        QMap<QString, QString> idOf;
        int duplicates = 0;
        for (int page = 1;; ++page) {
            Api::TicketQuery q;
            q.page = page;
            q.pageSize = 100;
            auto *job = client.listTickets(q, this);
            QVERIFY(waitFor(job));
            QVERIFY2(job->ok(), qPrintable(job->error().message));
            for (const Wire::TicketSummary &t : job->page().result) {
                if (!t.subject.startsWith(prefix))
                    continue;
                duplicates += idOf.contains(t.subject);
                idOf.insert(t.subject, t.id);
            }
            if (page >= job->page().pagination.totalPages)
                break;
        }
        QCOMPARE(duplicates, 0);
        QCOMPARE(idOf.size(), Tickets);

        for (auto it = idOf.cbegin(); it != idOf.cend(); ++it) {
            auto *job = client.ticket(it.value(), this);
            QVERIFY(waitFor(job));
            QVERIFY(job->ok());
            const QList<Wire::Attachment> attachments = job->ticket().attachments;
            if (!attachmentOf.contains(it.key())) {
                QVERIFY(attachments.isEmpty());
                continue;
            }
            QCOMPARE(attachments.size(), 1); // uploaded once, whatever the kills did
            const QString target = dir.filePath(QStringLiteral("download-")
                                                + attachments.first().id);
            auto *download = client.downloadAttachment(it.value(),
                                                       attachments.first().id,
                                                       target,
                                                       this);
            QVERIFY(waitFor(download));
            QVERIFY2(download->ok(), qPrintable(download->error().message));
            QFile f(target);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(f.readAll() == attachmentOf.value(it.key()), qPrintable(it.key()));
        }
        // The outbox's copies are gone once sent.
        QVERIFY(QDir(outbox.filesDirectory())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOutboxExactlyOnce)
#include "tst_outbox_exactlyonce.moc"

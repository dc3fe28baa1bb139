// The outbox against the real ankra-support-server over loopback: order, re-targeting to the
// real ticket id, idempotent resend, backoff while the server is down, persistence across a
// restart of the client, conflicts and permanent errors.

#include "testserver.h"

#include "api/apiclient.h"
#include "store/connectivity.h"
#include "store/outbox.h"
#include "store/outboxsender.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Store::Outbox;
using Store::OutboxEntry;
using Store::OutboxSender;

namespace {

bool waitFor(Api::ApiJob *job)
{
    return QTest::qWaitFor([job] { return job->isFinished(); }, 20'000);
}

Api::CreateTicketRequest ticketRequest(const QString &subject)
{
    Api::CreateTicketRequest r;
    r.subject = subject;
    r.description = QStringLiteral(
        "After upgrading the cluster to 1.29 the ingress controller pods restart every few "
        "minutes with exit code 137. Error: OOMKilled. Started after the upgrade yesterday.");
    r.category = QStringLiteral("bug");
    r.acknowledged = true;
    return r;
}

} // namespace

class TestOutboxSend : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    Api::ApiClient *m_client = nullptr;

    Wire::Ticket fetch(const QString &id)
    {
        auto *job = m_client->ticket(id, this);
        if (!waitFor(job) || !job->ok())
            return {};
        return job->ticket();
    }
    int countWithSubject(const QString &subject)
    {
        Api::TicketQuery q;
        q.search = subject;
        q.pageSize = 100;
        auto *job = m_client->listTickets(q, this);
        if (!waitFor(job) || !job->ok())
            return -1;
        int n = 0;
        for (const Wire::TicketSummary &t : job->page().result)
            n += t.subject == subject;
        return n;
    }
    QString newTicket(const QString &subject)
    {
        auto *job = m_client->createTicket(ticketRequest(subject), this);
        if (!waitFor(job) || !job->ok())
            return {};
        return job->ticket().id;
    }
    static bool allSent(Outbox &outbox)
    {
        for (const OutboxEntry &e : outbox.entries())
            if (e.state != OutboxEntry::State::Sent)
                return false;
        return true;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_client = new Api::ApiClient(&m_nam, this);
        m_client->setServerUrl(m_server.url());
        m_client->setToken(m_server.token());
        m_client->setRetryPolicy({1, 50, 1'000, 15'000});
    }

    void sendsInOrderAndRetargets()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("node.log"));
        {
            QFile f(log);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("kubelet: evicting pod ingress-7f9\n");
        }
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const QString subject = QStringLiteral("Outbox order ingress restarts");
        const qint64 create = outbox.enqueueCreateTicket(ticketRequest(subject), {log});
        const QString local = Outbox::localTicketId(create);
        outbox.enqueueComment(local, QStringLiteral("First follow-up"));
        outbox.enqueueComment(local, QStringLiteral("Second follow-up"));
        outbox.enqueueClose(local);

        OutboxSender sender(&outbox, m_client, nullptr);
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        sender.start();
        QTRY_VERIFY_WITH_TIMEOUT(allSent(outbox), 20'000);
        QCOMPARE(sent.size(), 5);
        QList<qint64> order;
        for (const auto &args : sent)
            order.append(args.at(0).toLongLong());
        QVERIFY(std::is_sorted(order.cbegin(), order.cend()));

        const QString real = outbox.entry(create)->resultTicketId;
        QVERIFY(!real.isEmpty());
        const Wire::Ticket t = fetch(real);
        QCOMPARE(t.subject, subject);
        QCOMPARE(t.status, QStringLiteral("closed"));
        QCOMPARE(t.attachments.size(), 1);
        QCOMPARE(t.attachments.first().filename, QStringLiteral("node.log"));
        QStringList bodies;
        for (const Wire::Comment &c : t.comments)
            bodies.append(c.body);
        const int first = int(bodies.indexOf(QStringLiteral("First follow-up")));
        QVERIFY(first >= 0);
        QCOMPARE(bodies.indexOf(QStringLiteral("Second follow-up")), first + 1);
    }

    void resendAfterLostAnswerCreatesNothingTwice()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const QString subject = QStringLiteral("Outbox resend certificate renewal");
        const qint64 id = outbox.enqueueCreateTicket(ticketRequest(subject));
        OutboxSender sender(&outbox, m_client, nullptr);
        sender.start();
        QTRY_VERIFY_WITH_TIMEOUT(allSent(outbox), 20'000);
        const QString real = outbox.entry(id)->resultTicketId;
        QCOMPARE(countWithSubject(subject), 1);

        // The answer "was lost": the entry is Waiting again with its key, as after a crash.
        sender.stop();
        {
            Outbox reopened(outbox.databasePath());
            QVERIFY(reopened.open());
            QVERIFY(reopened.setSending(id));
        }
        Outbox again(outbox.databasePath());
        QVERIFY(again.open());
        QCOMPARE(again.entry(id)->state, OutboxEntry::State::Waiting);
        QVERIFY(again.setBackoff(id, {}, {}));
        OutboxSender resender(&again, m_client, nullptr);
        QSignalSpy sent(&resender, &OutboxSender::entrySent);
        resender.start();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 20'000);
        QCOMPARE(sent.at(0).at(1).toString(), real); // the server replayed its first answer
        QCOMPARE(countWithSubject(subject), 1);
    }

    void backoffWhileServerDownThenSent()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const QString ticket = newTicket(QStringLiteral("Outbox backoff target"));
        QVERIFY(!ticket.isEmpty());

        m_server.kill();
        outbox.enqueueComment(ticket, QStringLiteral("Queued while the server was down"));
        OutboxSender sender(&outbox, m_client, nullptr);
        sender.setBackoff(100, 800);
        QList<qint64> delays;
        connect(&sender, &OutboxSender::retryScheduled, this, [&](qint64, int ms) {
            delays.append(ms);
        });
        sender.start();
        QTRY_VERIFY_WITH_TIMEOUT(delays.size() >= 5, 20'000);
        // Exponential, capped: 100, 200, 400, 800, 800.
        QCOMPARE(delays.mid(0, 5), (QList<qint64>{100, 200, 400, 800, 800}));
        const auto waiting = outbox.entries().first();
        QCOMPARE(waiting.state, OutboxEntry::State::Waiting);
        QVERIFY(waiting.attempts >= 5);
        QVERIFY(!waiting.error.isEmpty());

        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_client->setServerUrl(m_server.url());
        QTRY_VERIFY_WITH_TIMEOUT(allSent(outbox), 20'000);
        const Wire::Ticket t = fetch(ticket);
        QCOMPARE(t.comments.last().body, QStringLiteral("Queued while the server was down"));
    }

    void connectivityPausesAndResumes()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const QString ticket = newTicket(QStringLiteral("Outbox connectivity target"));
        QVERIFY(!ticket.isEmpty());
        Store::Connectivity connectivity(m_client);
        connectivity.setProbeInterval(100, 400);
        connectivity.start();
        QTRY_VERIFY_WITH_TIMEOUT(connectivity.isOnline(), 20'000);

        m_server.kill();
        connectivity.probeNow();
        QTRY_VERIFY_WITH_TIMEOUT(!connectivity.isOnline(), 20'000);
        QVERIFY(!m_client->isReachable());
        // Fail fast: a request while offline ends at once with Offline, without any network.
        QElapsedTimer timer;
        timer.start();
        auto *job = m_client->ticket(ticket, this);
        QVERIFY(waitFor(job));
        QCOMPARE(job->error().kind, Api::ApiError::Kind::Offline);
        QCOMPARE(job->attempts(), 0);
        QVERIFY(timer.elapsed() < 5'000);

        outbox.enqueueComment(ticket, QStringLiteral("Sent once the probe found the server"));
        OutboxSender sender(&outbox, m_client, &connectivity);
        sender.start();
        QTest::qWait(300);
        QCOMPARE(outbox.entries().first().attempts, 0); // nothing tried while offline

        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_client->setServerUrl(m_server.url());
        QTRY_VERIFY_WITH_TIMEOUT(connectivity.isOnline(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(allSent(outbox), 20'000);
        QCOMPARE(outbox.entries().first().attempts, 1);
    }

    void survivesClientRestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.sqlite"));
        const QString subject = QStringLiteral("Outbox persisted across restart");
        {
            Outbox outbox(path);
            QVERIFY(outbox.open());
            QVERIFY(outbox.enqueueCreateTicket(ticketRequest(subject)) > 0);
        } // the "app" quits before anything was sent
        Outbox outbox(path);
        QVERIFY(outbox.open());
        QCOMPARE(outbox.pendingCount(), 1);
        OutboxSender sender(&outbox, m_client, nullptr);
        sender.start();
        QTRY_VERIFY_WITH_TIMEOUT(allSent(outbox), 20'000);
        QCOMPARE(countWithSubject(subject), 1);
    }

    void conflictKeepsCommentAndBlocksItsTicketOnly()
    {
        const QString closed = newTicket(QStringLiteral("Outbox conflict closed meanwhile"));
        const QString other = newTicket(QStringLiteral("Outbox conflict other ticket"));
        QVERIFY(!closed.isEmpty() && !other.isEmpty());
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const qint64 comment = outbox.enqueueComment(closed, QStringLiteral("Kept for the user"));
        const qint64 later = outbox.enqueueComment(closed, QStringLiteral("Waits behind it"));
        const qint64 elsewhere = outbox.enqueueComment(other, QStringLiteral("Goes ahead"));
        auto *close = m_client->closeTicket(closed, this); // "meanwhile", on another device
        QVERIFY(waitFor(close) && close->ok());

        OutboxSender sender(&outbox, m_client, nullptr);
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(outbox.entry(elsewhere)->state, OutboxEntry::State::Sent, 20'000);
        const OutboxEntry failed = *outbox.entry(comment);
        QCOMPARE(failed.state, OutboxEntry::State::Failed);
        QVERIFY(failed.conflict);
        QCOMPARE(failed.httpStatus, 409);
        QVERIFY2(failed.error.contains(QStringLiteral("ticket is closed")),
                 qPrintable(failed.error));
        QCOMPARE(failed.request.value(QLatin1String("body")).toString(),
                 QStringLiteral("Kept for the user"));
        QCOMPARE(outbox.entry(later)->state, OutboxEntry::State::Waiting);
        QCOMPARE(outbox.entry(later)->attempts, 0);
        // The user decides: cancel the kept comment; the one behind it is tried then.
        QVERIFY(outbox.cancel(comment));
        sender.kick();
        QTRY_COMPARE_WITH_TIMEOUT(outbox.entry(later)->state, OutboxEntry::State::Failed, 20'000);
    }

    void permanentErrorStopsWithServerReason()
    {
        const QString ticket = newTicket(QStringLiteral("Outbox validation target"));
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.open());
        const qint64 id = outbox.enqueueComment(ticket, QString(10'001, u'x'));
        OutboxSender sender(&outbox, m_client, nullptr);
        QSignalSpy failed(&sender, &OutboxSender::entryFailed);
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20'000);
        const OutboxEntry e = *outbox.entry(id);
        QCOMPARE(e.state, OutboxEntry::State::Failed);
        QCOMPARE(e.httpStatus, 422);
        QCOMPARE(e.attempts, 1); // no retry for a 4xx
        QVERIFY(!e.conflict);
        QVERIFY2(e.error.contains(QStringLiteral("body")), qPrintable(e.error));
        // Edit and retry: the same key is reused (the 422 stored nothing under it).
        QVERIFY(outbox.editComment(id, QStringLiteral("Shorter now")));
        QVERIFY(outbox.retry(id));
        sender.kick();
        QTRY_COMPARE_WITH_TIMEOUT(outbox.entry(id)->state, OutboxEntry::State::Sent, 20'000);
        QCOMPARE(fetch(ticket).comments.last().body, QStringLiteral("Shorter now"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxSend)
#include "tst_outbox_send.moc"

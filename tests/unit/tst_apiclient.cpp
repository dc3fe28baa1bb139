// ApiClient jobs against a fake QNetworkAccessManager: what goes on the wire (method, path,
// headers, body), how answers are parsed, retries, timeouts, idempotency keys, streaming.

#include "tst_api_fakenetwork.h"

#include "api/apiclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUuid>

using namespace Ankra;
using Ankra::Test::Canned;
using Kind = Api::ApiError::Kind;

namespace {

QByteArray fixture(const QString &relative)
{
    QFile f(QStringLiteral(ANKRA_TEST_DATA_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return f.readAll();
}

bool waitFor(Api::ApiJob *job, int ms = 10'000)
{
    return QTest::qWaitFor([job] { return job->isFinished(); }, ms);
}

const QString TicketId = QStringLiteral("3f0c9a52-7d1e-4b8a-9a55-0d6f3e2b9c11");

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private:
    Test::FakeNetwork *m_nam = nullptr;
    Api::ApiClient *m_client = nullptr;

    QString lastPath() const { return m_nam->requests().last().request.url().path(); }

private slots:
    void init()
    {
        m_nam = new Test::FakeNetwork(this);
        m_client = new Api::ApiClient(m_nam, this);
        m_client->setServerUrl(QUrl(QStringLiteral("https://support.example/base/")));
        m_client->setToken(QStringLiteral("ank_secret"));
        Api::RetryPolicy fast;
        fast.baseDelayMs = 10;
        fast.maxDelayMs = 1'500;
        fast.transferTimeoutMs = 300;
        m_client->setRetryPolicy(fast);
    }

    void cleanup()
    {
        delete m_client;
        delete m_nam;
    }

    void listBuildsTheQuery()
    {
        m_nam->enqueue(200, fixture(QStringLiteral("wire/list_page.json")));
        Api::TicketQuery q;
        q.statuses = {QStringLiteral("open"), QStringLiteral("in_progress")};
        q.search = QStringLiteral("c++ crash");
        q.clusterId = QStringLiteral("6b1f2c7e-0000-4000-8000-000000000001");
        q.page = 2;
        m_client->setOrganisationId(QStringLiteral("22222222-2222-4222-8222-222222222222"));
        auto *job = m_client->listTickets(q, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().detail));
        QCOMPARE(job->page().result.size(), 2);
        const Test::Recorded &r = m_nam->requests().constFirst();
        QCOMPARE(r.operation, QNetworkAccessManager::GetOperation);
        QCOMPARE(r.request.url().path(), QStringLiteral("/base/api/v1/org/support/tickets"));
        const QUrlQuery query(r.request.url());
        QCOMPARE(query.allQueryItemValues(QStringLiteral("status")),
                 QStringList({QStringLiteral("open"), QStringLiteral("in_progress")}));
        QCOMPARE(query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
                 QStringLiteral("c++ crash"));
        QCOMPARE(query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(r.request.rawHeader("Authorization"), QByteArray("Bearer ank_secret"));
        QCOMPARE(r.request.rawHeader("X-Ankra-Organisation-Id"),
                 QByteArray("22222222-2222-4222-8222-222222222222"));
        QVERIFY(!r.request.hasRawHeader("Idempotency-Key")); // GETs need none
        // A remote server may compress (QNAM asks for it and decompresses)...
        QVERIFY(!r.request.hasRawHeader("Accept-Encoding"));
    }

    // ...a server on this computer is asked not to: compression there is work for nothing.
    void loopbackServersAreNotAskedToCompress_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("identity");
        QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:8080/x") << true;
        QTest::newRow("::1") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("remote") << QStringLiteral("https://support.example") << false;
        QTest::newRow("10.0.0.1") << QStringLiteral("https://10.0.0.1") << false;
    }
    void loopbackServersAreNotAskedToCompress()
    {
        QFETCH(QString, url);
        QFETCH(bool, identity);
        m_client->setServerUrl(QUrl(url));
        m_nam->enqueue(200, fixture(QStringLiteral("wire/list_page.json")));
        auto *job = m_client->listTickets({}, this);
        QVERIFY(waitFor(job));
        const QNetworkRequest &r = m_nam->requests().constFirst().request;
        QCOMPARE(r.rawHeader("Accept-Encoding"), identity ? QByteArray("identity") : QByteArray());
    }

    // Plain http:// to this computer gets DefaultProxy (a buffered socket, see apiclient.cpp),
    // which Qt resolves to a direct connection for a loopback host; every other URL keeps the
    // application's proxies (a company proxy still carries requests to Ankra).
    void proxiesForLoopbackAndRemoteServers()
    {
        QNetworkProxyFactory *factory = m_nam->proxyFactory();
        QVERIFY(factory);
        const auto typeFor = [factory](const char *url) {
            return factory->queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url))))
                .value(0)
                .type();
        };
        const QNetworkProxy before = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("proxy.example"), 3128));
        QCOMPARE(typeFor("http://127.0.0.1:8080/api"), QNetworkProxy::DefaultProxy);
        QCOMPARE(typeFor("http://localhost:8080/api"), QNetworkProxy::DefaultProxy);
        QCOMPARE(typeFor("http://[::1]:8080/api"), QNetworkProxy::DefaultProxy);
        QCOMPARE(typeFor("https://platform.ankra.app/api"), QNetworkProxy::HttpProxy);
        QCOMPARE(typeFor("http://10.0.0.1/api"), QNetworkProxy::HttpProxy);
        QNetworkProxy::setApplicationProxy(before);
        QCOMPARE(typeFor("https://platform.ankra.app/api"), before.type());
    }

    void getTicketParsesAndToleratesTheUnknown()
    {
        m_nam->enqueue(200, fixture(QStringLiteral("api/ticket_future.json")));
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().detail));
        QCOMPARE(lastPath(), QStringLiteral("/base/api/v1/org/support/tickets/") + TicketId);
        QCOMPARE(job->ticket().status, QStringLiteral("escalated_to_vendor"));
        QCOMPARE(job->ticket().severity, QStringLiteral("catastrophic"));
        QCOMPARE(job->ticket().comments.size(), 1);
        QCOMPARE(job->ticket().comments.first().authorType, QStringLiteral("partner"));
        QVERIFY(!m_nam->requests().first().request.hasRawHeader("X-Ankra-Organisation-Id"));
    }

    void malformedAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<html>proxy error</html>");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("missing id") << QByteArray(R"({"subject":"x","status":"open"})");
        QTest::newRow("wrong type") << QByteArray(
            R"({"id":1,"subject":"x","status":"open","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"})");
    }

    void malformedAnswers()
    {
        QFETCH(QByteArray, body);
        m_nam->enqueue(200, body);
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind::Malformed));
        QVERIFY(!job->error().message.isEmpty());
    }

    void commentPostsJsonWithAnIdempotencyKey()
    {
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *job = m_client->addComment(TicketId, QStringLiteral("Here is **the log**"), this);
        QVERIFY(waitFor(job));
        QVERIFY(job->ok());
        const Test::Recorded &r = m_nam->requests().constFirst();
        QCOMPARE(r.operation, QNetworkAccessManager::PostOperation);
        QCOMPARE(r.request.url().path(),
                 QStringLiteral("/base/api/v1/org/support/tickets/%1/comments").arg(TicketId));
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("body")).toString(),
                 QStringLiteral("Here is **the log**"));
        const QByteArray key = r.request.rawHeader("Idempotency-Key");
        QVERIFY(!QUuid::fromString(QLatin1String(key)).isNull());
        QCOMPARE(job->idempotencyKey(), key);
        QCOMPARE(job->ticket().comments.size(), 2);

        // A second logical request gets a new key; a resend passes the old one back.
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *other = m_client->addComment(TicketId, QStringLiteral("x"), this);
        auto *resend = m_client->addComment(TicketId,
                                            QStringLiteral("Here is **the log**"),
                                            this,
                                            key);
        QVERIFY(waitFor(other) && waitFor(resend));
        QVERIFY(m_nam->requests().at(1).request.rawHeader("Idempotency-Key") != key);
        QCOMPARE(m_nam->requests().at(2).request.rawHeader("Idempotency-Key"), key);
    }

    void postIsRetriedWithTheSameKey()
    {
        m_nam->enqueue(503, R"({"detail":"busy"})");
        m_nam->enqueue(Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        m_nam->enqueue(200, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *job = m_client->closeTicket(TicketId, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().message));
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(m_nam->requests().size(), 3);
        const QByteArray key = m_nam->requests().at(0).request.rawHeader("Idempotency-Key");
        QVERIFY(!key.isEmpty());
        for (const Test::Recorded &r : m_nam->requests()) {
            QCOMPARE(r.request.rawHeader("Idempotency-Key"), key);
            QCOMPARE(r.request.url().path(),
                     QStringLiteral("/base/api/v1/org/support/tickets/%1/close").arg(TicketId));
            QVERIFY(r.body.isEmpty());
        }
    }

    void permanentErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("500") << 500 << QByteArray("{}") << int(Kind::Server);
        QTest::newRow("401") << 401 << QByteArray(R"({"detail":"Not authenticated"})")
                             << int(Kind::Auth);
        QTest::newRow("403") << 403 << QByteArray(R"({"detail":"no"})") << int(Kind::Forbidden);
        QTest::newRow("404") << 404 << QByteArray(R"({"detail":"Not Found"})")
                             << int(Kind::NotFound);
        QTest::newRow("409") << 409 << QByteArray(R"({"detail":"closed"})") << int(Kind::Conflict);
        QTest::newRow("413") << 413 << QByteArray(R"({"detail":"big"})") << int(Kind::TooLarge);
        QTest::newRow("415") << 415 << QByteArray(R"({"detail":"type"})")
                             << int(Kind::UnsupportedType);
        QTest::newRow("422")
            << 422
            << QByteArray(
                   R"({"detail":[{"loc":["body","body"],"msg":"ensure this value has at most 10000 characters","type":"x"}]})")
            << int(Kind::Validation);
    }

    void permanentErrorsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        m_nam->enqueue(status, body);
        m_nam->enqueue(200, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *job = m_client->addComment(TicketId, QStringLiteral("x"), this);
        QVERIFY(waitFor(job));
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind(kind)));
        QCOMPARE(job->attempts(), 1);
        QCOMPARE(job->error().httpStatus, status);
        if (status == 422)
            QVERIFY(job->error()
                        .fieldErrors.value(QStringLiteral("body"))
                        .contains(QLatin1String("10000")));
    }

    void getIsRetriedWhenOffline()
    {
        m_nam->enqueue(Canned{0, {}, {}, QNetworkReply::HostNotFoundError});
        m_nam->enqueue(200, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QVERIFY(job->ok());
        QCOMPARE(job->attempts(), 2);
    }

    void retriesGiveUp()
    {
        for (int i = 0; i < 3; ++i)
            m_nam->enqueue(Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        m_nam->enqueue(200, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind::Offline));
        QCOMPARE(job->attempts(), 3);
    }

    void rateLimitHonoursRetryAfter()
    {
        m_nam->enqueue(Canned{429, R"({"detail":"slow down"})", {{"Retry-After", "1"}}});
        m_nam->enqueue(200, fixture(QStringLiteral("wire/ticket_full.json")));
        QElapsedTimer timer;
        timer.start();
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QVERIFY(job->ok());
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));

        // Longer than the policy allows: the job ends with the delay for the caller to show.
        m_nam->enqueue(Canned{429, R"({"detail":"slow down"})", {{"Retry-After", "120"}}});
        auto *late = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(late));
        QCOMPARE(Api::kindName(late->error().kind), Api::kindName(Kind::RateLimited));
        QCOMPARE(late->error().retryAfterSeconds, 120);
        QCOMPARE(late->attempts(), 1);
    }

    void transferTimeout()
    {
        Api::RetryPolicy once = m_client->retryPolicy();
        once.maxAttempts = 1;
        m_client->setRetryPolicy(once);
        Canned hang;
        hang.hang = true;
        m_nam->enqueue(hang);
        QElapsedTimer timer;
        timer.start();
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job, 5'000));
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind::Timeout));
        QVERIFY(timer.elapsed() < 3'000);
    }

    // The transfer timeout counts from the last progress, not from the start: a slow answer
    // that keeps coming is not cut, one that stops is (300 ms without progress here).
    void transferTimeoutCountsFromTheLastProgress()
    {
        Api::RetryPolicy once = m_client->retryPolicy();
        once.maxAttempts = 1;
        once.transferTimeoutMs = 300;
        m_client->setRetryPolicy(once);
        Canned slow;
        slow.body = fixture(QStringLiteral("wire/ticket_full.json"));
        slow.chunks = 6;
        slow.chunkDelayMs = 120; // 600 ms in all, never 300 ms without progress
        m_nam->enqueue(slow);
        QElapsedTimer timer;
        timer.start();
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job, 5'000));
        QVERIFY2(job->ok(), qPrintable(job->error().message));
        QVERIFY(timer.elapsed() >= 500);

        Canned stalling;
        stalling.body = fixture(QStringLiteral("wire/ticket_full.json"));
        stalling.chunks = 3;
        stalling.chunkDelayMs = 700; // the second chunk comes too late
        m_nam->enqueue(stalling);
        timer.restart();
        auto *stalled = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(stalled, 5'000));
        QCOMPARE(Api::kindName(stalled->error().kind), Api::kindName(Kind::Timeout));
        QVERIFY(timer.elapsed() >= 250);
        QVERIFY(timer.elapsed() < 650);
    }

    void cancelEndsOnce()
    {
        Canned hang;
        hang.hang = true;
        m_nam->enqueue(hang);
        auto *job = m_client->ticket(TicketId, this);
        QSignalSpy finished(job, &Api::ApiJob::finished);
        QVERIFY(QTest::qWaitFor([&] { return m_nam->requests().size() == 1; }, 2'000));
        job->cancel();
        job->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind::Cancelled));
    }

    // A list page is parsed on the thread pool; the job may be deleted meanwhile (a page the
    // model no longer wants, the application quitting). Nothing of it may run afterwards, and
    // the pool must drain: with Qt 6.4's QFuture::then(job) the pool thread could post to the
    // freed job and hang ~QCoreApplication, which waits for the pool.
    void aListJobDeletedWhileItsPageIsParsed()
    {
        // 20,000 rows: long enough to parse that the job is surely deleted before the pool is done.
        const QJsonObject page
            = QJsonDocument::fromJson(fixture(QStringLiteral("wire/list_page.json"))).object();
        const QJsonObject row = page.value(QStringLiteral("result")).toArray().first().toObject();
        QJsonArray rows;
        for (int i = 0; i < 20'000; ++i) {
            QJsonObject r = row;
            r.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            r.insert(QStringLiteral("ticket_number"), i + 1);
            rows.append(r);
        }
        QJsonObject big = page;
        big.insert(QStringLiteral("result"), rows);
        const QByteArray body = QJsonDocument(big).toJson(QJsonDocument::Compact);

        for (int round = 0; round < 3; ++round) {
            m_nam->enqueue(200, body);
            auto *job = m_client->listTickets({}, this);
            int finished = 0;
            connect(job, &Api::ApiJob::finished, this, [&finished] { ++finished; });
            // The reply has arrived and the parse has begun once the pool is busy.
            QVERIFY(
                QTest::qWaitFor([] { return QThreadPool::globalInstance()->activeThreadCount() > 0; },
                                5'000));
            QVERIFY(!job->isFinished());
            delete job;
            QVERIFY(QThreadPool::globalInstance()->waitForDone(10'000));
            QTest::qWait(20); // a call posted back would run here
            QCOMPARE(finished, 0);
        }
        // And a job kept to the end still gets its page.
        m_nam->enqueue(200, body);
        auto *job = m_client->listTickets({}, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().detail));
        QCOMPARE(job->page().result.size(), 20'000);
        QCOMPARE(job->idHashes().size(), 20'000);
    }

    void insecureServerIsRefusedBeforeSending()
    {
        m_client->setServerUrl(QUrl(QStringLiteral("http://support.example")));
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind::InsecureUrl));
        QVERIFY(m_nam->requests().isEmpty());
        m_client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
        m_nam->enqueue(200, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *local = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(local));
        QVERIFY(local->ok());
    }

    void uploadStreamsMultipart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("controller \"v2\".log"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray content = QByteArray("E1121 10:00:00 crash\n").repeated(2000);
        file.write(content);
        file.close();
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *job = m_client->uploadAttachment(TicketId, path, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().message));
        QCOMPARE(job->ticket().attachments.size(), 1);
        const Test::Recorded &r = m_nam->requests().constFirst();
        QCOMPARE(r.request.url().path(),
                 QStringLiteral("/base/api/v1/org/support/tickets/%1/attachments").arg(TicketId));
        QVERIFY(r.request.header(QNetworkRequest::ContentTypeHeader)
                    .toString()
                    .startsWith(QLatin1String("multipart/form-data; boundary=")));
        QVERIFY(!r.request.rawHeader("Idempotency-Key").isEmpty());
        QVERIFY(r.body.contains(R"(name="file"; filename="controller _v2_.log")"));
        QVERIFY(r.body.contains("Content-Type: text/")); // text/x-log by extension
        QVERIFY(r.body.contains(content));
    }

    void uploadOfAMissingFileFailsLocally()
    {
        auto *job = m_client->uploadAttachment(TicketId, QStringLiteral("/nonexistent/x.log"), this);
        QVERIFY(waitFor(job));
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(Kind::LocalFile));
        QVERIFY(job->error().message.contains(QLatin1String("x.log")));
        QVERIFY(m_nam->requests().isEmpty());
    }

    void downloadStreamsToDisk()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.log"));
        const QByteArray content = QByteArray("line of a log\n").repeated(10'000);
        Canned canned{200, content, {{"Content-Type", "text/plain"}}};
        canned.chunks = 7;
        m_nam->enqueue(canned);
        auto *job = m_client->downloadAttachment(TicketId, QStringLiteral("f1"), target, this);
        QSignalSpy progress(job, &Api::ApiJob::progress);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().message));
        QCOMPARE(lastPath(),
                 QStringLiteral("/base/api/v1/org/support/tickets/%1/attachments/f1").arg(TicketId));
        QVERIFY(progress.size() >= 7);
        QCOMPARE(job->bytesWritten(), content.size());
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    void failedDownloadsLeaveNothing_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("404") << 0;
        QTest::newRow("cut") << 1;
        QTest::newRow("cancel") << 2;
        QTest::newRow("unwritable") << 3;
    }

    void failedDownloadsLeaveNothing()
    {
        QFETCH(int, how);
        QTemporaryDir dir;
        QString target = dir.filePath(QStringLiteral("out.log"));
        if (how == 3)
            target = dir.filePath(QStringLiteral("missing-dir/out.log"));
        Canned canned{200, QByteArray(100'000, 'x'), {}};
        canned.chunks = 4;
        if (how == 0)
            canned = Canned{404, R"({"detail":"Not Found"})", {}};
        if (how == 1)
            canned.cutAfterFirstChunk = true;
        if (how == 2)
            canned.hang = true;
        m_nam->enqueue(canned);
        m_nam->enqueue(200, "should not be asked for");
        auto *job = m_client->downloadAttachment(TicketId, QStringLiteral("f1"), target, this);
        if (how == 2) {
            QVERIFY(QTest::qWaitFor([&] { return m_nam->requests().size() == 1; }, 2'000));
            job->cancel();
        }
        QVERIFY(waitFor(job));
        QVERIFY(!job->ok());
        const Kind expected[] = {Kind::NotFound, Kind::Offline, Kind::Cancelled, Kind::LocalFile};
        QCOMPARE(Api::kindName(job->error().kind), Api::kindName(expected[how]));
        QCOMPARE(job->attempts(), 1); // bytes were written (or the error is permanent)
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void limits()
    {
        m_nam->enqueue(200, fixture(QStringLiteral("api/limits.json")));
        auto *job = m_client->limits(this);
        QVERIFY(waitFor(job));
        QVERIFY(job->ok());
        QVERIFY(!job->isFallback());
        QCOMPARE(lastPath(), QStringLiteral("/base/api/v1/org/support/limits"));
        QCOMPARE(job->limits().maxAttachmentBytes, 1048576);
        QCOMPARE(job->limits().maxAttachmentsPerTicket, 3);
        QCOMPARE(job->limits().allowedExtensions,
                 QStringList(
                     {QStringLiteral("log"), QStringLiteral("yaml"), QStringLiteral("png")}));

        m_nam->enqueue(404, R"({"detail":"Not Found"})");
        auto *fallback = m_client->limits(this);
        QVERIFY(waitFor(fallback));
        QVERIFY(fallback->ok());
        QVERIFY(fallback->isFallback());
        QCOMPARE(fallback->limits().maxAttachmentBytes, 25 * 1024 * 1024);
        QCOMPARE(fallback->limits().maxAttachmentsPerTicket, 10);
        QVERIFY(fallback->limits().allowedExtensions.contains(QLatin1String("tar.gz")));

        m_nam->enqueue(401, R"({"detail":"Not authenticated"})");
        auto *denied = m_client->limits(this);
        QVERIFY(waitFor(denied));
        QCOMPARE(Api::kindName(denied->error().kind), Api::kindName(Kind::Auth));
    }

    void clusters()
    {
        m_nam->enqueue(200, fixture(QStringLiteral("api/clusters_ankra.json")));
        auto *job = m_client->clusters(this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().detail));
        QCOMPARE(lastPath(), QStringLiteral("/base/api/v1/clusters"));
        QCOMPARE(job->clusters().size(), 2);
        QCOMPARE(job->clusters().at(0).name, QStringLiteral("prod-eu-west"));

        m_nam->enqueue(200, R"([{"id":"a","name":"bare"}])");
        auto *bare = m_client->clusters(this);
        QVERIFY(waitFor(bare));
        QCOMPARE(bare->clusters().size(), 1);

        m_nam->enqueue(404, R"({"detail":"Not Found"})");
        auto *none = m_client->clusters(this);
        QVERIFY(waitFor(none));
        QVERIFY(none->ok());
        QVERIFY(none->clusters().isEmpty());
    }

    void reviewAndCreate()
    {
        m_nam->enqueue(200, fixture(QStringLiteral("wire/review.json")));
        Api::ReviewRequest review;
        review.subject = QStringLiteral("Ingress 502");
        review.description = QStringLiteral("Since 10:00");
        review.clusterId = QStringLiteral("c1");
        auto *reviewJob = m_client->reviewTicket(review, this);
        QVERIFY(waitFor(reviewJob));
        QVERIFY2(reviewJob->ok(), qPrintable(reviewJob->error().detail));
        QVERIFY(!reviewJob->review().reviewId.isEmpty());
        const Test::Recorded &r = m_nam->requests().constFirst();
        QCOMPARE(r.request.url().path(), QStringLiteral("/base/api/v1/org/support/tickets/review"));
        const QJsonObject sent = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(sent.value(QLatin1String("subject")).toString(), review.subject);
        QCOMPARE(sent.value(QLatin1String("cluster_id")).toString(), QStringLiteral("c1"));
        QCOMPARE(sent.value(QLatin1String("category")).toString(), QStringLiteral("technical"));

        Api::CreateTicketRequest create;
        create.reviewId = reviewJob->review().reviewId;
        create.severity = QStringLiteral("high");
        create.clarificationAnswers = {{QStringLiteral("Which version?"), QStringLiteral("1.29")}};
        m_nam->enqueue(409, R"({"detail":"The review flagged this ticket: acknowledge to submit"})");
        auto *flagged = m_client->createTicket(create, this);
        QVERIFY(waitFor(flagged));
        QCOMPARE(Api::kindName(flagged->error().kind), Api::kindName(Kind::Conflict));
        QVERIFY(flagged->error().message.contains(QLatin1String("acknowledge")));

        create.acknowledged = true;
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        auto *created = m_client->createTicket(create, this);
        QVERIFY(waitFor(created));
        QVERIFY(created->ok());
        const QJsonObject body = QJsonDocument::fromJson(m_nam->requests().last().body).object();
        QCOMPARE(body.value(QLatin1String("review_id")).toString(), create.reviewId);
        QVERIFY(body.value(QLatin1String("acknowledged")).toBool());
        QVERIFY(!body.contains(QLatin1String("subject"))); // empty fields are left out
        QCOMPARE(body.value(QLatin1String("clarification_answers"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("answer"))
                     .toString(),
                 QStringLiteral("1.29"));
    }

    void tokenIsNeverInAnError()
    {
        m_nam->enqueue(Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        m_nam->enqueue(Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        m_nam->enqueue(Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        auto *job = m_client->ticket(TicketId, this);
        QVERIFY(waitFor(job));
        QVERIFY(!job->error().message.contains(QLatin1String("ank_secret")));
        QVERIFY(!job->error().detail.contains(QLatin1String("ank_secret")));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"

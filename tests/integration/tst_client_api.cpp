// Every ApiClient job against the real ankra-support-server over loopback.

#include "testserver.h"

#include "api/apiclient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Kind = Api::ApiError::Kind;

namespace {

bool waitFor(Api::ApiJob *job)
{
    return QTest::qWaitFor([job] { return job->isFinished(); }, 15'000);
}

} // namespace

class TestClientApi : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    Api::ApiClient *m_client = nullptr;

    QString firstTicketWithStatus(const QStringList &statuses)
    {
        Api::TicketQuery q;
        q.statuses = statuses;
        auto *job = m_client->listTickets(q, this);
        if (!waitFor(job) || !job->ok() || job->page().result.isEmpty())
            return {};
        return job->page().result.first().id;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_client = new Api::ApiClient(&m_nam, this);
        m_client->setServerUrl(m_server.url());
        m_client->setToken(m_server.token());
    }

    void getTicket()
    {
        const QString id = firstTicketWithStatus({});
        QVERIFY(!id.isEmpty());
        auto *job = m_client->ticket(id, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().message + job->error().detail));
        QCOMPARE(job->ticket().id, id);
        QVERIFY(!job->ticket().subject.isEmpty());

        auto *missing = m_client->ticket(QStringLiteral("00000000-0000-4000-8000-000000000000"),
                                         this);
        QVERIFY(waitFor(missing));
        QCOMPARE(Api::kindName(missing->error().kind), Api::kindName(Kind::NotFound));
    }

    // Qt 6.4 reads a plain-http answer's status line and headers one byte per read() call
    // unless its socket is buffered (ApiClient's proxy factory, apiclient.cpp). The read()
    // calls this process makes for a page stay far below the ~120 bytes of its headers.
    void localAnswersAreReadInBulk()
    {
        const auto readCalls = [] {
            QFile io(QStringLiteral("/proc/self/io"));
            if (!io.open(QIODevice::ReadOnly))
                return qint64(-1);
            for (const QByteArray &line : io.readAll().split('\n')) {
                if (line.startsWith("syscr:"))
                    return line.mid(6).trimmed().toLongLong();
            }
            return qint64(-1);
        };
        if (readCalls() < 0)
            QSKIP("no /proc/self/io to count read() calls");
        QVERIFY(!firstTicketWithStatus({}).isEmpty()); // connected
        constexpr int Pages = 20;
        const qint64 before = readCalls();
        for (int i = 0; i < Pages; ++i) {
            Api::TicketQuery q;
            q.pageSize = 50;
            auto *job = m_client->listTickets(q, this);
            QVERIFY(waitFor(job));
            QVERIFY(job->ok());
            delete job;
        }
        const qint64 perPage = (readCalls() - before) / Pages;
        QVERIFY2(perPage < 40, qPrintable(QStringLiteral("%1 read() calls a page").arg(perPage)));
    }

    void commentMovesWaitingBackToInProgress()
    {
        const QString id = firstTicketWithStatus({QStringLiteral("waiting_customer")});
        if (id.isEmpty())
            QSKIP("the demo data has no ticket waiting on the customer");
        auto *job = m_client->addComment(id,
                                         QStringLiteral("Here is the **output** you asked for."),
                                         this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().message + job->error().detail));
        QCOMPARE(job->ticket().status, QStringLiteral("in_progress"));
        QCOMPARE(job->ticket().comments.last().body,
                 QStringLiteral("Here is the **output** you asked for."));
        QCOMPARE(job->ticket().comments.last().authorType, QStringLiteral("customer"));

        // The same Idempotency-Key again creates no second comment.
        const int comments = int(job->ticket().comments.size());
        auto *again = m_client->addComment(id,
                                           QStringLiteral("Here is the **output** you asked for."),
                                           this,
                                           job->idempotencyKey());
        QVERIFY(waitFor(again));
        QVERIFY(again->ok());
        QCOMPARE(int(again->ticket().comments.size()), comments);

        auto *tooLong = m_client->addComment(id, QString(10'001, u'x'), this);
        QVERIFY(waitFor(tooLong));
        QCOMPARE(Api::kindName(tooLong->error().kind), Api::kindName(Kind::Validation));
    }

    void uploadAndDownload()
    {
        const QString id = firstTicketWithStatus(
            {QStringLiteral("open"), QStringLiteral("in_progress"), QStringLiteral("triaging")});
        QVERIFY(!id.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubelet.log"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray content = QByteArray("I1121 kubelet started\n").repeated(5000);
        file.write(content);
        file.close();
        auto *up = m_client->uploadAttachment(id, path, this);
        QVERIFY(waitFor(up));
        QVERIFY2(up->ok(), qPrintable(up->error().message + up->error().detail));
        QString attachmentId;
        for (const Wire::Attachment &a : up->ticket().attachments)
            if (a.filename == QLatin1String("kubelet.log"))
                attachmentId = a.id;
        QVERIFY(!attachmentId.isEmpty());

        const QString target = dir.filePath(QStringLiteral("copy.log"));
        auto *down = m_client->downloadAttachment(id, attachmentId, target, this);
        QVERIFY(waitFor(down));
        QVERIFY2(down->ok(), qPrintable(down->error().message));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);

        // A type the server refuses.
        const QString exe = dir.filePath(QStringLiteral("tool.exe"));
        QFile bin(exe);
        QVERIFY(bin.open(QIODevice::WriteOnly));
        bin.write(QByteArray("MZ\x90\x00\x03", 5) + QByteArray(100, '\0'));
        bin.close();
        auto *refused = m_client->uploadAttachment(id, exe, this);
        QVERIFY(waitFor(refused));
        QCOMPARE(Api::kindName(refused->error().kind), Api::kindName(Kind::UnsupportedType));
    }

    void closeTicket()
    {
        const QString id = firstTicketWithStatus({QStringLiteral("resolved")});
        QVERIFY(!id.isEmpty());
        auto *job = m_client->closeTicket(id, this);
        QVERIFY(waitFor(job));
        QVERIFY2(job->ok(), qPrintable(job->error().message + job->error().detail));
        QCOMPARE(job->ticket().status, QStringLiteral("closed"));
        QCOMPARE(job->ticket().comments.last().authorType, QStringLiteral("system"));
    }

    void limitsAndClusters()
    {
        auto *limits = m_client->limits(this);
        QVERIFY(waitFor(limits));
        QVERIFY(limits->ok());
        QVERIFY(limits->limits().maxAttachmentBytes > 0);
        QVERIFY(limits->limits().allowedExtensions.contains(QLatin1String("log")));
        auto *clusters = m_client->clusters(this);
        QVERIFY(waitFor(clusters));
        QVERIFY2(clusters->ok(), qPrintable(clusters->error().message + clusters->error().detail));
    }

    void reviewThenCreate()
    {
        Api::ReviewRequest review;
        review.subject = QStringLiteral("Ingress returns 502 after upgrading to 1.29");
        review.description = QStringLiteral(
            "Since the upgrade at 10:00 UTC every request through ingress-nginx returns 502. "
            "Error: upstream prematurely closed connection while reading response header. "
            "kubectl get pods shows the controller Running. Steps: upgrade cluster, curl the "
            "host.");
        auto *reviewJob = m_client->reviewTicket(review, this);
        QVERIFY(waitFor(reviewJob));
        QVERIFY2(reviewJob->ok(),
                 qPrintable(reviewJob->error().message + reviewJob->error().detail));
        Api::CreateTicketRequest create;
        create.reviewId = reviewJob->review().reviewId;
        create.acknowledged = true;
        auto *created = m_client->createTicket(create, this);
        QVERIFY(waitFor(created));
        QVERIFY2(created->ok(), qPrintable(created->error().message + created->error().detail));
        QCOMPARE(created->ticket().subject, review.subject);
    }
};

QTEST_GUILESS_MAIN(TestClientApi)
#include "tst_client_api.moc"

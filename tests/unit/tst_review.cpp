// The submission state machine (app/review) against the fake network: review, offline
// pre-check, stale and expired reviews, acknowledgement, idempotent create and uploads that
// survive a failure in the middle.

#include "tst_api_fakenetwork.h"

#include "api/apiclient.h"
#include "review/submissionflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Flow = Review::SubmissionFlow;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(ANKRA_TEST_DATA_DIR "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray reviewBody(const QString &quality,
                      const QDateTime &expires = QDateTime::currentDateTimeUtc().addSecs(3600),
                      const QString &id = QStringLiteral("9d9a1f7e-2b6c-4d3e-8f1a-7b6c5d4e3f2a"))
{
    QJsonObject o{{QStringLiteral("review_id"), id},
                  {QStringLiteral("enrichment"),
                   QJsonObject{{QStringLiteral("summary"), QStringLiteral("Pods crash.")},
                               {QStringLiteral("severity"), QStringLiteral("high")},
                               {QStringLiteral("category"), QStringLiteral("bug")}}},
                  {QStringLiteral("quality"), quality},
                  {QStringLiteral("quality_flags"),
                   quality == QLatin1String("flag")
                       ? QJsonArray{QStringLiteral("Add the exact error message")}
                       : QJsonArray{}},
                  {QStringLiteral("clarifying_questions"),
                   QJsonArray{QStringLiteral("Which version?")}},
                  {QStringLiteral("duplicate_candidates"), QJsonArray{}},
                  {QStringLiteral("recommended_action"), QStringLiteral("submit")},
                  {QStringLiteral("expires_at"), expires.toString(Qt::ISODate)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray review422()
{
    return R"({"detail":[{"loc":["body","review_id"],"msg":"unknown or expired review","type":"value_error"}]})";
}

QJsonObject bodyOf(const Test::Recorded &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT
private:
    Test::FakeNetwork *m_nam = nullptr;
    Api::ApiClient *m_client = nullptr;
    Flow *m_flow = nullptr;
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return f.fileName();
    }

    bool waitState(Flow::State state, int ms = 5'000)
    {
        return QTest::qWaitFor([&] { return m_flow->state() == state; }, ms);
    }

    QStringList paths() const
    {
        QStringList out;
        for (const auto &r : m_nam->requests())
            out.append(r.request.url().path().section(QLatin1Char('/'), 6));
        return out;
    }

    void fillDraft()
    {
        m_flow->setSubject(QStringLiteral("Pods crash after upgrade"));
        m_flow->setDescription(QStringLiteral("Since the upgrade the api pods crash-loop."));
    }

private slots:
    void init()
    {
        m_nam = new Test::FakeNetwork(this);
        m_client = new Api::ApiClient(m_nam, this);
        m_client->setServerUrl(QUrl(QStringLiteral("https://support.example/")));
        m_client->setToken(QStringLiteral("ank_secret"));
        Api::RetryPolicy fast;
        fast.maxAttempts = 1;
        fast.baseDelayMs = 10;
        fast.transferTimeoutMs = 500;
        m_client->setRetryPolicy(fast);
        m_flow = new Flow(m_client, this);
        m_flow->setReviewDebounceMs(20);
    }

    void cleanup()
    {
        delete m_flow;
        delete m_client;
        delete m_nam;
    }

    void draftProblems()
    {
        QVERIFY(!m_flow->draftProblem().isEmpty());
        m_flow->setSubject(QString(201, QLatin1Char('x')));
        m_flow->setDescription(QStringLiteral("text"));
        QVERIFY(m_flow->draftProblem().contains(QLatin1String("200")));
        fillDraft();
        QVERIFY(m_flow->draftProblem().isEmpty());
    }

    void happyPathCreatesOnceAndUploads()
    {
        fillDraft();
        m_flow->setSeverity(QStringLiteral("critical"));
        m_flow->setAnswer(QStringLiteral("Which version?"), QStringLiteral("1.29"));
        m_flow->setCluster(
            {QStringLiteral("c1"), QStringLiteral("prod"), QStringLiteral("v1.29.3")});
        QVERIFY(m_flow->stageFile(writeFile(QStringLiteral("a.log"), "one\n")).isEmpty());
        QVERIFY(m_flow->stageFile(writeFile(QStringLiteral("b.txt"), "two\n")).isEmpty());
        QVERIFY(!m_flow->stageFile(m_dir.filePath(QStringLiteral("a.log"))).isEmpty()); // twice
        QVERIFY(!m_flow->stageFile(writeFile(QStringLiteral("x.exe"), "MZ")).isEmpty());

        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        QVERIFY(!m_flow->isLocalReview());
        QCOMPARE(m_flow->reviewResult().severity, QStringLiteral("high"));

        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        QSignalSpy done(m_flow, &Flow::finished);
        m_flow->submit();
        QVERIFY(done.wait());
        QCOMPARE(m_flow->state(), Flow::State::Done);
        QCOMPARE(paths(),
                 (QStringList{QStringLiteral("review"),
                              QString(),
                              m_flow->targetTicketId() + QStringLiteral("/attachments"),
                              m_flow->targetTicketId() + QStringLiteral("/attachments")}));
        const auto &create = m_nam->requests().at(1);
        const QJsonObject body = bodyOf(create);
        QCOMPARE(body.value(QLatin1String("review_id")).toString(), m_flow->reviewResult().reviewId);
        QCOMPARE(body.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(body.value(QLatin1String("environment"))
                     .toObject()
                     .value(QLatin1String("kubernetes_version"))
                     .toString(),
                 QStringLiteral("v1.29.3"));
        QCOMPARE(body.value(QLatin1String("clarification_answers")).toArray().size(), 1);
        QCOMPARE(create.request.rawHeader("Idempotency-Key"), m_flow->createIdempotencyKey());
        QVERIFY(m_nam->requests().at(2).request.rawHeader("Idempotency-Key")
                != m_nam->requests().at(3).request.rawHeader("Idempotency-Key"));
    }

    void offlineRunsLocalPreCheckAndSubmitAsksServer()
    {
        fillDraft();
        m_nam->enqueue(Test::Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        QVERIFY(m_flow->isLocalReview());
        QVERIFY(m_flow->reviewResult().reviewId.isEmpty());
        QVERIFY(!m_flow->reviewResult().summary.isEmpty());

        // Still offline at submit: nothing is lost, the flow fails with Offline.
        m_nam->enqueue(Test::Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        QSignalSpy failed(m_flow, &Flow::failed);
        m_flow->submit();
        QVERIFY(waitState(Flow::State::Failed));
        QCOMPARE(m_flow->lastError().kind, Api::ApiError::Kind::Offline);
        QCOMPARE(m_flow->subject(), QStringLiteral("Pods crash after upgrade"));

        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_flow->retry();
        QVERIFY(waitState(Flow::State::Done));
        QCOMPARE(paths().mid(2), (QStringList{QStringLiteral("review"), QString()}));
    }

    void editAfterReviewReReviews()
    {
        fillDraft();
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_flow->setDescription(m_flow->description() + QStringLiteral(" Error: OOMKilled"));
        QCOMPARE(m_flow->state(), Flow::State::Stale);
        m_flow->setSeverity(QStringLiteral("low")); // not reviewed: no re-run by itself
        QVERIFY(waitState(Flow::State::Reviewed));
        QCOMPARE(m_flow->reviewCount(), 2);
        QCOMPARE(m_nam->requests().size(), 2);
    }

    void expiredReviewIsReRunSilently()
    {
        fillDraft();
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass"), QDateTime::currentDateTimeUtc()));
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_flow->submit();
        QVERIFY(waitState(Flow::State::Done));
        QCOMPARE(paths(),
                 (QStringList{QStringLiteral("review"), QStringLiteral("review"), QString()}));
    }

    void review422OnCreateReReviewsWithSameKey()
    {
        fillDraft();
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        m_nam->enqueue(422, review422());
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_flow->submit();
        QVERIFY(waitState(Flow::State::Done));
        QCOMPARE(paths(),
                 (QStringList{QStringLiteral("review"),
                              QString(),
                              QStringLiteral("review"),
                              QString()}));
        QCOMPARE(m_nam->requests().at(1).request.rawHeader("Idempotency-Key"),
                 m_nam->requests().at(3).request.rawHeader("Idempotency-Key"));
    }

    void flaggedNeedsAcknowledgement()
    {
        fillDraft();
        m_nam->enqueue(200, reviewBody(QStringLiteral("flag")));
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        QVERIFY(m_flow->needsAcknowledgement());
        QSignalSpy ack(m_flow, &Flow::acknowledgementNeeded);
        m_flow->submit();
        QCOMPARE(ack.size(), 1);
        QCOMPARE(m_nam->requests().size(), 1);
        m_flow->setAcknowledged(true);
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_flow->submit();
        QVERIFY(waitState(Flow::State::Done));
        QVERIFY(bodyOf(m_nam->requests().at(1)).value(QLatin1String("acknowledged")).toBool());
    }

    void failedUploadStaysQueuedAndRetries()
    {
        fillDraft();
        QVERIFY(m_flow->stageFile(writeFile(QStringLiteral("a.log"), "one\n")).isEmpty());
        QVERIFY(m_flow->stageFile(writeFile(QStringLiteral("b.log"), "two\n")).isEmpty());
        m_nam->enqueue(200, reviewBody(QStringLiteral("pass")));
        m_flow->review();
        QVERIFY(waitState(Flow::State::Reviewed));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_nam->enqueue(Test::Canned{0, {}, {}, QNetworkReply::ConnectionRefusedError});
        m_flow->submit();
        QVERIFY(waitState(Flow::State::Failed));
        QCOMPARE(m_flow->stagedFiles().at(0).state, Review::StagedFile::State::Failed);
        QCOMPARE(m_flow->stagedFiles().at(1).state, Review::StagedFile::State::Queued);
        QVERIFY(!m_flow->ticket().id.isEmpty());
        const QByteArray firstKey = m_nam->requests().at(2).request.rawHeader("Idempotency-Key");

        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_flow->retry();
        QVERIFY(waitState(Flow::State::Done));
        // No second create; the failed file is resent with its own key.
        QCOMPARE(paths().count(QString()), 1);
        QCOMPARE(m_nam->requests().size(), 5);
        QCOMPARE(m_nam->requests().at(3).request.rawHeader("Idempotency-Key"), firstKey);
    }

    void linkToExistingCommentsAndUploads()
    {
        fillDraft();
        QVERIFY(m_flow->stageFile(writeFile(QStringLiteral("a.log"), "one\n")).isEmpty());
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        m_nam->enqueue(201, fixture(QStringLiteral("wire/ticket_full.json")));
        const QString existing = QStringLiteral("3f0c9a52-7d1e-4b8a-9a55-0d6f3e2b9c11");
        m_flow->linkToExisting(existing);
        QVERIFY(waitState(Flow::State::Done));
        QCOMPARE(paths(),
                 (QStringList{existing + QStringLiteral("/comments"),
                              existing + QStringLiteral("/attachments")}));
        QVERIFY(bodyOf(m_nam->requests().at(0))
                    .value(QLatin1String("body"))
                    .toString()
                    .contains(m_flow->description()));
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"

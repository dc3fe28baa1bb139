// HandBack: a worker thread's results reach a live object in its own thread, and nothing at all
// reaches an object deleted meanwhile (the way QFuture::then(context) in Qt 6.4 does not).

#include "api/handback.h"

#include <QSet>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace Ankra;

namespace {

// Revokes its HandBack in its destructor, as ListTicketsJob does.
class Target : public QObject
{
public:
    explicit Target(QSet<Target *> *live)
        : handBack(std::make_shared<Api::HandBack>(this))
        , m_live(live)
    {
        m_live->insert(this);
    }
    ~Target() override
    {
        handBack->revoke();
        m_live->remove(this);
    }
    std::shared_ptr<Api::HandBack> handBack;
    int calls = 0;

private:
    QSet<Target *> *m_live;
};

} // namespace

class TestHandBack : public QObject
{
    Q_OBJECT
private slots:
    void aPostRunsInTheTargetsThread()
    {
        QSet<Target *> live;
        Target target(&live);
        Qt::HANDLE ranIn = nullptr;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            QVERIFY(target.handBack->post([&] {
                ranIn = QThread::currentThreadId();
                ++target.calls;
            }));
        }));
        worker->start();
        QVERIFY(worker->wait(5'000));
        QCOMPARE(target.calls, 0); // queued, not run in the worker
        QTRY_COMPARE(target.calls, 1);
        QCOMPARE(ranIn, QThread::currentThreadId());
    }

    void aRevokedTargetGetsNothing()
    {
        QSet<Target *> live;
        Target target(&live);
        target.handBack->revoke();
        bool ran = false;
        QVERIFY(!target.handBack->post([&] { ran = true; }));
        QTest::qWait(20);
        QVERIFY(!ran);
    }

    // Posted while it lived, deleted before the call ran: ~QObject drops the call.
    void aTargetDeletedBeforeTheCallRunsGetsNothing()
    {
        QSet<Target *> live;
        auto *target = new Target(&live);
        const std::shared_ptr<Api::HandBack> handBack = target->handBack;
        bool ran = false;
        QVERIFY(handBack->post([&] { ran = true; }));
        delete target;
        QTest::qWait(20);
        QVERIFY(!ran);
        QVERIFY(!handBack->post([&] { ran = true; }));
    }

    // Targets deleted while pool threads post to them, a thousand times over, in every order the
    // scheduler picks: a call runs only on a live target, and the pool always drains (the old
    // QFuture::then continuation could post to freed memory here: under AddressSanitizer, in
    // `make asan`, such a post is an error).
    void targetsDeletedWhileWorkersPost()
    {
        QSet<Target *> live;
        std::atomic<int> posted{0};
        int ranOnLive = 0;
        int ranOnDead = 0;
        for (int round = 0; round < 1'000; ++round) {
            auto *target = new Target(&live);
            QThreadPool::globalInstance()->start(
                [handBack = target->handBack, target, &posted, &live, &ranOnLive, &ranOnDead] {
                    if (handBack->post([target, &live, &ranOnLive, &ranOnDead] {
                            if (live.contains(target)) {
                                ++target->calls;
                                ++ranOnLive;
                            } else {
                                ++ranOnDead;
                            }
                        }))
                        ++posted;
                });
            // Deleted at a different moment each round: before the worker posts, while it
            // posts, after the call was queued, after it ran.
            QThread::usleep(round % 50);
            if (round % 2 == 0)
                QCoreApplication::processEvents();
            delete target;
        }
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10'000));
        QCoreApplication::processEvents();
        QCOMPARE(ranOnDead, 0);
        QVERIFY(live.isEmpty());
        QVERIFY(ranOnLive <= posted.load());
    }
};

QTEST_GUILESS_MAIN(TestHandBack)
#include "tst_handback.moc"

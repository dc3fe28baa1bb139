// The server's connection pool (server/elasticpool.h): every task runs, the pool grows when
// all threads are busy but never past its cap, idle extra threads exit, the thread idle last
// takes the next task, and shutdown() runs what is queued and joins every thread.

#include "elasticpool.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>

#include <sys/select.h>

using Ankra::Server::ElasticPool;
using namespace std::chrono_literals;

namespace {

// Tasks block on it until open() (a slow client holding its worker).
class Gate
{
public:
    void wait()
    {
        ++m_waiting;
        std::unique_lock lock(m_mutex);
        m_cond.wait(lock, [this] { return m_open; });
        --m_waiting;
    }
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_cond.notify_all();
    }
    int waiting() const { return m_waiting; }

private:
    std::mutex m_mutex;
    std::condition_variable m_cond;
    bool m_open = false;
    std::atomic<int> m_waiting{0};
};

ElasticPool::Options options(size_t core, size_t max, std::chrono::milliseconds idle = 10s)
{
    ElasticPool::Options o;
    o.coreThreads = core;
    o.maxThreads = max;
    o.idleTimeout = idle;
    return o;
}

} // namespace

class TestElasticPool : public QObject
{
    Q_OBJECT
private slots:
    void everyTaskRuns()
    {
        std::atomic<int> ran{0};
        std::mutex mutex;
        std::set<std::thread::id> threads;
        ElasticPool pool(options(2, 8));
        QCOMPARE(pool.threadCount(), size_t(2));
        for (int i = 0; i < 2000; ++i) {
            pool.enqueue([&] {
                ++ran;
                std::lock_guard lock(mutex);
                threads.insert(std::this_thread::get_id());
            });
        }
        pool.shutdown();
        QCOMPARE(ran.load(), 2000);
        QVERIFY(threads.size() <= 8);
        QVERIFY(pool.peakThreadCount() <= 8);
        QCOMPARE(pool.threadCount(), size_t(0));
    }

    void growsWhileBusyUpToTheCap()
    {
        Gate gate;
        std::atomic<int> ran{0};
        ElasticPool pool(options(2, 6));
        for (int i = 0; i < 10; ++i) {
            pool.enqueue([&] {
                gate.wait();
                ++ran;
            });
        }
        // A fixed pool would run 2 of them; this one starts a thread per blocked task...
        QTRY_COMPARE_WITH_TIMEOUT(gate.waiting(), 6, 20'000);
        // ...but never more than the cap: the other 4 wait in the queue.
        QTest::qWait(300);
        QCOMPARE(gate.waiting(), 6);
        QCOMPARE(pool.threadCount(), size_t(6));
        QCOMPARE(pool.peakThreadCount(), size_t(6));
        gate.open();
        QTRY_COMPARE_WITH_TIMEOUT(ran.load(), 10, 20'000);
        pool.shutdown();
        QCOMPARE(pool.peakThreadCount(), size_t(6));
    }

    void idleExtraThreadsExit()
    {
        Gate gate;
        std::atomic<int> exited{0};
        auto o = options(1, 4, 100ms);
        o.onThreadExit = [&] { ++exited; };
        ElasticPool pool(std::move(o));
        for (int i = 0; i < 4; ++i)
            pool.enqueue([&] { gate.wait(); });
        QTRY_COMPARE_WITH_TIMEOUT(gate.waiting(), 4, 20'000);
        QCOMPARE(pool.threadCount(), size_t(4));
        gate.open();
        // The three threads above the core size end after 100 ms without work.
        QTRY_COMPARE_WITH_TIMEOUT(pool.threadCount(), size_t(1), 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(exited.load(), 3, 20'000);
        // The core thread stays, and the pool still grows again.
        QTest::qWait(300);
        QCOMPARE(pool.threadCount(), size_t(1));
        Gate second;
        for (int i = 0; i < 3; ++i)
            pool.enqueue([&] { second.wait(); });
        QTRY_COMPARE_WITH_TIMEOUT(second.waiting(), 3, 20'000);
        second.open();
        pool.shutdown();
        QCOMPARE(exited.load(), 3 + 3);
    }

    void shutdownRunsQueuedTasksAndJoins()
    {
        std::atomic<int> ran{0};
        std::atomic<int> exited{0};
        auto o = options(1, 1);
        o.onThreadExit = [&] { ++exited; };
        ElasticPool pool(std::move(o));
        for (int i = 0; i < 50; ++i) {
            pool.enqueue([&] {
                std::this_thread::sleep_for(1ms);
                ++ran;
            });
        }
        pool.shutdown();
        // Every queued task ran, and the thread has gone through its exit hook.
        QCOMPARE(ran.load(), 50);
        QCOMPARE(exited.load(), 1);
        QCOMPARE(pool.threadCount(), size_t(0));
        // After shutdown nothing runs, and a second shutdown is harmless.
        pool.enqueue([&] { ++ran; });
        pool.shutdown();
        QCOMPARE(ran.load(), 50);
    }

    void destructorJoinsBusyThreads()
    {
        std::atomic<int> ran{0};
        std::atomic<int> exited{0};
        {
            auto o = options(2, 16);
            o.onThreadExit = [&] { ++exited; };
            ElasticPool pool(std::move(o));
            for (int i = 0; i < 12; ++i) {
                pool.enqueue([&] {
                    std::this_thread::sleep_for(50ms);
                    ++ran;
                });
            }
        }
        QCOMPARE(ran.load(), 12);
        QVERIFY(exited.load() >= 2);
    }

    // One task after the other on an idle pool of 8: each goes to the thread the previous one
    // left (its SQLite connection open), not to whichever waited longest.
    void theLastIdleThreadTakesTheNextTask()
    {
        ElasticPool pool(options(8, 8));
        std::this_thread::sleep_for(100ms); // every thread started and idle
        std::set<std::thread::id> threads;
        for (int i = 0; i < 40; ++i) {
            std::mutex mutex;
            std::condition_variable cond;
            bool done = false;
            pool.enqueue([&] {
                std::lock_guard lock(mutex);
                threads.insert(std::this_thread::get_id());
                done = true;
                cond.notify_one();
            });
            std::unique_lock lock(mutex);
            QVERIFY(cond.wait_for(lock, 10s, [&] { return done; }));
            lock.unlock();
            std::this_thread::sleep_for(1ms); // the worker is back on the idle stack
        }
        QCOMPARE(threads.size(), size_t(1));
    }

    void capFollowsTheDescriptorLimit()
    {
        const size_t cap = ElasticPool::defaultMaxThreads(8);
        QVERIFY(cap >= 8);
        QVERIFY(cap <= FD_SETSIZE / 2);
        QCOMPARE(ElasticPool::defaultMaxThreads(4096), size_t(4096));
    }
};

QTEST_GUILESS_MAIN(TestElasticPool)
#include "tst_elasticpool.moc"

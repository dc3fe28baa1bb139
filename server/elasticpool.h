#pragma once

// The connection pool of the HTTP server: a cpp-httplib task queue that grows under load.
// httplib 0.11 gives each connection one worker for its whole life, so a fixed pool of N
// threads is starved by N slow or silent clients (slowloris). This pool keeps `coreThreads`
// threads, starts another one whenever a task arrives and no thread is idle, up to
// `maxThreads`, and lets threads above `coreThreads` exit after `idleTimeout` without work.
// Past `maxThreads`, tasks wait in the queue as with httplib::ThreadPool.
// A task goes to the thread that became idle last (a stack, each thread woken on its own): its
// SQLite connection is open and its caches are warm. With one condition variable for all, the
// longest idle thread took it, and a server with 64 threads kept opening a connection for one
// more of them (~1 ms each, bench_client P1); the threads at the bottom are the ones that time out.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace Ankra::Server {

class ElasticPool final : public httplib::TaskQueue
{
public:
    struct Options
    {
        size_t coreThreads = 8;
        size_t maxThreads = 512;
        std::chrono::milliseconds idleTimeout{10000};
        // Runs on each worker thread right before it ends (per-thread resources such as the
        // thread's SQLite connection would otherwise outlive it).
        std::function<void()> onThreadExit;
    };

    explicit ElasticPool(Options options);
    ~ElasticPool() override;

    ElasticPool(const ElasticPool &) = delete;
    ElasticPool &operator=(const ElasticPool &) = delete;

    // Tasks enqueued after shutdown() are dropped.
    void enqueue(std::function<void()> fn) override;
    // Runs the tasks still queued, then joins every thread. Safe to call twice.
    void shutdown() override;

    size_t threadCount() const;
    size_t peakThreadCount() const;

    // One socket per thread, and httplib 0.11 answers 500 on a descriptor >= FD_SETSIZE
    // (select()): half of min(RLIMIT_NOFILE, FD_SETSIZE), never less than `coreThreads`.
    static size_t defaultMaxThreads(size_t coreThreads);

private:
    struct Worker
    {
        std::thread thread;
        std::condition_variable wake;
        std::function<void()> task; // handed over by enqueue() while the worker is idle
    };

    void startWorkerLocked();
    void run(Worker *self);
    std::function<void()> nextTaskLocked(Worker *self, std::unique_lock<std::mutex> &lock);

    const Options m_options;
    mutable std::mutex m_mutex;
    std::deque<std::function<void()>> m_tasks; // waiting for a worker (none idle)
    std::list<Worker> m_workers;
    std::vector<Worker *> m_idle; // the last one became idle last
    std::list<Worker> m_finished; // ended, to be joined by the next enqueue() or shutdown()
    size_t m_alive = 0;
    size_t m_starting = 0; // started, not yet taking tasks: they take queued ones
    size_t m_peak = 0;
    bool m_shutdown = false;
};

} // namespace Ankra::Server

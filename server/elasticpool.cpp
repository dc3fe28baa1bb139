#include "elasticpool.h"

#include <sys/resource.h>
#include <sys/select.h>

#include <algorithm>
#include <system_error>

namespace Ankra::Server {

ElasticPool::ElasticPool(Options options)
    : m_options(std::move(options))
{
    try {
        std::lock_guard lock(m_mutex);
        for (size_t i = 0; i < m_options.coreThreads; ++i)
            startWorkerLocked();
    } catch (...) {
        shutdown(); // the threads already started: a joinable std::thread must not be destroyed
        throw;
    }
}

ElasticPool::~ElasticPool()
{
    shutdown();
}

void ElasticPool::startWorkerLocked()
{
    Worker &worker = m_workers.emplace_back();
    try {
        worker.thread = std::thread([this, w = &worker] { run(w); });
    } catch (...) {
        m_workers.pop_back();
        throw;
    }
    ++m_alive;
    ++m_idle; // until it takes its first task
    m_peak = std::max(m_peak, m_alive);
}

void ElasticPool::enqueue(std::function<void()> fn)
{
    std::list<Worker> finished;
    {
        std::lock_guard lock(m_mutex);
        if (m_shutdown)
            return;
        m_tasks.push_back(std::move(fn));
        if (m_idle < m_tasks.size() && m_alive < m_options.maxThreads) {
            try {
                startWorkerLocked();
            } catch (const std::system_error &) {
                // Out of threads: the task waits for a busy worker, as in a fixed pool.
            }
        }
        finished = takeFinishedLocked();
    }
    m_wake.notify_one();
    for (Worker &worker : finished)
        worker.thread.join();
}

void ElasticPool::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
    }
    m_wake.notify_all();
    // No worker starts once m_shutdown is set (enqueue() checks it under the same lock).
    std::list<Worker> workers;
    {
        std::lock_guard lock(m_mutex);
        workers.swap(m_workers);
    }
    for (Worker &worker : workers)
        worker.thread.join();
}

size_t ElasticPool::threadCount() const
{
    std::lock_guard lock(m_mutex);
    return m_alive;
}

size_t ElasticPool::peakThreadCount() const
{
    std::lock_guard lock(m_mutex);
    return m_peak;
}

size_t ElasticPool::defaultMaxThreads(size_t coreThreads)
{
    size_t descriptors = FD_SETSIZE;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        descriptors = std::min(descriptors, size_t(limit.rlim_cur));
    return std::max(coreThreads, descriptors / 2);
}

void ElasticPool::run(Worker *self)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_tasks.empty() && !m_shutdown) {
            const bool woken = m_wake.wait_for(lock, m_options.idleTimeout, [this] {
                return !m_tasks.empty() || m_shutdown;
            });
            if (!woken && m_alive > m_options.coreThreads)
                break; // an idle thread above the core size
            if (!woken)
                continue;
        }
        if (m_tasks.empty())
            break; // shut down, and the queue is drained
        std::function<void()> task = std::move(m_tasks.front());
        m_tasks.pop_front();
        --m_idle;
        lock.unlock();
        task();
        task = nullptr; // the connection's captures go before the lock is taken again
        lock.lock();
        ++m_idle;
    }
    --m_idle;
    --m_alive;
    lock.unlock();
    if (m_options.onThreadExit)
        m_options.onThreadExit();
    lock.lock();
    self->done = true;
}

std::list<ElasticPool::Worker> ElasticPool::takeFinishedLocked()
{
    std::list<Worker> finished;
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        const auto next = std::next(it);
        if (it->done)
            finished.splice(finished.end(), m_workers, it);
        it = next;
    }
    return finished;
}

} // namespace Ankra::Server

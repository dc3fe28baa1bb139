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
    ++m_starting; // until it takes its first task
    m_peak = std::max(m_peak, m_alive);
}

void ElasticPool::enqueue(std::function<void()> fn)
{
    std::list<Worker> finished;
    Worker *handedTo = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (m_shutdown)
            return;
        if (!m_idle.empty()) {
            handedTo = m_idle.back();
            m_idle.pop_back();
            handedTo->task = std::move(fn);
        } else {
            m_tasks.push_back(std::move(fn));
            if (m_starting < m_tasks.size() && m_alive < m_options.maxThreads) {
                try {
                    startWorkerLocked();
                } catch (const std::system_error &) {
                    // Out of threads: the task waits for a busy worker, as in a fixed pool.
                }
            }
        }
        finished.swap(m_finished);
        if (handedTo)
            handedTo->wake.notify_one(); // under the lock: the worker may otherwise end meanwhile
    }
    for (Worker &worker : finished)
        worker.thread.join();
}

void ElasticPool::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
        for (Worker *idle : m_idle)
            idle->wake.notify_one();
    }
    // No worker starts once m_shutdown is set (enqueue() checks it under the same lock).
    std::list<Worker> workers;
    {
        std::lock_guard lock(m_mutex);
        workers.swap(m_workers);
        workers.splice(workers.end(), m_finished);
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

std::function<void()> ElasticPool::nextTaskLocked(Worker *self, std::unique_lock<std::mutex> &lock)
{
    for (;;) {
        if (self->task)
            return std::move(self->task);
        if (!m_tasks.empty()) {
            std::function<void()> task = std::move(m_tasks.front());
            m_tasks.pop_front();
            return task;
        }
        if (m_shutdown)
            return {};
        m_idle.push_back(self);
        const bool woken = self->wake.wait_for(lock, m_options.idleTimeout, [this, self] {
            return bool(self->task) || m_shutdown;
        });
        if (!woken || m_shutdown) {
            // Still on the stack unless enqueue() took it (and then it has a task).
            const auto it = std::find(m_idle.begin(), m_idle.end(), self);
            if (it != m_idle.end())
                m_idle.erase(it);
        }
        if (!woken && !self->task && m_alive > m_options.coreThreads)
            return {}; // an idle thread above the core size
    }
}

void ElasticPool::run(Worker *self)
{
    std::unique_lock lock(m_mutex);
    --m_starting;
    for (;;) {
        std::function<void()> task = nextTaskLocked(self, lock);
        if (!task)
            break; // shut down and the queue drained, or idle above the core size
        lock.unlock();
        task();
        task = nullptr; // the connection's captures go before the lock is taken again
        lock.lock();
    }
    --m_alive;
    lock.unlock();
    if (m_options.onThreadExit)
        m_options.onThreadExit();
    lock.lock();
    // Joined by the next enqueue(), or by shutdown() when that has taken the list already.
    for (auto it = m_workers.begin(); it != m_workers.end(); ++it) {
        if (&*it == self) {
            m_finished.splice(m_finished.end(), m_workers, it);
            break;
        }
    }
}

} // namespace Ankra::Server

#pragma once

// A worker thread's way back to a QObject in its own thread, safe when the object is deleted
// meanwhile.
//
// QFuture::then(context, ...) in Qt 6.4 reads a QPointer to the context in the worker thread and
// then posts to the raw pointer: a context deleted between the two (a list page dropped while
// it was parsed, the application quitting) is a use after free. It was seen as a hang at exit:
// the pool thread stuck in postEvent() on the freed object, ~QCoreApplication waiting for it.
//
// Here the owner calls revoke() from its destructor, under the same mutex post() holds while it
// queues the call. So a post either reaches a live object - and if the object is deleted before
// the call runs, ~QObject drops the queued call - or does nothing at all.

#include <QMetaObject>
#include <QMutex>
#include <QObject>

#include <utility>

namespace Ankra::Api {

class HandBack
{
public:
    explicit HandBack(QObject *target)
        : m_target(target)
    {}
    HandBack(const HandBack &) = delete;
    HandBack &operator=(const HandBack &) = delete;

    // From the target's thread (its destructor): no post() reaches it after this returns.
    void revoke()
    {
        QMutexLocker lock(&m_mutex);
        m_target = nullptr;
    }

    // From any thread: queues `function` to run in the target's thread. False (and `function`
    // is never called) once the target is revoked.
    template<typename Function>
    bool post(Function &&function)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_target)
            return false;
        return QMetaObject::invokeMethod(m_target,
                                         std::forward<Function>(function),
                                         Qt::QueuedConnection);
    }

private:
    QMutex m_mutex;
    QObject *m_target;
};

} // namespace Ankra::Api

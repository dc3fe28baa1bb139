#include "startup/afterfirstpaint.h"

#include <QApplication>
#include <QEvent>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <utility>

namespace Ankra::Ui::AfterFirstPaint {

namespace {

// One per window, its child: watches the application's paint events until the window's first.
class Waiter : public QObject
{
public:
    explicit Waiter(QWidget *window)
        : QObject(window)
        , m_window(window)
    {
        setObjectName(QStringLiteral("ankraAfterFirstPaint"));
        // A timer, not a queued call: it fires only after the events already posted (the rest
        // of the paint pass, the first answers) were handled.
        m_idle.setSingleShot(true);
        m_idle.setInterval(0);
        connect(&m_idle, &QTimer::timeout, this, &Waiter::runNext);
        qApp->installEventFilter(this);
        // A window that is not painted soon (started minimised, on another desktop) must not
        // hold back the outbox, the cache and the drafts: they start then anyway.
        m_fallback.setSingleShot(true);
        connect(&m_fallback, &QTimer::timeout, this, &Waiter::painted);
        m_fallback.start(FallbackMs);
    }

    void add(std::function<void()> work)
    {
        m_work.append(std::move(work));
        if (m_painted)
            m_idle.start();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_painted && event->type() == QEvent::Paint && watched->isWidgetType()
            && static_cast<QWidget *>(watched)->window() == m_window)
            painted();
        return false;
    }

private:
    static constexpr int FallbackMs = 2'000;

    void painted()
    {
        if (std::exchange(m_painted, true))
            return;
        m_fallback.stop();
        qApp->removeEventFilter(this);
        if (!m_work.isEmpty())
            m_idle.start();
    }

    // One piece per idle moment: what it changed is painted before the next one starts.
    void runNext()
    {
        if (m_work.isEmpty())
            return;
        const std::function<void()> work = m_work.takeFirst();
        if (!m_work.isEmpty())
            m_idle.start();
        work();
    }

    QWidget *m_window;
    QList<std::function<void()>> m_work;
    QTimer m_idle;
    QTimer m_fallback;
    bool m_painted = false;
};

Waiter *waiterOf(QWidget *window)
{
    // Only a Waiter has that name.
    auto *waiter = static_cast<Waiter *>(
        window->findChild<QObject *>(QStringLiteral("ankraAfterFirstPaint"),
                                     Qt::FindDirectChildrenOnly));
    if (!waiter)
        waiter = new Waiter(window);
    return waiter;
}

} // namespace

void run(QWidget *window, std::function<void()> work)
{
    waiterOf(window)->add(std::move(work));
}

} // namespace Ankra::Ui::AfterFirstPaint

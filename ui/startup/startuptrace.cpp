#include "startup/startuptrace.h"

#include <QApplication>
#include <QByteArray>
#include <QEvent>
#include <QFile>
#include <QWidget>
#include <QtGlobal>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace Ankra::Ui::StartupTrace {

namespace {

double nowMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Field 22 of /proc/self/stat: the start time in clock ticks after boot (CLOCK_BOOTTIME).
double processStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the command name may contain spaces
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After ")": field 3 (state) is index 0, so field 22 is index 19.
    if (fields.size() <= 19)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return ticks > 0 ? fields.at(19).toDouble() * 1e3 / double(ticks) : -1;
}

struct Trace
{
    bool on = qEnvironmentVariable("ANKRA_STARTUP_TRACE") == QLatin1String("1");
    double startMs = on ? processStartMs() : -1;
    double staticInitMs = nowMs(CLOCK_BOOTTIME);
};

Trace &trace()
{
    static Trace t;
    return t;
}

// The executable's static initialisation: the shared libraries are loaded by then.
const bool initialised = [] {
    trace();
    return true;
}();

class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget *window)
        : QObject(window)
        , m_window(window)
    {
        qApp->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType()
            && static_cast<QWidget *>(watched)->window() == m_window) {
            qApp->removeEventFilter(this);
            mark("first paint event");
        }
        return false;
    }

private:
    QWidget *m_window;
};

} // namespace

void markFirstPaint(QWidget *window)
{
    if (enabled())
        new FirstPaint(window);
}

bool enabled()
{
    return trace().on;
}

void mark(const char *milestone)
{
    const Trace &t = trace();
    if (!t.on)
        return;
    static bool first = true;
    if (first) {
        first = false;
        // The kernel counts the process start in 10 ms ticks: a rough figure for the loader.
        std::fprintf(stderr,
                     "ankra-startup: static initialisation at ~%.0f ms after exec\n",
                     t.startMs >= 0 ? t.staticInitMs - t.startMs : -1.0);
    }
    std::fprintf(stderr,
                 "ankra-startup: %7.1f ms %s\n",
                 nowMs(CLOCK_BOOTTIME) - t.staticInitMs,
                 milestone);
}

} // namespace Ankra::Ui::StartupTrace

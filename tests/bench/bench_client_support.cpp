#include "bench_client_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <unistd.h>

namespace Ankra::Bench {

QNetworkReply *BenchNetworkAccessManager::createRequest(Operation op,
                                                        const QNetworkRequest &request,
                                                        QIODevice *outgoingData)
{
    if (op == GetOperation)
        m_getUrls << request.url();
    QNetworkRequest remote(request);
    if (m_remote)
        remote.setRawHeader("Accept-Encoding", {}); // QNAM then asks for gzip and inflates
    if (!m_clock)
        return QNetworkAccessManager::createRequest(op, remote, outgoingData);
    // Events after the timeline stopped (recordTimeline(nullptr)) are not marked.
    const QString page = QUrlQuery(request.url()).queryItemValue(QStringLiteral("page"));
    mark(QStringLiteral("request p%1").arg(page));
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, remote, outgoingData);
    mark(QStringLiteral("created p%1").arg(page));
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, page] {
        mark(QStringLiteral("headers p%1").arg(page));
    });
    connect(reply, &QNetworkReply::finished, this, [this, page] {
        mark(QStringLiteral("finished p%1").arg(page));
    });
    return reply;
}

bool BenchServer::start(int tickets, const QStringList &extraArgs, QString *error)
{
    m_token = m_server.createToken(QStringLiteral("Bench Org"), QStringLiteral("bench"));
    if (m_token.isEmpty()) {
        *error = QStringLiteral("token create failed");
        return false;
    }
    if (tickets > 0) {
        static const char *const topics[] = {"Disk pressure on node",
                                             "Pod crashloop in deployment",
                                             "Ingress returns 502 for service",
                                             "Helm upgrade stuck for release"};
        QByteArray jsonl;
        for (int i = 0; i < tickets; ++i) {
            jsonl += "{\"subject\":\"";
            jsonl += topics[i % 4];
            jsonl += " " + QByteArray::number(i)
                     + "\",\"description\":\"Seen since the last upgrade; the logs show "
                       "repeated restarts and timeouts.\",\"category\":\"technical\"}\n";
        }
        if (!m_server.importTicketLines(QStringLiteral("Bench Org"), jsonl, error))
            return false;
    }
    m_server.setExtraArguments(QStringList{QStringLiteral("--quiet")} + extraArgs);
    return m_server.start(false, error);
}

double runTimed(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForFinished(300'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (exit code %2)").arg(program).arg(process.exitCode());
        return -1;
    }
    return timer.nsecsElapsed() / 1e6;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    // Blocks in the event loop between events (processEvents with a maximum time would spin);
    // the tick only bounds how late a timeout is noticed.
    QTimer tick;
    tick.start(50);
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        loop.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

bool writeLog(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    static const char *const levels[] = {"INFO", "WARN", "ERROR", "DEBUG"};
    QByteArray block;
    char line[256];
    qint64 written = 0;
    for (qint64 i = 0; written < bytes; ++i) {
        int n = std::snprintf(line,
                              sizeof line,
                              "2024-05-01T10:%02d:%02d.%03dZ %s [worker-%d] request id=%lld "
                              "path=/api/v1/tickets status=200 duration=%dms\n",
                              int(i / 60000 % 60),
                              int(i / 1000 % 60),
                              int(i % 1000),
                              levels[i % 4],
                              int(i % 7),
                              static_cast<long long>(i),
                              int(i % 500));
        n = int(std::min<qint64>(n, bytes - written));
        block.append(line, n);
        written += n;
        if (block.size() > (1 << 20) || written >= bytes) {
            if (file.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return true;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

qint64 procStatusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

namespace {

double milliseconds(const timespec &ts)
{
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

} // namespace

double processCpuMs(qint64 pid)
{
    // The kernel's CPU clock of the process: nanoseconds (/proc/<pid>/stat counts 10 ms ticks).
    clockid_t clock = CLOCK_PROCESS_CPUTIME_ID;
    if (pid > 0 && clock_getcpuclockid(pid_t(pid), &clock) != 0)
        return -1;
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0)
        return -1;
    return milliseconds(ts);
}

QMap<QString, double> threadCpuMs()
{
    QMap<QString, double> byName;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        // A thread's CPU clock (Linux: CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD_MASK of the tid).
        const auto clock = clockid_t((~tid.toInt() << 3) | 6);
        timespec ts{};
        if (clock_gettime(clock, &ts) != 0)
            continue;
        byName[QString::fromUtf8(comm.readAll().trimmed())] += milliseconds(ts);
    }
    return byName;
}

double BenchServer::cpuMs()
{
    QProcess *process = m_server.process();
    return process ? processCpuMs(process->processId()) : -1;
}

bool resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

void report(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace Ankra::Bench

#include "bench_client_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace Ankra::Bench {

QNetworkReply *BenchNetworkAccessManager::createRequest(Operation op,
                                                        const QNetworkRequest &request,
                                                        QIODevice *outgoingData)
{
    if (op == GetOperation)
        m_getUrls << request.url();
    if (!m_remote)
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    QNetworkRequest remote(request);
    remote.setRawHeader("Accept-Encoding", {}); // QNAM then asks for gzip and inflates
    return QNetworkAccessManager::createRequest(op, remote, outgoingData);
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

double processCpuMs(qint64 pid)
{
    QFile stat(pid > 0 ? QStringLiteral("/proc/%1/stat").arg(pid)
                       : QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // After "pid (comm) ": state is field 3, utime 14, stime 15 (man 5 proc); comm may hold spaces.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return ticks > 0 ? (fields[11].toLongLong() + fields[12].toLongLong()) * 1000.0 / double(ticks)
                     : -1;
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

#pragma once

// Shared pieces of bench_client: a real server with N imported tickets in "Bench Org", curl and
// child-process timing, medians and the process's own memory figures.

#include "testserver.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <utility>

namespace Ankra::Bench {

// The real server with `tickets` imported tickets and a token of the same organisation.
class BenchServer
{
public:
    bool start(int tickets, const QStringList &extraArgs = {}, QString *error = nullptr);
    QString url() const { return m_server.url().toString(QUrl::StripTrailingSlash); }
    QString token() const { return m_token; }
    // The server process's CPU time so far (user + system), in ms; -1 when unknown.
    double cpuMs();

private:
    Test::TestServer m_server;
    QString m_token;
};

// With `identity` set, asks the server not to compress (as plain curl does): Qt otherwise asks for
// "gzip, deflate, br" and the server's brotli dominates every list page (measured ~80 ms/page).
class BenchNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    // As if the server were remote: the client asks for compression (ApiClient asks a loopback
    // server for none), as curl --compressed does.
    void setAsIfRemote(bool remote) { m_remote = remote; }
    // The URLs of the GET requests made since the last call (for curl to fetch the same ones).
    QList<QUrl> takeGetUrls() { return std::exchange(m_getUrls, {}); }
    // Records when each request starts and its reply finishes (ms since `clock` started), for a
    // timeline of a run; nullptr stops recording.
    struct Event
    {
        QString what;
        double ms;
    };
    void recordTimeline(const QElapsedTimer *clock) { m_clock = clock; }
    void mark(const QString &what)
    {
        if (m_clock)
            m_timeline.append({what, m_clock->nsecsElapsed() / 1e6});
    }
    QList<Event> takeTimeline() { return std::exchange(m_timeline, {}); }

protected:
    QNetworkReply *createRequest(Operation op,
                                 const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    bool m_remote = false;
    QList<QUrl> m_getUrls;
    const QElapsedTimer *m_clock = nullptr;
    QList<Event> m_timeline;
};

// Runs a program to completion; returns the wall time in ms, or -1 on a failure (why in `error`).
double runTimed(const QString &program, const QStringList &args, QString *error);
// Spins the event loop until `done` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs);
// Writes `bytes` of plausible UTF-8 log lines.
bool writeLog(const QString &path, qint64 bytes);
double median(QList<double> values);
// A field of /proc/self/status in KiB (VmRSS, VmHWM); -1 when unreadable.
qint64 procStatusKiB(const char *field);
// CPU time (user + system) of process `pid` (0: this one, all threads) in ms; -1 when unreadable.
double processCpuMs(qint64 pid = 0);
// CPU time of this process's threads in ms, summed by thread name ("Thread (pooled)", ...).
QMap<QString, double> threadCpuMs();
// Resets VmHWM to the current RSS (Linux: "5" into /proc/self/clear_refs).
bool resetPeakRss();
void report(const QString &line);

} // namespace Ankra::Bench

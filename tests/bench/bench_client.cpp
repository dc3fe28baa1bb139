// Client benchmarks of issue 5, each against a reference measured in the same run:
//   P1 fetch and show 10,000 tickets (100 pages of 100) vs curl over the same URLs (<= 1.5x)
//   P2 cold start to the painted main window vs a minimal Qt Widgets window (<= 1.5x)
//   P3 200 MB upload and download through the client core vs curl (<= 1.2x, RSS growth <= 32 MB)
//   P6 a keystroke in the search field with 100,000 tickets loaded (<= 16 ms)
// Each starts its own real server (loopback, temporary data directory). A missed goal is
// reported, not an error: the exit code is non-zero only when something failed.
// curl fetches the very URLs the client asked for (its view's status filter included).
// Profiling P1: ANKRA_BENCH_P1_REPEAT=<n> runs only the client n times, then prints the CPU time
// a run took in the client (also by thread: GUI, QNAM's, the parsing pool's) and in the server
// (steadier than the wall time); with ANKRA_BENCH_P1_TIMELINE=1 the last run's timeline (each
// page's request, headers, finish and rows applied; the list's timer, layout and paint events);
// with ANKRA_BENCH_PERF_CTL=<fifo> (mkfifo) it writes enable/disable around each timed run, for
//   perf record -a -g -D -1 --control=fifo:<fifo> -- bench_client P1

#include "bench_client_support.h"

#include "api/apiclient.h"
#include "mainwindow.h"
#include "models/ticketlistmodel.h"
#include "models/updatepoller.h"
#include "tickets/ticketlistview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Ankra;
using namespace Ankra::Bench;

bool runP2(QString *error); // bench_client_p2.cpp

namespace {

constexpr int Pages = 100;
constexpr int PageSize = 100;

QString ratio(double value, double reference)
{
    return QString::number(reference > 0 ? value / reference : 0, 'f', 2);
}

// Loads pages until `rows` rows are in the model (or everything is); false on an error/timeout.
bool loadRows(Models::TicketListModel *model, int rows, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        // A refresh (the window's poll on activation) blocks fetchMore until it is done.
        if (!waitFor([model] { return !model->isLoading() && !model->isRefreshing(); }, timeoutMs))
            return false;
        if (model->lastError().isError())
            return false;
        if (model->rowCount() >= rows || !model->canFetchMore({}))
            return true;
        if (timer.elapsed() > timeoutMs)
            return false;
        model->fetchMore({});
    }
}

// For profiling P1: with ANKRA_BENCH_PERF_CTL=<fifo>, "enable"/"disable" around each timed
// client run, for `perf record -D -1 --control=fifo:<fifo>` (see the top of this file).
bool perfArmed = false; // not during the first, warm-up run

void perfControl(const char *command)
{
    if (!perfArmed)
        return;
    static FILE *fifo = qEnvironmentVariableIsSet("ANKRA_BENCH_PERF_CTL")
                            ? std::fopen(qgetenv("ANKRA_BENCH_PERF_CTL").constData(), "w")
                            : nullptr;
    if (fifo) {
        std::fprintf(fifo, "%s\n", command);
        std::fflush(fifo);
    }
}

// The CPU time between start() and stop() in this process (all its threads) and in the server's:
// steadier than the wall time on two busy cores.
struct CpuSpent
{
    explicit CpuSpent(BenchServer *server)
        : bench(server)
    {}

    BenchServer *bench;
    double here = 0;
    double server = 0;
    QMap<QString, double> threads; // this process's, by thread name
    int layouts = 0;               // of the list's rows (TicketListView)

    void start()
    {
        here = -processCpuMs();
        server = -bench->cpuMs();
        threads = threadCpuMs();
    }
    void stop()
    {
        here += processCpuMs();
        server += bench->cpuMs();
        const QMap<QString, double> before = std::exchange(threads, threadCpuMs());
        for (auto it = threads.begin(); it != threads.end(); ++it)
            it.value() -= before.value(it.key());
    }
};

// Time to fetch and show Pages x PageSize rows in the real main window's list (its proxy,
// delegates and header), from a reload until the last row is in and painted; -1 on a failure.
// The rows are fetched the way the list asks for them when scrolled to the end (fetchMore).
double clientListTime(Api::ApiClient *client,
                      QString *error,
                      CpuSpent *cpu = nullptr,
                      BenchNetworkAccessManager *timeline = nullptr)
{
    Ui::MainWindow window(client);
    window.poller()->stop(); // a poll would re-fetch the loaded pages meanwhile (as in P6)
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        *error = QStringLiteral("the main window was not exposed");
        return -1;
    }
    Models::TicketListModel *model = window.ticketModel();
    // The window loads its first page and the view counts on its own: let that settle first.
    if (!waitFor([model] { return !model->isLoading() && model->rowCount() > 0; }, 60'000)) {
        *error = QStringLiteral("P1: the main window did not load its first page");
        return -1;
    }
    QTest::qWait(200);
    if (model->query().pageSize != PageSize) {
        *error = QStringLiteral("P1: the main window asks for pages of %1, not %2")
                     .arg(model->query().pageSize)
                     .arg(PageSize);
        return -1;
    }
    auto *view = window.findChild<Ui::TicketListView *>(QStringLiteral("ticketList"));
    const int layoutsBefore = view ? view->layoutCount() : 0;
    perfControl("enable");
    if (cpu)
        cpu->start();
    QElapsedTimer timer;
    timer.start();
    // The list's events in the timeline (Timer: a deferred layout or QAbstractItemView's own
    // timers; Paint; the window's UpdateRequest and LayoutRequest).
    struct EventMarks : QObject
    {
        BenchNetworkAccessManager *timeline = nullptr;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            const QEvent::Type type = event->type();
            if (type == QEvent::Timer || type == QEvent::Paint || type == QEvent::UpdateRequest
                || type == QEvent::LayoutRequest) {
                timeline->mark(QStringLiteral("event %1 on %2")
                                   .arg(int(type))
                                   .arg(QLatin1String(watched->metaObject()->className())));
            }
            return false;
        }
    } marks;
    if (timeline) {
        marks.timeline = timeline;
        if (auto *v = window.findChild<Ui::TicketListView *>(QStringLiteral("ticketList"))) {
            v->installEventFilter(&marks);
            v->viewport()->installEventFilter(&marks);
        }
        window.installEventFilter(&marks);
        timeline->recordTimeline(&timer);
        QObject::connect(model, &Models::TicketListModel::pageLoaded, timeline, [timeline](int page) {
            timeline->mark(QStringLiteral("applied p%1").arg(page));
        });
    }
    model->reload();
    if (!loadRows(model, Pages * PageSize, 120'000) || model->rowCount() != Pages * PageSize) {
        *error = QStringLiteral("P1: loaded %1 rows: %2")
                     .arg(model->rowCount())
                     .arg(model->lastError().message);
        return -1;
    }
    auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
    if (!list || list->model()->rowCount() != Pages * PageSize) {
        *error = QStringLiteral("P1: the main window's list does not show all rows");
        return -1;
    }
    // Shown = the last row laid out (the list scrolls to it) and the window painted. The list
    // lays out appended rows once per frame, so this may wait for the last frame's layout.
    const QModelIndex lastRow = list->model()->index(Pages * PageSize - 1, 0);
    if (!waitFor([list, lastRow] { return list->visualRect(lastRow).isValid(); }, 10'000)) {
        *error = QStringLiteral("P1: the list never laid out its last row");
        return -1;
    }
    QCoreApplication::processEvents(); // the paint of what the layout changed
    const double ms = timer.nsecsElapsed() / 1e6;
    if (timeline) {
        timeline->mark(QStringLiteral("shown"));
        timeline->recordTimeline(nullptr);
        QList<BenchNetworkAccessManager::Event> events = timeline->takeTimeline();
        std::stable_sort(events.begin(), events.end(), [](const auto &a, const auto &b) {
            return a.ms < b.ms;
        });
        for (const auto &e : events)
            report(QStringLiteral("  %1 %2").arg(e.ms, 7, 'f', 2).arg(e.what));
    }
    if (cpu) {
        cpu->stop();
        cpu->layouts = view ? view->layoutCount() - layoutsBefore : -1;
    }
    perfControl("disable");
    return ms;
}

// The API core alone: the same pages through ListTicketsJob, one after the other.
double coreListTime(Api::ApiClient *client, QString *error)
{
    QObject context;
    QElapsedTimer timer;
    timer.start();
    for (int page = 1; page <= Pages; ++page) {
        Api::TicketQuery query;
        query.page = page;
        query.pageSize = PageSize;
        auto *job = client->listTickets(query, &context);
        if (!waitFor([job] { return job->isFinished(); }, 60'000) || !job->ok()
            || job->page().result.size() != PageSize) {
            *error = QStringLiteral("P1: page %1 failed").arg(page);
            return -1;
        }
        delete job;
    }
    return timer.nsecsElapsed() / 1e6;
}

// The list pages 1..Pages of a reload among the GET requests the client made, as URLs in page
// order; empty (and why in `error`) unless each was asked for with PageSize rows.
QStringList listPageUrls(const QList<QUrl> &urls, QString *error)
{
    QStringList byPage(Pages);
    for (const QUrl &url : urls) {
        if (!url.path().endsWith(QLatin1String("/org/support/tickets")))
            continue;
        const QUrlQuery query(url);
        const int page = query.queryItemValue(QStringLiteral("page")).toInt();
        if (page >= 1 && page <= Pages
            && query.queryItemValue(QStringLiteral("page_size")).toInt() == PageSize)
            byPage[page - 1] = url.toString(QUrl::FullyEncoded);
    }
    for (int page = 1; page <= Pages; ++page) {
        if (byPage[page - 1].isEmpty()) {
            *error = QStringLiteral("P1: the client never asked for page %1 of %2")
                         .arg(page)
                         .arg(PageSize);
            return {};
        }
    }
    return byPage;
}

bool runP1(QString *error)
{
    BenchServer server;
    if (!server.start(Pages * PageSize, {}, error))
        return false;
    BenchNetworkAccessManager nam;
    Api::ApiClient client(&nam);
    client.setServerUrl(QUrl(server.url()));
    client.setToken(server.token());

    // ANKRA_BENCH_P1_REPEAT=<n>: only the client, n times, each run's time (for profiling; the
    // first run warms the server up and is not profiled).
    if (const int repeat = qEnvironmentVariableIntValue("ANKRA_BENCH_P1_REPEAT"); repeat > 0) {
        // With the CPU time the run took in this process and in the server: steadier than the
        // wall time on two busy cores.
        double clientCpu = 0;
        double serverCpu = 0;
        QMap<QString, double> threadCpu;
        for (int run = 0; run < repeat; ++run) {
            CpuSpent cpu(&server);
            const bool timeline = run == repeat - 1
                                  && qEnvironmentVariableIsSet("ANKRA_BENCH_P1_TIMELINE");
            const double ms = clientListTime(&client, error, &cpu, timeline ? &nam : nullptr);
            if (ms < 0)
                return false;
            if (run > 0) {
                clientCpu += cpu.here;
                serverCpu += cpu.server;
                for (auto it = cpu.threads.cbegin(); it != cpu.threads.cend(); ++it)
                    threadCpu[it.key()] += it.value();
            }
            perfArmed = true;
            report(QStringLiteral("P1 client run %1: %2 ms, %3 layouts of the list")
                       .arg(run + 1)
                       .arg(ms, 0, 'f', 1)
                       .arg(cpu.layouts));
        }
        if (repeat > 1)
            report(QStringLiteral("P1 CPU per run after the first: %1 ms here, %2 ms server")
                       .arg(clientCpu / (repeat - 1), 0, 'f', 1)
                       .arg(serverCpu / (repeat - 1), 0, 'f', 1));
        QStringList threads;
        for (auto it = threadCpu.cbegin(); it != threadCpu.cend(); ++it) {
            if (it.value() / (repeat - 1) >= 0.05)
                threads << QStringLiteral("%1 %2").arg(it.key()).arg(it.value() / (repeat - 1),
                                                                     0,
                                                                     'f',
                                                                     1);
        }
        if (repeat > 1)
            report(QStringLiteral("P1 CPU per run by thread (ms): ")
                   + threads.join(QStringLiteral(", ")));
        return true;
    }

    // curl fetches the very URLs the window asked for (its view's status filter included: the
    // server's work depends on it), taken from a first, untimed run of the client.
    nam.takeGetUrls();
    if (clientListTime(&client, error) < 0)
        return false;
    const QStringList pageUrls = listPageUrls(nam.takeGetUrls(), error);
    if (pageUrls.isEmpty())
        return false;
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("curl.cfg"));
    {
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write the curl config");
            return false;
        }
        for (const QString &url : pageUrls)
            file.write(QStringLiteral("url = \"%1\"\noutput = \"/dev/null\"\n").arg(url).toUtf8());
    }
    const QStringList curlArgs{QStringLiteral("-s"),
                               QStringLiteral("-f"),
                               QStringLiteral("-H"),
                               QStringLiteral("Authorization: Bearer ") + server.token(),
                               QStringLiteral("-K"),
                               config};

    // A remote server is asked for compression (QNAM asks for "gzip, deflate"): compared with
    // curl --compressed, for the server does the same work then. Not the goal's figure: the
    // client asks the local server for none, as plain curl does.
    const QStringList compressedArgs = curlArgs + QStringList{QStringLiteral("--compressed")};

    QList<double> clientTimes;
    QList<double> curlTimes;
    QList<double> compressedTimes;
    QList<double> remoteTimes;
    QList<double> coreTimes;
    // Seven alternating rounds: one run varies by +-25 % on two cores (the client's, QNAM's, the
    // pool's and the server's threads share them), the median of seven much less.
    constexpr int Rounds = 7;
    // The CPU time of both sides: where a difference comes from.
    double curlServerCpu = 0;
    double clientServerCpu = 0;
    double clientCpu = 0;
    for (int run = 0; run < Rounds; ++run) {
        const double serverBefore = server.cpuMs();
        const double curlMs = runTimed(QStringLiteral("curl"), curlArgs, error);
        if (curlMs < 0)
            return false;
        curlServerCpu += server.cpuMs() - serverBefore;
        curlTimes << curlMs;
        const double compressedMs = runTimed(QStringLiteral("curl"), compressedArgs, error);
        if (compressedMs < 0)
            return false;
        compressedTimes << compressedMs;

        nam.setAsIfRemote(false);
        CpuSpent cpu(&server);
        const double clientMs = clientListTime(&client, error, &cpu);
        if (clientMs < 0)
            return false;
        clientServerCpu += cpu.server;
        clientCpu += cpu.here;
        clientTimes << clientMs;
        const double coreMs = coreListTime(&client, error);
        if (coreMs < 0)
            return false;
        coreTimes << coreMs;
        nam.setAsIfRemote(true);
        const double remoteMs = clientListTime(&client, error);
        if (remoteMs < 0)
            return false;
        remoteTimes << remoteMs;
    }
    const double clientMs = median(clientTimes);
    const double curlMs = median(curlTimes);
    report(QStringLiteral("P1 client 10000 tickets: %1 ms (median of %2)")
               .arg(clientMs, 0, 'f', 1)
               .arg(Rounds));
    report(QStringLiteral("P1 curl, the same URLs: %1 ms (median of %2, one process, keep-alive)")
               .arg(curlMs, 0, 'f', 1)
               .arg(Rounds));
    report(QStringLiteral("P1 ratio: %1 (goal <= 1.5)").arg(ratio(clientMs, curlMs)));
    // Each round's client time over the curl time measured just before it: the machine's speed
    // drifts by +-25 % within a minute (the same binary's CPU time per run), and a round's two
    // runs share its phase. Not the goal's figure; how much of the spread is drift.
    QList<double> roundRatios;
    for (int run = 0; run < Rounds; ++run)
        roundRatios << clientTimes.at(run) / curlTimes.at(run);
    std::sort(roundRatios.begin(), roundRatios.end());
    report(QStringLiteral("P1 ratio per round: median %1, from %2 to %3")
               .arg(median(roundRatios), 0, 'f', 2)
               .arg(roundRatios.first(), 0, 'f', 2)
               .arg(roundRatios.last(), 0, 'f', 2));
    report(
        QStringLiteral("P1 CPU per round: client %1 ms + its server %2 ms; server for curl %3 ms")
            .arg(clientCpu / Rounds, 0, 'f', 1)
            .arg(clientServerCpu / Rounds, 0, 'f', 1)
            .arg(curlServerCpu / Rounds, 0, 'f', 1));
    report(QStringLiteral("P1 ListTicketsJob alone, one page after the other: %1 ms")
               .arg(median(coreTimes), 0, 'f', 1));
    const double compressedMs = median(compressedTimes);
    const double remoteMs = median(remoteTimes);
    report(QStringLiteral("P1 client asking for compression as from a remote server: %1 ms, "
                          "curl --compressed: %2 ms, ratio %3")
               .arg(remoteMs, 0, 'f', 1)
               .arg(compressedMs, 0, 'f', 1)
               .arg(ratio(remoteMs, compressedMs)));
    return true;
}

bool runP3(QString *error)
{
    constexpr qint64 Bytes = 200LL * 1024 * 1024;
    BenchServer server;
    if (!server.start(1,
                      {QStringLiteral("--max-attachment-bytes"),
                       QString::number(Bytes + 1024 * 1024),
                       QStringLiteral("--max-attachments-per-ticket"),
                       QStringLiteral("10")},
                      error))
        return false;
    QNetworkAccessManager nam;
    Api::ApiClient client(&nam);
    client.setServerUrl(QUrl(server.url()));
    client.setToken(server.token());
    QObject context;

    auto *list = client.listTickets({}, &context);
    if (!waitFor([list] { return list->isFinished(); }, 30'000) || !list->ok()
        || list->page().result.isEmpty()) {
        *error = QStringLiteral("P3: cannot list the ticket");
        return false;
    }
    const QString ticketId = list->page().result.first().id;
    const QString ticketUrl = server.url() + QStringLiteral("/api/v1/org/support/tickets/")
                              + ticketId;
    const QString auth = QStringLiteral("Authorization: Bearer ") + server.token();

    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("bench-200mb.log"));
    if (!writeLog(source, Bytes)) {
        *error = QStringLiteral("P3: cannot write %1").arg(source);
        return false;
    }

    // Peak RSS growth of this process during each client transfer: VmHWM is reset to the
    // current RSS right before it (Linux clear_refs), so earlier peaks do not hide growth.
    qint64 rssBefore = 0;
    bool peakReset = true;
    auto startPeak = [&] {
        rssBefore = procStatusKiB("VmRSS");
        peakReset = resetPeakRss() && peakReset;
    };
    auto peakGrowthMiB = [&] { return (procStatusKiB("VmHWM") - rssBefore) / 1024.0; };
    double uploadGrowth = 0;
    double downloadGrowth = 0;

    // Alternating, three rounds: curl upload, client upload, client download, curl download.
    QList<double> curlUp, clientUp, clientDown, curlDown;
    for (int run = 0; run < 3; ++run) {
        const double curlUpMs = runTimed(QStringLiteral("curl"),
                                         {QStringLiteral("-s"),
                                          QStringLiteral("-f"),
                                          QStringLiteral("-H"),
                                          auth,
                                          QStringLiteral("-F"),
                                          QStringLiteral("file=@") + source,
                                          ticketUrl + QStringLiteral("/attachments")},
                                         error);
        if (curlUpMs < 0)
            return false;
        curlUp << curlUpMs;

        startPeak();
        QElapsedTimer timer;
        timer.start();
        auto *upload = client.uploadAttachment(ticketId, source, &context);
        if (!waitFor([upload] { return upload->isFinished(); }, 300'000) || !upload->ok()) {
            *error = QStringLiteral("P3: upload failed: %1").arg(upload->error().message);
            return false;
        }
        clientUp << timer.nsecsElapsed() / 1e6;
        uploadGrowth = std::max(uploadGrowth, peakGrowthMiB());
        const QList<Wire::Attachment> attachments = upload->ticket().attachments;
        // The newest attachment is the client's own upload (created last).
        auto newest = std::max_element(attachments.begin(),
                                       attachments.end(),
                                       [](const Wire::Attachment &a, const Wire::Attachment &b) {
                                           return a.createdAt < b.createdAt;
                                       });
        if (newest == attachments.end() || newest->sizeBytes != Bytes) {
            *error = QStringLiteral("P3: the uploaded attachment is missing or has the wrong size");
            return false;
        }
        const QString attachmentId = newest->id;
        delete upload;

        const QString clientTarget = dir.filePath(QStringLiteral("client-download.log"));
        startPeak();
        timer.restart();
        auto *download = client.downloadAttachment(ticketId, attachmentId, clientTarget, &context);
        if (!waitFor([download] { return download->isFinished(); }, 300'000) || !download->ok()
            || QFileInfo(clientTarget).size() != Bytes) {
            *error = QStringLiteral("P3: download failed: %1").arg(download->error().message);
            return false;
        }
        clientDown << timer.nsecsElapsed() / 1e6;
        downloadGrowth = std::max(downloadGrowth, peakGrowthMiB());
        delete download;
        QFile::remove(clientTarget);

        const QString curlTarget = dir.filePath(QStringLiteral("curl-download.log"));
        const double curlDownMs = runTimed(QStringLiteral("curl"),
                                           {QStringLiteral("-s"),
                                            QStringLiteral("-f"),
                                            QStringLiteral("-H"),
                                            auth,
                                            QStringLiteral("-o"),
                                            curlTarget,
                                            ticketUrl + QStringLiteral("/attachments/")
                                                + attachmentId},
                                           error);
        if (curlDownMs < 0 || QFileInfo(curlTarget).size() != Bytes) {
            *error = QStringLiteral("P3: curl download failed");
            return false;
        }
        curlDown << curlDownMs;
        QFile::remove(curlTarget);
    }
    const double clientUpMs = median(clientUp);
    const double curlUpMs = median(curlUp);
    const double clientDownMs = median(clientDown);
    const double curlDownMs = median(curlDown);
    report(
        QStringLiteral("P3 client upload 200 MB: %1 ms (median of 3)").arg(clientUpMs, 0, 'f', 1));
    report(QStringLiteral("P3 curl upload 200 MB: %1 ms (median of 3)").arg(curlUpMs, 0, 'f', 1));
    report(QStringLiteral("P3 upload ratio: %1 (goal <= 1.2)").arg(ratio(clientUpMs, curlUpMs)));
    report(QStringLiteral("P3 client download 200 MB: %1 ms (median of 3)")
               .arg(clientDownMs, 0, 'f', 1));
    report(
        QStringLiteral("P3 curl download 200 MB: %1 ms (median of 3)").arg(curlDownMs, 0, 'f', 1));
    report(
        QStringLiteral("P3 download ratio: %1 (goal <= 1.2)").arg(ratio(clientDownMs, curlDownMs)));
    report(QStringLiteral("P3 peak RSS growth: %1 MB (goal <= 32; upload %2 MB, download %3 MB, "
                          "worst of 3 each%4)")
               .arg(std::max(uploadGrowth, downloadGrowth), 0, 'f', 1)
               .arg(uploadGrowth, 0, 'f', 1)
               .arg(downloadGrowth, 0, 'f', 1)
               .arg(peakReset ? QString() : QStringLiteral("; VmHWM NOT reset")));
    return true;
}

bool runP6(QString *error)
{
    constexpr int Rows = 100'000;
    BenchServer server;
    if (!server.start(Rows, {}, error))
        return false;
    QNetworkAccessManager nam; // the local server is asked for no compression, as curl does
    Api::ApiClient client(&nam);
    client.setServerUrl(QUrl(server.url()));
    client.setToken(server.token());
    Ui::MainWindow window(&client);
    window.poller()->stop(); // a poll would re-fetch all 1,000 loaded pages meanwhile
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        *error = QStringLiteral("P6: the main window was not exposed");
        return false;
    }
    Models::TicketListModel *model = window.ticketModel();
    QElapsedTimer loadTimer;
    loadTimer.start();
    if (!loadRows(model, Rows, 600'000) || model->rowCount() != Rows) {
        *error = QStringLiteral("P6: loaded %1 rows: %2")
                     .arg(model->rowCount())
                     .arg(model->lastError().message);
        return false;
    }
    QCoreApplication::processEvents();
    const double loadMs = loadTimer.nsecsElapsed() / 1e6;

    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    if (!search) {
        *error = QStringLiteral("P6: no search field");
        return false;
    }
    search->setFocus();
    QCoreApplication::processEvents();

    QElapsedTimer queryTimer;
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, model, [&queryTimer] {
        queryTimer.start();
    });
    QList<double> keyTimes;
    for (const char key : QByteArrayLiteral("disk")) {
        if (key == '\0')
            break;
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(search, key);
        QCoreApplication::processEvents(); // the field's repaint and whatever the key triggered
        keyTimes << timer.nsecsElapsed() / 1e6;
    }
    if (queryTimer.isValid()) {
        *error = QStringLiteral("P6: the search fired before the debounce");
        return false;
    }
    if (!waitFor([&] { return queryTimer.isValid() && !model->isLoading(); }, 60'000)
        || model->lastError().isError() || model->rowCount() == 0) {
        *error = QStringLiteral("P6: the filtered list did not arrive");
        return false;
    }
    QCoreApplication::processEvents();
    const double queryMs = queryTimer.nsecsElapsed() / 1e6;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!model->ticketAt(row).subject.contains(QLatin1String("Disk"))) {
            *error = QStringLiteral("P6: the filtered list holds a non-matching row");
            return false;
        }
    }

    report(QStringLiteral("P6 load 100000 rows into the main window: %1 ms (setup)")
               .arg(loadMs, 0, 'f', 0));
    report(QStringLiteral("P6 search keystroke with 100000 rows: median %1 ms, max %2 ms over "
                          "%3 keys (goal <= 16)")
               .arg(median(keyTimes), 0, 'f', 2)
               .arg(*std::max_element(keyTimes.begin(), keyTimes.end()), 0, 'f', 2)
               .arg(keyTimes.size()));
    report(QStringLiteral("P6 debounced query to filtered list shown: %1 ms (%2 of %3 matches "
                          "on the first page; after the 300 ms debounce)")
               .arg(queryMs, 0, 'f', 1)
               .arg(model->rowCount())
               .arg(model->totalCount()));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Usage: bench_client [P1 P2 P3 P6]; no argument runs them all.
    QStringList which = app.arguments().mid(1);
    if (which.isEmpty())
        which = {QStringLiteral("P1"),
                 QStringLiteral("P2"),
                 QStringLiteral("P3"),
                 QStringLiteral("P6")};
    // P3 first: the process's peak RSS is still low, so its growth is measured cleanly.
    const QList<std::pair<QString, bool (*)(QString *)>> benches{{QStringLiteral("P3"), runP3},
                                                                 {QStringLiteral("P1"), runP1},
                                                                 {QStringLiteral("P2"), runP2},
                                                                 {QStringLiteral("P6"), runP6}};
    int status = 0;
    for (const auto &[name, run] : benches) {
        if (!which.contains(name))
            continue;
        QString error;
        if (!run(&error)) {
            report(QStringLiteral("%1 ERROR: %2").arg(name, error));
            status = 1;
        }
    }
    return status;
}

// Offline cache timings (not run by ctest): filling the cache as list pages and details arrive,
// the cached list shown at start, offline search, the offline pre-check over the cache, clear.
// Usage: bench_cache [tickets] [details]   (defaults 5000, 1000)

#include "store/cache.h"
#include "triage/reviewengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace Ankra;

namespace {

const char *const Words[] = {"pod",     "pending",   "ingress", "certificate", "renewal", "node",
                             "upgrade", "timeout",   "dns",     "volume",      "mount",   "crash",
                             "loop",    "oom",       "killed",  "helm",        "chart",   "argo",
                             "sync",    "failed",    "quota",   "etcd",        "latency", "billing",
                             "invoice", "dashboard", "slow",    "webhook",     "denied",  "token"};

QString phrase(quint32 seed, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i) {
        seed = seed * 1664525u + 1013904223u;
        out.append(QString::fromLatin1(Words[(seed >> 16) % (sizeof Words / sizeof *Words)]));
    }
    return out.join(u' ');
}

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int tickets = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 5000;
    const int details = argc > 2 ? QString::fromLatin1(argv[2]).toInt() : 1000;
    QTemporaryDir dir;
    Store::TicketCache cache(dir.path(), QStringLiteral("bench"));
    cache.setMaxTickets(tickets);
    if (!cache.open())
        return 1;
    const QDateTime base = QDateTime::currentDateTimeUtc();
    QList<Wire::TicketSummary> all;
    for (int i = 0; i < tickets; ++i) {
        Wire::TicketSummary s;
        s.id = QStringLiteral("t%1").arg(i);
        s.subject = phrase(i, 6) + QStringLiteral(" #%1").arg(i);
        s.status = i % 3 ? QStringLiteral("open") : QStringLiteral("resolved");
        s.category = QStringLiteral("technical");
        s.source = QStringLiteral("api");
        s.aiReviewStatus = QStringLiteral("passed");
        s.createdAt = base.addSecs(-i * 60);
        s.updatedAt = base.addSecs(-i * 60);
        all.append(s);
    }
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < tickets; i += 100)
        cache.storeSummaries(all.mid(i, 100));
    std::printf("store %d summaries in pages of 100: %.1f ms (%.2f ms/page)\n",
                tickets,
                ms(t),
                ms(t) / std::max(1, tickets / 100));
    t.restart();
    for (int i = 0; i < tickets; i += 100)
        cache.storeSummaries(all.mid(i, 100));
    std::printf("store the same %d summaries again (a poll, nothing changed): %.1f ms "
                "(%.2f ms/page)\n",
                tickets,
                ms(t),
                ms(t) / std::max(1, tickets / 100));
    t.restart();
    for (int i = 0; i < details; ++i) {
        Wire::Ticket d;
        const Wire::TicketSummary &s = all.at(i);
        d.id = s.id;
        d.subject = s.subject;
        d.status = s.status;
        d.category = s.category;
        d.source = s.source;
        d.aiReviewStatus = s.aiReviewStatus;
        d.organisationId = QStringLiteral("org");
        d.createdAt = s.createdAt;
        d.updatedAt = s.updatedAt;
        d.description = phrase(i * 7 + 1, 120);
        for (int c = 0; c < 5; ++c)
            d.comments.append({QStringLiteral("c%1-%2").arg(i).arg(c),
                               QStringLiteral("team"),
                               QStringLiteral("Ankra"),
                               phrase(i + c, 40),
                               s.updatedAt});
        cache.storeTicket(d);
    }
    std::printf("store %d details (120-word description, 5 comments): %.1f ms (%.2f ms each)\n",
                details,
                ms(t),
                ms(t) / std::max(1, details));

    t.restart();
    {
        Store::TicketCache again(dir.path(), QStringLiteral("bench"));
        again.open();
        std::printf("open the filled cache (start of a session): %.1f ms\n", ms(t));
    }
    t.restart();
    qint64 total = 0;
    const auto shown = cache.tickets({}, Store::TicketCache::DefaultListLimit, &total);
    std::printf("cached list at start (%lld rows of %lld): %.1f ms\n",
                qlonglong(shown.size()),
                qlonglong(total),
                ms(t));
    Api::TicketQuery q;
    q.search = QStringLiteral("certif renewal");
    t.restart();
    const auto found = cache.tickets(q, Store::TicketCache::DefaultListLimit, &total);
    std::printf("offline search \"%s\": %lld matches in %.1f ms\n",
                qPrintable(q.search),
                qlonglong(total),
                ms(t));
    q.statuses = {QStringLiteral("open")};
    t.restart();
    cache.tickets(q, Store::TicketCache::DefaultListLimit, &total);
    std::printf("offline search + status filter: %lld matches in %.1f ms\n",
                qlonglong(total),
                ms(t));
    t.restart();
    cache.ticket(QStringLiteral("t10"));
    std::printf("one cached detail: %.2f ms\n", ms(t));

    Triage::ReviewInput input;
    input.subject = QStringLiteral("Ingress certificate renewal failed after upgrade");
    input.description = phrase(17, 80);
    const Triage::ReviewEngine engine;
    t.restart();
    auto review = engine.review(input, cache.candidateSource());
    std::printf("offline pre-check, first (counts terms): %.1f ms, %lld duplicates\n",
                ms(t),
                qlonglong(review.duplicateCandidates.size()));
    t.restart();
    review = engine.review(input, cache.candidateSource());
    std::printf("offline pre-check, again: %.1f ms\n", ms(t));

    std::printf("cache.sqlite: %.1f MiB\n",
                QFileInfo(cache.databasePath()).size() / 1048576.0
                    + QFileInfo(cache.databasePath() + QStringLiteral("-wal")).size() / 1048576.0);
    t.restart();
    cache.clear();
    std::printf("clear: %.1f ms, file then %.2f MiB\n",
                ms(t),
                QFileInfo(cache.databasePath()).size() / 1048576.0);
    return 0;
}

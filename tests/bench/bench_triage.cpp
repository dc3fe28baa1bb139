// Benchmark of the review engine (app/triage). Prints one line per figure:
//   - duplicate retrieval on the SeaMonkey duplicate set: recall@1/5/10, next to the README's
//     TF-IDF reference re-measured in the same run;
//   - the category/severity model: per-class precision/recall on a fixed held-out 20 % of the
//     corpus (every fifth ticket), trained on the other 80 %;
//   - review() latency p50/p95 with 10k and 100k generated tickets in an FTS5 index, and the
//     index cost per new ticket.
// Usage: bench_triage [dup] [model] [latency] [--sizes 10000,100000]   (default: all)

#include "bench_triage_data.h"

#include "triage/classifier.h"
#include "triage/reviewengine.h"
#include "triage/sqlitecandidateindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Ankra::Triage;
using namespace BenchTriage;

namespace {

void out(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

QString f2(double v)
{
    return QString::number(v, 'f', 2);
}

int benchDuplicates()
{
    QString dir = qEnvironmentVariable("ANKRA_SHARED_DATA", QStringLiteral(ANKRA_SHARED_DATA_DIR))
                  + QLatin1String("/seamonkey-duplicates");
    QString error;
    const DuplicateSet set = loadSeaMonkey(dir, &error);
    if (!error.isEmpty() || set.pairs.isEmpty()) {
        out(QStringLiteral("seamonkey: skipped (%1)").arg(error.isEmpty() ? dir : error));
        return 0;
    }
    SqliteCandidateIndex index;
    if (!index.open(&error)) {
        out(QStringLiteral("seamonkey: cannot open index: %1").arg(error));
        return 1;
    }
    QList<Candidate> all;
    for (const Report &r : set.reports)
        all.append({r.id, r.summary, r.description, r.status, QString(), QDateTime(), 0});
    index.add(all);

    const ReviewEngine engine;
    const QMap<QString, QStringList> reference = tfidfReference(set);
    int queries = 0, hit[3] = {0, 0, 0}, refHit[3] = {0, 0, 0};
    int highTotal = 0, highRight = 0, medTotal = 0, medRight = 0, lowTotal = 0, lowRight = 0;
    const int ks[3] = {1, 5, 10};
    QElapsedTimer timer;
    timer.start();
    for (const Report &r : set.reports) {
        const QStringList truth = set.pairs.value(r.id);
        if (truth.isEmpty())
            continue;
        ++queries;
        LeaveOneOut source(&index, r.id, r.summary + u'\n' + r.description);
        const ReviewInput input{r.summary, r.description, QString(), QString(), {}};
        const QList<RankedCandidate> ranked = engine.rankCandidates(input, &source, 10);
        for (int k = 0; k < 3; ++k) {
            for (qsizetype i = 0; i < ranked.size() && i < ks[k]; ++i)
                if (truth.contains(ranked.at(i).candidate.id)) {
                    ++hit[k];
                    break;
                }
            const QStringList ref = reference.value(r.id);
            for (qsizetype i = 0; i < ref.size() && i < ks[k]; ++i)
                if (truth.contains(ref.at(i))) {
                    ++refHit[k];
                    break;
                }
        }
        if (qEnvironmentVariableIsSet("BENCH_TRIAGE_DEBUG"))
            for (qsizetype i = 0; i < ranked.size() && i < 3; ++i)
                out(QStringLiteral("debug %1 #%2 %3 score %4 %5 %6 | %7")
                        .arg(r.id)
                        .arg(i)
                        .arg(ranked.at(i).candidate.id,
                             f2(ranked.at(i).score),
                             ranked.at(i).confidence,
                             set.sameGroup(r.id, ranked.at(i).candidate.id)
                                 ? QStringLiteral("RIGHT")
                                 : QStringLiteral("wrong"),
                             ranked.at(i).candidate.subject.left(60) + QLatin1String(" <- ")
                                 + r.summary.left(60)));
        // Calibration: how often is a shown candidate of each confidence a known duplicate?
        for (qsizetype i = 0; i < ranked.size() && i < ReviewEngine::MaxDuplicates; ++i) {
            const bool right = set.sameGroup(r.id, ranked.at(i).candidate.id);
            const QString &c = ranked.at(i).confidence;
            if (c == QLatin1String("high"))
                ++highTotal, highRight += right;
            else if (c == QLatin1String("medium"))
                ++medTotal, medRight += right;
            else if (c == QLatin1String("low"))
                ++lowTotal, lowRight += right;
        }
    }
    const double ms = timer.elapsed();
    const double readme[3] = {0.37, 0.75, 0.81};
    out(QStringLiteral("seamonkey reports %1, resolvable queries %2, mean rank time %3 ms")
            .arg(set.reports.size())
            .arg(queries)
            .arg(f2(ms / std::max(1, queries))));
    for (int k = 0; k < 3; ++k)
        out(QStringLiteral("recall@%1 %2 (reference TF-IDF %3 in this run, README %4)")
                .arg(ks[k])
                .arg(f2(double(hit[k]) / queries), f2(double(refHit[k]) / queries), f2(readme[k])));
    const auto share = [](int right, int total) {
        return total
                   ? QStringLiteral("%1/%2 = %3").arg(right).arg(total).arg(f2(double(right) / total))
                   : QStringLiteral("0/0");
    };
    out(QStringLiteral("shown candidates (top %1, confidence set) that are known duplicates "
                       "(same duplicate group):")
            .arg(ReviewEngine::MaxDuplicates));
    out(QStringLiteral("confidence high: known duplicate %1").arg(share(highRight, highTotal)));
    out(QStringLiteral("confidence medium: known duplicate %1").arg(share(medRight, medTotal)));
    out(QStringLiteral("confidence low: known duplicate %1").arg(share(lowRight, lowTotal)));
    return 0;
}

void report(const char *what, const QStringList &truth, const QStringList &predicted)
{
    QStringList classes = truth;
    classes.removeDuplicates();
    std::sort(classes.begin(), classes.end());
    int right = 0;
    for (qsizetype i = 0; i < truth.size(); ++i)
        right += truth.at(i) == predicted.at(i);
    out(QStringLiteral("%1 accuracy %2 (%3 held-out tickets)")
            .arg(QLatin1String(what), f2(double(right) / truth.size()))
            .arg(truth.size()));
    for (const QString &c : classes) {
        int tp = 0, fp = 0, fn = 0;
        for (qsizetype i = 0; i < truth.size(); ++i) {
            tp += truth.at(i) == c && predicted.at(i) == c;
            fp += truth.at(i) != c && predicted.at(i) == c;
            fn += truth.at(i) == c && predicted.at(i) != c;
        }
        out(QStringLiteral("%1 %2 precision %3 recall %4 (support %5)")
                .arg(QLatin1String(what),
                     c,
                     f2(tp + fp ? double(tp) / (tp + fp) : 0),
                     f2(tp + fn ? double(tp) / (tp + fn) : 0))
                .arg(tp + fn));
    }
}

int benchModel()
{
    const QList<LabelledTicket> corpus = builtinCorpus();
    QList<LabelledTicket> train, test;
    for (qsizetype i = 0; i < corpus.size(); ++i)
        (i % 5 == 4 ? test : train).append(corpus.at(i));
    out(QStringLiteral("corpus %1 tickets: train %2, held out %3")
            .arg(corpus.size())
            .arg(train.size())
            .arg(test.size()));
    const TicketClassifier model(train);
    QStringList cat, catPred, catModel, sev, sevPred, sevModel;
    for (const LabelledTicket &t : test) {
        cat.append(t.category);
        sev.append(t.severity);
        catModel.append(model.modelCategory(t.subject, t.description));
        sevModel.append(model.modelSeverity(t.subject, t.description));
        catPred.append(model.category(t.subject, t.description));
        sevPred.append(model.severity(t.subject, t.description));
    }
    report("category(model+signals)", cat, catPred);
    report("category(model only)", cat, catModel);
    report("severity(model+signals)", sev, sevPred);
    report("severity(model only)", sev, sevModel);
    return 0;
}

// A source without corpus statistics, like a plain FTS5 table (the fallback path).
class WithoutStatistics : public CandidateSource
{
public:
    explicit WithoutStatistics(CandidateSource *inner)
        : m_inner(inner)
    {}
    QList<Candidate> candidates(const QString &matchQuery, int limit) override
    {
        return m_inner->candidates(matchQuery, limit);
    }

private:
    CandidateSource *m_inner;
};

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * v.size())));
}

int benchLatency(const QList<int> &sizes)
{
    const ReviewEngine engine;
    for (int size : sizes) {
        SqliteCandidateIndex index;
        QString error;
        if (!index.open(&error)) {
            out(QStringLiteral("latency: cannot open index: %1").arg(error));
            return 1;
        }
        const QList<Candidate> tickets = generateTickets(size + 200, 7);
        QElapsedTimer timer;
        timer.start();
        index.add(tickets.mid(0, size));
        const double bulkMs = timer.nsecsElapsed() / 1e6;
        // New tickets one at a time (own transaction each), as the server files them.
        QList<double> single;
        for (int i = 0; i < 100; ++i) {
            timer.restart();
            index.add(tickets.at(size + i));
            single.append(timer.nsecsElapsed() / 1e3);
        }
        QList<double> times, retrieval, ranking, checks, plain;
        int withDuplicates = 0;
        for (int i = 0; i < 100; ++i) {
            const Candidate &q = tickets.at(size + 100 + i);
            const ReviewInput input{q.subject, q.description, QString(), q.clusterId, {}};
            timer.restart();
            const auto result = engine.review(input, &index);
            times.append(timer.nsecsElapsed() / 1e6);
            withDuplicates += result.duplicateCandidates.isEmpty() ? 0 : 1;
            timer.restart();
            index.candidates(ReviewEngine::ftsQueryFor(input, &index),
                             ReviewEngine::CandidatePoolSize);
            retrieval.append(timer.nsecsElapsed() / 1e6);
            timer.restart();
            engine.rankCandidates(input, &index, ReviewEngine::MaxDuplicates);
            ranking.append(timer.nsecsElapsed() / 1e6);
            timer.restart();
            engine.review(input, nullptr);
            checks.append(timer.nsecsElapsed() / 1e6);
            WithoutStatistics noStats(&index);
            timer.restart();
            engine.review(input, &noStats);
            plain.append(timer.nsecsElapsed() / 1e6);
        }
        out(QStringLiteral("review latency at %1 tickets without term statistics: p50 %2 ms p95 "
                           "%3 ms")
                .arg(size)
                .arg(f2(percentile(plain, 0.5)), f2(percentile(plain, 0.95))));
        out(QStringLiteral("review parts at %1 tickets (p50): FTS5 retrieval %2 ms, retrieval + "
                           "re-ranking %3 ms, everything but duplicates %4 ms")
                .arg(size)
                .arg(f2(percentile(retrieval, 0.5)),
                     f2(percentile(ranking, 0.5)),
                     f2(percentile(checks, 0.5))));
        out(QStringLiteral("index %1 tickets: bulk build %2 s (%3 us/ticket), single insert "
                           "p50 %4 us p95 %5 us")
                .arg(size)
                .arg(f2(bulkMs / 1000),
                     f2(bulkMs * 1000 / size),
                     f2(percentile(single, 0.5)),
                     f2(percentile(single, 0.95))));
        out(QStringLiteral("review latency at %1 tickets: p50 %2 ms p95 %3 ms (goal p95 <= 50 ms "
                           "at 100k; %4/100 reviews with duplicate candidates)")
                .arg(size)
                .arg(f2(percentile(times, 0.5)), f2(percentile(times, 0.95)))
                .arg(withDuplicates));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QList<int> sizes{10000, 100000};
    const qsizetype s = args.indexOf(QLatin1String("--sizes"));
    if (s >= 0 && s + 1 < args.size()) {
        sizes.clear();
        for (const QString &v : args.at(s + 1).split(u','))
            sizes.append(v.toInt());
        args.remove(s, 2);
    }
    const bool all = args.isEmpty();
    int rc = 0;
    if (all || args.contains(QLatin1String("model")))
        rc |= benchModel();
    if (all || args.contains(QLatin1String("dup")))
        rc |= benchDuplicates();
    if (all || args.contains(QLatin1String("latency")))
        rc |= benchLatency(sizes);
    return rc;
}

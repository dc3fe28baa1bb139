// Duplicate search: the FTS5 query (term selection) and the re-ranking of its candidates.

#include "triage/reviewengine.h"
#include "triage/textanalysis.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>

namespace Ankra::Triage {

namespace {

constexpr int MaxQueryTerms = 20;
// Without statistics common words cannot be told apart, so fewer terms keep FTS5's work down.
constexpr int MaxQueryTermsWithoutStatistics = 12;
// FTS5's cost grows with the postings it scores; capping their sum keeps retrieval time flat as
// the organisation grows (common words are skipped first: they also discriminate least).
constexpr qint64 MaxQueryPostings = 3000;

// Tokens that are noise for retrieval: numbers, hashes, generated pod suffixes.
bool retrievable(const QString &word)
{
    if (word.size() < 3 || word.size() > 30)
        return false;
    int digits = 0;
    for (const QChar c : word)
        digits += c.isDigit() ? 1 : 0;
    return digits == 0 || (digits * 3 < word.size() && word.size() <= 12);
}

double idfOf(qint64 n, qint64 df)
{
    return std::log(1.0 + (double(n) - double(df) + 0.5) / (double(df) + 0.5));
}

struct Vector
{
    QHash<QString, double> w;
    double norm = 0;
};

Vector weigh(const QStringList &terms, const std::function<double(const QString &)> &idf)
{
    QHash<QString, int> tf;
    for (const QString &t : terms)
        ++tf[t];
    Vector v;
    for (auto it = tf.cbegin(); it != tf.cend(); ++it) {
        const double x = (1.0 + std::log(double(it.value()))) * idf(it.key());
        v.w.insert(it.key(), x);
        v.norm += x * x;
    }
    v.norm = std::sqrt(v.norm);
    return v;
}

double cosine(const Vector &a, const Vector &b)
{
    if (a.norm <= 0 || b.norm <= 0)
        return 0;
    const Vector &small = a.w.size() <= b.w.size() ? a : b;
    const Vector &large = a.w.size() <= b.w.size() ? b : a;
    double dot = 0;
    for (auto it = small.w.cbegin(); it != small.w.cend(); ++it)
        dot += it.value() * large.w.value(it.key());
    return dot / (a.norm * b.norm);
}

double overlap(const QStringList &a, const QStringList &b, bool bySmaller)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    const QSet<QString> sa(a.begin(), a.end());
    int shared = 0;
    for (const QString &x : b)
        shared += sa.contains(x) ? 1 : 0;
    const double denom = bySmaller ? double(std::min(a.size(), b.size()))
                                   : std::sqrt(double(a.size()) * double(b.size()));
    return std::min(1.0, shared / denom);
}

} // namespace

QString ReviewEngine::ftsQueryFor(const ReviewInput &input)
{
    return ftsQueryFor(input, nullptr);
}

QString ReviewEngine::ftsQueryFor(const ReviewInput &input, CandidateSource *stats)
{
    const qint64 n = stats ? stats->documentCount() : -1;
    QMap<QString, double> weight; // stem -> weight (QMap: deterministic order)
    QHash<QString, QString> surface;
    const auto collect = [&](const QString &text, double fieldWeight) {
        QHash<QString, int> tf;
        for (const QString &w : Text::words(text)) {
            if (!retrievable(w) || Text::isStopWord(w))
                continue;
            const QString s = Text::stem(w);
            ++tf[s];
            if (!surface.contains(s))
                surface.insert(s, w);
        }
        for (auto it = tf.cbegin(); it != tf.cend(); ++it)
            weight[it.key()] += fieldWeight * (1.0 + std::log(double(it.value())));
    };
    collect(input.subject, 3.0);
    collect(input.description, 1.0);

    struct Term
    {
        double weight;
        QString term;
        qint64 df;
        bool operator<(const Term &o) const
        {
            return weight != o.weight ? weight > o.weight : term < o.term;
        }
    };
    QList<Term> ranked;
    for (auto it = weight.cbegin(); it != weight.cend(); ++it) {
        double idf;
        qint64 df = -1;
        if (n > 0) {
            df = stats->documentFrequency(it.key());
            if (df == 0)
                continue; // matches nothing: only costs time
            idf = idfOf(n, std::max<qint64>(df, 0));
        } else {
            // No statistics: longer words are rarer, as a rule.
            idf = 1.0 + std::min<qsizetype>(it.key().size(), 12) / 6.0;
        }
        ranked.append({it.value() * idf, it.key(), df});
    }
    std::sort(ranked.begin(), ranked.end());
    QList<Term> chosen;
    qint64 postings = 0;
    for (const Term &t : ranked) {
        if (chosen.size() >= (n > 0 ? MaxQueryTerms : MaxQueryTermsWithoutStatistics))
            break;
        if (t.df > 0 && postings + t.df > MaxQueryPostings)
            continue;
        postings += std::max<qint64>(t.df, 0);
        chosen.append(t);
    }
    // Only common words: the two rarest of them still find something.
    if (chosen.isEmpty() && !ranked.isEmpty()) {
        std::stable_sort(ranked.begin(), ranked.end(), [](const Term &a, const Term &b) {
            return a.df < b.df;
        });
        chosen = ranked.mid(0, 2);
    }
    QStringList parts;
    for (const auto &[w, term, df] : chosen) {
        QString word = surface.value(term);
        word.replace(u'"', QLatin1String("\"\""));
        parts.append(u'"' + word + u'"');
    }
    return parts.join(QLatin1String(" OR "));
}

QList<RankedCandidate> ReviewEngine::rankCandidates(const ReviewInput &input,
                                                    CandidateSource *source,
                                                    int limit) const
{
    QList<RankedCandidate> out;
    if (!source || limit <= 0)
        return out;
    const QString query = ftsQueryFor(input, source);
    if (query.isEmpty())
        return out;
    const QList<Candidate> pool = source->candidates(query, CandidatePoolSize);
    if (pool.isEmpty())
        return out;

    // Inverse document frequencies: from the source when it knows them, else from the pool.
    const qint64 n = source->documentCount();
    QHash<QString, double> idfCache;
    QHash<QString, int> poolDf;
    QList<QStringList> poolTerms;
    for (const Candidate &c : pool) {
        poolTerms.append(Text::terms(c.subject + u'\n' + c.description));
        const QSet<QString> unique(poolTerms.last().begin(), poolTerms.last().end());
        for (const QString &t : unique)
            ++poolDf[t];
    }
    const auto idf = [&](const QString &t) -> double {
        auto it = idfCache.constFind(t);
        if (it != idfCache.constEnd())
            return it.value();
        const qint64 df = n > 0 ? source->documentFrequency(t) : -1;
        const double v = df >= 0 ? idfOf(std::max<qint64>(n, df), df)
                                 : idfOf(pool.size() + 1, poolDf.value(t) + 1);
        idfCache.insert(t, v);
        return v;
    };

    const QString queryText = input.subject + u'\n' + input.description;
    const QStringList qSubjectTerms = Text::terms(input.subject);
    const Vector qBody = weigh(Text::terms(queryText) + qSubjectTerms, idf);
    const Vector qSubject = weigh(qSubjectTerms, idf);
    const QStringList qIds = Text::identifiers(queryText);
    const QStringList qErrors = Text::errorShingles(queryText);

    double bestBm25 = 0;
    QDateTime newest;
    for (const Candidate &c : pool) {
        bestBm25 = std::min(bestBm25, c.bm25);
        if (c.updatedAt.isValid() && (!newest.isValid() || c.updatedAt > newest))
            newest = c.updatedAt;
    }

    for (qsizetype i = 0; i < pool.size(); ++i) {
        const Candidate &c = pool.at(i);
        const QString text = c.subject + u'\n' + c.description;
        const QStringList cSubjectTerms = Text::terms(c.subject);
        const double body = cosine(qBody, weigh(poolTerms.at(i) + cSubjectTerms, idf));
        const double subject = cosine(qSubject, weigh(cSubjectTerms, idf));
        const double ids = overlap(qIds, Text::identifiers(text), false);
        const double errors = overlap(qErrors, Text::errorShingles(text), true);
        const double retrieval = bestBm25 < 0 ? c.bm25 / bestBm25 : 1.0 / (1.0 + 0.1 * i);
        double score = 0.35 * body + 0.30 * subject + 0.15 * retrieval + 0.10 * errors + 0.10 * ids;
        if (!input.clusterId.isEmpty() && c.clusterId == input.clusterId)
            score += 0.05;
        if (newest.isValid() && c.updatedAt.isValid()) {
            const double ageDays = c.updatedAt.secsTo(newest) / 86400.0;
            score += 0.03 * std::exp(-ageDays / 180.0);
        }
        // "high" needs agreement of independent evidence, so that it is rarely wrong.
        QString confidence;
        if (score >= 0.62 && (subject >= 0.5 || errors >= 0.5) && body >= 0.45)
            confidence = QStringLiteral("high");
        else if (score >= 0.42 && body >= 0.3)
            confidence = QStringLiteral("medium");
        else if (score >= 0.28)
            confidence = QStringLiteral("low");
        out.append({c, score, confidence});
    }
    std::sort(out.begin(), out.end(), [](const RankedCandidate &a, const RankedCandidate &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.candidate.id < b.candidate.id;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace Ankra::Triage

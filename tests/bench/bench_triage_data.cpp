#include "bench_triage_data.h"

#include "triage/classifier.h"
#include "triage/textanalysis.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Ankra::Triage;

namespace BenchTriage {

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString data = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QChar c = data.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < data.size() && data.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < data.size() && data.at(i + 1) == u'\n')
                ++i;
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
        } else {
            field.append(c);
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

DuplicateSet loadSeaMonkey(const QString &dir, QString *error)
{
    DuplicateSet set;
    QFile bugs(dir + QLatin1String("/bugs.csv"));
    QFile dups(dir + QLatin1String("/duplicates.csv"));
    if (!bugs.open(QIODevice::ReadOnly) || !dups.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(dir);
        return set;
    }
    const QList<QStringList> rows = parseCsv(bugs.readAll());
    const QStringList header = rows.value(0);
    const qsizetype iSummary = header.indexOf(QLatin1String("Summary"));
    const qsizetype iId = header.indexOf(QLatin1String("Issue id"));
    const qsizetype iStatus = header.indexOf(QLatin1String("Status"));
    const qsizetype iDesc = header.indexOf(QLatin1String("Description"));
    QSet<QString> ids;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &f = rows.at(r);
        if (f.size() < header.size())
            continue;
        set.reports.append({f.at(iId), f.at(iSummary), f.at(iDesc), f.at(iStatus)});
        ids.insert(f.at(iId));
    }
    const QList<QStringList> dupRows = parseCsv(dups.readAll());
    for (qsizetype r = 1; r < dupRows.size(); ++r) {
        const QStringList &f = dupRows.at(r);
        if (f.size() < 2 || !ids.contains(f.at(0).trimmed()))
            continue;
        QStringList present;
        for (const QString &d : f.at(1).split(u','))
            if (ids.contains(d.trimmed()))
                present.append(d.trimmed());
        if (!present.isEmpty())
            set.pairs.insert(f.at(0).trimmed(), present);
    }
    // Union-find over every listed pair whose sides are present.
    QMap<QString, QString> parent;
    const auto find = [&parent](QString x) {
        while (parent.value(x, x) != x)
            x = parent.value(x);
        return x;
    };
    for (auto it = set.pairs.cbegin(); it != set.pairs.cend(); ++it)
        for (const QString &d : it.value()) {
            const QString a = find(it.key()), b = find(d);
            if (a != b)
                parent.insert(std::max(a, b), std::min(a, b));
            parent.insert(a, parent.value(a, a));
            parent.insert(b, parent.value(b, b));
        }
    for (auto it = parent.cbegin(); it != parent.cend(); ++it)
        set.group.insert(it.key(), find(it.key()));
    return set;
}

QList<Candidate> generateTickets(int count, quint32 seed)
{
    const QList<LabelledTicket> corpus = builtinCorpus();
    QRandomGenerator rng(seed);
    static const char *apps[] = {"checkout",
                                 "payments",
                                 "orders",
                                 "frontend",
                                 "gateway",
                                 "sync",
                                 "notifier",
                                 "indexer",
                                 "reports",
                                 "billing",
                                 "profile",
                                 "media",
                                 "graphql",
                                 "cart",
                                 "inference",
                                 "ledger",
                                 "search",
                                 "auth"};
    static const char *statuses[] = {"open",
                                     "triaging",
                                     "in_progress",
                                     "waiting_customer",
                                     "resolved",
                                     "closed",
                                     "closed",
                                     "resolved"};
    static const QRegularExpression number(QStringLiteral("\\b\\d+\\b"));
    QList<Candidate> out;
    out.reserve(count);
    const QDateTime base(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const LabelledTicket &a = corpus.at(rng.bounded(int(corpus.size())));
        const LabelledTicket &b = corpus.at(rng.bounded(int(corpus.size())));
        const QString app = QString::fromLatin1(apps[rng.bounded(int(std::size(apps)))]) + u'-'
                            + QString::number(rng.bounded(400));
        QString desc = a.description;
        desc.replace(number, QString::number(rng.bounded(1000)));
        // A sentence of another ticket plus a unique service name keeps texts distinct.
        const QStringList other = Text::sentences(Text::prose(b.description));
        desc += QLatin1String("\nAlso: ")
                + other.value(rng.bounded(int(std::max<qsizetype>(1, other.size()))))
                + QLatin1String(" Service ") + app + u'.';
        Candidate c;
        c.id = QStringLiteral("t%1").arg(i, 7, 10, QChar(u'0'));
        c.subject = a.subject + QLatin1String(" (") + app + u')';
        c.description = desc;
        c.status = QString::fromLatin1(statuses[rng.bounded(int(std::size(statuses)))]);
        c.clusterId = QStringLiteral("cluster-%1").arg(rng.bounded(20));
        c.updatedAt = base.addSecs(qint64(rng.bounded(365 * 86400)));
        out.append(c);
    }
    return out;
}

LeaveOneOut::LeaveOneOut(CandidateSource *inner,
                         const QString &excludedId,
                         const QString &excludedText)
    : m_inner(inner)
    , m_excluded(excludedId)
{
    const QStringList ts = Text::terms(excludedText);
    m_excludedTerms = QSet<QString>(ts.begin(), ts.end());
}

QList<Candidate> LeaveOneOut::candidates(const QString &matchQuery, int limit)
{
    QList<Candidate> out = m_inner->candidates(matchQuery, limit + 1);
    out.removeIf([this](const Candidate &c) { return c.id == m_excluded; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

qint64 LeaveOneOut::documentCount()
{
    const qint64 n = m_inner->documentCount();
    return n > 0 ? n - 1 : n;
}

qint64 LeaveOneOut::documentFrequency(const QString &term)
{
    const qint64 df = m_inner->documentFrequency(term);
    return df > 0 && m_excludedTerms.contains(term) ? df - 1 : df;
}

QMap<QString, QStringList> tfidfReference(const DuplicateSet &set)
{
    // scikit-learn's defaults: token pattern \b\w\w+\b, lower case, smooth idf, l2 norm.
    static const QRegularExpression token(QStringLiteral("\\b\\w\\w+\\b"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    const qsizetype n = set.reports.size();
    QList<QHash<QString, int>> tfs(n);
    QHash<QString, int> df, total;
    for (qsizetype i = 0; i < n; ++i) {
        const QString text = (set.reports.at(i).summary + u' ' + set.reports.at(i).description)
                                 .toLower();
        auto it = token.globalMatch(text);
        while (it.hasNext()) {
            const QString w = it.next().captured(0);
            if (Text::isStopWord(w))
                continue;
            ++tfs[i][w];
            ++total[w];
        }
        for (auto t = tfs.at(i).cbegin(); t != tfs.at(i).cend(); ++t)
            ++df[t.key()];
    }
    QList<std::pair<int, QString>> byFreq;
    for (auto it = total.cbegin(); it != total.cend(); ++it)
        byFreq.append({-it.value(), it.key()});
    std::sort(byFreq.begin(), byFreq.end());
    QSet<QString> vocab;
    for (qsizetype i = 0; i < byFreq.size() && i < 10000; ++i)
        vocab.insert(byFreq.at(i).second);
    QList<QHash<QString, double>> vecs(n);
    for (qsizetype i = 0; i < n; ++i) {
        double norm = 0;
        for (auto t = tfs.at(i).cbegin(); t != tfs.at(i).cend(); ++t) {
            if (!vocab.contains(t.key()))
                continue;
            const double w = t.value() * (std::log((1.0 + n) / (1.0 + df.value(t.key()))) + 1.0);
            vecs[i].insert(t.key(), w);
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (auto &w : vecs[i])
            w /= norm > 0 ? norm : 1;
    }
    QMap<QString, QStringList> out;
    for (qsizetype q = 0; q < n; ++q) {
        if (!set.pairs.contains(set.reports.at(q).id))
            continue;
        QList<std::pair<double, QString>> scored;
        for (qsizetype j = 0; j < n; ++j) {
            if (j == q)
                continue;
            double dot = 0;
            for (auto t = vecs.at(q).cbegin(); t != vecs.at(q).cend(); ++t)
                dot += t.value() * vecs.at(j).value(t.key());
            scored.append({-dot, set.reports.at(j).id});
        }
        std::partial_sort(scored.begin(), scored.begin() + 10, scored.end());
        QStringList top;
        for (int k = 0; k < 10; ++k)
            top.append(scored.at(k).second);
        out.insert(set.reports.at(q).id, top);
    }
    return out;
}

} // namespace BenchTriage

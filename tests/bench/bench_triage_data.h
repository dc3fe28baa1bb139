#pragma once

// Data helpers for the triage benchmarks: the SeaMonkey duplicate set, a generated ticket
// population, and a leave-one-out wrapper around a CandidateSource.

#include "triage/reviewengine.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace BenchTriage {

struct Report
{
    QString id;
    QString summary;
    QString description;
    QString status;
};

// RFC 4180 CSV (quoted fields with newlines and doubled quotes).
QList<QStringList> parseCsv(const QByteArray &data);

struct DuplicateSet
{
    QList<Report> reports;
    // query id -> ids of its known duplicates (only pairs with both sides present)
    QMap<QString, QStringList> pairs;
    // id -> representative of its duplicate group (transitive closure of all listed pairs);
    // the labels are incomplete, so two duplicates of the same report count as alike.
    QMap<QString, QString> group;
    bool sameGroup(const QString &a, const QString &b) const
    {
        return group.contains(a) && group.value(a) == group.value(b);
    }
};
DuplicateSet loadSeaMonkey(const QString &dir, QString *error);

// `count` realistic tickets derived from the labelled corpus (fixed seed).
QList<Ankra::Triage::Candidate> generateTickets(int count, quint32 seed);

// Hides one ticket (the query itself) from the wrapped source, statistics included.
class LeaveOneOut : public Ankra::Triage::CandidateSource
{
public:
    LeaveOneOut(Ankra::Triage::CandidateSource *inner,
                const QString &excludedId,
                const QString &excludedText);
    QList<Ankra::Triage::Candidate> candidates(const QString &matchQuery, int limit) override;
    qint64 documentCount() override;
    qint64 documentFrequency(const QString &term) override;

private:
    Ankra::Triage::CandidateSource *m_inner;
    QString m_excluded;
    QSet<QString> m_excludedTerms;
};

// The README's reference: TF-IDF cosine over summary + description (English stop words,
// 10,000 features), leave-one-out. Returns, per query, the ranked ids (best first, top 10).
QMap<QString, QStringList> tfidfReference(const DuplicateSet &set);

} // namespace BenchTriage

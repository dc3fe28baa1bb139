#pragma once

// The "trained model" behind the suggested category and severity: multinomial Naive Bayes
// over stemmed word and bigram features, trained from the labelled corpus
// (resources/corpus/tickets.jsonl, embedded as the Qt resource :/ankra/triage/tickets.jsonl),
// combined with explicit signals ("production down" → critical, "invoice" → billing, ...).
// Deterministic. A trained TicketClassifier is immutable, so concurrent use is safe.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Ankra::Triage {

struct LabelledTicket
{
    QString subject;
    QString description;
    QString category;
    QString severity;
    QString status;
};

// Parses JSONL lines {"subject","description","category","severity","status"?}; bad lines are
// skipped.
QList<LabelledTicket> parseCorpus(const QByteArray &jsonl);
// The corpus built into the library.
QList<LabelledTicket> builtinCorpus();

class NaiveBayes
{
public:
    void train(const QList<QStringList> &docs, const QStringList &labels);
    QStringList classes() const { return m_classes; } // sorted
    // Log-posterior (unnormalised) per class, in classes() order.
    QList<double> logScores(const QStringList &features) const;

private:
    QStringList m_classes;
    QList<double> m_logPrior;
    QList<QHash<QString, double>> m_logLikelihood;
    QList<double> m_logUnseen;
};

class TicketClassifier
{
public:
    // Trains on `corpus`.
    explicit TicketClassifier(const QList<LabelledTicket> &corpus);

    // Trained once on the built-in corpus (first use), shared afterwards.
    static const TicketClassifier &builtin();

    static QStringList features(const QString &subject, const QString &description);

    // Model only (for measuring the model on held-out data).
    QString modelCategory(const QString &subject, const QString &description) const;
    QString modelSeverity(const QString &subject, const QString &description) const;

    // Model plus explicit signals: what the review suggests.
    QString category(const QString &subject, const QString &description) const;
    QString severity(const QString &subject, const QString &description) const;

private:
    static QString best(const NaiveBayes &model, const QList<double> &scores);
    NaiveBayes m_category;
    NaiveBayes m_severity;
};

// Explicit severity signals in `text` (lower-cased): the lowest severity they imply ("" = none)
// and whether the text signals a low-priority request.
QString severityFloor(const QString &lowerText);
bool signalsLowPriority(const QString &lowerText);

} // namespace Ankra::Triage

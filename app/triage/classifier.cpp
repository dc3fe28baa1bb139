#include "triage/classifier.h"

#include "triage/textanalysis.h"
#include "wire/enums.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <cmath>

namespace Ankra::Triage {

QList<LabelledTicket> parseCorpus(const QByteArray &jsonl)
{
    QList<LabelledTicket> out;
    for (const QByteArray &line : jsonl.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        LabelledTicket t{o.value(QLatin1String("subject")).toString(),
                         o.value(QLatin1String("description")).toString(),
                         o.value(QLatin1String("category")).toString(),
                         o.value(QLatin1String("severity")).toString(),
                         o.value(QLatin1String("status")).toString()};
        if (!t.subject.isEmpty() && !t.category.isEmpty() && !t.severity.isEmpty())
            out.append(t);
    }
    return out;
}

QList<LabelledTicket> builtinCorpus()
{
    QFile f(QStringLiteral(":/ankra/triage/tickets.jsonl"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseCorpus(f.readAll());
}

void NaiveBayes::train(const QList<QStringList> &docs, const QStringList &labels)
{
    QMap<QString, int> docsPerClass;
    for (const QString &l : labels)
        ++docsPerClass[l];
    m_classes = docsPerClass.keys();
    QList<QHash<QString, double>> counts(m_classes.size());
    QList<double> totals(m_classes.size(), 0);
    QSet<QString> vocabulary;
    for (qsizetype i = 0; i < docs.size(); ++i) {
        const qsizetype c = m_classes.indexOf(labels.at(i));
        for (const QString &f : docs.at(i)) {
            counts[c][f] += 1;
            totals[c] += 1;
            vocabulary.insert(f);
        }
    }
    const double alpha = 0.3; // Lidstone smoothing: the corpus is small, Laplace over-smooths
    const double v = double(vocabulary.size());
    m_logPrior.clear();
    m_logLikelihood = QList<QHash<QString, double>>(m_classes.size());
    m_logUnseen.clear();
    for (qsizetype c = 0; c < m_classes.size(); ++c) {
        m_logPrior.append(std::log(double(docsPerClass.value(m_classes.at(c))) / docs.size()));
        const double denom = totals.at(c) + alpha * v;
        for (auto it = counts.at(c).cbegin(); it != counts.at(c).cend(); ++it)
            m_logLikelihood[c].insert(it.key(), std::log((it.value() + alpha) / denom));
        m_logUnseen.append(std::log(alpha / denom));
    }
}

QList<double> NaiveBayes::logScores(const QStringList &features) const
{
    QList<double> s = m_logPrior;
    for (qsizetype c = 0; c < m_classes.size(); ++c)
        for (const QString &f : features)
            s[c] += m_logLikelihood.at(c).value(f, m_logUnseen.at(c));
    return s;
}

QStringList TicketClassifier::features(const QString &subject, const QString &description)
{
    QStringList out;
    const QStringList subj = Text::terms(subject);
    const QStringList desc = Text::terms(Text::prose(description));
    // The subject is what the user considers the gist: it counts twice.
    for (int rep = 0; rep < 2; ++rep)
        out += subj;
    out += desc;
    for (const QStringList *ts : {&subj, &desc})
        for (qsizetype i = 0; i + 1 < ts->size(); ++i)
            out.append(ts->at(i) + u'_' + ts->at(i + 1));
    return out;
}

TicketClassifier::TicketClassifier(const QList<LabelledTicket> &corpus)
{
    QList<QStringList> docs;
    QStringList cats, sevs;
    for (const LabelledTicket &t : corpus) {
        docs.append(features(t.subject, t.description));
        cats.append(t.category);
        sevs.append(t.severity);
    }
    m_category.train(docs, cats);
    m_severity.train(docs, sevs);
}

const TicketClassifier &TicketClassifier::builtin()
{
    static const TicketClassifier instance(builtinCorpus());
    return instance;
}

QString TicketClassifier::best(const NaiveBayes &model, const QList<double> &scores)
{
    qsizetype bi = -1;
    for (qsizetype i = 0; i < scores.size(); ++i)
        if (bi < 0 || scores.at(i) > scores.at(bi))
            bi = i;
    return bi < 0 ? QString() : model.classes().at(bi);
}

QString TicketClassifier::modelCategory(const QString &subject, const QString &description) const
{
    return best(m_category, m_category.logScores(features(subject, description)));
}

QString TicketClassifier::modelSeverity(const QString &subject, const QString &description) const
{
    return best(m_severity, m_severity.logScores(features(subject, description)));
}

namespace {

struct Signal
{
    const char *category;
    std::initializer_list<const char *> phrases;
};

// Phrases whose meaning is unambiguous enough to outweigh the model's word statistics.
const Signal categorySignals[] = {
    {"billing",
     {"invoice",
      "charged",
      "refund",
      "billing",
      "payment",
      "credit card",
      "vat ",
      "pricing",
      "subscription",
      "receipt",
      "overcharg"}},
    {"feature_request",
     {"would be nice",
      "please add",
      "feature request",
      "could you add",
      "it would be great",
      "on the roadmap",
      "feature idea",
      "would like to have",
      "would love",
      "add support for",
      "nice to have"}},
    {"account",
     {"sso",
      "log in",
      "login",
      "two-factor",
      "2fa",
      "api token",
      "access token",
      "invitation",
      "saml",
      "locked out",
      "password reset",
      "organisation owner",
      "ownership of the organ"}},
};

int countSignals(const QString &lowerText, const Signal &s)
{
    int n = 0;
    for (const char *p : s.phrases)
        if (lowerText.contains(QLatin1String(p)))
            ++n;
    return n;
}

} // namespace

QString TicketClassifier::category(const QString &subject, const QString &description) const
{
    QList<double> scores = m_category.logScores(features(subject, description));
    const QString lower = (subject + u' ' + description).toLower();
    for (const Signal &s : categorySignals) {
        const qsizetype c = m_category.classes().indexOf(QLatin1String(s.category));
        if (c >= 0)
            scores[c] += 6.0 * std::min(countSignals(lower, s), 2);
    }
    return best(m_category, scores);
}

QString severityFloor(const QString &lower)
{
    static const char *critical[] = {"production down",
                                     "production is down",
                                     "prod is down",
                                     "prod down",
                                     "site is down",
                                     "site down",
                                     "all pods",
                                     "all nodes",
                                     "data loss",
                                     "lost data",
                                     "losing data",
                                     "all customers",
                                     "all users",
                                     "nobody can",
                                     "complete outage",
                                     "cluster is down",
                                     "cluster down",
                                     "everything is down"};
    static const char *high[] = {"outage",
                                 "is down",
                                 "customers are affected",
                                 "customers affected",
                                 "in production",
                                 "production",
                                 "cannot deploy",
                                 "can't deploy",
                                 "urgent",
                                 "asap",
                                 "security incident",
                                 "breach",
                                 "expired"};
    for (const char *p : critical)
        if (lower.contains(QLatin1String(p)))
            return QStringLiteral("critical");
    for (const char *p : high)
        if (lower.contains(QLatin1String(p)))
            return QStringLiteral("high");
    return {};
}

bool signalsLowPriority(const QString &lower)
{
    static const char *low[] = {"would be nice",
                                "nice to have",
                                "feature request",
                                "please add",
                                "no rush",
                                "not urgent",
                                "low priority",
                                "general question",
                                "just a question",
                                "feature idea",
                                "on the roadmap"};
    for (const char *p : low)
        if (lower.contains(QLatin1String(p)))
            return true;
    return false;
}

QString TicketClassifier::severity(const QString &subject, const QString &description) const
{
    const QString model = modelSeverity(subject, description);
    const QString lower = (subject + u' ' + description).toLower();
    const QString floor = severityFloor(lower);
    if (!floor.isEmpty())
        return Wire::severityRank(floor) > Wire::severityRank(model) ? floor : model;
    if (signalsLowPriority(lower))
        return QStringLiteral("low");
    return model;
}

} // namespace Ankra::Triage

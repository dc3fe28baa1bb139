#include "triage/reviewengine.h"

// Minimal first version; replaced by the full engine (issue 4).

#include <QRegularExpression>

namespace Ankra::Triage {

ReviewEngine::ReviewEngine() = default;

QString ReviewEngine::ftsQueryFor(const ReviewInput &input)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}_]{3,}"));
    QStringList terms;
    auto it = word.globalMatch(input.subject + u' ' + input.description);
    while (it.hasNext() && terms.size() < 24) {
        const QString t = u'"' + it.next().captured(0).toLower() + u'"';
        if (!terms.contains(t))
            terms.append(t);
    }
    return terms.join(QStringLiteral(" OR "));
}

Wire::ReviewResult ReviewEngine::review(const ReviewInput &input, CandidateSource *source) const
{
    Wire::ReviewResult r;
    r.category = input.category.isEmpty() ? QStringLiteral("technical") : input.category;
    r.summary = input.subject.left(200);
    if (input.description.trimmed().size() < 40)
        r.qualityFlags.append(QStringLiteral("Describe the problem in more detail: what happened, "
                                             "what you expected, and what you already tried"));
    r.quality = r.qualityFlags.isEmpty() ? QStringLiteral("pass") : QStringLiteral("flag");
    if (source) {
        const QString query = ftsQueryFor(input);
        if (!query.isEmpty())
            for (const Candidate &c : source->candidates(query, 5))
                r.duplicateCandidates.append({c.id, c.subject, c.status, QStringLiteral("low"),
                                              c.status == QLatin1String("resolved")
                                                  || c.status == QLatin1String("closed")});
    }
    r.recommendedAction = r.quality == QLatin1String("flag") ? QStringLiteral("improve_description")
                                                             : QStringLiteral("submit");
    return r;
}

} // namespace Ankra::Triage

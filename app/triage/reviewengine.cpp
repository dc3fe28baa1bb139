#include "triage/reviewengine.h"

#include "triage/classifier.h"
#include "triage/quality.h"
#include "triage/textanalysis.h"
#include "wire/enums.h"

#include <QRegularExpression>
#include <QSet>

namespace Ankra::Triage {

ReviewEngine::ReviewEngine()
{
    // Train now rather than inside the first review (keeps its latency flat).
    TicketClassifier::builtin();
}

QString ReviewEngine::summarize(const QString &subject, const QString &description)
{
    const QStringList all = Text::sentences(Text::prose(description));
    const QStringList subjectTerms = Text::terms(subject);
    const QSet<QString> subjectSet(subjectTerms.begin(), subjectTerms.end());
    static const QRegularExpression
        chatter(QStringLiteral(
                    "^(hi|hello|hey|dear|thanks|thank you|regards|best|cheers|please help|"
                    "any help|can someone)\\b"),
                QRegularExpression::CaseInsensitiveOption);

    qsizetype bestIndex = -1;
    double bestScore = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &s = all.at(i);
        const QStringList ts = Text::terms(s);
        if (ts.size() < 3 || chatter.match(s).hasMatch())
            continue;
        double score = 0.15 * std::min<qsizetype>(ts.size(), 15);
        for (const QString &t : ts)
            score += subjectSet.contains(t) ? 1.0 : 0.0;
        score += i == 0 ? 1.5 : i == 1 ? 0.5 : 0.0;
        if (s.size() > SummaryMaxChars)
            score -= 1.0;
        if (bestIndex < 0 || score > bestScore) {
            bestIndex = i;
            bestScore = score;
        }
    }
    QString summary;
    if (bestIndex < 0) {
        summary = subject.simplified();
    } else {
        summary = all.at(bestIndex);
        // A short first sentence is usually followed by the detail that makes it useful.
        if (bestIndex + 1 < all.size() && summary.size() < 100
            && summary.size() + 1 + all.at(bestIndex + 1).size() <= SummaryMaxChars
            && Text::terms(all.at(bestIndex + 1)).size() >= 3)
            summary += u' ' + all.at(bestIndex + 1);
    }
    if (summary.size() > SummaryMaxChars) {
        qsizetype cut = summary.lastIndexOf(u' ', SummaryMaxChars - 1);
        if (cut < SummaryMaxChars / 2)
            cut = SummaryMaxChars - 1;
        summary = summary.left(cut).trimmed() + QChar(0x2026);
    }
    return summary;
}

Wire::ReviewResult ReviewEngine::review(const ReviewInput &input, CandidateSource *source) const
{
    const TicketClassifier &model = TicketClassifier::builtin();
    Wire::ReviewResult r;
    QString answersText;
    for (const auto &[question, answer] : input.answers)
        answersText += u'\n' + answer;

    r.summary = summarize(input.subject, input.description);
    r.category = model.category(input.subject, input.description + answersText);
    r.severity = model.severity(input.subject, input.description + answersText);

    const QString category = Wire::isKnownCategory(input.category) ? input.category : r.category;
    const QList<Gap> gaps = findGaps(input, category);
    bool mustImprove = false;
    for (const Gap &g : gaps) {
        if (!g.flag.isEmpty())
            r.qualityFlags.append(g.flag);
        if (!g.question.isEmpty() && r.clarifyingQuestions.size() < MaxQuestions)
            r.clarifyingQuestions.append(g.question);
        mustImprove = mustImprove || g.kind == GapKind::VagueSubject
                      || (g.kind == GapKind::TooShort && g.question.isEmpty());
    }
    const QStringList secrets = secretFlags(input.subject + u'\n' + input.description + answersText);
    r.qualityFlags += secrets;
    r.quality = r.qualityFlags.isEmpty() ? QStringLiteral("pass") : QStringLiteral("flag");

    bool highDuplicate = false, mediumDuplicate = false;
    for (const RankedCandidate &rc : rankCandidates(input, source, MaxDuplicates)) {
        if (rc.confidence.isEmpty())
            continue;
        const QString &status = rc.candidate.status;
        r.duplicateCandidates.append({rc.candidate.id,
                                      rc.candidate.subject,
                                      Wire::statusLabel(status),
                                      rc.confidence,
                                      status == QLatin1String(Wire::Status::Resolved)
                                          || status == QLatin1String(Wire::Status::Closed)});
        highDuplicate = highDuplicate || rc.confidence == QLatin1String("high");
        mediumDuplicate = mediumDuplicate || rc.confidence == QLatin1String("medium");
    }

    if (!secrets.isEmpty() || mustImprove)
        r.recommendedAction = QStringLiteral("improve_description");
    else if (highDuplicate)
        r.recommendedAction = QStringLiteral("review_duplicates");
    else if (!r.clarifyingQuestions.isEmpty())
        r.recommendedAction = QStringLiteral("answer_questions");
    else if (mediumDuplicate)
        r.recommendedAction = QStringLiteral("review_duplicates");
    else if (!r.qualityFlags.isEmpty())
        r.recommendedAction = QStringLiteral("improve_description");
    else
        r.recommendedAction = QStringLiteral("submit");
    return r;
}

} // namespace Ankra::Triage

#include "triage/quality.h"

#include "triage/reviewengine.h"
#include "triage/textanalysis.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace Ankra::Triage {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("Ankra::Triage", s);
}

const QRegularExpression &rx(const char *pattern)
{
    // Patterns are literals used from several threads; QRegularExpression is reentrant and
    // const use of a shared instance is safe.
    thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern,
                          QRegularExpression(QString::fromLatin1(pattern),
                                             QRegularExpression::CaseInsensitiveOption
                                                 | QRegularExpression::MultilineOption));
    return it.value();
}

bool has(const QString &text, const char *pattern)
{
    return rx(pattern).match(text).hasMatch();
}

QString normalised(const QString &question)
{
    return question.simplified().toLower();
}

bool answered(const ReviewInput &input, GapKind kind)
{
    const QStringList variants = questionVariants(kind);
    for (const auto &[question, answer] : input.answers) {
        if (answer.trimmed().isEmpty())
            continue;
        for (const QString &v : variants)
            if (normalised(v) == normalised(question))
                return true;
    }
    return false;
}

bool isProblem(const QString &lower)
{
    return has(lower,
               "\\b(fail\\w*|error\\w*|crash\\w*|down|not (work|start|run|load|ready|"
               "reachabl|respond|renew|scal|sync|resolv|join|becom)\\w*|cannot|can't|"
               "unable|broken|stuck|restart\\w*|timeout|timed out|hang\\w*|"
               "exception|[45]\\d\\d|evict\\w*|pending|refus\\w*|denied|forbidden|"
               "unauthori[sz]ed|oom\\w*|leak\\w*|slow|loses?|lost|wrong|missing|"
               "disappear\\w*|does not|doesn't|don't|won't|never|no longer)\\b");
}

} // namespace

QStringList questionVariants(GapKind kind)
{
    switch (kind) {
    case GapKind::TooShort:
        return {tr("What exactly happens, since when, and what have you already tried?"),
                tr("What would you like to be able to do, and what problem would it solve?"),
                tr("Which invoice or charge is this about, and what is wrong with it?"),
                tr("Which account or user is affected, and what happens when you try to sign "
                   "in or make the change?"),
                tr("What would you like to know, or what should we do for you?")};
    case GapKind::NoErrorMessage:
        return {tr("What is the exact error message or log excerpt (e.g. from kubectl describe "
                   "pod or the pod logs)?"),
                tr("What exact error message or log output do you see, if any (e.g. in the "
                   "browser console or the CLI output)?")};
    case GapKind::NoExpectedActual:
        return {tr("What did you expect to happen, and what happened instead?")};
    case GapKind::NoCluster:
        return {tr("Which cluster is affected?")};
    case GapKind::NoVersion:
        return {tr("Which Helm and chart versions are involved (see helm version and helm "
                   "list)?"),
                tr("Which Ankra agent or CLI version are you running?"),
                tr("Which Kubernetes version are you running (and upgrading to, if this is "
                   "about an upgrade)?")};
    case GapKind::NoInvoiceReference:
        return {tr("Which invoice is this about (invoice number or billing month)?")};
    case GapKind::NoMotivation:
        return {tr("What problem would this solve for you, and how do you handle it today?")};
    case GapKind::VagueSubject:
        return {};
    }
    return {};
}

QList<Gap> findGaps(const ReviewInput &input, const QString &category)
{
    QList<Gap> gaps;
    QString answersText;
    for (const auto &[question, answer] : input.answers)
        answersText += u'\n' + answer;
    const QString text = input.subject + u'\n' + input.description + answersText;
    const QString lower = text.toLower();
    const QString proseText = Text::prose(input.description + answersText);
    const QStringList proseTerms = Text::terms(proseText);
    const bool technical = category == QLatin1String("technical");
    const bool bug = category == QLatin1String("bug");
    const auto add = [&](GapKind kind, const QString &flag, qsizetype variant) {
        if (answered(input, kind))
            return;
        const QStringList v = questionVariants(kind);
        gaps.append({kind, flag, variant >= 0 && variant < v.size() ? v.at(variant) : QString()});
    };

    // Too short or too vague: little prose and nothing concrete (no error, no identifier).
    const bool vaguePhrase = has(lower,
                                 "\\b(not working|doesn't work|does not work|something is "
                                 "wrong|is broken|please check|any update|help|asap)\\b");
    const bool concrete = Text::hasErrorOrLog(input.description + answersText)
                          || Text::identifiers(input.description + answersText).size() >= 2;
    if (proseTerms.size() < 6 || (proseTerms.size() < 12 && vaguePhrase && !concrete)) {
        qsizetype variant = 0;
        if (category == QLatin1String("feature_request"))
            variant = 1;
        else if (category == QLatin1String("billing"))
            variant = 2;
        else if (category == QLatin1String("account"))
            variant = 3;
        else if (category == QLatin1String("other"))
            variant = 4;
        add(GapKind::TooShort,
            tr("Describe the problem in more detail: what happened, what you expected, and what "
               "you already tried"),
            variant);
    }

    if ((technical || bug) && isProblem(lower) && !Text::hasErrorOrLog(text))
        add(GapKind::NoErrorMessage,
            tr("Add the exact error message or a log excerpt (e.g. from kubectl describe pod or "
               "the pod logs)"),
            bug ? 1 : 0);

    if (bug
        && !has(lower,
                "\\b(expect\\w*|should|instead|actual\\w*|supposed to|used to|"
                "previously|before the|worked before|no longer)\\b"))
        add(GapKind::NoExpectedActual,
            tr("Say what you expected to happen and what happened instead"),
            0);

    const bool clusterProblem
        = technical
          && has(lower,
                 "\\b(pods?|nodes?|deploy\\w*|ingress\\w*|services?|pvcs?|volumes?|"
                 "namespaces?|clusters?|helm|statefulsets?|daemonsets?|hpa|autoscal\\w*|"
                 "cert-manager|certificates?|coredns|dns|kubelet|argo ?cd|workloads?|"
                 "containers?|upgrad\\w*)\\b");
    const bool namesCluster
        = has(text,
              "\\bcluster\\s*[:=]?\\s*[\"'`]?(?!(is|was|has|and|the|with|to|in|on|that|"
              "are|itself|but|for|of|a|an|it|we|our|after|since|when|seems|keeps|"
              "upgrade\\w*|overview|level|wide|admin|role|issuer|ip)\\b)[A-Za-z0-9][\\w.-]*")
          || has(text,
                 "\\b[a-z0-9]*(prod|staging|stage|dev|test|qa|k8s|gke|eks|aks)[a-z0-9]*"
                 "(-[a-z0-9]+)+\\b");
    if (clusterProblem && input.clusterId.isEmpty() && !namesCluster)
        add(GapKind::NoCluster,
            tr("Choose the affected cluster (or name it in the description)"),
            0);

    const bool helm = has(lower, "\\b(helm|chart|add-?ons?)\\b");
    const bool ankraTool = has(lower, "\\b(ankra[- ]agent|agent|ankra cli|cli)\\b");
    const bool upgrade = has(lower,
                             "\\b(upgrad\\w*|deprecat\\w*|api version|kubernetes version|"
                             "after (the )?update\\w*|new version|old version)\\b");
    const bool hasVersion = has(text, "\\bv?\\d+\\.\\d+(\\.\\d+)?(?!\\.\\d)\\b");
    if ((technical || bug) && (helm || ankraTool || upgrade) && !hasVersion) {
        const qsizetype variant = helm ? 0 : ankraTool ? 1 : 2;
        add(GapKind::NoVersion,
            tr("Add the version involved (Kubernetes, Helm chart, add-on or Ankra agent/CLI)"),
            variant);
    }

    const QString subject = input.subject.simplified().toLower();
    static const QRegularExpression vagueSubject(QStringLiteral(
        "^(?:(?:help|urgent|asap|issue|issues|problem|problems|question|error|bug|support|please|"
        "pls|hi|hello|request|important|critical|broken|not working|need|needed|with|a|an|the|"
        "my|our|we|i|have|has|is|it|some|again|now|!|\\?|\\.|-)\\s*)*$"));
    if (subject.isEmpty() || vagueSubject.match(subject).hasMatch())
        add(GapKind::VagueSubject,
            tr("Write a subject that says what is wrong (e.g. \"checkout-api pods in "
               "CrashLoopBackOff after deploy\") instead of \"%1\"")
                .arg(input.subject.simplified()),
            -1);

    if (category == QLatin1String("billing")
        && !has(lower,
                "\\b(inv[-\\w]*\\d+|invoice (number|no|#)|january|february|march|april|"
                "may|june|july|august|september|october|november|december|\\d+[.,]\\d\\d|"
                "this month|last month|\\d{4}-\\d\\d)\\b"))
        add(GapKind::NoInvoiceReference, QString(), 0);

    if (category == QLatin1String("feature_request")
        && !has(lower,
                "\\b(because|so that|so we|would help|would save|save|we need|need to|"
                "compliance|today we|currently|right now|manually|by hand|workaround|"
                "otherwise|in order to|to avoid|allows? us)\\b"))
        add(GapKind::NoMotivation, QString(), 0);

    return gaps;
}

QStringList secretFlags(const QString &text)
{
    struct Kind
    {
        const char *what;
        const char *pattern;
    };
    // The value patterns skip placeholders (<token>, ${VAR}, ***, xxx, REDACTED).
    static const Kind kinds[] = {
        {QT_TRANSLATE_NOOP("Ankra::Triage", "a private key"),
         "-----BEGIN ([A-Z]+ )*PRIVATE KEY-----"},
        {QT_TRANSLATE_NOOP("Ankra::Triage", "an AWS access key"), "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"},
        {QT_TRANSLATE_NOOP("Ankra::Triage", "kubeconfig credentials"),
         "\\b(client-key-data|client-certificate-data)\\s*:\\s*[A-Za-z0-9+/=]{20,}"},
        {QT_TRANSLATE_NOOP("Ankra::Triage", "a bearer token"),
         "\\bbearer\\s+(?!<)[A-Za-z0-9._~+/=-]{20,}"},
        {QT_TRANSLATE_NOOP("Ankra::Triage", "an access token"),
         "\\b(gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|"
         "eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})"},
        {QT_TRANSLATE_NOOP("Ankra::Triage", "a token or API key"),
         "\\b(token|api[_-]?key|secret[_-]?key|access[_-]?key|client[_-]?secret|secret)\\b"
         "[\"']?\\s*[:=]\\s*[\"']?(?![<$*{]|x{3}|redacted)[A-Za-z0-9._~+/=-]{16,}"},
        {QT_TRANSLATE_NOOP("Ankra::Triage", "a password"),
         "\\b(password|passwd|pwd|db_pass\\w*|\\w+_password)\\b[\"']?\\s*[:=]\\s*[\"']?"
         "(?![<$*{]|x{3}|redacted|changeme\\b)[^\\s\"'`]{6,}"},
    };
    QStringList flags;
    for (const Kind &k : kinds)
        if (has(text, k.pattern))
            flags.append(tr("Remove the secret you pasted (%1) — rotate it if it was real")
                             .arg(QCoreApplication::translate("Ankra::Triage", k.what)));
    return flags;
}

} // namespace Ankra::Triage

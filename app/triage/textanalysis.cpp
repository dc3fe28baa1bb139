#include "triage/textanalysis.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Ankra::Triage::Text {

namespace {

const QSet<QString> &stopWords()
{
    // English function words plus words every support ticket uses (they say nothing about
    // which problem it is).
    static const QSet<QString> set = [] {
        const char *list[]
            = {"a",         "about",   "above",   "after",      "again",  "against", "all",
               "also",      "am",      "an",      "and",        "any",    "are",     "aren",
               "as",        "at",      "be",      "because",    "been",   "before",  "being",
               "below",     "between", "both",    "but",        "by",     "can",     "cannot",
               "could",     "couldn",  "did",     "didn",       "do",     "does",    "doesn",
               "doing",     "don",     "down",    "during",     "each",   "else",    "etc",
               "even",      "ever",    "every",   "few",        "for",    "from",    "further",
               "get",       "gets",    "getting", "got",        "had",    "hadn",    "has",
               "hasn",      "have",    "haven",   "having",     "he",     "her",     "here",
               "hers",      "herself", "him",     "himself",    "his",    "how",     "however",
               "i",         "if",      "in",      "into",       "is",     "isn",     "it",
               "its",       "itself",  "just",    "let",        "like",   "ll",      "me",
               "might",     "more",    "most",    "much",       "must",   "my",      "myself",
               "no",        "nor",     "not",     "now",        "of",     "off",     "on",
               "once",      "one",     "only",    "or",         "other",  "our",     "ours",
               "ourselves", "out",     "over",    "own",        "please", "re",      "really",
               "same",      "see",     "seems",   "shall",      "she",    "should",  "so",
               "some",      "such",    "than",    "thank",      "thanks", "that",    "the",
               "their",     "theirs",  "them",    "themselves", "then",   "there",   "these",
               "they",      "this",    "those",   "through",    "to",     "too",     "under",
               "until",     "up",      "us",      "ve",         "very",   "was",     "wasn",
               "we",        "were",    "weren",   "what",       "when",   "where",   "whether",
               "which",     "while",   "who",     "whom",       "why",    "will",    "with",
               "won",       "would",   "wouldn",  "yet",        "you",    "your",    "yours",
               "yourself",  "hi",      "hello",   "regards",    "best",   "dear",    "team",
               "help",      "thx",     "pls",     "still",      "way",    "thing",   "things",
               "using",     "use",     "used",    "via",        "able",   "since",   "today",
               "yesterday", "anyone",  "someone", "something",  "know",   "think",   "try",
               "tried",     "want",    "need",    "s",          "t",      "d",       "m",
               "http",      "https",   "www",     "com"};
        QSet<QString> s;
        for (const char *w : list)
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return set;
}

bool endsWithAny(const QString &w, std::initializer_list<const char *> suffixes)
{
    for (const char *s : suffixes)
        if (w.endsWith(QLatin1String(s)))
            return true;
    return false;
}

} // namespace

QStringList words(const QString &text)
{
    QStringList out;
    QString cur;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c == u'_') {
            cur.append(c.toLower());
        } else if (!cur.isEmpty()) {
            out.append(cur);
            cur.clear();
        }
    }
    if (!cur.isEmpty())
        out.append(cur);
    return out;
}

QString stem(const QString &w)
{
    const qsizetype n = w.size();
    if (n <= 3 || w.at(n - 1).isDigit())
        return w;
    if (w.endsWith(QLatin1String("ies")) && n > 4)
        return w.left(n - 3) + u'y';
    if (w.endsWith(QLatin1String("sses")))
        return w.left(n - 2);
    if (w.endsWith(QLatin1String("ing")) && n > 5)
        return w.left(n - 3);
    if (w.endsWith(QLatin1String("ed")) && n > 4 && !w.endsWith(QLatin1String("eed")))
        return w.left(n - 2);
    if (w.endsWith(QLatin1String("ly")) && n > 5)
        return w.left(n - 2);
    if (w.endsWith(u's') && !endsWithAny(w, {"ss", "us", "is", "os"}))
        return w.left(n - 1);
    return w;
}

bool isStopWord(const QString &lowerWord)
{
    return stopWords().contains(lowerWord);
}

QStringList terms(const QString &text)
{
    QStringList out;
    for (const QString &w : words(text)) {
        if (w.size() < 2 || isStopWord(w))
            continue;
        out.append(stem(w));
    }
    return out;
}

QStringList identifiers(const QString &text)
{
    // A hand-written scanner: this runs on every re-ranked candidate, a regex is too slow.
    const auto inToken = [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u':' || c == u'/'
               || c == u'-';
    };
    QSet<QString> found;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !inToken(text.at(i)))
            ++i;
        qsizetype start = i;
        while (i < n && inToken(text.at(i)))
            ++i;
        qsizetype end = i;
        while (start < end && !(text.at(start).isLetterOrNumber() || text.at(start) == u'_'))
            ++start;
        while (end > start && !(text.at(end - 1).isLetterOrNumber() || text.at(end - 1) == u'_'))
            --end;
        const qsizetype len = end - start;
        if (len < 4 || len > 80)
            continue;
        const QStringView t = QStringView(text).mid(start, len);
        if (t.contains(QLatin1String("://")))
            continue;
        bool digit = false, lower = false, innerUpper = false, punct = false, alpha = false;
        for (qsizetype k = 0; k < len; ++k) {
            const QChar c = t.at(k);
            if (c.isDigit())
                digit = true;
            else if (c.isLower())
                lower = alpha = true;
            else if (c.isUpper()) {
                alpha = true;
                if (k > 0 && t.at(k - 1).isLower())
                    innerUpper = true;
            } else if (!c.isLetter())
                punct = true;
            else
                alpha = true;
        }
        const bool allUpper = alpha && !lower && len >= 5 && !digit && !punct;
        const bool mixed = innerUpper || (punct && alpha) || (digit && alpha) || allUpper;
        const bool number = digit && !alpha && len >= 3 && punct; // 10.0.0.2, 1.28.3
        if (mixed || number)
            found.insert(t.toString().toLower());
    }
    QStringList out(found.begin(), found.end());
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// Whether a line (as its words) reads like an error message. Word lookups instead of a regex:
// this runs on every line of every re-ranked candidate.
bool isErrorLine(const QStringList &ws)
{
    static const QSet<QString> keys = [] {
        QSet<QString> k;
        for (const char *w : {"error",
                              "errors",
                              "exception",
                              "failed",
                              "failure",
                              "fatal",
                              "panic",
                              "denied",
                              "forbidden",
                              "unauthorized",
                              "refused",
                              "timeout",
                              "timed",
                              "crash",
                              "crashed",
                              "crashes",
                              "crashing",
                              "segfault",
                              "traceback",
                              "oomkilled",
                              "crashloopbackoff",
                              "imagepullbackoff",
                              "errimagepull",
                              "evicted",
                              "notready",
                              "unable",
                              "cannot",
                              "invalid",
                              "assertion",
                              "abort",
                              "aborted"})
            k.insert(QString::fromLatin1(w));
        return k;
    }();
    for (qsizetype i = 0; i < ws.size(); ++i) {
        const QString &w = ws.at(i);
        if (keys.contains(w)
            || (w.size() > 9
                && (w.endsWith(QLatin1String("exception")) || w.endsWith(QLatin1String("error")))))
            return true;
        if (w == QLatin1String("exit") && i + 1 < ws.size()
            && (ws.at(i + 1) == QLatin1String("code") || ws.at(i + 1) == QLatin1String("status")))
            return true;
        if (w == QLatin1String("not") && i + 1 < ws.size() && ws.at(i + 1) == QLatin1String("found"))
            return true;
    }
    return false;
}

} // namespace

QStringList errorShingles(const QString &text)
{
    QSet<QString> out;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        const QStringList lineWords = words(line);
        if (!isErrorLine(lineWords))
            continue;
        // Volatile parts (numbers, hex ids, addresses) differ between two reports of the same
        // error, so they are dropped before shingling.
        QStringList ws;
        for (const QString &w : lineWords) {
            bool hasAlpha = false;
            for (const QChar c : w)
                hasAlpha = hasAlpha || c.isLetter();
            if (hasAlpha && w.size() < 25)
                ws.append(w);
        }
        for (qsizetype i = 0; i + 2 < ws.size() && i < 40; ++i)
            out.insert(ws.at(i) + u' ' + ws.at(i + 1) + u' ' + ws.at(i + 2));
    }
    QStringList list(out.begin(), out.end());
    std::sort(list.begin(), list.end());
    return list;
}

bool hasErrorOrLog(const QString &text)
{
    if (text.contains(QLatin1String("```")))
        return true;
    static const QRegularExpression
        strong(QStringLiteral(
                   "(\\b(error|exception|traceback|panic|fatal|warning|warn)\\b\\s*[:\\]]|"
                   "\\bexit (code|status):? *\\d+|\\b(crashloopbackoff|oomkilled|"
                   "imagepullbackoff|errimagepull|createcontainerconfigerror|"
                   "econnrefused|enotfound|eai_again|x509|nxdomain)\\b|"
                   "\\b[45]\\d\\d (bad gateway|gateway timeout|service unavailable|"
                   "internal server error|not found|forbidden|unauthorized)\\b|"
                   "\\b(http/[12](\\.\\d)?|status code) [45]\\d\\d\\b|"
                   "\"[^\"\\n]{12,}\"|^\\s*(\\$ |kubectl |\\d{4}[-/]\\d\\d[-/]\\d\\d)|"
                   "\\b(is forbidden|failed to|unable to|could not|timed out|no such host|"
                   "connection refused|permission denied)\\b[^.\\n]{8,})"),
               QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    return strong.match(text).hasMatch();
}

QString prose(const QString &text)
{
    QStringList kept;
    bool inFence = false;
    static const QRegularExpression logLine(
        QStringLiteral("^\\s*(\\$ |> |at |\\[|\\{|\\d{4}[-/]\\d\\d|[A-Z_]{3,}\\s{2,}|"
                       "[A-Za-z]+:\\s{2,}|(Warning|Normal|Error|E\\d{4}|I\\d{4})\\s)"));
    for (const QString &line : text.split(u'\n')) {
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            inFence = !inFence;
            continue;
        }
        if (inFence || logLine.match(line).hasMatch() || line.startsWith(u'\t')
            || line.startsWith(QLatin1String("    ")))
            continue;
        kept.append(line);
    }
    return kept.join(u'\n');
}

QStringList sentences(const QString &proseText)
{
    QStringList out;
    QString cur;
    const QString t = proseText;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (c == u'\n' && (i + 1 < t.size() && t.at(i + 1) == u'\n')) {
            if (!cur.trimmed().isEmpty())
                out.append(cur.simplified());
            cur.clear();
            continue;
        }
        cur.append(c);
        const bool end = c == u'.' || c == u'!' || c == u'?';
        const bool nextIsSpace = i + 1 >= t.size() || t.at(i + 1).isSpace();
        // "e.g." / "1.28" / "v2." stay inside a sentence.
        if (end && nextIsSpace) {
            const QString lastWord = cur.section(u' ', -1).toLower();
            if (lastWord == QLatin1String("e.g.") || lastWord == QLatin1String("i.e.")
                || lastWord == QLatin1String("etc.") || lastWord == QLatin1String("vs."))
                continue;
            if (!cur.trimmed().isEmpty())
                out.append(cur.simplified());
            cur.clear();
        }
    }
    if (!cur.trimmed().isEmpty())
        out.append(cur.simplified());
    return out;
}

} // namespace Ankra::Triage::Text

#pragma once

// Text helpers shared by the review engine's parts: tokenising, light stemming, stop words,
// and the extraction of "strong" features (error strings, identifiers, resource names) that
// make two tickets about the same problem look alike. Pure functions, thread-safe.

#include <QList>
#include <QString>
#include <QStringList>

namespace Ankra::Triage::Text {

// Lower-cased word tokens (letters, digits, underscore), in order, stop words kept.
QStringList words(const QString &text);

// Light English stemmer (plural, -ing, -ed, -ies, -ly); idempotent enough for matching.
QString stem(const QString &word);

bool isStopWord(const QString &lowerWord);

// Stemmed, stop-word-free terms of `text`, in order (duplicates kept: term frequency).
QStringList terms(const QString &text);

// Tokens that identify a specific thing: identifiers with digits, dots, dashes, underscores or
// inner capitals (ECONNREFUSED, CrashLoopBackOff, checkout-api, ensureElementIsVisible,
// 0x80004005, v1.28.3). Lower-cased, deduplicated, sorted.
QStringList identifiers(const QString &text);

// Error strings: lines/phrases that look like error messages ("Error: ...", "... failed ...",
// exception names, HTTP status codes, exit codes), normalised to lower-case word 3-grams so that
// partial copies of the same message still match. Deduplicated, sorted.
QStringList errorShingles(const QString &text);

// True when the text contains something that looks like an error message or a log excerpt.
bool hasErrorOrLog(const QString &text);

// The text with fenced code blocks and log-looking lines removed (for summaries and for judging
// how much prose the user wrote).
QString prose(const QString &text);

// Sentences of `prose` text, trimmed, in order.
QStringList sentences(const QString &prose);

} // namespace Ankra::Triage::Text

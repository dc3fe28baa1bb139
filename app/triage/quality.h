#pragma once

// Quality checks of a ticket draft: the gaps a support engineer would ask about (each with a
// flag the user can act on and, where an answer can fill it, a clarifying question) and pasted
// secrets. Pure functions, thread-safe.

#include <QList>
#include <QString>
#include <QStringList>

namespace Ankra::Triage {

struct ReviewInput;

enum class GapKind {
    TooShort,
    VagueSubject,
    NoErrorMessage,
    NoExpectedActual,
    NoCluster,
    NoVersion,
    NoInvoiceReference,
    NoMotivation,
};

struct Gap
{
    GapKind kind;
    QString flag;     // quality flag ("" = asks a question only, does not flag the ticket)
    QString question; // clarifying question ("" = nothing to ask: the user edits the text)
};

// The gaps of `input` for `category` (the effective category), in priority order. Gaps whose
// question was answered in input.answers are left out; answer texts count as ticket text.
QList<Gap> findGaps(const ReviewInput &input, const QString &category);

// Every wording of the question a gap of `kind` can have (answers are matched against these).
QStringList questionVariants(GapKind kind);

// One flag per kind of secret found in `text` ("Remove the secret you pasted (a private key) —
// rotate it if it was real"), in a fixed order.
QStringList secretFlags(const QString &text);

} // namespace Ankra::Triage

#pragma once

// The Support API's enumerations. The wire carries them as strings; the client must show
// values it does not know verbatim (a newer backend may add some), so they stay QStrings and
// these helpers only describe the known ones.

#include <QString>
#include <QStringList>

namespace Ankra::Wire {

namespace Status {
inline constexpr auto PendingReview = "pending_review";
inline constexpr auto Open = "open";
inline constexpr auto Triaging = "triaging";
inline constexpr auto InProgress = "in_progress";
inline constexpr auto WaitingCustomer = "waiting_customer";
inline constexpr auto Resolved = "resolved";
inline constexpr auto Closed = "closed";
} // namespace Status

const QStringList &knownStatuses();
const QStringList &knownCategories();
const QStringList &knownSeverities();
const QStringList &knownSources();
const QStringList &knownAuthorTypes();

bool isKnownStatus(const QString &value);
bool isKnownCategory(const QString &value);
bool isKnownSeverity(const QString &value);
bool isKnownSource(const QString &value);

// Human label of a status as the contract's section 7 defines it ("Being worked on").
// Unknown values are returned unchanged.
QString statusLabel(const QString &status);

// Human label of an AI review status ("pending", "passed", "flagged"); unknown values are
// returned unchanged.
QString aiReviewStatusLabel(const QString &status);

// Human labels of categories ("Feature request") and severities ("High"); unknown values are
// returned unchanged, never hidden.
QString categoryLabel(const QString &category);
QString severityLabel(const QString &severity);

// The attachment extensions the contract's section 7 allows by default (lower case, no dot).
const QStringList &defaultAllowedExtensions();

// Rank used to sort severities (critical highest); unknown or empty is 0.
int severityRank(const QString &severity);

} // namespace Ankra::Wire

#pragma once

// Value types of the Support API (../shared/api/support-api.md §3). Shared by the client and
// ankra-support-server. Enumerations are kept as strings: see wire/enums.h.

#include <QDateTime>
#include <QHashFunctions>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Ankra::Wire {

struct Comment
{
    QString id;
    QString authorType;
    QString authorLabel;
    QString body;
    QDateTime createdAt;

    friend bool operator==(const Comment &, const Comment &) = default;
};

struct Attachment
{
    QString id;
    QString filename;
    QString contentType;
    qint64 sizeBytes = 0;
    QDateTime createdAt;

    friend bool operator==(const Attachment &, const Attachment &) = default;
};

struct TicketSummary
{
    QString id;
    std::optional<qint64> ticketNumber;
    QString clusterId;   // empty when null
    QString clusterName; // empty when null
    QString source;
    QString category;
    QString subject;
    QString status;
    QString severity; // empty when null
    QString aiReviewStatus;
    bool trackedByTeam = false;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const TicketSummary &, const TicketSummary &) = default;
};

struct Ticket
{
    QString id;
    QString organisationId;
    std::optional<qint64> ticketNumber;
    QString source;
    QString category;
    QString subject;
    QString description;
    QString status;
    QString severity;
    QString aiReviewStatus;
    QString aiSummary;
    QString clusterId;
    QString clusterName;
    bool trackedByTeam = false;
    QJsonObject environment;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<Comment> comments;
    QList<Attachment> attachments;

    TicketSummary summary() const;

    friend bool operator==(const Ticket &, const Ticket &) = default;
};

struct Pagination
{
    int page = 1;
    int pageSize = 25;
    int totalPages = 0;
    qint64 totalCount = 0;

    friend bool operator==(const Pagination &, const Pagination &) = default;
};

// The hash TicketListModel indexes its rows by (process-wide random seed: a server cannot choose
// ids that collide). ListTicketsJob computes it for each row while it parses, off the GUI thread.
inline size_t ticketIdHash(QStringView id)
{
    return qHash(id, QHashSeed::globalSeed());
}

struct TicketPage
{
    QList<TicketSummary> result;
    Pagination pagination;

    friend bool operator==(const TicketPage &, const TicketPage &) = default;
};

struct DuplicateCandidate
{
    QString candidateId;
    QString summary;
    QString statusLabel;
    QString confidence;
    bool alreadyResolved = false;

    friend bool operator==(const DuplicateCandidate &, const DuplicateCandidate &) = default;
};

struct ReviewResult
{
    QString reviewId;
    QString summary;  // enrichment.summary
    QString severity; // enrichment.severity
    QString category; // enrichment.category
    QString quality;  // "pass" | "flag"
    QStringList qualityFlags;
    QStringList clarifyingQuestions;
    QList<DuplicateCandidate> duplicateCandidates;
    QString recommendedAction;
    QDateTime expiresAt;

    friend bool operator==(const ReviewResult &, const ReviewResult &) = default;
};

struct Limits
{
    qint64 maxAttachmentBytes = 25 * 1024 * 1024;
    int maxAttachmentsPerTicket = 10;
    QStringList allowedExtensions;

    friend bool operator==(const Limits &, const Limits &) = default;
};

struct Cluster
{
    QString id;
    QString name;
    QString kubernetesVersion;

    friend bool operator==(const Cluster &, const Cluster &) = default;
};

} // namespace Ankra::Wire

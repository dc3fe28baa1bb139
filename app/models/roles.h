#pragma once

// Roles shared by the models and the delegates. Models expose meaning (a status string, a
// severity rank), never colours or icons: the delegates in ui/ decide how meaning looks.

#include <Qt>

namespace Ankra::Models {

enum Role {
    IdRole = Qt::UserRole + 1,
    TicketNumberRole,
    SubjectRole,
    StatusRole,      // wire value, e.g. "in_progress"
    StatusLabelRole, // human label, e.g. "Being worked on"
    SeverityRole,    // wire value or empty
    SeverityRankRole,
    CategoryRole,
    ClusterNameRole,
    UpdatedAtRole, // QDateTime (UTC)
    CreatedAtRole,
    UnreadRole,  // bool
    SummaryRole, // the whole Wire::TicketSummary as QVariant
    // Conversation
    AuthorTypeRole,  // wire value: customer, team, ai, system (others verbatim)
    AuthorLabelRole, // e.g. "Ankra Support", "You"
    BodyRole,        // markdown
    // Attachments
    FileNameRole,
    ContentTypeRole,
    SizeRole, // qint64 bytes
    // Staff mode (team routes)
    OrganisationNameRole,
    AssigneeIdRole,           // empty: unassigned
    AssigneeNameRole,         // empty: unassigned
    LastCustomerActivityRole, // QDateTime (UTC), invalid when none
};

} // namespace Ankra::Models

#pragma once

// Staff mode storage (docs/api-extensions.md): tickets of every organisation with their
// organisation, assignee and latest customer activity, the status lifecycle, and the team's
// writes. Thread-safe like TicketStore (each call uses the calling thread's connection);
// writes expect the caller's WriteTransaction and bump the tickets generation (triggers), so
// every cached list is invalidated by them.

#include "database.h"
#include "listpaging.h"
#include "ticketstore.h"

#include "wire/types.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace Ankra::Server {

struct TeamFields
{
    QString organisationId;
    QString organisationName;
    QString assigneeId;   // empty = unassigned
    QString assigneeName; // empty = unassigned
    QDateTime lastCustomerActivityAt;
};

struct TeamSummary
{
    Wire::TicketSummary ticket;
    TeamFields team;
};

struct TeamTicket
{
    Wire::Ticket ticket;
    TeamFields team;
};

struct TeamPage
{
    QList<TeamSummary> result;
    Wire::Pagination pagination;
};

struct TeamListQuery
{
    ListQuery base;              // page, page_size, statuses, cluster, search
    QStringList organisationIds; // any of them; empty = every organisation
    QStringList severities;      // any of them; "none" = no severity
    QString assignee;            // empty = anyone, "none" = unassigned, else a user id
};

// The fields of a ticket the team's writes decide on.
struct TeamTicketState
{
    QString status;
    QString severity; // empty = none
    QString category;
    QString assigneeId; // empty = unassigned
};

// A team write; an unset member is left alone. An empty severity or assignee clears it.
struct TeamChanges
{
    std::optional<QString> status;
    std::optional<QString> severity;
    std::optional<QString> category;
    std::optional<QString> assigneeId;
};

struct OrganisationEntry
{
    QString id;
    QString name;
    bool isDefault = false;
};

class TeamStore
{
public:
    TeamStore(Database &db, TicketStore &tickets)
        : m_db(db)
        , m_tickets(tickets)
    {}

    std::optional<TeamPage> list(const TeamListQuery &query, QString *error);
    std::optional<TeamTicket> get(const QString &ticketId);
    std::optional<TeamTicketState> state(const QString &ticketId);

    // The name of a team user; nullopt for unknown users and customers.
    std::optional<QString> teamUserName(const QString &userId);
    // Every organisation (team) or the user's memberships (customer), by name.
    QList<OrganisationEntry> organisations(const QString &userId, bool everyOrganisation);

    // The lifecycle table of docs/api-extensions.md; staying in the same status is allowed.
    static bool canTransition(const QString &from, const QString &to);
    static QString transitionRefusal(const QString &from, const QString &to);

    // Applies the changes that differ from `current` (the caller checked the transition) and,
    // for a status change, adds the system note "Status changed to <label> by <actor>".
    // `at` is the new updated_at (and the note's time). Marks the ticket tracked. Writes
    // nothing when nothing differs, unless `touch` (a comment was just added).
    bool apply(const QString &ticketId,
               const TeamTicketState &current,
               const TeamChanges &changes,
               const QString &actorName,
               const QDateTime &at,
               bool touch,
               QString *error);

private:
    Database &m_db;
    TicketStore &m_tickets;
    ListPaging m_paging; // the queue's totals and page starts, per tickets generation
};

} // namespace Ankra::Server

#pragma once

// Value types of our team extension (docs/api-extensions.md): who the token belongs to
// (GET /support/me) and the team's view of tickets across organisations. Pure JSON <-> value
// conversion like wire/json.h: unknown fields are ignored, the extension's extra fields are all
// optional (a missing organisation name or assignee is empty), and a parse fails only where the
// public contract's required fields are missing.

#include "wire/json.h"
#include "wire/types.h"

#include <QStringList>

#include <optional>

namespace Ankra::Wire {

struct Organisation
{
    QString id;
    QString name;
    bool isDefault = false;

    friend bool operator==(const Organisation &, const Organisation &) = default;
};

struct Me
{
    QString userId;
    QString name;
    QString role; // "customer" or "team"; anything else is treated as a customer
    QList<Organisation> organisations;

    bool isTeam() const { return role == QLatin1String("team"); }

    friend bool operator==(const Me &, const Me &) = default;
};

// The five fields a team list item or ticket carries on top of the customer's.
struct TeamFields
{
    QString organisationId;
    QString organisationName;
    QString assigneeId;               // empty when unassigned
    QString assigneeName;             // empty when unassigned
    QDateTime lastCustomerActivityAt; // invalid when null

    friend bool operator==(const TeamFields &, const TeamFields &) = default;
};

struct TeamTicketSummary
{
    TicketSummary summary;
    TeamFields team;

    friend bool operator==(const TeamTicketSummary &, const TeamTicketSummary &) = default;
};

struct TeamTicket
{
    Ticket ticket;
    TeamFields team;

    friend bool operator==(const TeamTicket &, const TeamTicket &) = default;
};

struct TeamTicketPage
{
    QList<TeamTicketSummary> result;
    Pagination pagination;

    friend bool operator==(const TeamTicketPage &, const TeamTicketPage &) = default;
};

// PATCH body: only the fields that are set are sent. For severity and assigneeId an empty
// string means JSON null (clear it); assigneeId may also be "me".
struct TicketPatch
{
    std::optional<QString> status;
    std::optional<QString> severity;
    std::optional<QString> category;
    std::optional<QString> assigneeId;

    bool isEmpty() const { return !status && !severity && !category && !assigneeId; }
};

Parsed<Me> parseMe(const QJsonObject &object);
Parsed<TeamFields> parseTeamFields(const QJsonObject &object);
Parsed<TeamTicketSummary> parseTeamTicketSummary(const QJsonObject &object);
Parsed<TeamTicket> parseTeamTicket(const QJsonObject &object);
Parsed<TeamTicketPage> parseTeamTicketPage(const QJsonObject &object);

QJsonObject toJson(const TicketPatch &patch);
QJsonObject toJson(const Me &me);
QJsonObject toJson(const TeamTicketSummary &summary);
QJsonObject toJson(const TeamTicket &ticket);

// The statuses the team may move a ticket to from `from` (the extension's lifecycle table),
// without `from` itself. Unknown `from`: every known status, and the server decides.
QStringList allowedNextStatuses(const QString &from);

// The team-facing label of a status: "Waiting on customer" where the customer reads
// "Waiting on you"; the other statuses as statusLabel().
QString teamStatusLabel(const QString &status);

} // namespace Ankra::Wire

#include "wire/team.h"

#include "wire/enums.h"

#include <QCoreApplication>

namespace Ankra::Wire {

namespace {

// Null or absent: empty. Another type is an error naming the field.
bool readOptionalString(const QJsonObject &o, const char *key, QString *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return true;
    }
    if (!v.isString()) {
        *error = QLatin1String(key) + QStringLiteral(": expected a string or null");
        return false;
    }
    *out = v.toString();
    return true;
}

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

void insertTeamFields(QJsonObject &o, const TeamFields &team)
{
    o.insert(QStringLiteral("organisation_id"), team.organisationId);
    o.insert(QStringLiteral("organisation_name"), team.organisationName);
    o.insert(QStringLiteral("assignee_id"), nullable(team.assigneeId));
    o.insert(QStringLiteral("assignee_name"), nullable(team.assigneeName));
    o.insert(QStringLiteral("last_customer_activity_at"),
             team.lastCustomerActivityAt.isValid()
                 ? QJsonValue(formatTimestamp(team.lastCustomerActivityAt))
                 : QJsonValue(QJsonValue::Null));
}

} // namespace

Parsed<Me> parseMe(const QJsonObject &object)
{
    Me me;
    QString error;
    if (!readOptionalString(object, "user_id", &me.userId, &error)
        || !readOptionalString(object, "name", &me.name, &error)
        || !readOptionalString(object, "role", &me.role, &error))
        return ParseError{error};
    const QJsonValue orgs = object.value(QLatin1String("organisations"));
    if (!orgs.isUndefined() && !orgs.isNull() && !orgs.isArray())
        return ParseError{QStringLiteral("organisations: expected an array")};
    const QJsonArray array = orgs.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("organisations[%1]").arg(i);
        if (!array.at(i).isObject())
            return ParseError{where + QStringLiteral(": expected an object")};
        const QJsonObject o = array.at(i).toObject();
        Organisation org;
        if (!readOptionalString(o, "id", &org.id, &error)
            || !readOptionalString(o, "name", &org.name, &error))
            return ParseError{where + u'.' + error};
        const QJsonValue isDefault = o.value(QLatin1String("is_default"));
        org.isDefault = isDefault.isBool() && isDefault.toBool();
        me.organisations.append(org);
    }
    return me;
}

Parsed<TeamFields> parseTeamFields(const QJsonObject &object)
{
    TeamFields team;
    QString error;
    QString activity;
    if (!readOptionalString(object, "organisation_id", &team.organisationId, &error)
        || !readOptionalString(object, "organisation_name", &team.organisationName, &error)
        || !readOptionalString(object, "assignee_id", &team.assigneeId, &error)
        || !readOptionalString(object, "assignee_name", &team.assigneeName, &error)
        || !readOptionalString(object, "last_customer_activity_at", &activity, &error))
        return ParseError{error};
    if (!activity.isEmpty()) {
        team.lastCustomerActivityAt = parseTimestamp(activity);
        if (!team.lastCustomerActivityAt.isValid())
            return ParseError{QStringLiteral("last_customer_activity_at: expected an RFC 3339 "
                                             "date-time")};
    }
    return team;
}

Parsed<TeamTicketSummary> parseTeamTicketSummary(const QJsonObject &object)
{
    auto summary = parseTicketSummary(object);
    if (auto *e = std::get_if<ParseError>(&summary))
        return *e;
    auto team = parseTeamFields(object);
    if (auto *e = std::get_if<ParseError>(&team))
        return *e;
    return TeamTicketSummary{std::get<TicketSummary>(std::move(summary)),
                             std::get<TeamFields>(std::move(team))};
}

Parsed<TeamTicket> parseTeamTicket(const QJsonObject &object)
{
    auto ticket = parseTicket(object);
    if (auto *e = std::get_if<ParseError>(&ticket))
        return *e;
    auto team = parseTeamFields(object);
    if (auto *e = std::get_if<ParseError>(&team))
        return *e;
    return TeamTicket{std::get<Ticket>(std::move(ticket)), std::get<TeamFields>(std::move(team))};
}

Parsed<TeamTicketPage> parseTeamTicketPage(const QJsonObject &object)
{
    auto base = parseTicketPage(object);
    if (auto *e = std::get_if<ParseError>(&base))
        return *e;
    TeamTicketPage page;
    const TicketPage &plain = std::get<TicketPage>(base);
    page.pagination = plain.pagination;
    const QJsonArray items = object.value(QLatin1String("result")).toArray();
    page.result.reserve(plain.result.size());
    for (qsizetype i = 0; i < plain.result.size(); ++i) {
        auto team = parseTeamFields(items.at(i).toObject());
        if (auto *e = std::get_if<ParseError>(&team))
            return ParseError{QStringLiteral("result[%1].").arg(i) + e->message};
        page.result.append({plain.result.at(i), std::get<TeamFields>(std::move(team))});
    }
    return page;
}

QJsonObject toJson(const TicketPatch &patch)
{
    QJsonObject o;
    if (patch.status)
        o.insert(QStringLiteral("status"), *patch.status);
    if (patch.severity)
        o.insert(QStringLiteral("severity"), nullable(*patch.severity));
    if (patch.category)
        o.insert(QStringLiteral("category"), *patch.category);
    if (patch.assigneeId)
        o.insert(QStringLiteral("assignee_id"), nullable(*patch.assigneeId));
    return o;
}

QJsonObject toJson(const Me &me)
{
    QJsonArray orgs;
    for (const Organisation &org : me.organisations)
        orgs.append(QJsonObject{{QStringLiteral("id"), org.id},
                                {QStringLiteral("name"), org.name},
                                {QStringLiteral("is_default"), org.isDefault}});
    return {{QStringLiteral("user_id"), me.userId},
            {QStringLiteral("name"), me.name},
            {QStringLiteral("role"), me.role},
            {QStringLiteral("organisations"), orgs}};
}

QJsonObject toJson(const TeamTicketSummary &summary)
{
    QJsonObject o = toJson(summary.summary);
    insertTeamFields(o, summary.team);
    return o;
}

QJsonObject toJson(const TeamTicket &ticket)
{
    QJsonObject o = toJson(ticket.ticket);
    insertTeamFields(o, ticket.team);
    return o;
}

QStringList allowedNextStatuses(const QString &from)
{
    using namespace Status;
    auto list = [](std::initializer_list<const char *> values) {
        QStringList out;
        for (const char *v : values)
            out.append(QLatin1String(v));
        return out;
    };
    if (from == QLatin1String(PendingReview))
        return list({Open, Triaging});
    if (from == QLatin1String(Open))
        return list({Triaging, InProgress, WaitingCustomer, Resolved});
    if (from == QLatin1String(Triaging))
        return list({Open, InProgress, WaitingCustomer, Resolved});
    if (from == QLatin1String(InProgress))
        return list({Triaging, WaitingCustomer, Resolved});
    if (from == QLatin1String(WaitingCustomer))
        return list({InProgress, Resolved});
    if (from == QLatin1String(Resolved))
        return list({InProgress, Closed});
    if (from == QLatin1String(Closed))
        return {};
    QStringList all = knownStatuses();
    all.removeAll(from);
    return all;
}

QString teamStatusLabel(const QString &status)
{
    if (status == QLatin1String(Status::WaitingCustomer))
        return QCoreApplication::translate("Ankra::Wire", "Waiting on customer");
    return statusLabel(status);
}

} // namespace Ankra::Wire

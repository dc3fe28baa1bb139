#include "models/queuemodel.h"

#include "models/roles.h"
#include "wire/team.h"

namespace Ankra::Models {

QueueModel::QueueModel(Api::ApiClient *client, QObject *parent)
    : TicketListModel(client, parent)
    , m_client(client)
{}

void QueueModel::setTeamQuery(const Api::TeamTicketQuery &query)
{
    m_teamQuery = query;
    Api::TicketQuery plain;
    plain.statuses = query.statuses;
    plain.search = query.search;
    plain.clusterId = query.clusterId;
    plain.pageSize = query.pageSize;
    setQuery(plain);
}

Api::ListTicketsJob *QueueModel::startListJob(const Api::TicketQuery &query)
{
    Api::TeamTicketQuery q = m_teamQuery;
    q.statuses = query.statuses;
    q.search = query.search;
    q.clusterId = query.clusterId;
    q.page = query.page;
    q.pageSize = query.pageSize;
    auto *job = Api::TeamApi(m_client).listTickets(q, this);
    // Connected before TicketListModel's own slot: the team fields are in place when the rows
    // are inserted or compared.
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        if (!job->ok())
            return;
        for (const Wire::TeamTicketSummary &t : job->teamPage().result)
            updateTeamFields(t.summary.id, t.team);
    });
    return job;
}

void QueueModel::updateTeamFields(const QString &ticketId, const Wire::TeamFields &fields)
{
    auto it = m_team.find(ticketId);
    if (it != m_team.end() && *it == fields)
        return;
    m_team.insert(ticketId, fields);
    const int row = rowOf(ticketId);
    if (row >= 0)
        emit dataChanged(index(row, OrganisationColumn), index(row, AssigneeColumn));
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : QueueColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool extra = index.column() >= ColumnCount;
    // The team reads "Waiting on customer" where the customer reads "Waiting on you".
    if ((role == Qt::DisplayRole && index.column() == StatusColumn) || role == StatusLabelRole)
        return Wire::teamStatusLabel(ticketAt(index.row()).status);
    if (!extra && role < OrganisationNameRole)
        return TicketListModel::data(index, role);
    const Wire::TeamFields team = m_team.value(ticketAt(index.row()).id);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == OrganisationColumn)
            return team.organisationName;
        if (index.column() == AssigneeColumn)
            return team.assigneeName.isEmpty() && !team.assigneeId.isEmpty() ? tr("Someone")
                                                                             : team.assigneeName;
        return {};
    case OrganisationNameRole:
        return team.organisationName;
    case AssigneeIdRole:
        return team.assigneeId;
    case AssigneeNameRole:
        return team.assigneeName;
    case LastCustomerActivityRole:
        return team.lastCustomerActivityAt;
    default:
        // Roles of the whole row (id, status, unread...) answer for the extra columns too.
        return extra ? TicketListModel::data(index.siblingAtColumn(0), role) : QVariant();
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        if (section == OrganisationColumn)
            return tr("Organisation");
        if (section == AssigneeColumn)
            return tr("Assignee");
    }
    return TicketListModel::headerData(section, orientation, role);
}

} // namespace Ankra::Models

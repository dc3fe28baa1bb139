#pragma once

// Staff mode's ticket queue: a TicketListModel fed from the team route across organisations
// (docs/api-extensions.md), with two more columns (organisation, assignee) and the team roles
// (OrganisationNameRole, AssigneeIdRole, AssigneeNameRole, LastCustomerActivityRole).
// Paging, refresh and row diffs are TicketListModel's. The team filters (organisation,
// severity, assignee) are set with setTeamQuery(), which starts over. GUI thread only.

#include "api/teamjobs.h"
#include "models/ticketlistmodel.h"

#include <QHash>

namespace Ankra::Models {

class QueueModel : public TicketListModel
{
    Q_OBJECT
public:
    enum ExtraColumn { OrganisationColumn = ColumnCount, AssigneeColumn, QueueColumnCount };

    explicit QueueModel(Api::ApiClient *client, QObject *parent = nullptr);

    // Statuses, search and page size are taken from the query too. Resets and loads.
    void setTeamQuery(const Api::TeamTicketQuery &query);
    const Api::TeamTicketQuery &teamQuery() const { return m_teamQuery; }
    // Empty fields when the ticket is not loaded.
    Wire::TeamFields teamFields(const QString &ticketId) const { return m_team.value(ticketId); }
    // The answer of a PATCH or comment: show its team fields at once, before the next refresh.
    void updateTeamFields(const QString &ticketId, const Wire::TeamFields &fields);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    Api::ListTicketsJob *startListJob(const Api::TicketQuery &query) override;

private:
    Api::ApiClient *m_client;
    Api::TeamTicketQuery m_teamQuery;
    QHash<QString, Wire::TeamFields> m_team;
};

} // namespace Ankra::Models

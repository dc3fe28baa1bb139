#include "outbox/pendingticketsproxy.h"

#include "models/roles.h"

namespace Ankra::Ui {

PendingTicketsProxy::PendingTicketsProxy(QAbstractItemModel *pending,
                                         QAbstractItemModel *tickets,
                                         QObject *parent)
    : QConcatenateTablesProxyModel(parent)
    , m_tickets(tickets)
{
    addSourceModel(pending);
    addSourceModel(tickets);
    connect(tickets, &QAbstractItemModel::rowsAboutToBeMoved, this, [this] {
        emit layoutAboutToBeChanged();
        m_beforeMove.clear();
        for (const QModelIndex &index : persistentIndexList())
            m_beforeMove.append({index, index.siblingAtColumn(0).data(Models::IdRole).toString()});
    });
    connect(tickets, &QAbstractItemModel::rowsMoved, this, [this] {
        QModelIndexList from;
        QModelIndexList to;
        for (const auto &[index, id] : std::as_const(m_beforeMove)) {
            if (!index.isValid())
                continue;
            QModelIndex found;
            for (int row = 0; row < rowCount() && !found.isValid(); ++row)
                if (this->index(row, 0).data(Models::IdRole).toString() == id)
                    found = this->index(row, index.column());
            from.append(index);
            to.append(found);
        }
        m_beforeMove.clear();
        changePersistentIndexList(from, to);
        emit layoutChanged();
    });
}

QVariant PendingTicketsProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && m_tickets)
        return m_tickets->headerData(section, orientation, role);
    return QConcatenateTablesProxyModel::headerData(section, orientation, role);
}

bool PendingTicketsProxy::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_tickets && m_tickets->canFetchMore({});
}

void PendingTicketsProxy::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && m_tickets)
        m_tickets->fetchMore({});
}

} // namespace Ankra::Ui

#pragma once

// The ticket list's source for the view: the outbox's not-yet-sent tickets on top, then the
// server's tickets. Paging (canFetchMore/fetchMore) and headers come from the server's model.
// QConcatenateTablesProxyModel (Qt 6.4) ignores moved rows; the ticket list moves rows on a
// refresh, so a move is passed on as a layout change that keeps selections on their tickets.

#include <QConcatenateTablesProxyModel>
#include <QPointer>

namespace Ankra::Ui {

class PendingTicketsProxy : public QConcatenateTablesProxyModel
{
    Q_OBJECT
public:
    PendingTicketsProxy(QAbstractItemModel *pending, QAbstractItemModel *tickets, QObject *parent);

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QPointer<QAbstractItemModel> m_tickets;
    QList<QPair<QPersistentModelIndex, QString>> m_beforeMove; // index, ticket id
};

} // namespace Ankra::Ui

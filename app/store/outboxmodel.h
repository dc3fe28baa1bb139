#pragma once

// Item models over the outbox for the views (no widgets):
// - OutboxModel: one row per entry, in send order, for the Outbox view.
// - OutboxTicketsModel: one row per ticket created offline and not yet sent, with the columns
//   and roles of Models::TicketListModel, to be shown above the server's tickets. Its id is the
//   local id ("outbox:<n>"); OutboxStateRole tells "waiting", "sending", "failed" or "sent". A
//   sent row stays until the ticket list shows the real ticket (setTicketModel()), so the row
//   turns into the real one without a gap.

#include "store/outbox.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Ankra::Models {
class TicketListModel;
}

namespace Ankra::Store {

enum OutboxRole {
    OutboxEntryIdRole = Qt::UserRole + 300, // qint64
    OutboxStateRole,                        // "waiting", "sending", "sent", "failed"
    OutboxKindRole,                         // "ticket", "comment", "attachment", "close"
    OutboxConflictRole,                     // bool
};

QString stateName(OutboxEntry::State state);
QString stateLabel(const OutboxEntry &entry); // translated, e.g. "Waiting (retry at 14:05)"
QString kindLabel(OutboxEntry::Kind kind);    // translated

class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        WhatColumn,
        TicketColumn,
        StateColumn,
        AttemptsColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit OutboxModel(Outbox *outbox, QObject *parent = nullptr);
    void reload();
    const OutboxEntry &entryAt(int row) const { return m_entries.at(row); }
    int rowOfEntry(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Outbox *m_outbox;
    QList<OutboxEntry> m_entries;
};

class OutboxTicketsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit OutboxTicketsModel(Outbox *outbox, QObject *parent = nullptr);
    void setTicketModel(Models::TicketListModel *model);
    void reload();
    int rowOf(const QString &localId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void dropResolved();

    Outbox *m_outbox;
    QPointer<Models::TicketListModel> m_tickets;
    QList<OutboxEntry> m_rows;
    QMap<qint64, int> m_refreshesSinceSent; // sent create id -> ticket list refreshes seen
};

} // namespace Ankra::Store

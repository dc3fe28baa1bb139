#pragma once

// The conversation of one ticket: the description first (written by the customer), then the
// customer-visible comments in wire order. setTicket() updates incrementally when the new
// thread extends the old one (the usual case after a reply or a refresh), and resets otherwise.

#include "wire/types.h"

#include <QAbstractListModel>

namespace Ankra::Models {

class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    void setTicket(const Wire::Ticket &ticket);
    void clear();
    const Wire::Comment &entryAt(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Human name of an author kind ("Ankra team"); unknown kinds are returned verbatim.
    static QString authorKindLabel(const QString &authorType);

private:
    QList<Wire::Comment> m_entries;
};

} // namespace Ankra::Models

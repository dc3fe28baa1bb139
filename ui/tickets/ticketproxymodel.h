#pragma once

// Between TicketListModel and the list view: sorting on a header click, bold for unread rows,
// and short relative dates. Sorting is client-side over the rows loaded so far: the API sorts
// only by updated_at (descending), which stays the default order (no sort column); a sorted
// view therefore shows the loaded pages in order, not the whole result set.

#include <QSortFilterProxyModel>

namespace Ankra::Ui {

class TicketProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TicketProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Every row of the flat list has the same flags: answered without mapping to the source.
    // The tree view asks for each row at every layout (100,000 rows: most of a layout's time).
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // "14:05" today, "Yesterday", "Mon", "12 Mar", "12 Mar 2023": short enough for a column.
    static QString shortDate(const QDateTime &time, const QDateTime &now);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace Ankra::Ui

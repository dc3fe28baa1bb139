#pragma once

// The ticket list's view: a QTreeView that does not repaint when, since its last layout, rows
// were only appended below the last visible row (pages loaded further down: what is shown is
// unchanged). QTreeView lays out and repaints the whole viewport after every insert; loading
// 100 pages repainted the list up to 100 times (bench_client P1). Any other change of the
// model (removal, move, sort, reset) repaints as before. Everything else is QTreeView's.

#include <QTreeView>

namespace Ankra::Ui {

class TicketListView : public QTreeView
{
    Q_OBJECT
public:
    using QTreeView::QTreeView;

    void setModel(QAbstractItemModel *model) override;
    void doItemsLayout() override;
    void reset() override;

protected:
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;

private:
    enum class Pending { Nothing, AppendsBelow, Other };
    Pending m_pending = Pending::Nothing; // what changed since the last layout
};

} // namespace Ankra::Ui

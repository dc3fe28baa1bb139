#include "tickets/ticketlistview.h"

#include <QTimerEvent>

#include <utility>

namespace Ankra::Ui {

void TicketListView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        old->disconnect(this);
    QTreeView::setModel(model);
    m_pending = Pending::Other;
    if (!model)
        return;
    const auto other = [this] { m_pending = Pending::Other; };
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, other);
    connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, other);
    connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, other);
    connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, other);
    connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, other);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, other);
}

void TicketListView::reset()
{
    m_pending = Pending::Other;
    m_frame.stop();
    QTreeView::reset();
}

void TicketListView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    m_pending = Pending::Other;
    QTreeView::rowsAboutToBeRemoved(parent, start, end);
}

void TicketListView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    // Before the base class: the layout still holds the rows shown before the insert (a
    // deferred layout leaves it so; indexAt lays out only what Qt itself has pending). A
    // viewport that is not full (no row at its bottom) shows the new rows: repaint then.
    const QModelIndex lastShown = indexAt(QPoint(0, viewport()->height() - 1));
    const bool below = !parent.isValid() && lastShown.isValid() && !lastShown.parent().isValid()
                       && start > lastShown.row();
    if (!below)
        m_pending = Pending::Other;
    else if (m_pending == Pending::Nothing)
        m_pending = Pending::AppendsBelow;
    QTreeView::rowsInserted(parent, start, end);
}

void TicketListView::doItemsLayout()
{
    if (m_pending != Pending::AppendsBelow) {
        m_pending = Pending::Nothing;
        m_frame.stop();
        QTreeView::doItemsLayout();
        return;
    }
    // Appends below only: one layout per frame. The first after a pause is done at once.
    const qint64 since = m_sinceLayout.isValid() ? m_sinceLayout.elapsed() : m_intervalMs;
    if (since >= m_intervalMs) {
        layoutAppends();
        return;
    }
    if (!m_frame.isActive())
        m_frame.start(int(m_intervalMs - since), Qt::PreciseTimer, this);
}

void TicketListView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_frame.timerId()) {
        QTreeView::timerEvent(event);
        return;
    }
    m_frame.stop();
    if (m_pending == Pending::AppendsBelow)
        layoutAppends();
}

void TicketListView::layoutAppends()
{
    m_pending = Pending::Nothing;
    m_frame.stop();
    m_sinceLayout.start();
    // The layout (and the scroll bar's range: the bar repaints itself) without repainting the
    // viewport. The attribute is set directly: setUpdatesEnabled(true) would repaint anyway.
    QWidget *area = viewport();
    const bool wasDisabled = area->testAttribute(Qt::WA_UpdatesDisabled);
    area->setAttribute(Qt::WA_UpdatesDisabled, true);
    QTreeView::doItemsLayout();
    area->setAttribute(Qt::WA_UpdatesDisabled, wasDisabled);
    m_intervalMs = qMax<qint64>(FrameMs, 2 * m_sinceLayout.elapsed());
    m_sinceLayout.start(); // the interval counts from the end of this layout
}

} // namespace Ankra::Ui

#include "tickets/ticketlistview.h"

#include <QHeaderView>
#include <QTimerEvent>

#include <utility>

namespace Ankra::Ui {

// QTreeView lays its header out again with each of its own layouts and updates its geometry; the
// header then resizes its stretched section and repaints (bench_client P1). Rows appended or
// removed below the fold change nothing about the sections: the header keeps its layout then.
class TicketListView::Header : public QHeaderView
{
public:
    using QHeaderView::QHeaderView;
    bool keepLayout = false;

    void doItemsLayout() override
    {
        if (keepLayout && model() && count() == model()->columnCount(rootIndex()))
            return;
        QHeaderView::doItemsLayout();
    }

protected:
    // Called by QTreeView::updateGeometries(); would resize the sections once more, later.
    void updateGeometries() override
    {
        if (!keepLayout)
            QHeaderView::updateGeometries();
    }
};

TicketListView::TicketListView(QWidget *parent)
    : QTreeView(parent)
    , m_header(new Header(Qt::Horizontal, this))
{
    // As QTreeView sets up its own header.
    m_header->setSectionsMovable(true);
    m_header->setStretchLastSection(true);
    m_header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setHeader(m_header);
}

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

bool TicketListView::belowViewport(const QModelIndex &parent, int start) const
{
    // Called before the base class: the layout still holds the rows shown before the change (a
    // deferred layout leaves it so). indexAt() would first do the layout Qt has pending: not
    // for rows appended below (doItemsLayout() skips it while probing), for QTreeView asks for
    // it again right after the change anyway; laid out here, these rows were laid out twice.
    // A viewport that is not full (no row at its bottom) shows every row: not below then.
    m_probing = true;
    const QModelIndex lastShown = indexAt(QPoint(0, viewport()->height() - 1));
    m_probing = false;
    return !parent.isValid() && lastShown.isValid() && !lastShown.parent().isValid()
           && start > lastShown.row();
}

void TicketListView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    // Rows leaving below the fold (a reload's first page replacing the pages after it) change
    // nothing shown: laid out without a repaint, but at once, as QTreeView drops its layout.
    if (!belowViewport(parent, start))
        m_pending = Pending::Other;
    else if (m_pending != Pending::Other)
        m_pending = Pending::RemovalsBelow;
    QTreeView::rowsAboutToBeRemoved(parent, start, end);
}

void TicketListView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    if (!belowViewport(parent, start))
        m_pending = Pending::Other;
    else if (m_pending == Pending::Nothing)
        m_pending = Pending::AppendsBelow;
    QTreeView::rowsInserted(parent, start, end);
}

void TicketListView::doItemsLayout()
{
    if (m_probing && m_pending == Pending::AppendsBelow)
        return;
    if (m_pending == Pending::RemovalsBelow) {
        layoutBelowFold();
        return;
    }
    if (m_pending != Pending::AppendsBelow) {
        m_pending = Pending::Nothing;
        m_frame.stop();
        QTreeView::doItemsLayout();
        ++m_layouts;
        return;
    }
    // Appends below only: one layout per frame. The first after a pause is done at once, and so
    // is the last: when the model has nothing more to fetch, no page will join this layout.
    const qint64 since = m_sinceLayout.isValid() ? m_sinceLayout.elapsed() : m_intervalMs;
    const bool moreToCome = m_moreToCome ? m_moreToCome() : model()->canFetchMore(rootIndex());
    if (since >= m_intervalMs || !moreToCome) {
        layoutBelowFold();
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
        layoutBelowFold();
}

void TicketListView::layoutBelowFold()
{
    m_pending = Pending::Nothing;
    m_frame.stop();
    m_sinceLayout.start();
    // The layout (and the scroll bar's range: the bar repaints itself) without repainting the
    // viewport. The attribute is set directly: setUpdatesEnabled(true) would repaint anyway.
    QWidget *area = viewport();
    const bool wasDisabled = area->testAttribute(Qt::WA_UpdatesDisabled);
    area->setAttribute(Qt::WA_UpdatesDisabled, true);
    const bool ownHeader = header() == m_header; // setHeader() may have replaced it
    if (ownHeader)
        m_header->keepLayout = true;
    QTreeView::doItemsLayout();
    ++m_layouts;
    if (ownHeader)
        m_header->keepLayout = false;
    area->setAttribute(Qt::WA_UpdatesDisabled, wasDisabled);
    m_intervalMs = qMax<qint64>(FrameMs, 2 * m_sinceLayout.elapsed());
    m_sinceLayout.start(); // the interval counts from the end of this layout
}

} // namespace Ankra::Ui

#pragma once

// The ticket list's view: a QTreeView that keeps appending pages cheap. QTreeView lays out every
// row again after each insert (O(rows)) and repaints the viewport; loading 100 pages laid out
// and repainted the list up to 100 times (bench_client P1). Here, when since the last layout rows
// were only appended below the last visible row (pages loaded further down: what is shown is
// unchanged), the layout is done without repainting the viewport and at most once per frame
// (FrameMs), or, once a layout takes longer than half a frame (100,000 rows), at most once per
// twice its duration: pages arriving meanwhile share one layout, and laying out never takes more
// than a third of the time while pages arrive (bench_client P6). Until then the rows above stay
// laid out as they were, which is all the viewport shows. Rows removed below the last visible
// row (a reload's first page replacing the pages after it) are laid out at once, as QTreeView
// drops its layout, but without a repaint either. Any other change of the model (removal above,
// move, sort, reset) lays out and repaints at once, as QTreeView does.

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QTreeView>

#include <functional>

namespace Ankra::Ui {

class TicketListView : public QTreeView
{
    Q_OBJECT
public:
    static constexpr int FrameMs = 16;

    explicit TicketListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void doItemsLayout() override;
    void reset() override;

    // True while appended rows wait for the next frame's layout (tests, bench_client P1).
    bool hasDeferredLayout() const { return m_frame.isActive(); }
    // How many times the rows were laid out (tests, bench_client P1).
    int layoutCount() const { return m_layouts; }
    // Whether more rows will be appended: a page arriving when none will is laid out at once.
    // By default the model's canFetchMore(), which a model may also answer false while a page
    // is on its way (TicketListModel does): every page then looked like the last one.
    void setMoreRowsToCome(std::function<bool()> moreToCome)
    {
        m_moreToCome = std::move(moreToCome);
    }

protected:
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void timerEvent(QTimerEvent *event) override;

private:
    class Header;
    enum class Pending { Nothing, AppendsBelow, RemovalsBelow, Other };
    bool belowViewport(const QModelIndex &parent, int start) const;
    void layoutBelowFold(); // appends or removals below the last visible row: no repaint

    Header *m_header = nullptr;
    mutable bool m_probing = false; // in belowViewport(): the layout as shown is what it asks
    int m_layouts = 0;
    std::function<bool()> m_moreToCome;
    Pending m_pending = Pending::Nothing; // what changed since the last layout
    QBasicTimer m_frame;                  // the deferred layout of appended rows
    QElapsedTimer m_sinceLayout;          // since the last layout of appended rows
    qint64 m_intervalMs = FrameMs;        // the least time between two such layouts
};

} // namespace Ankra::Ui

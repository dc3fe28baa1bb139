// The ticket list's view (ui/tickets/ticketlistview.h): pages appended below the visible rows
// share one layout per frame and do not repaint the viewport; every other change lays out and
// repaints at once, as QTreeView does.

#include "tickets/ticketlistview.h"

#include <QAbstractTableModel>
#include <QHeaderView>
#include <QTest>

using namespace Ankra::Ui;

namespace {

class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// Rows "Ticket <n>" in two columns; rows arrive in blocks, like the ticket list's pages.
class PagedModel : public QAbstractTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 2;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !index.isValid())
            return {};
        return index.column() == 0 ? QStringLiteral("Ticket %1").arg(m_rows.at(index.row()))
                                   : QStringLiteral("open");
    }
    // Whether more pages are to come (a view lays out the last one without waiting); while
    // `busy` (a page on its way), fetchMore() would not ask for one: canFetchMore() says no.
    bool morePages = true;
    bool busy = false;
    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && morePages && !busy;
    }
    void fetchMore(const QModelIndex &) override {}

    void clear()
    {
        beginResetModel();
        m_rows.clear();
        m_next = 0;
        endResetModel();
    }
    void append(int count)
    {
        beginInsertRows({}, rowCount(), rowCount() + count - 1);
        for (int i = 0; i < count; ++i)
            m_rows.append(m_next++);
        endInsertRows();
    }
    void prepend(int label)
    {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(label);
        endInsertRows();
    }
    void removeFirst(int count) { remove(0, count); }
    void removeLast(int count) { remove(rowCount() - count, count); }
    void remove(int first, int count)
    {
        beginRemoveRows({}, first, first + count - 1);
        m_rows.remove(first, count);
        endRemoveRows();
    }

private:
    QList<int> m_rows;
    int m_next = 0;
};

} // namespace

class TestTicketListView : public QObject
{
    Q_OBJECT

private:
    PagedModel m_model;
    std::unique_ptr<TicketListView> m_view;
    PaintCounter m_counter;

    // A shown view with a full viewport (200 rows) and its first layout done.
    void showFullView()
    {
        m_model.clear();
        m_model.morePages = true;
        m_model.busy = false;
        m_model.append(200);
        m_view = std::make_unique<TicketListView>();
        m_view->setUniformRowHeights(true);
        m_view->setRootIsDecorated(false);
        m_view->setModel(&m_model);
        m_view->resize(400, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QTRY_VERIFY(!m_view->hasDeferredLayout());
        QTest::qWait(2 * TicketListView::FrameMs);
        QCoreApplication::processEvents();
        m_view->viewport()->installEventFilter(&m_counter);
        m_view->header()->viewport()->installEventFilter(&m_counter); // the header lays out too
        m_counter.paints = 0;
    }

    // A page, then the event loop's turn in which the view takes up the layout Qt asked for.
    void appendPage()
    {
        m_model.append(100);
        QCoreApplication::processEvents();
    }

    bool laidOut(int row) const { return m_view->visualRect(m_model.index(row, 0)).isValid(); }

private slots:
    void appendsBelowShareOneLayoutPerFrame()
    {
        showFullView();
        // The first page after a pause is laid out at once...
        m_model.append(100);
        QCoreApplication::processEvents();
        QVERIFY(laidOut(299));
        // ...the pages right after it wait for the frame's layout, all together.
        bool sawDeferred = false;
        for (int page = 0; page < 20; ++page) {
            appendPage();
            sawDeferred = sawDeferred || m_view->hasDeferredLayout();
        }
        QVERIFY(sawDeferred);
        if (m_view->hasDeferredLayout())
            QVERIFY(!laidOut(2299));
        QTRY_VERIFY_WITH_TIMEOUT(laidOut(2299), 5'000);
        QVERIFY(!m_view->hasDeferredLayout());
        // What the viewport shows did not change: it was not repainted.
        QCoreApplication::processEvents();
        QCOMPARE(m_counter.paints, 0);
        // The rows are really there: scrolling to the end shows the last one.
        m_view->scrollToBottom();
        QTRY_VERIFY(m_view->indexAt(QPoint(5, m_view->viewport()->height() - 5)).row() >= 2290);
    }

    // Two pages in a row after a pause: the second one's rowsInserted() used to do the layout
    // Qt had pending for the first (asking which row is the last one shown), then QTreeView
    // asked for another layout of the same rows.
    void pagesInARowAreLaidOutOnce()
    {
        showFullView();
        const int before = m_view->layoutCount();
        m_model.append(100);
        m_model.append(100);
        QTRY_VERIFY(laidOut(399));
        QTest::qWait(3 * TicketListView::FrameMs);
        QCoreApplication::processEvents();
        QCOMPARE(m_view->layoutCount(), before + 1);
        QCOMPARE(m_counter.paints, 0);
    }

    void lastPageIsLaidOutAtOnce()
    {
        showFullView();
        m_model.append(100);
        QCoreApplication::processEvents();
        for (int page = 0; page < 3 && !m_view->hasDeferredLayout(); ++page)
            appendPage();
        QVERIFY(m_view->hasDeferredLayout()); // more pages to come: they share a layout
        // The model has nothing more to fetch: this page is the last, laid out now.
        m_model.morePages = false;
        m_model.append(100);
        const int last = m_model.rowCount() - 1;
        QCoreApplication::processEvents();
        QVERIFY(!m_view->hasDeferredLayout());
        QVERIFY(laidOut(last));
        QCOMPARE(m_counter.paints, 0);
    }

    // A model that cannot fetch more while a page is on its way is not at its last page: the
    // view asks the window whether more rows will come. Before, each page that arrived while
    // the next one was on its way was laid out at once (4 to 11 layouts per load, P1).
    void aPageOnItsWayIsNotTheLastOne()
    {
        showFullView();
        m_model.busy = true;
        m_view->setMoreRowsToCome([this] { return m_model.morePages; });
        appendPage(); // the first after a pause: at once
        bool sawDeferred = false;
        for (int page = 0; page < 3; ++page) {
            appendPage();
            sawDeferred = sawDeferred || m_view->hasDeferredLayout();
        }
        QVERIFY(sawDeferred);
        // The last page is laid out at once, with any deferred ones.
        m_model.morePages = false;
        appendPage();
        QVERIFY(!m_view->hasDeferredLayout());
        QVERIFY(laidOut(m_model.rowCount() - 1));
        QCOMPARE(m_counter.paints, 0);
    }

    void otherChangesLayOutAtOnce()
    {
        showFullView();
        m_model.append(100);
        QCoreApplication::processEvents();
        for (int page = 0; page < 3 && !m_view->hasDeferredLayout(); ++page)
            appendPage(); // the layout of the previous one is due: deferred
        QVERIFY(m_view->hasDeferredLayout());
        // A removal above the fold: laid out and repainted now, the deferred rows included.
        m_model.removeFirst(10);
        QCoreApplication::processEvents();
        QVERIFY(!m_view->hasDeferredLayout());
        QVERIFY(laidOut(m_model.rowCount() - 1));
        QCOMPARE(m_view->indexAt(QPoint(5, 2)).data().toString(), QStringLiteral("Ticket 10"));
        QTRY_VERIFY(m_counter.paints > 0);
    }

    void removalsBelowLayOutWithoutRepaint()
    {
        showFullView();
        // A reload's first page replaces the pages after it: rows leave below the fold.
        m_model.removeLast(100);
        QCoreApplication::processEvents();
        QVERIFY(!m_view->hasDeferredLayout());
        QVERIFY(laidOut(99));
        QVERIFY(!laidOut(100));
        QCOMPARE(m_view->indexAt(QPoint(5, 2)).data().toString(), QStringLiteral("Ticket 0"));
        QCoreApplication::processEvents();
        QCOMPARE(m_counter.paints, 0);
        // Pages coming back after it are appended below as before, without a repaint either.
        m_model.append(100);
        QTRY_VERIFY(laidOut(199));
        QCOMPARE(m_counter.paints, 0);
        // The scroll range follows the removal: scrolling to the end shows the last row.
        m_model.removeLast(150);
        m_view->scrollToBottom();
        QTRY_COMPARE(m_view->indexAt(QPoint(5, m_view->viewport()->height() - 5)).row(), 49);
    }

    void removalsInViewRepaint()
    {
        showFullView();
        // Rows leaving from the middle of what is shown: laid out and repainted at once.
        m_model.remove(3, 2);
        QCoreApplication::processEvents();
        QVERIFY(!m_view->hasDeferredLayout());
        QCOMPARE(m_view->indexAt(QPoint(5, m_view->visualRect(m_model.index(3, 0)).center().y()))
                     .data()
                     .toString(),
                 QStringLiteral("Ticket 5"));
        QTRY_VERIFY(m_counter.paints > 0);
    }

    // The header keeps its layout only while rows change below the fold: a resize of the view
    // still stretches its last section, a new model still gets its sections.
    void headerStillFollowsTheView()
    {
        showFullView();
        m_model.append(100);
        QTRY_VERIFY(laidOut(299));
        QHeaderView *header = m_view->header();
        const int lastWidth = header->sectionSize(1);
        m_view->resize(m_view->width() + 120, m_view->height());
        QTRY_COMPARE(header->sectionSize(1), lastWidth + 120);
        QCOMPARE(header->sectionPosition(1) + header->sectionSize(1), header->viewport()->width());
    }

    void rowsInsertedInViewRepaint()
    {
        showFullView();
        // An insert at the top is visible: laid out and repainted at once.
        m_model.prepend(-1);
        QCoreApplication::processEvents();
        QVERIFY(!m_view->hasDeferredLayout());
        QCOMPARE(m_view->indexAt(QPoint(5, 2)).data().toString(), QStringLiteral("Ticket -1"));
        QTRY_VERIFY(m_counter.paints > 0);
    }

    void cleanupTestCase() { m_view.reset(); }
};

QTEST_MAIN(TestTicketListView)
#include "tst_ticketlistview.moc"

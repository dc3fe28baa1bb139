// TicketListModel's read-ahead against the real server: fetchMore() fetches the following pages
// concurrently, and the list still comes out in the server's order, without duplicates, also
// when tickets move between pages meanwhile or the query changes while pages are on their way.

#include "testserver.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketlistmodel.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <functional>

using namespace Ankra;

namespace {

constexpr int Tickets = 240;
constexpr int PageSize = 10;

// Counts the list requests that are on their way at the same time.
class CountingNetworkAccessManager : public QNetworkAccessManager
{
public:
    int maxInFlight = 0;
    int listRequests = 0;
    QStringList events; // "asked N", "answered N" for list page N, in order

protected:
    QNetworkReply *createRequest(Operation op,
                                 const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        if (op == GetOperation && request.url().path().endsWith(QLatin1String("/tickets"))) {
            ++listRequests;
            maxInFlight = qMax(maxInFlight, ++m_inFlight);
            const QString page = QUrlQuery(request.url()).queryItemValue(QStringLiteral("page"));
            events << QStringLiteral("asked %1").arg(page);
            connect(reply, &QNetworkReply::finished, this, [this, page] {
                --m_inFlight;
                events << QStringLiteral("answered %1").arg(page);
            });
        }
        return reply;
    }

private:
    int m_inFlight = 0;
};

QStringList rowIds(const Models::TicketListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.ticketAt(row).id);
    return ids;
}

} // namespace

class TestTicketListReadAhead : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QString m_token;

    void setUp(Api::ApiClient &client)
    {
        client.setServerUrl(m_server.url());
        client.setToken(m_token);
    }

    // The server's order, one page after the other (no read-ahead).
    QStringList sequentialIds(Api::ApiClient &client, const QString &search = {})
    {
        QStringList ids;
        for (int page = 1;; ++page) {
            Api::TicketQuery query;
            query.page = page;
            query.pageSize = PageSize;
            query.search = search;
            auto *job = client.listTickets(query, this);
            if (!QTest::qWaitFor([job] { return job->isFinished(); }, 20'000) || !job->ok())
                return {};
            for (const Wire::TicketSummary &t : job->page().result)
                ids.append(t.id);
            const int totalPages = job->page().pagination.totalPages;
            delete job;
            if (page >= totalPages)
                return ids;
        }
    }

    // Calls fetchMore() whenever the model is idle, as a view scrolled to the end does.
    // Asks for pages of PageSize; true once the first one is shown.
    static bool showFirstPage(Models::TicketListModel &model)
    {
        Api::TicketQuery query;
        query.pageSize = PageSize;
        model.setQuery(query);
        return QTest::qWaitFor([&] { return model.rowCount() == PageSize; }, 20'000);
    }

    static bool loadAll(Models::TicketListModel &model,
                        const std::function<void()> &onEachFetch = {})
    {
        return QTest::qWaitFor(
                   [&] {
                       if (model.lastError().isError())
                           return true;
                       if (!model.isLoading() && model.canFetchMore({})) {
                           model.fetchMore({});
                           if (onEachFetch)
                               onEachFetch();
                       }
                       return !model.isLoading() && !model.canFetchMore({});
                   },
                   20'000)
               && !model.lastError().isError();
    }

private slots:
    void initTestCase()
    {
        m_token = m_server.createToken(QStringLiteral("Read Ahead Org"), QStringLiteral("reader"));
        QVERIFY(!m_token.isEmpty());
        QByteArray jsonl;
        for (int i = 0; i < Tickets; ++i)
            jsonl += QStringLiteral("{\"subject\":\"%1 number %2\",\"description\":\"Read-ahead "
                                    "test ticket.\",\"category\":\"technical\"}\n")
                         .arg(i % 3 == 0 ? QStringLiteral("Quota") : QStringLiteral("Node"))
                         .arg(i)
                         .toUtf8();
        QString error;
        QVERIFY2(m_server.importTicketLines(QStringLiteral("Read Ahead Org"), jsonl, &error),
                 qPrintable(error));
        QVERIFY2(m_server.start(false, &error), qPrintable(error));
    }

    void concurrentPagesKeepTheServersOrder()
    {
        CountingNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        setUp(client);
        const QStringList expected = sequentialIds(client);
        QCOMPARE(expected.size(), Tickets);
        nam.maxInFlight = 0;
        nam.listRequests = 0;

        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery query;
        query.pageSize = PageSize;
        model.setQuery(query);
        QVERIFY(loadAll(model));
        QCOMPARE(rowIds(model), expected);
        QCOMPARE(model.totalCount(), qint64(Tickets));
        // Read ahead means several pages at once, and still each page only once.
        QVERIFY2(nam.maxInFlight > 1, qPrintable(QString::number(nam.maxInFlight)));
        QCOMPARE(nam.listRequests, Tickets / PageSize);
    }

    // A refresh asked for while one is on its way is not dropped: the caller may know of a
    // change the running one was too early for (the outbox's sent ticket waited for the poll).
    void refreshWhileRefreshingRunsOnceMore()
    {
        CountingNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QVERIFY(showFirstPage(model));
        QTest::qWait(200); // the pages read ahead arrive: not counted below
        QSignalSpy refreshed(&model, &Models::TicketListModel::refreshed);
        nam.listRequests = 0;
        model.refresh();
        QVERIFY(model.isRefreshing());
        model.refresh(); // both of these make one more refresh after the running one
        model.refresh();
        QVERIFY(QTest::qWaitFor([&] { return refreshed.size() == 2 && !model.isRefreshing(); },
                                20'000));
        QTest::qWait(200);
        QCOMPARE(refreshed.size(), 2);
        QCOMPARE(nam.listRequests, 2); // one page loaded, refreshed twice
        QCOMPARE(model.rowCount(), PageSize);
    }

    // QTreeView calls fetchMore() from the middle of its layout: a page that is already here
    // must not be inserted from within that call (the view has no layout at that moment).
    // A reload of the query loaded before (F5, a retry) asks for the pages after the first
    // with it, not one round trip after it; a new query does not (its number of pages is not
    // known yet). The rows end up the same either way.
    void aReloadAsksForTheNextPagesWithTheFirst()
    {
        CountingNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        setUp(client);
        Models::TicketListModel model(&client); // no model tester: it calls fetchMore() itself
        QVERIFY(showFirstPage(model));
        QTest::qWait(300); // the pages read ahead after page 1 arrive
        const QStringList firstIds = rowIds(model);

        nam.events.clear();
        model.reload();
        QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 20'000));
        QVERIFY(QTest::qWaitFor([&] { return nam.events.size() >= 6; }, 20'000));
        const qsizetype answered1 = nam.events.indexOf(QStringLiteral("answered 1"));
        QVERIFY2(answered1 > 0, qPrintable(nam.events.join(u',')));
        QVERIFY2(nam.events.indexOf(QStringLiteral("asked 2")) < answered1
                     && nam.events.indexOf(QStringLiteral("asked 3")) < answered1,
                 qPrintable(nam.events.join(u',')));
        QCOMPARE(rowIds(model), firstIds);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), Tickets);

        Api::TicketQuery other = model.query();
        other.search = QStringLiteral("Quota");
        nam.events.clear();
        model.setQuery(other);
        QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 20'000));
        QVERIFY2(nam.events.value(0) == QStringLiteral("asked 1")
                     && nam.events.value(1) == QStringLiteral("answered 1"),
                 qPrintable(nam.events.join(u',')));
    }

    void fetchMoreNeverInsertsRowsFromWithinTheCall()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        setUp(client);
        Models::TicketListModel model(&client); // no model tester: it calls fetchMore() itself
        bool inFetchMore = false;
        int insertsInFetchMore = 0;
        connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this, [&] {
            insertsInFetchMore += inFetchMore ? 1 : 0;
        });
        QVERIFY(showFirstPage(model));
        // Pages 2 and 3 are read ahead as soon as page 1 is here: let them arrive.
        QTest::qWait(500);
        int fetches = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (!model.isLoading() && model.canFetchMore({})) {
                    const int rowsBefore = model.rowCount();
                    inFetchMore = true;
                    model.fetchMore({});
                    inFetchMore = false;
                    ++fetches;
                    if (model.rowCount() != rowsBefore)
                        return true; // fails below
                }
                return !model.isLoading() && !model.canFetchMore({});
            },
            20'000));
        QCOMPARE(insertsInFetchMore, 0);
        QCOMPARE(model.rowCount(), Tickets);
        QCOMPARE(fetches, Tickets / PageSize - 1);
    }

    void ticketsMovingBetweenPagesAreNotShownTwice()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QVERIFY(showFirstPage(model));

        // While pages are being read ahead, tickets further down get a reply: each moves to the
        // top of the server's order and shifts the pages after it by one row.
        const QStringList before = sequentialIds(client);
        QCOMPARE(before.size(), Tickets);
        QList<Api::TicketJob *> replies;
        int fetches = 0;
        QVERIFY(loadAll(model, [&] {
            if (++fetches <= 3)
                replies.append(client.addComment(before.at(Tickets - 1 - fetches * 7),
                                                 QStringLiteral("Moves this ticket up."),
                                                 this));
        }));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.begin(), replies.end(), [](Api::TicketJob *job) {
                    return job->isFinished();
                });
            },
            20'000));
        for (Api::TicketJob *job : std::as_const(replies))
            QVERIFY2(job->ok(), qPrintable(job->error().message));

        // No row twice, and the rows in the server's order: pages of before and after the
        // moves all keep the other rows in the order they had before (the moved ones sit on the
        // first page now, which was loaded before). Pages read ahead concurrently are not taken
        // at one instant: a row next to a moved one may be missed until the next refresh, as a
        // moved row itself is when paging one page after the other.
        const QStringList ids = rowIds(model);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        qsizetype at = 0;
        for (const QString &id : ids) {
            at = before.indexOf(id, at);
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("%1 is out of order").arg(id)));
        }
        QVERIFY2(ids.size() >= Tickets - 3 * PageSize, qPrintable(QString::number(ids.size())));

        // A refresh brings back the exact server order.
        QSignalSpy refreshed(&model, &Models::TicketListModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait(20'000));
        QCOMPARE(rowIds(model), sequentialIds(client));
    }

    void aNewQueryDropsPagesReadAheadForTheOldOne()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        setUp(client);
        const QStringList quota = sequentialIds(client, QStringLiteral("Quota"));
        QCOMPARE(quota.size(), Tickets / 3);

        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery query;
        query.pageSize = PageSize;
        model.setQuery(query);
        QVERIFY(QTest::qWaitFor([&] { return model.rowCount() == PageSize; }, 20'000));
        model.fetchMore({}); // page 2, and the pages after it read ahead
        model.fetchMore({}); // refused while loading: the read-ahead is not doubled
        QVERIFY(model.isLoading());

        query.search = QStringLiteral("Quota");
        model.setQuery(query);
        QVERIFY(loadAll(model));
        QTest::qWait(300); // anything of the old query still arriving would land now
        QCOMPARE(rowIds(model), quota);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.ticketAt(row).subject.startsWith(QLatin1String("Quota")));
    }
};

QTEST_GUILESS_MAIN(TestTicketListReadAhead)
#include "tst_ticketlist_readahead.moc"

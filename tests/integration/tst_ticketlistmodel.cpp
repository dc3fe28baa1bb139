// TicketListModel against the real server: paging with fetchMore, filters, errors.

#include "testserver.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketlistmodel.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Ankra;

class TestTicketListModel : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;

    bool waitLoaded(Models::TicketListModel &model)
    {
        QSignalSpy loaded(&model, &Models::TicketListModel::pageLoaded);
        QSignalSpy failed(&model, &Models::TicketListModel::errorOccurred);
        return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 10'000)
               && failed.isEmpty();
    }

    void setUp(Api::ApiClient &client)
    {
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
    }

    // Asks for the next page whenever the model can fetch more, as a view scrolled to the end
    // does, until `done` and nothing is loading.
    static bool fetchUntil(Models::TicketListModel &model, const std::function<bool()> &done)
    {
        return QTest::qWaitFor(
            [&] {
                if (model.canFetchMore({}))
                    model.fetchMore({});
                return done() && !model.isLoading();
            },
            10'000);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void pagesThroughEverything()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery query;
        query.pageSize = 5;
        model.setQuery(query);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 5);
        const int total = int(model.totalCount());
        QVERIFY(total > 5);
        // More pages, whether one is on its way (canFetchMore() then says no) or not.
        QVERIFY(model.hasMorePages());
        if (model.canFetchMore({}))
            model.fetchMore({});
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.hasMorePages());
        // The view (here QAbstractItemModelTester) may itself call fetchMore(); keep asking
        // until every page is in.
        QVERIFY(fetchUntil(model, [&] { return model.rowCount() == total; }));
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.hasMorePages());
        QCOMPARE(model.rowCount(), total);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.index(row, 0).data(Models::IdRole).toString());
        QCOMPARE(ids.size(), total);
        QVERIFY(!model.index(0, Models::TicketListModel::StatusColumn).data().toString().isEmpty());
    }

    void filtersOnTheServer()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery query;
        query.statuses = {QStringLiteral("waiting_customer")};
        model.setQuery(query);
        QVERIFY(waitLoaded(model));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data(Models::StatusRole).toString(),
                     QStringLiteral("waiting_customer"));
        query.statuses.clear();
        query.search = QStringLiteral("cert-manager");
        model.setQuery(query);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 1);
    }

    // A new query keeps the rows shown until its first page replaces them row by row (no
    // reset, no empty list in between; a ticket in both lists keeps its index, so its selection
    // survives); an error on that page clears them.
    void newQueryReplacesTheRowsWhenItsFirstPageArrives()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({});
        QVERIFY(waitLoaded(model));
        const int before = model.rowCount();
        QVERIFY(before > 1);
        QPersistentModelIndex kept;
        for (int row = 0; row < before; ++row)
            if (model.index(row, 0)
                    .data(Models::SubjectRole)
                    .toString()
                    .contains(QLatin1String("cert-manager")))
                kept = model.index(row, 0);
        QVERIFY(kept.isValid());
        const QString keptId = kept.data(Models::IdRole).toString();

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        Api::TicketQuery search;
        search.search = QStringLiteral("cert-manager");
        model.setQuery(search);
        QCOMPARE(model.rowCount(), before); // still the previous rows, while loading
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({})); // ...but they are not paged further
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.size(), 0);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 0);
        QCOMPARE(kept.data(Models::IdRole).toString(), keptId);

        client.setToken(QStringLiteral("ank_0000000000000000_nope-nope-nope-nope"));
        QSignalSpy failed(&model, &Models::TicketListModel::errorOccurred);
        model.setQuery({});
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(model.lastError().kind, Api::ApiError::Kind::Auth);
        QCOMPARE(model.rowCount(), 0);
    }

    // More than two pages of other rows are replaced with one reset when the new first page
    // arrives.
    void longListIsReplacedWithOneReset()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery all;
        all.pageSize = 5;
        model.setQuery(all);
        QVERIFY(waitLoaded(model));
        QVERIFY(fetchUntil(model, [&] { return model.rowCount() >= 20; }));
        const int before = model.rowCount();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Api::TicketQuery search = all;
        search.search = QStringLiteral("cert-manager");
        model.setQuery(search);
        QCOMPARE(model.rowCount(), before);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(removed.size(), 0);
    }

    void reportsAuthErrors()
    {
        Api::ApiClient client(&m_nam);
        client.setServerUrl(m_server.url());
        client.setToken(QStringLiteral("ank_0000000000000000_nope-nope-nope-nope"));
        Models::TicketListModel model(&client);
        QSignalSpy failed(&model, &Models::TicketListModel::errorOccurred);
        model.setQuery({});
        QVERIFY(failed.wait(10'000));
        QCOMPARE(model.lastError().kind, Api::ApiError::Kind::Auth);
        QCOMPARE(model.rowCount(), 0);
    }

    void reportsOffline()
    {
        Api::ApiClient client(&m_nam);
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        client.setToken(m_server.token());
        Models::TicketListModel model(&client);
        QSignalSpy failed(&model, &Models::TicketListModel::errorOccurred);
        model.setQuery({});
        QVERIFY(failed.wait(15'000));
        QCOMPARE(model.lastError().kind, Api::ApiError::Kind::Offline);
    }
};

QTEST_GUILESS_MAIN(TestTicketListModel)
#include "tst_ticketlistmodel.moc"

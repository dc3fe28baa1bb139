// Keeping the client current against the real server: TicketListModel::refresh() applies
// changes row by row (no reset; persistent indexes survive), UpdatePoller reports status
// changes and new non-customer comments, ReadStateStore's unread state, ViewCounter's counts.
// "Someone else" is a second ApiClient acting on the same organisation.

#include "testserver.h"

#include "api/apiclient.h"
#include "models/readstate.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "models/updatepoller.h"
#include "models/viewcounter.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;

class TestClientUpdates : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    void setUp(Api::ApiClient &client)
    {
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
    }

    // Another user's action, waited for.
    bool comment(const QString &ticketId, const QString &text)
    {
        Api::ApiClient other(&m_nam);
        setUp(other);
        auto *job = other.addComment(ticketId, text, this);
        QSignalSpy done(job, &Api::ApiJob::finished);
        const bool ok = done.wait(10'000) && job->ok();
        delete job;
        return ok;
    }
    bool close(const QString &ticketId)
    {
        Api::ApiClient other(&m_nam);
        setUp(other);
        auto *job = other.closeTicket(ticketId, this);
        QSignalSpy done(job, &Api::ApiJob::finished);
        const bool ok = done.wait(10'000) && job->ok();
        delete job;
        return ok;
    }
    static QStringList ids(const Models::TicketListModel &model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.append(model.ticketAt(row).id);
        return result;
    }
    static bool loadPages(Models::TicketListModel &model, int rows)
    {
        return QTest::qWaitFor(
            [&] {
                if (model.rowCount() < rows && model.canFetchMore({}))
                    model.fetchMore({});
                return model.rowCount() >= rows && !model.isLoading();
            },
            10'000);
    }
    static bool refreshAndWait(Models::TicketListModel &model)
    {
        QSignalSpy refreshed(&model, &Models::TicketListModel::refreshed);
        model.refresh();
        return refreshed.wait(10'000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void refreshMovesChangedRowsWithoutReset()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery query;
        query.pageSize = 5;
        model.setQuery(query);
        QVERIFY(loadPages(model, 10));
        const int rows = model.rowCount();
        const QStringList before = ids(model);

        // The selection of a user: a persistent index on row 2. Someone answers a ticket of
        // the second page: it moves to the top, row 2's ticket moves down by one.
        const QPersistentModelIndex selected = model.index(2, 1);
        const QString selectedId = before.at(2);
        int from = 7;
        while (model.ticketAt(from).status == QLatin1String("closed"))
            ++from;
        QVERIFY(from < rows);
        const QString moved = before.at(from);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(comment(moved, QStringLiteral("Any news?")));
        QVERIFY(refreshAndWait(model));

        QCOMPARE(reset.count(), 0);
        QVERIFY(moves.count() >= 1);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), rows); // the loaded range keeps its size
        QCOMPARE(model.ticketAt(0).id, moved);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(Models::IdRole).toString(), selectedId);
        QCOMPARE(selected.row(), 3);
        QStringList expected = before;
        expected.move(from, 0);
        QCOMPARE(ids(model), expected);

        // Nothing changed: a refresh emits no row changes at all.
        moves.clear();
        changed.clear();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(refreshAndWait(model));
        QCOMPARE(moves.count(), 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(inserted.count(), 0);
    }

    void refreshRemovesTicketsThatLeaveTheView()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::TicketQuery query;
        query.statuses = {QStringLiteral("waiting_customer")};
        model.setQuery(query);
        QVERIFY(loadPages(model, 1));
        const int rows = model.rowCount();
        QVERIFY(rows >= 2);
        const QString gone = model.ticketAt(1).id;
        const qint64 total = model.totalCount();
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QVERIFY(close(gone));
        QVERIFY(refreshAndWait(model));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), rows - 1);
        QCOMPARE(model.rowOf(gone), -1);
        QCOMPARE(model.totalCount(), total - 1);
    }

    void pollerReportsStatusChangesAndReplies()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        Models::TicketController controller(&client);
        Models::UpdatePoller poller(&model, &controller);
        QCOMPARE(poller.interval(), 60'000);
        // "All": a ticket that changes status stays in the list (in a status view it would
        // leave it, which is a removal).
        model.setQuery({});
        QVERIFY(loadPages(model, 5));
        QStringList notClosed;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.ticketAt(row).status != QLatin1String("closed"))
                notClosed.append(model.ticketAt(row).id);
        QVERIFY(notClosed.size() >= 2);
        const QString open = notClosed.at(0);   // the ticket the user looks at
        const QString listed = notClosed.at(1); // another one in the list
        controller.open(open);
        QTRY_VERIFY_WITH_TIMEOUT(controller.hasTicket() && !controller.isLoading(), 10'000);

        QSignalSpy status(&poller, &Models::UpdatePoller::statusChanged);
        QSignalSpy replies(&poller, &Models::UpdatePoller::newReplies);
        QSignalSpy polled(&poller, &Models::UpdatePoller::polled);
        poller.setInterval(200);
        poller.start();
        QVERIFY(polled.wait(5'000)); // the timer polls on its own
        QCOMPARE(status.count(), 0);
        QCOMPARE(replies.count(), 0);

        QVERIFY(close(open));
        QVERIFY(close(listed));
        QTRY_VERIFY_WITH_TIMEOUT(status.count() >= 2 && replies.count() >= 1, 10'000);
        poller.stop();
        QSet<QString> changedIds;
        for (const QList<QVariant> &args : std::as_const(status)) {
            changedIds.insert(args.at(0).toString());
            QCOMPARE(args.at(2).toString(), QStringLiteral("closed"));
        }
        QCOMPARE(changedIds, (QSet<QString>{open, listed}));
        QCOMPARE(status.count(), 2); // the open ticket is reported once, not by list and detail
        QCOMPARE(replies.first().at(0).toString(), open);
        const auto comments = replies.first().at(1).value<QList<Wire::Comment>>();
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.first().authorType, QStringLiteral("system"));

        // Window activation right after a poll is throttled.
        poller.poll();
        polled.clear();
        poller.pollSoon();
        QCOMPARE(polled.count(), 0);
        poller.setMinInterval(0);
        poller.pollSoon();
        QCOMPARE(polled.count(), 1);
    }

    void ownRepliesAreNotNews()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        Models::TicketController controller(&client);
        Models::UpdatePoller poller(&model, &controller);
        model.setQuery({});
        QVERIFY(loadPages(model, 1));
        QString id;
        for (int row = 0; row < model.rowCount() && id.isEmpty(); ++row)
            if (model.ticketAt(row).status != QLatin1String("closed"))
                id = model.ticketAt(row).id;
        controller.open(id);
        QTRY_VERIFY_WITH_TIMEOUT(controller.hasTicket(), 10'000);
        QSignalSpy replies(&poller, &Models::UpdatePoller::newReplies);
        QSignalSpy status(&poller, &Models::UpdatePoller::statusChanged);
        QSignalSpy sent(&controller, &Models::TicketController::replySent);
        controller.sendReply(QStringLiteral("Here are the logs."));
        QVERIFY(sent.wait(10'000));
        QSignalSpy closed(&controller, &Models::TicketController::ticketClosed);
        controller.closeTicket(); // adds a system comment: the user's own doing
        QVERIFY(closed.wait(10'000));
        poller.poll();
        QVERIFY(QTest::qWaitFor([&] { return !controller.isLoading() && !model.isRefreshing(); },
                                10'000));
        QCOMPARE(replies.count(), 0);
        QCOMPARE(status.count(), 0);
    }

    // reload() while a load is on its way loads once more after it (the caller may know of a
    // change the running load was too early for: the outbox's reply just sent showed only at
    // the next poll). Counted on the wire: two loads of the ticket, then nothing more.
    void reloadWhileLoadingLoadsOnceMore()
    {
        struct CountingNam : QNetworkAccessManager
        {
            QString path;
            int gets = 0;
            QNetworkReply *createRequest(Operation op,
                                         const QNetworkRequest &request,
                                         QIODevice *data) override
            {
                if (op == GetOperation && request.url().path() == path)
                    ++gets;
                return QNetworkAccessManager::createRequest(op, request, data);
            }
        } nam;
        Api::ApiClient client(&nam);
        setUp(client);
        Models::TicketListModel model(&client);
        Models::TicketController controller(&client);
        model.setQuery({});
        QVERIFY(loadPages(model, 1));
        const QString id = model.ticketAt(0).id;
        controller.open(id);
        QTRY_VERIFY_WITH_TIMEOUT(controller.hasTicket() && !controller.isLoading(), 10'000);
        nam.path = QStringLiteral("/api/v1/org/support/tickets/") + id;
        QSignalSpy changed(&controller, &Models::TicketController::ticketChanged);
        controller.reload();
        QVERIFY(controller.isLoading());
        controller.reload(); // both make one more load after the running one
        controller.reload();
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() == 2 && !controller.isLoading(), 10'000);
        QTest::qWait(200);
        QCOMPARE(nam.gets, 2);
        QCOMPARE(changed.size(), 2);
    }

    void unreadUntilOpened()
    {
        const QString path = m_dir.filePath(QStringLiteral("read-state.ini"));
        Api::ApiClient client(&m_nam);
        setUp(client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Models::ReadStateStore store(path);
        model.setReadState(&store);
        model.setQuery({});
        QVERIFY(loadPages(model, 5));
        // Tickets older than the store are read: the first start shows nothing in bold.
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.index(row, 0).data(Models::UnreadRole).toBool());

        QTest::qWait(5); // updated_at must be after the store's baseline
        int from = 3;    // not the first row: the comment must move it
        while (model.ticketAt(from).status == QLatin1String("closed"))
            ++from;
        const QString id = model.ticketAt(from).id;
        QVERIFY(comment(id, QStringLiteral("From a colleague")));
        QVERIFY(refreshAndWait(model));
        const int row = model.rowOf(id);
        QCOMPARE(row, 0);
        QVERIFY(model.index(row, 0).data(Models::UnreadRole).toBool());
        QVERIFY(!model.index(1, 0).data(Models::UnreadRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        store.markRead(id, model.ticketAt(row).updatedAt);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.index(row, 0).data(Models::UnreadRole).toBool());

        // Kept on disk: a new store (the next start) agrees, and holds no token.
        Models::ReadStateStore again(path);
        QCOMPARE(again.baseline(), store.baseline());
        QVERIFY(!again.isUnread(id, model.ticketAt(row).updatedAt));
        QVERIFY(again.isUnread(id, model.ticketAt(row).updatedAt.addSecs(1)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_server.token().toUtf8()));
    }

    void countsEachView()
    {
        Api::ApiClient client(&m_nam);
        setUp(client);
        const QList<QStringList> views{{QStringLiteral("closed")},
                                       {QStringLiteral("resolved"), QStringLiteral("closed")},
                                       {}};
        Models::ViewCounter counter(&client, views);
        QSignalSpy finished(&counter, &Models::ViewCounter::finished);
        QSignalSpy changed(&counter, &Models::ViewCounter::countChanged);
        counter.refresh();
        QVERIFY(finished.wait(10'000));
        QCOMPARE(changed.count(), 3);
        for (int view = 0; view < views.size(); ++view) {
            Models::TicketListModel model(&client);
            Api::TicketQuery query;
            query.statuses = views.at(view);
            model.setQuery(query);
            QVERIFY(loadPages(model, 1));
            QCOMPARE(counter.count(view), model.totalCount());
        }
        QVERIFY(counter.count(0) > 0);
        QVERIFY(counter.count(1) > counter.count(0));
        QVERIFY(counter.count(2) > counter.count(1));

        // Unchanged counts are not re-announced; a changed one is.
        changed.clear();
        counter.refresh();
        QVERIFY(finished.wait(10'000));
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClientUpdates)
#include "tst_client_updates.moc"

// The offline cache end to end against the real server: what the client saw is shown at once
// after a "restart" while the server is down (killed), search and filters run over it, the live
// data replaces it once the server answers, the background prefetch fills it, and the offline
// pre-check of the new-ticket flow finds a cached duplicate.

#include "testserver.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "review/submissionflow.h"
#include "store/cache.h"
#include "store/cachesync.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;

namespace {

QStringList rowIds(const Models::TicketListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(Models::IdRole).toString());
    return ids;
}

} // namespace

class TestCacheOffline : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager m_nam;
    const QString m_account = QStringLiteral("demo-account");

    void setUpClient(Api::ApiClient &client, const Test::TestServer &server)
    {
        client.setServerUrl(server.url());
        client.setToken(server.token());
        Api::RetryPolicy fast;
        fast.maxAttempts = 1; // a dead server answers "connection refused" at once
        client.setRetryPolicy(fast);
    }

    static bool waitFirstPage(Models::TicketListModel &model)
    {
        QSignalSpy loaded(&model, &Models::TicketListModel::pageLoaded);
        QSignalSpy failed(&model, &Models::TicketListModel::errorOccurred);
        return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 20'000)
               && failed.isEmpty();
    }

    // Opens `ticketId` online and waits until the server's copy is there (and so cached).
    static bool openOnline(Models::TicketController &controller, const QString &ticketId)
    {
        controller.open(ticketId);
        return QTest::qWaitFor(
            [&] {
                return controller.hasTicket() && !controller.isShowingCache()
                       && !controller.isLoading();
            },
            20'000);
    }

private slots:
    void listAndTicketFromCacheWhileServerIsDown()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Api::ApiClient client(&m_nam);
        setUpClient(client, server);
        const QString key = Store::TicketCache::accountKey(client.serverUrl(), {}, m_account);

        Api::TicketQuery query;
        query.pageSize = 100;
        QStringList onlineIds;
        QString openedId;
        Wire::Ticket opened;
        {
            // Session 1, online: the list and one ticket are seen.
            Store::TicketCache cache(dir.path(), key);
            QVERIFY(cache.open());
            Store::CacheSync sync(&cache, &client);
            Models::TicketListModel model(&client);
            Models::TicketController controller(&client);
            sync.attach(&model);
            sync.attach(&controller);
            model.setQuery(query);
            QVERIFY(!model.isShowingCache()); // nothing cached yet
            QVERIFY(waitFirstPage(model));
            onlineIds = rowIds(model);
            QVERIFY(onlineIds.size() > 3);
            QCOMPARE(cache.ticketCount(), qint64(onlineIds.size()));
            openedId = onlineIds.at(1);
            QVERIFY(openOnline(controller, openedId));
            opened = controller.ticket();
            QVERIFY(!opened.description.isEmpty());
            QVERIFY(cache.ticket(openedId));
        }

        server.kill();

        // Session 2, the server is down: a new cache object on the same file, as after a restart.
        Store::TicketCache cache(dir.path(), key);
        QVERIFY(cache.open());
        Store::CacheSync sync(&cache, &client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sync.attach(&model);
        QSignalSpy failed(&model, &Models::TicketListModel::errorOccurred);
        model.setQuery(query);
        // At once, before any answer: the cached rows, marked as the cache.
        QVERIFY(model.isShowingCache());
        QCOMPARE(rowIds(model), onlineIds);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20'000);
        QCOMPARE(failed.first().first().value<Api::ApiError>().kind, Api::ApiError::Kind::Offline);
        QVERIFY(model.isShowingCache()); // kept while offline
        QCOMPARE(rowIds(model), onlineIds);
        QVERIFY(!model.canFetchMore({}));

        // Search and filters run over the cache. The opened ticket is found by a word that only
        // its description has (the list pages carry no description).
        const QStringList subjectWords = opened.subject.split(u' ', Qt::SkipEmptyParts);
        QString descriptionWord;
        for (const QString &w : opened.description.split(QRegularExpression(QStringLiteral("\\W+")),
                                                         Qt::SkipEmptyParts)) {
            if (w.size() >= 6 && !opened.subject.contains(w, Qt::CaseInsensitive)) {
                descriptionWord = w;
                break;
            }
        }
        QVERIFY2(!descriptionWord.isEmpty(), qPrintable(opened.description));
        Api::TicketQuery search = query;
        search.search = descriptionWord;
        model.setQuery(search);
        QVERIFY(model.isShowingCache());
        QVERIFY2(rowIds(model).contains(openedId), qPrintable(descriptionWord));
        QVERIFY(model.rowCount() < onlineIds.size());

        Api::TicketQuery filtered = query;
        filtered.statuses = {opened.status};
        model.setQuery(filtered);
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(rowIds(model).contains(openedId));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data(Models::StatusRole).toString(), opened.status);
        filtered.statuses = {QStringLiteral("no_such_status")};
        model.setQuery(filtered);
        QCOMPARE(model.rowCount(), 0);

        // The ticket the user had opened shows from the cache, with its conversation.
        Models::TicketController controller(&client);
        sync.attach(&controller);
        QSignalSpy loadFailed(&controller, &Models::TicketController::errorOccurred);
        controller.open(openedId);
        QVERIFY(controller.hasTicket());
        QVERIFY(controller.isShowingCache());
        QCOMPARE(controller.ticket().description, opened.description);
        QCOMPARE(controller.ticket().comments, opened.comments);
        QCOMPARE(controller.conversation()->rowCount(), opened.comments.size() + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!loadFailed.isEmpty(), 20'000);
        QVERIFY(controller.hasTicket());
        QVERIFY(controller.isShowingCache());
        // A ticket never opened has no cached detail.
        controller.open(onlineIds.last() == openedId ? onlineIds.first() : onlineIds.last());
        QVERIFY(!controller.hasTicket());

        // The server comes back: the live data replaces the copy in place.
        QVERIFY2(server.start(false, &error), qPrintable(error));
        client.setServerUrl(server.url());
        model.setQuery(query);
        QVERIFY(model.isShowingCache());
        QSignalSpy state(&model, &Models::TicketListModel::cacheStateChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isShowingCache(), 20'000);
        QCOMPARE(state.count(), 1);
        QCOMPARE(rowIds(model), onlineIds);
    }

    void liveDataReplacesStaleRows()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        QTemporaryDir dir;
        Api::ApiClient client(&m_nam);
        setUpClient(client, server);
        Store::TicketCache cache(dir.path(),
                                 Store::TicketCache::accountKey(client.serverUrl(), {}, m_account));
        QVERIFY(cache.open());

        // What a previous session left: one ticket that no longer exists, one with an old subject.
        Api::TicketQuery query;
        query.pageSize = 100;
        auto *probe = client.listTickets(query, this);
        QTRY_VERIFY_WITH_TIMEOUT(probe->isFinished(), 20'000);
        QVERIFY(probe->ok());
        const QList<Wire::TicketSummary> live = probe->page().result;
        QVERIFY(live.size() > 2);
        Wire::TicketSummary ghost = live.first();
        ghost.id = QStringLiteral("00000000-0000-4000-8000-00000000dead");
        ghost.subject = QStringLiteral("A ticket the server no longer lists");
        Wire::TicketSummary stale = live.at(1);
        stale.subject = QStringLiteral("Old subject");
        stale.updatedAt = stale.updatedAt.addDays(-1);
        QVERIFY(cache.storeSummaries({ghost, stale}));

        Store::CacheSync sync(&cache, &client);
        Models::TicketListModel model(&client);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sync.attach(&model);
        QSignalSpy statusNews(&model, &Models::TicketListModel::statusChanged);
        model.setQuery(query);
        QVERIFY(model.isShowingCache());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(rowIds(model).contains(ghost.id));
        QTRY_VERIFY_WITH_TIMEOUT(!model.isShowingCache(), 20'000);
        QStringList liveIds;
        for (const auto &t : live)
            liveIds.append(t.id);
        QCOMPARE(rowIds(model), liveIds);
        const int row = model.rowOf(stale.id);
        QVERIFY(row >= 0);
        QCOMPARE(model.ticketAt(row).subject, live.at(1).subject);
        QCOMPARE(statusNews.count(), 0); // replacing the copy is not news
        // ...and the cache learnt the live rows.
        QCOMPARE(cache.tickets(query).value(1).subject, live.at(1).subject);
    }

    void prefetchFillsTheViews()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        QTemporaryDir dir;
        Api::ApiClient client(&m_nam);
        setUpClient(client, server);
        Store::TicketCache cache(dir.path(), QStringLiteral("prefetch"));
        QVERIFY(cache.open());
        Store::CacheSync sync(&cache, &client);
        sync.setPrefetchViews({{QStringLiteral("waiting_customer")},
                               {QStringLiteral("resolved"), QStringLiteral("closed")}});
        QSignalSpy done(&sync, &Store::CacheSync::prefetched);
        sync.prefetch();
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20'000);
        QVERIFY(done.first().first().toInt() > 0);
        QCOMPARE(cache.ticketCount(), done.first().first().toInt());
        Api::TicketQuery q;
        q.statuses = {QStringLiteral("open")};
        QCOMPARE(cache.tickets(q).size(), 0); // not one of the views
        q.statuses = {QStringLiteral("waiting_customer")};
        QVERIFY(cache.tickets(q).size() > 0);
    }

    void offlinePreCheckFindsCachedDuplicate()
    {
        Test::TestServer server;
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        QTemporaryDir dir;
        Api::ApiClient client(&m_nam);
        setUpClient(client, server);
        Store::TicketCache cache(dir.path(),
                                 Store::TicketCache::accountKey(client.serverUrl(), {}, m_account));
        QVERIFY(cache.open());
        Store::CacheSync sync(&cache, &client);
        Models::TicketListModel model(&client);
        Models::TicketController controller(&client);
        sync.attach(&model);
        sync.attach(&controller);
        Api::TicketQuery query;
        query.pageSize = 100;
        model.setQuery(query);
        QVERIFY(waitFirstPage(model));
        // The user looked at a few tickets; the one with the longest description is the
        // problem they are about to report again.
        Wire::Ticket target;
        for (int row = 0; row < qMin(8, model.rowCount()); ++row) {
            QVERIFY(openOnline(controller, model.ticketAt(row).id));
            if (controller.ticket().description.size() > target.description.size())
                target = controller.ticket();
        }
        QVERIFY(target.description.size() > 40);

        server.kill();

        Review::SubmissionFlow flow(&client);
        flow.setCandidateSource(cache.candidateSource());
        flow.setSubject(target.subject);
        flow.setDescription(QStringLiteral("Same again today.\n\n") + target.description);
        QSignalSpy reviewed(&flow, &Review::SubmissionFlow::reviewFinished);
        flow.review();
        QTRY_VERIFY_WITH_TIMEOUT(!reviewed.isEmpty(), 20'000);
        QCOMPARE(flow.state(), Review::SubmissionFlow::State::Reviewed);
        QVERIFY(flow.isLocalReview());
        const Wire::ReviewResult &r = flow.reviewResult();
        QVERIFY(!r.duplicateCandidates.isEmpty());
        QCOMPARE(r.duplicateCandidates.first().candidateId, target.id);
        QVERIFY(!r.duplicateCandidates.first().confidence.isEmpty());
        QVERIFY(r.reviewId.isEmpty()); // local: never used to file

        // Without the cache the same pre-check has no duplicate search at all.
        Review::SubmissionFlow bare(&client);
        bare.setSubject(target.subject);
        bare.setDescription(target.description);
        QSignalSpy bareReviewed(&bare, &Review::SubmissionFlow::reviewFinished);
        bare.review();
        QTRY_VERIFY_WITH_TIMEOUT(!bareReviewed.isEmpty(), 20'000);
        QVERIFY(bare.isLocalReview());
        QVERIFY(bare.reviewResult().duplicateCandidates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCacheOffline)
#include "tst_cache_offline.moc"

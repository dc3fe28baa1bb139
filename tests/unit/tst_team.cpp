// Staff mode's core without a network: /support/me and team JSON from fixture files, request
// builders, the status lifecycle, activity detection, notification batching, canned replies.

#include "api/teamjobs.h"
#include "models/activitywatcher.h"
#include "models/cannedreplies.h"
#include "models/notificationbatcher.h"
#include "wire/team.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Ankra;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(ANKRA_TEST_DATA_DIR "/team/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

Wire::TeamTicketSummary summary(const QString &id,
                                const QString &created,
                                const QString &updated,
                                const QString &activity)
{
    Wire::TeamTicketSummary t;
    t.summary.id = id;
    t.summary.subject = QStringLiteral("Subject ") + id;
    t.summary.createdAt = Wire::parseTimestamp(created);
    t.summary.updatedAt = Wire::parseTimestamp(updated);
    t.team.organisationName = QStringLiteral("Acme");
    t.team.lastCustomerActivityAt = Wire::parseTimestamp(activity);
    return t;
}

Models::ActivityEvent activity(Models::ActivityEvent::Kind kind, const QString &id)
{
    Models::ActivityEvent e;
    e.kind = kind;
    e.ticketId = id;
    e.subject = QStringLiteral("Subject ") + id;
    return e;
}

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT
private slots:
    void parsesMe_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("team");
        QTest::addColumn<int>("organisations");
        QTest::addColumn<QString>("name");
        QTest::newRow("team") << "me_team.json" << true << 2 << "Ankra Support (demo)";
        QTest::newRow("customer") << "me_customer.json" << false << 1 << "Dana Demo";
    }

    void parsesMe()
    {
        QFETCH(QString, file);
        QFETCH(bool, team);
        QFETCH(int, organisations);
        QFETCH(QString, name);
        auto parsed = Wire::parseMe(fixture(file));
        QVERIFY(!Wire::isError(parsed));
        const Wire::Me me = std::get<Wire::Me>(parsed);
        QCOMPARE(me.isTeam(), team);
        QCOMPARE(me.organisations.size(), organisations);
        QCOMPARE(me.name, name);
        QVERIFY(me.organisations.first().isDefault);
        // Round trip through our own serialiser.
        auto again = Wire::parseMe(Wire::toJson(me));
        QCOMPARE(std::get<Wire::Me>(again), me);
    }

    void meIsTolerant_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("team");
        QTest::newRow("unknown role is a customer")
            << QByteArray(R"({"role":"admin"})") << true << false;
        QTest::newRow("no role") << QByteArray(R"({"name":"x"})") << true << false;
        QTest::newRow("Team is case-sensitive")
            << QByteArray(R"({"role":"Team"})") << true << false;
        QTest::newRow("role null")
            << QByteArray(R"({"role":null,"organisations":null})") << true << false;
        QTest::newRow("role number") << QByteArray(R"({"role":1})") << false << false;
        QTest::newRow("organisations object")
            << QByteArray(R"({"role":"team","organisations":{}})") << false << false;
        QTest::newRow("organisation not an object")
            << QByteArray(R"({"role":"team","organisations":[1]})") << false << false;
    }

    void meIsTolerant()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(bool, team);
        auto parsed = Wire::parseMe(QJsonDocument::fromJson(json).object());
        QCOMPARE(!Wire::isError(parsed), ok);
        if (ok)
            QCOMPARE(std::get<Wire::Me>(parsed).isTeam(), team);
    }

    void parsesTeamListPage()
    {
        auto parsed = Wire::parseTeamTicketPage(fixture(QStringLiteral("team_list_page.json")));
        QVERIFY2(!Wire::isError(parsed),
                 qPrintable(Wire::isError(parsed) ? std::get<Wire::ParseError>(parsed).message
                                                  : QString()));
        const Wire::TeamTicketPage page = std::get<Wire::TeamTicketPage>(parsed);
        QCOMPARE(page.result.size(), 2);
        QCOMPARE(page.pagination.totalCount, 2);
        const Wire::TeamTicketSummary &first = page.result.at(0);
        QCOMPARE(first.summary.subject, QStringLiteral("Pods stuck in ContainerCreating"));
        QCOMPARE(first.summary.ticketNumber, 12);
        QCOMPARE(first.team.organisationName, QStringLiteral("Acme"));
        QVERIFY(first.team.assigneeId.isEmpty());
        QCOMPARE(first.team.lastCustomerActivityAt,
                 QDateTime(QDate(2026, 11, 21), QTime(9, 30), QTimeZone::utc()));
        const Wire::TeamTicketSummary &second = page.result.at(1);
        QCOMPARE(second.team.organisationName, QStringLiteral("Globex"));
        QCOMPARE(second.team.assigneeName, QStringLiteral("Ankra Support (demo)"));
        QVERIFY(!second.team.lastCustomerActivityAt.isValid());
        QVERIFY(second.summary.severity.isEmpty());
        // The team fields survive our serialiser.
        QJsonArray items;
        for (const auto &t : page.result)
            items.append(Wire::toJson(t));
        auto again = Wire::parseTeamTicketPage(
            {{QStringLiteral("result"), items},
             {QStringLiteral("pagination"),
              fixture(QStringLiteral("team_list_page.json")).value(QLatin1String("pagination"))}});
        QCOMPARE(std::get<Wire::TeamTicketPage>(again), page);
    }

    void parsesTeamTicket()
    {
        auto parsed = Wire::parseTeamTicket(fixture(QStringLiteral("team_ticket.json")));
        QVERIFY(!Wire::isError(parsed));
        const Wire::TeamTicket t = std::get<Wire::TeamTicket>(parsed);
        QCOMPARE(t.ticket.status, QStringLiteral("waiting_customer"));
        QCOMPARE(t.ticket.comments.size(), 1);
        QCOMPARE(t.ticket.comments.first().authorType, QStringLiteral("team"));
        QCOMPARE(t.team.organisationId, t.ticket.organisationId);
        QCOMPARE(t.team.assigneeId, QStringLiteral("7b0c6a8e-2f55-4c52-9d53-5d6c0f3a1e01"));
    }

    void teamFieldsAreOptionalButTyped_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("assignee missing")
            << "assignee_id" << QJsonValue(QJsonValue::Undefined) << true;
        QTest::newRow("organisation name missing")
            << "organisation_name" << QJsonValue(QJsonValue::Undefined) << true;
        QTest::newRow("assignee number") << "assignee_id" << QJsonValue(7) << false;
        QTest::newRow("activity not a date")
            << "last_customer_activity_at" << QJsonValue(QStringLiteral("yesterday")) << false;
    }

    void teamFieldsAreOptionalButTyped()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(bool, ok);
        QJsonObject o = fixture(QStringLiteral("team_ticket.json"));
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        auto parsed = Wire::parseTeamTicket(o);
        QCOMPARE(!Wire::isError(parsed), ok);
        if (!ok)
            QVERIFY(std::get<Wire::ParseError>(parsed).message.startsWith(field));
    }

    void listItemErrorNamesTheRow()
    {
        QJsonObject page = fixture(QStringLiteral("team_list_page.json"));
        QJsonArray items = page.value(QLatin1String("result")).toArray();
        QJsonObject second = items.at(1).toObject();
        second.insert(QStringLiteral("organisation_name"), 42);
        items[1] = second;
        page.insert(QStringLiteral("result"), items);
        auto parsed = Wire::parseTeamTicketPage(page);
        QVERIFY(Wire::isError(parsed));
        QCOMPARE(std::get<Wire::ParseError>(parsed).message,
                 QStringLiteral("result[1].organisation_name: expected a string or null"));
    }

    void patchBody()
    {
        Wire::TicketPatch p;
        QVERIFY(p.isEmpty());
        QCOMPARE(Wire::toJson(p), QJsonObject());
        p.status = QStringLiteral("in_progress");
        p.severity = QString(); // clear
        p.assigneeId = QStringLiteral("me");
        const QJsonObject o = Wire::toJson(p);
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
        QVERIFY(o.value(QLatin1String("severity")).isNull());
        QVERIFY(o.contains(QLatin1String("severity")));
        QCOMPARE(o.value(QLatin1String("assignee_id")).toString(), QStringLiteral("me"));
        QVERIFY(!o.contains(QLatin1String("category")));
        p.assigneeId = QString();
        QVERIFY(Wire::toJson(p).value(QLatin1String("assignee_id")).isNull());
    }

    void requestBuilders()
    {
        Api::TeamTicketQuery q;
        q.statuses = {QStringLiteral("open"), QStringLiteral("triaging")};
        q.organisations = {QStringLiteral("org-1")};
        q.severities = {QStringLiteral("none"), QStringLiteral("high")};
        q.assignee = QStringLiteral("me");
        q.search = QStringLiteral("c++ crash");
        q.page = 2;
        q.pageSize = 50;
        const QUrlQuery u = Api::TeamApi::urlQuery(q);
        QCOMPARE(u.allQueryItemValues(QStringLiteral("status")), q.statuses);
        QCOMPARE(u.allQueryItemValues(QStringLiteral("severity")), q.severities);
        QCOMPARE(u.queryItemValue(QStringLiteral("organisation")), QStringLiteral("org-1"));
        QCOMPARE(u.queryItemValue(QStringLiteral("assignee")), QStringLiteral("me"));
        QCOMPARE(u.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(u.queryItemValue(QStringLiteral("page_size")), QStringLiteral("50"));
        QVERIFY(u.toString(QUrl::FullyEncoded).contains(QLatin1String("c%2B%2B")));
        QVERIFY(!Api::TeamApi::urlQuery({}).hasQueryItem(QStringLiteral("assignee")));

        QCOMPARE(Api::TeamApi::commentBody(QStringLiteral("hi"), {}),
                 QJsonObject({{QStringLiteral("body"), QStringLiteral("hi")}}));
        QCOMPARE(Api::TeamApi::commentBody(QStringLiteral("hi"), QStringLiteral("resolved"))
                     .value(QLatin1String("set_status"))
                     .toString(),
                 QStringLiteral("resolved"));
    }

    void lifecycle()
    {
        using L = QStringList;
        QCOMPARE(Wire::allowedNextStatuses(QStringLiteral("pending_review")),
                 L({QStringLiteral("open"), QStringLiteral("triaging")}));
        QCOMPARE(Wire::allowedNextStatuses(QStringLiteral("waiting_customer")),
                 L({QStringLiteral("in_progress"), QStringLiteral("resolved")}));
        QCOMPARE(Wire::allowedNextStatuses(QStringLiteral("resolved")),
                 L({QStringLiteral("in_progress"), QStringLiteral("closed")}));
        QVERIFY(Wire::allowedNextStatuses(QStringLiteral("closed")).isEmpty());
        // Unknown: offer everything, the server decides.
        QCOMPARE(Wire::allowedNextStatuses(QStringLiteral("escalated")).size(), 7);
        QCOMPARE(Wire::teamStatusLabel(QStringLiteral("waiting_customer")),
                 QStringLiteral("Waiting on customer"));
        QCOMPARE(Wire::teamStatusLabel(QStringLiteral("in_progress")),
                 QStringLiteral("Being worked on"));
    }

    void activityTracker()
    {
        Models::ActivityTracker tracker;
        const QList<Wire::TeamTicketSummary> baseline{
            summary(QStringLiteral("a"),
                    QStringLiteral("2026-11-20T10:00:00Z"),
                    QStringLiteral("2026-11-21T10:00:00Z"),
                    QStringLiteral("2026-11-21T10:00:00Z")),
            summary(QStringLiteral("b"),
                    QStringLiteral("2026-11-19T10:00:00Z"),
                    QStringLiteral("2026-11-20T10:00:00Z"),
                    QStringLiteral("2026-11-19T10:00:00Z")),
        };
        QVERIFY(tracker.update(baseline).isEmpty()); // the baseline never notifies
        QVERIFY(tracker.hasBaseline());
        QVERIFY(tracker.update(baseline).isEmpty()); // nothing changed

        // A new ticket, a customer reply on b, and a team-only change on a (updated_at moves,
        // the customer activity does not): two events.
        QList<Wire::TeamTicketSummary> next{
            summary(QStringLiteral("c"),
                    QStringLiteral("2026-11-22T08:00:00Z"),
                    QStringLiteral("2026-11-22T08:00:00Z"),
                    QStringLiteral("2026-11-22T08:00:00Z")),
            summary(QStringLiteral("b"),
                    QStringLiteral("2026-11-19T10:00:00Z"),
                    QStringLiteral("2026-11-22T07:00:00Z"),
                    QStringLiteral("2026-11-22T07:00:00Z")),
            summary(QStringLiteral("a"),
                    QStringLiteral("2026-11-20T10:00:00Z"),
                    QStringLiteral("2026-11-22T06:00:00Z"),
                    QStringLiteral("2026-11-21T10:00:00Z")),
        };
        const QList<Models::ActivityEvent> events = tracker.update(next);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, Models::ActivityEvent::Kind::NewTicket);
        QCOMPARE(events.at(0).ticketId, QStringLiteral("c"));
        QCOMPARE(events.at(1).kind, Models::ActivityEvent::Kind::CustomerReply);
        QCOMPARE(events.at(1).ticketId, QStringLiteral("b"));
        QCOMPARE(events.at(1).organisationName, QStringLiteral("Acme"));
        QVERIFY(tracker.update(next).isEmpty()); // reported once

        // An old ticket that was below the page and now shows up with a customer reply is a
        // reply, not a new ticket; one that only changed on the team's side is nothing.
        const QList<Wire::TeamTicketSummary> older{
            summary(QStringLiteral("d"),
                    QStringLiteral("2026-10-01T10:00:00Z"),
                    QStringLiteral("2026-11-23T10:00:00Z"),
                    QStringLiteral("2026-11-23T10:00:00Z")),
            summary(QStringLiteral("e"),
                    QStringLiteral("2026-10-01T10:00:00Z"),
                    QStringLiteral("2026-11-23T09:00:00Z"),
                    QStringLiteral("2026-10-02T10:00:00Z")),
        };
        const QList<Models::ActivityEvent> more = tracker.update(older);
        QCOMPARE(more.size(), 1);
        QCOMPARE(more.first().kind, Models::ActivityEvent::Kind::CustomerReply);
        QCOMPARE(more.first().ticketId, QStringLiteral("d"));
    }

    void batcherMakesOneNotificationOfABurst()
    {
        Models::NotificationBatcher batcher;
        batcher.setQuietPeriod(300);
        batcher.setMaxDelay(5'000);
        QSignalSpy spy(&batcher, &Models::NotificationBatcher::batchReady);
        using K = Models::ActivityEvent::Kind;
        batcher.add({activity(K::NewTicket, QStringLiteral("1"))});
        batcher.add({activity(K::CustomerReply, QStringLiteral("2")),
                     activity(K::NewTicket, QStringLiteral("3"))});
        batcher.add({activity(K::NewTicket, QStringLiteral("1"))}); // the same again: once
        batcher.add({});
        QCOMPARE(batcher.pendingCount(), 3);
        QCOMPARE(spy.count(), 0); // not before the burst is over
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5'000);
        const auto events = spy.first().first().value<QList<Models::ActivityEvent>>();
        QCOMPARE(events.size(), 3);
        QCOMPARE(batcher.pendingCount(), 0);
        QCOMPARE(Models::NotificationBatcher::title(events),
                 QStringLiteral("2 new ticket(s) and 1 customer reply(s)"));
        QVERIFY(
            Models::NotificationBatcher::body(events).contains(QLatin1String("Reply: Subject 2 ("))
            == false);
        QCOMPARE(Models::NotificationBatcher::body(events).split(u'\n').size(), 3);
        // Nothing more comes by itself.
        QTest::qWait(500);
        QCOMPARE(spy.count(), 1);
    }

    void batcherBoundsTheDelayOfATrickle()
    {
        Models::NotificationBatcher batcher;
        batcher.setQuietPeriod(3'000);
        batcher.setMaxDelay(1'000);
        QSignalSpy spy(&batcher, &Models::NotificationBatcher::batchReady);
        QElapsedTimer clock;
        clock.start();
        // An event every 100 ms never leaves a quiet gap; the max delay still delivers.
        int i = 0;
        while (spy.isEmpty() && clock.elapsed() < 10'000) {
            batcher.add(
                {activity(Models::ActivityEvent::Kind::CustomerReply, QString::number(i++))});
            QTest::qWait(100);
        }
        QCOMPARE(spy.count(), 1);
        QVERIFY2(clock.elapsed() < 5'000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(spy.first().first().value<QList<Models::ActivityEvent>>().size() >= 2);
        batcher.add({activity(Models::ActivityEvent::Kind::NewTicket, QStringLiteral("late"))});
        QCOMPARE(batcher.pendingCount(), 1); // a new batch
        batcher.flush();                     // delivered on request
        QCOMPARE(spy.count(), 2);
        QCOMPARE(batcher.pendingCount(), 0);
        batcher.flush(); // nothing pending: nothing delivered
        QCOMPARE(spy.count(), 2);
    }

    void notificationText()
    {
        using K = Models::ActivityEvent::Kind;
        QList<Models::ActivityEvent> many;
        for (int i = 0; i < 5; ++i)
            many.append(activity(K::CustomerReply, QString::number(i)));
        QCOMPARE(Models::NotificationBatcher::title(many), QStringLiteral("5 customer reply(s)"));
        const QStringList lines = Models::NotificationBatcher::body(many).split(u'\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.last(), QStringLiteral("and 2 more"));
        Models::ActivityEvent withOrg = activity(K::NewTicket, QStringLiteral("x"));
        withOrg.organisationName = QStringLiteral("Acme");
        QCOMPARE(Models::NotificationBatcher::body({withOrg}),
                 QStringLiteral("New: Subject x (Acme)"));
        QCOMPARE(Models::NotificationBatcher::title({withOrg}), QStringLiteral("1 new ticket(s)"));
    }

    // A customer's notifications: the team's replies and status changes on their tickets; a
    // ticket whose status moves twice in one batch is told once, with the status it has now.
    void customerNotificationText()
    {
        using K = Models::ActivityEvent::Kind;
        Models::NotificationBatcher batcher;
        QSignalSpy spy(&batcher, &Models::NotificationBatcher::batchReady);
        Models::ActivityEvent resolved = activity(K::StatusChanged, QStringLiteral("1"));
        resolved.detail = QStringLiteral("Being worked on");
        batcher.add({resolved, activity(K::TeamReply, QStringLiteral("2"))});
        resolved.detail = QStringLiteral("Resolved");
        batcher.add({resolved});
        QCOMPARE(batcher.pendingCount(), 2);
        batcher.flush();
        QCOMPARE(spy.count(), 1);
        const auto events = spy.first().first().value<QList<Models::ActivityEvent>>();
        QCOMPARE(Models::NotificationBatcher::title(events),
                 QStringLiteral("1 reply(s) from the Ankra team and 1 status change(s)"));
        QCOMPARE(Models::NotificationBatcher::body(events),
                 QStringLiteral("Resolved: Subject 1\nReply: Subject 2"));
        QCOMPARE(Models::NotificationBatcher::title({activity(K::TeamReply, QStringLiteral("3"))}),
                 QStringLiteral("1 reply(s) from the Ankra team"));
    }

    void cannedReplies()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/canned-replies.json"));
        {
            Models::CannedReplyStore store(path);
            QVERIFY(store.replies().isEmpty());
            QVERIFY(store.lastError().isEmpty());
            QSignalSpy changed(&store, &Models::CannedReplyStore::changed);
            QVERIFY(!store.save({QStringLiteral("  "), QStringLiteral("x")}));
            QVERIFY(!store.lastError().isEmpty());
            QVERIFY(!store.save({QStringLiteral("Logs"), QStringLiteral("   ")}));
            QVERIFY(!QFile::exists(path));
            QVERIFY(store.save({QStringLiteral("Logs"), QStringLiteral("Please attach logs.")}));
            QVERIFY(store.save({QStringLiteral("Thanks"), QStringLiteral("Thank you!")}));
            // Same title, other case: replaced, not added.
            QVERIFY(store.save(
                {QStringLiteral("logs"), QStringLiteral("Please attach `kubectl logs`.")}));
            QCOMPARE(store.replies().size(), 2);
            QCOMPARE(changed.count(), 3);
        }
        {
            Models::CannedReplyStore store(path); // persisted
            QCOMPARE(store.replies().size(), 2);
            QCOMPARE(store.replies().first().body, QStringLiteral("Please attach `kubectl logs`."));
            QVERIFY(store.remove(QStringLiteral("THANKS")));
            QVERIFY(!store.remove(QStringLiteral("nope")));
        }
        Models::CannedReplyStore store(path);
        QCOMPARE(store.replies().size(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(!content.contains("token"));

        // A damaged file is reported, not silently emptied on disk.
        QFile damaged(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{not json");
        damaged.close();
        Models::CannedReplyStore bad(damaged.fileName());
        QVERIFY(!bad.lastError().isEmpty());
        QVERIFY(bad.replies().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"

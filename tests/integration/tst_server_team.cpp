// Staff mode on the server (issue 8, docs/api-extensions.md): GET /support/me, the team
// routes, the status lifecycle, the customer/team boundary, Idempotency-Key on team writes,
// and list caches that see team writes.

#include "testserver.h"
#include "tst_server_http.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Ankra;
using Test::HttpReply;

namespace {
const QByteArray Customer = "/api/v1/org/support/tickets";
const QByteArray Team = "/api/v1/team/support/tickets";
const QString DemoTeamName = QStringLiteral("Ankra Support (demo)");

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList commentBodies(const QJsonObject &ticket, const QString &authorType)
{
    QStringList bodies;
    for (const QJsonValue &c : ticket.value(QLatin1String("comments")).toArray())
        if (c[QLatin1String("author_type")].toString() == authorType)
            bodies.append(c[QLatin1String("body")].toString());
    return bodies;
}
} // namespace

class TestServerTeam : public QObject
{
    Q_OBJECT

    Test::TestServer m_server;
    QString m_customer;
    QString m_team;
    QString m_teamUserId;

    HttpReply call(const QByteArray &method,
                   const QByteArray &path,
                   const QString &token,
                   const QByteArray &body = {},
                   const QList<QByteArray> &headers = {})
    {
        return Test::request(m_server.url(), method, path, token, body, headers);
    }
    QByteArray teamPath(const QString &id, const QByteArray &rest = {})
    {
        return Team + '/' + id.toUtf8() + rest;
    }
    HttpReply patch(const QString &id, const QJsonObject &body)
    {
        return call("PATCH", teamPath(id), m_team, json(body));
    }
    QString createTicket(const QString &subject)
    {
        const QJsonObject body{{QStringLiteral("subject"), subject},
                               {QStringLiteral("description"),
                                QStringLiteral("Pods in namespace shop restart every few minutes "
                                               "with exit code 137 since this morning.")},
                               {QStringLiteral("acknowledged"), true}};
        const HttpReply r = call("POST", Customer, m_customer, json(body));
        if (r.status != 201)
            qWarning("create failed: %d %s", r.status, r.body.constData());
        return r.json().value(QLatin1String("id")).toString();
    }
    QJsonObject teamList(const QByteArray &query)
    {
        const HttpReply r = call("GET", Team + query, m_team);
        if (r.status != 200)
            qWarning("team list failed: %d %s", r.status, r.body.constData());
        return r.json();
    }
    QString organisationId(const QString &name)
    {
        for (const QJsonValue &o : call("GET", "/api/v1/support/me", m_team)
                                       .json()[QLatin1String("organisations")]
                                       .toArray())
            if (o[QLatin1String("name")].toString() == name)
                return o[QLatin1String("id")].toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments({QStringLiteral("--quiet")});
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_customer = m_server.token();
        QFile file(m_server.dataDir() + QStringLiteral("/demo-team-token"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        m_team = QString::fromUtf8(file.readAll()).trimmed();
        QVERIFY(m_team.startsWith(QLatin1String("ank_")));
        m_teamUserId = call("GET", "/api/v1/support/me", m_team)
                           .json()
                           .value(QLatin1String("user_id"))
                           .toString();
        QVERIFY(!m_teamUserId.isEmpty());
    }

    void meTellsTheRole()
    {
        HttpReply r = call("GET", "/api/v1/support/me", m_customer);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("role")].toString(), QStringLiteral("customer"));
        QCOMPARE(r.json()[QLatin1String("name")].toString(), QStringLiteral("Demo Customer"));
        const QJsonArray mine = r.json()[QLatin1String("organisations")].toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.at(0)[QLatin1String("name")].toString(), QStringLiteral("Demo Org"));
        QVERIFY(mine.at(0)[QLatin1String("is_default")].toBool());

        r = call("GET", "/support/me", m_team); // the unprefixed route too
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("role")].toString(), QStringLiteral("team"));
        QCOMPARE(r.json()[QLatin1String("name")].toString(), DemoTeamName);
        QSet<QString> names;
        for (const QJsonValue &o : r.json()[QLatin1String("organisations")].toArray())
            names.insert(o[QLatin1String("name")].toString());
        for (const char *name :
             {"Demo Org", "Northwind Logistics", "Helios Health", "Quantum Retail"})
            QVERIFY2(names.contains(QLatin1String(name)), name);

        QCOMPARE(call("GET", "/api/v1/support/me", QString()).status, 401);
        QCOMPARE(call("GET", "/api/v1/support/me", m_customer + u'x').status, 401);
    }

    void customerTokenFindsNoTeamRoute_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("rest");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("list") << QByteArray("GET") << QByteArray() << QByteArray();
        QTest::newRow("get") << QByteArray("GET") << QByteArray("/ID") << QByteArray();
        QTest::newRow("patch") << QByteArray("PATCH") << QByteArray("/ID")
                               << QByteArray(R"({"status":"resolved"})");
        QTest::newRow("comment") << QByteArray("POST") << QByteArray("/ID/comments")
                                 << QByteArray(
                                        R"({"body":"I am staff now","set_status":"resolved"})");
    }

    void customerTokenFindsNoTeamRoute()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, rest);
        QFETCH(QByteArray, body);
        const QString id = createTicket(QStringLiteral("Boundary check ticket"));
        QVERIFY(!id.isEmpty());
        rest.replace("ID", id.toUtf8());
        for (const QByteArray &prefix : {QByteArray("/api/v1"), QByteArray()}) {
            const QByteArray path = prefix + "/team/support/tickets" + rest;
            const HttpReply r = call(method, path, m_customer, body);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.detail(), QStringLiteral("Not Found"));
            QCOMPARE(call(method, path, QString(), body).status, 401);
        }
        // Nothing was written, and the team token does see the ticket.
        const HttpReply t = call("GET", teamPath(id), m_team);
        QCOMPARE(t.status, 200);
        QCOMPARE(t.json()[QLatin1String("status")].toString(), QStringLiteral("open"));
        QCOMPARE(t.json()[QLatin1String("comments")].toArray().size(), 0);
    }

    void teamListSpansOrganisations()
    {
        const QJsonObject page = teamList("?page_size=100");
        const QJsonArray items = page[QLatin1String("result")].toArray();
        QVERIFY(items.size() >= 47); // 40 Demo Org tickets + 7 in the other organisations
        QCOMPARE(page[QLatin1String("pagination")][QLatin1String("total_count")].toInt(),
                 items.size());
        QSet<QString> organisations;
        QString previous = QStringLiteral("9999");
        for (const QJsonValue &v : items) {
            const QJsonObject t = v.toObject();
            organisations.insert(t[QLatin1String("organisation_name")].toString());
            QVERIFY(!t[QLatin1String("organisation_id")].toString().isEmpty());
            QVERIFY(t.contains(QLatin1String("assignee_id")));
            QVERIFY(t.contains(QLatin1String("ticket_number")));
            QVERIFY(!t[QLatin1String("last_customer_activity_at")].toString().isEmpty());
            const QString updated = t[QLatin1String("updated_at")].toString();
            QVERIFY2(updated <= previous, "not in updated_at order");
            previous = updated;
        }
        QCOMPARE(organisations.size(), 4);
        // The customer still sees only Demo Org.
        QCOMPARE(call("GET", Customer + "?page_size=100", m_customer)
                     .json()[QLatin1String("pagination")][QLatin1String("total_count")]
                     .toInt(),
                 items.size() - 7);
        // Paging walks the same order.
        const QJsonArray second = teamList("?page_size=5&page=2")[QLatin1String("result")].toArray();
        QCOMPARE(second.size(), 5);
        QCOMPARE(second.at(0)[QLatin1String("id")].toString(),
                 items.at(5)[QLatin1String("id")].toString());
    }

    void teamListFilters()
    {
        const QString northwind = organisationId(QStringLiteral("Northwind Logistics"));
        QVERIFY(!northwind.isEmpty());
        QJsonArray items = teamList("?organisation=" + northwind.toUtf8())[QLatin1String("result")]
                               .toArray();
        QCOMPARE(items.size(), 3);
        for (const QJsonValue &v : items)
            QCOMPARE(v[QLatin1String("organisation_name")].toString(),
                     QStringLiteral("Northwind Logistics"));

        items = teamList("?severity=none&page_size=100")[QLatin1String("result")].toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &v : items)
            QVERIFY(v[QLatin1String("severity")].isNull());
        items = teamList("?severity=critical&severity=high&page_size=100")[QLatin1String("result")]
                    .toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &v : items) {
            const QString s = v[QLatin1String("severity")].toString();
            QVERIFY2(s == QLatin1String("critical") || s == QLatin1String("high"), qPrintable(s));
        }

        items = teamList("?assignee=me&page_size=100")[QLatin1String("result")].toArray();
        QVERIFY(items.size() >= 2); // the demo assigns two tickets to the demo team user
        for (const QJsonValue &v : items) {
            QCOMPARE(v[QLatin1String("assignee_id")].toString(), m_teamUserId);
            QCOMPARE(v[QLatin1String("assignee_name")].toString(), DemoTeamName);
        }
        QCOMPARE(teamList("?assignee=" + m_teamUserId.toUtf8()
                          + "&page_size=100")[QLatin1String("result")]
                     .toArray()
                     .size(),
                 items.size());
        for (const QJsonValue &v :
             teamList("?assignee=none&page_size=100")[QLatin1String("result")].toArray())
            QVERIFY(v[QLatin1String("assignee_id")].isNull());

        items = teamList("?status=waiting_customer&organisation="
                         + northwind.toUtf8())[QLatin1String("result")]
                    .toArray();
        QCOMPARE(items.size(), 0);
        items = teamList("?q=splunk%20audit")[QLatin1String("result")].toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0)[QLatin1String("organisation_name")].toString(),
                 QStringLiteral("Helios Health"));
    }

    void teamListRefusesBadFilters_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("organisation")
            << QByteArray("?organisation=acme") << QStringLiteral("organisation");
        QTest::newRow("severity") << QByteArray("?severity=urgent") << QStringLiteral("severity");
        QTest::newRow("assignee") << QByteArray("?assignee=bob") << QStringLiteral("assignee");
        QTest::newRow("status") << QByteArray("?status=done") << QStringLiteral("status");
        QTest::newRow("page_size") << QByteArray("?page_size=101") << QStringLiteral("page_size");
        QTest::newRow("page") << QByteArray("?page=0") << QStringLiteral("page");
    }

    void teamListRefusesBadFilters()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, field);
        const HttpReply r = call("GET", Team + query, m_team);
        QCOMPARE(r.status, 422);
        QVERIFY2(r.detail().startsWith(QStringLiteral("query.") + field), qPrintable(r.detail()));
    }

    void teamGetShowsTheWholeTicket()
    {
        const QString id = createTicket(QStringLiteral("Team get ticket"));
        QCOMPARE(call("POST",
                      Customer + '/' + id.toUtf8() + "/comments",
                      m_customer,
                      R"({"body":"More details: it happens on node pool b only."})")
                     .status,
                 201);
        const HttpReply r = call("GET", teamPath(id), m_team);
        QCOMPARE(r.status, 200);
        const QJsonObject t = r.json();
        QCOMPARE(t[QLatin1String("organisation_name")].toString(), QStringLiteral("Demo Org"));
        QCOMPARE(t[QLatin1String("description")].toString().isEmpty(), false);
        QCOMPARE(commentBodies(t, QStringLiteral("customer")).size(), 1);
        QVERIFY(t[QLatin1String("assignee_id")].isNull());
        QCOMPARE(t[QLatin1String("last_customer_activity_at")].toString(),
                 t[QLatin1String("comments")][0][QLatin1String("created_at")].toString());
        QCOMPARE(call("GET",
                      teamPath(QStringLiteral("00000000-0000-4000-8000-000000000000")),
                      m_team)
                     .status,
                 404);
        QCOMPARE(call("GET", teamPath(QStringLiteral("not-a-uuid")), m_team).status, 404);
    }

    void lifecycle()
    {
        const QString id = createTicket(QStringLiteral("Lifecycle ticket"));
        QVERIFY(!id.isEmpty());
        auto move = [&](const char *to) {
            return patch(id, {{QStringLiteral("status"), QLatin1String(to)}});
        };
        HttpReply r = move("closed");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.detail(), QStringLiteral("cannot move a ticket from open to closed"));

        r = move("triaging");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("triaging"));
        QVERIFY(r.json()[QLatin1String("is_tracked_by_team")].toBool());
        QCOMPARE(commentBodies(r.json(), QStringLiteral("system")),
                 QStringList{QStringLiteral("Status changed to Being assessed by ") + DemoTeamName});

        // The same status again is a no-op: no note, no new updated_at.
        const QString updated = r.json()[QLatin1String("updated_at")].toString();
        QTest::qWait(5);
        r = move("triaging");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("updated_at")].toString(), updated);
        QCOMPARE(commentBodies(r.json(), QStringLiteral("system")).size(), 1);

        QCOMPARE(move("in_progress").status, 200);
        QCOMPARE(move("open").status, 409);
        QCOMPARE(move("waiting_customer").status, 200);
        r = move("triaging");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.detail(),
                 QStringLiteral("cannot move a ticket from waiting_customer to triaging"));
        QCOMPARE(move("resolved").status, 200);
        QCOMPARE(move("open").status, 409);
        QCOMPARE(move("in_progress").status, 200); // reopened
        QCOMPARE(move("resolved").status, 200);
        r = move("closed");
        QCOMPARE(r.status, 200);
        QCOMPARE(commentBodies(r.json(), QStringLiteral("system")).size(), 7);
        QCOMPARE(move("in_progress").status, 409);
        QCOMPARE(move("resolved").status, 409);
        // The customer sees the team's moves.
        const HttpReply mine = call("GET", Customer + '/' + id.toUtf8(), m_customer);
        QCOMPARE(mine.json()[QLatin1String("status")].toString(), QStringLiteral("closed"));
        QCOMPARE(commentBodies(mine.json(), QStringLiteral("system")).size(), 7);
    }

    void pendingReviewMovesOnlyToOpenOrTriaging()
    {
        const QJsonArray pending
            = teamList("?status=pending_review&page_size=100")[QLatin1String("result")].toArray();
        QVERIFY(pending.size() >= 2);
        const QString a = pending.at(0)[QLatin1String("id")].toString();
        const QString b = pending.at(1)[QLatin1String("id")].toString();
        QCOMPARE(patch(a, {{QStringLiteral("status"), QStringLiteral("in_progress")}}).status, 409);
        QCOMPARE(patch(a, {{QStringLiteral("status"), QStringLiteral("resolved")}}).status, 409);
        QCOMPARE(patch(a, {{QStringLiteral("status"), QStringLiteral("open")}}).status, 200);
        QCOMPARE(patch(b, {{QStringLiteral("status"), QStringLiteral("triaging")}}).status, 200);
    }

    void patchFields()
    {
        const QString id = createTicket(QStringLiteral("Field edit ticket"));
        HttpReply r = patch(id,
                            {{QStringLiteral("severity"), QStringLiteral("critical")},
                             {QStringLiteral("category"), QStringLiteral("bug")},
                             {QStringLiteral("assignee_id"), QStringLiteral("me")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("severity")].toString(), QStringLiteral("critical"));
        QCOMPARE(r.json()[QLatin1String("category")].toString(), QStringLiteral("bug"));
        QCOMPARE(r.json()[QLatin1String("assignee_id")].toString(), m_teamUserId);
        QCOMPARE(r.json()[QLatin1String("assignee_name")].toString(), DemoTeamName);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("open"));
        QCOMPARE(commentBodies(r.json(), QStringLiteral("system")).size(), 0);

        // Another team member by id; then null clears severity and assignee.
        const QString colleague = m_server.createToken(QStringLiteral("Demo Org"),
                                                       QStringLiteral("Maria"),
                                                       true);
        const QString colleagueId = call("GET", "/api/v1/support/me", colleague)
                                        .json()[QLatin1String("user_id")]
                                        .toString();
        r = patch(id, {{QStringLiteral("assignee_id"), colleagueId}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("assignee_name")].toString(), QStringLiteral("Maria"));
        r = call("PATCH", teamPath(id), m_team, R"({"severity":null,"assignee_id":null})");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()[QLatin1String("severity")].isNull());
        QVERIFY(r.json()[QLatin1String("assignee_id")].isNull());
        QVERIFY(r.json()[QLatin1String("assignee_name")].isNull());
        QCOMPARE(call("GET", Customer + '/' + id.toUtf8(), m_customer)
                     .json()[QLatin1String("category")]
                     .toString(),
                 QStringLiteral("bug"));
    }

    void patchRefusesBadValues_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("severity") << QByteArray(R"({"severity":"urgent"})")
                                  << QStringLiteral("body.severity");
        QTest::newRow("category") << QByteArray(R"({"category":"rant"})")
                                  << QStringLiteral("body.category");
        QTest::newRow("null category")
            << QByteArray(R"({"category":null})") << QStringLiteral("body.category");
        QTest::newRow("status") << QByteArray(R"({"status":"done"})")
                                << QStringLiteral("body.status");
        QTest::newRow("null status")
            << QByteArray(R"({"status":null})") << QStringLiteral("body.status");
        QTest::newRow("unknown assignee")
            << QByteArray(R"({"assignee_id":"00000000-0000-4000-8000-000000000000"})")
            << QStringLiteral("body.assignee_id");
        QTest::newRow("not json") << QByteArray("{status: open") << QStringLiteral("body");
    }

    void patchRefusesBadValues()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString id = createTicket(QStringLiteral("Bad patch ticket"));
        const HttpReply r = call("PATCH", teamPath(id), m_team, body);
        QCOMPARE(r.status, 422);
        QVERIFY2(r.detail().startsWith(field), qPrintable(r.detail()));
        QCOMPARE(call("GET", teamPath(id), m_team).json()[QLatin1String("status")].toString(),
                 QStringLiteral("open"));
    }

    void customerCannotBeAssigned()
    {
        const QString id = createTicket(QStringLiteral("Assign a customer"));
        const QString customerId = call("GET", "/api/v1/support/me", m_customer)
                                       .json()[QLatin1String("user_id")]
                                       .toString();
        const HttpReply r = patch(id, {{QStringLiteral("assignee_id"), customerId}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.detail().startsWith(QStringLiteral("body.assignee_id")), qPrintable(r.detail()));
    }

    // A team reply that also moves the status and its status note have the same time and are
    // listed in the order written, however fast the requests come. (The note used to be stamped
    // a millisecond later, and comments of the same time were ordered by their random ids.)
    void replyAndItsStatusNoteKeepTheirOrder()
    {
        const QString id = createTicket(QStringLiteral("Order of comments"));
        QCOMPARE(patch(id, {{QStringLiteral("status"), QStringLiteral("in_progress")}}).status, 200);
        constexpr int Steps = 8;
        for (int step = 0; step < Steps; ++step) {
            const QString body
                = QStringLiteral(R"({"body":"Step %1","set_status":"waiting_customer"})").arg(step);
            QCOMPARE(call("POST", teamPath(id, "/comments"), m_team, body.toUtf8()).status, 201);
            QCOMPARE(patch(id, {{QStringLiteral("status"), QStringLiteral("in_progress")}}).status,
                     200);
        }
        const QJsonArray comments = call("GET", Customer + '/' + id.toUtf8(), m_customer)
                                        .json()[QLatin1String("comments")]
                                        .toArray();
        int step = 0;
        for (qsizetype i = 0; i < comments.size(); ++i) {
            const QJsonObject c = comments.at(i).toObject();
            if (c[QLatin1String("author_type")].toString() != QLatin1String("team"))
                continue;
            QCOMPARE(c[QLatin1String("body")].toString(), QStringLiteral("Step %1").arg(step++));
            QVERIFY(i + 1 < comments.size());
            const QJsonObject note = comments.at(i + 1).toObject();
            QCOMPARE(note[QLatin1String("author_type")].toString(), QStringLiteral("system"));
            QCOMPARE(note[QLatin1String("created_at")].toString(),
                     c[QLatin1String("created_at")].toString());
        }
        QCOMPARE(step, Steps);
    }

    void teamCommentReachesTheCustomer()
    {
        const QString id = createTicket(QStringLiteral("Team comment ticket"));
        QCOMPARE(patch(id, {{QStringLiteral("status"), QStringLiteral("in_progress")}}).status, 200);
        HttpReply r
            = call("POST",
                   teamPath(id, "/comments"),
                   m_team,
                   R"({"body":"Which namespace is affected?","set_status":"waiting_customer"})");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("waiting_customer"));
        const QJsonArray comments = r.json()[QLatin1String("comments")].toArray();
        QCOMPARE(comments.last()[QLatin1String("author_type")].toString(), QStringLiteral("system"));
        const QJsonObject reply = comments.at(comments.size() - 2).toObject();
        QCOMPARE(reply[QLatin1String("author_type")].toString(), QStringLiteral("team"));
        QCOMPARE(reply[QLatin1String("author_label")].toString(), DemoTeamName);

        // The customer sees it and "Waiting on you"; answering hands the ticket back.
        r = call("GET", Customer + '/' + id.toUtf8(), m_customer);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("waiting_customer"));
        QCOMPARE(commentBodies(r.json(), QStringLiteral("team")),
                 QStringList{QStringLiteral("Which namespace is affected?")});
        QCOMPARE(call("POST",
                      Customer + '/' + id.toUtf8() + "/comments",
                      m_customer,
                      R"({"body":"Namespace shop."})")
                     .status,
                 201);
        r = call("GET", teamPath(id), m_team);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("in_progress"));

        // A plain reply keeps the status; resolving in the same call; closed refuses replies.
        r = call("POST", teamPath(id, "/comments"), m_team, R"({"body":"Looking at it."})");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("in_progress"));
        r = call("POST",
                 teamPath(id, "/comments"),
                 m_team,
                 R"({"body":"Fixed.","set_status":"resolved"})");
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("resolved"));
        QCOMPARE(call("POST",
                      teamPath(id, "/comments"),
                      m_team,
                      R"({"body":"x","set_status":"closed"})")
                     .status,
                 422);
        QCOMPARE(call("POST", teamPath(id, "/comments"), m_team, R"({"body":"  "})").status, 422);
        QCOMPARE(call("POST", Customer + '/' + id.toUtf8() + "/close", m_customer, "").status, 200);
        r = call("POST", teamPath(id, "/comments"), m_team, R"({"body":"One more thing"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.detail(), QStringLiteral("ticket is closed"));
    }

    void commentRefusesAnInvalidMove()
    {
        const QJsonArray pending = teamList("?status=pending_review")[QLatin1String("result")]
                                       .toArray();
        QVERIFY(!pending.isEmpty());
        const QString id = pending.at(0)[QLatin1String("id")].toString();
        const int before
            = call("GET", teamPath(id), m_team).json()[QLatin1String("comments")].toArray().size();
        const HttpReply r = call("POST",
                                 teamPath(id, "/comments"),
                                 m_team,
                                 R"({"body":"Done?","set_status":"waiting_customer"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.detail(),
                 QStringLiteral("cannot move a ticket from pending_review to waiting_customer"));
        // Refused as a whole: not even the reply was stored.
        QCOMPARE(call("GET", teamPath(id), m_team).json()[QLatin1String("comments")].toArray().size(),
                 before);
    }

    void idempotentTeamWrites()
    {
        const QString id = createTicket(QStringLiteral("Idempotent team reply"));
        const QList<QByteArray> key{"Idempotency-Key: team-reply-1"};
        const QByteArray body = R"({"body":"We are on it."})";
        const HttpReply first = call("POST", teamPath(id, "/comments"), m_team, body, key);
        QCOMPARE(first.status, 201);
        const HttpReply again = call("POST", teamPath(id, "/comments"), m_team, body, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.body, first.body);
        QCOMPARE(commentBodies(call("GET", teamPath(id), m_team).json(), QStringLiteral("team"))
                     .size(),
                 1);
        // The same key on another route is refused; the customer's keys are another scope.
        QCOMPARE(call("PATCH", teamPath(id), m_team, R"({"severity":"low"})", key).status, 422);
        const HttpReply customer = call("POST",
                                        Customer + '/' + id.toUtf8() + "/comments",
                                        m_customer,
                                        R"({"body":"Thanks"})",
                                        key);
        QCOMPARE(customer.status, 201);
        QVERIFY(!customer.headers.contains("idempotent-replayed"));
        // PATCH replays too.
        const QList<QByteArray> patchKey{"Idempotency-Key: team-patch-1"};
        const QByteArray move = R"({"status":"triaging"})";
        QCOMPARE(call("PATCH", teamPath(id), m_team, move, patchKey).status, 200);
        QCOMPARE(call("PATCH", teamPath(id), m_team, move, patchKey).header("Idempotent-Replayed"),
                 QByteArray("true"));
    }

    void listCachesSeeTeamWrites()
    {
        const QString id = createTicket(QStringLiteral("Cache check ticket"));
        // Both lists are now cached with this ticket on top.
        const QByteArray mine = Customer + "?page_size=5";
        QCOMPARE(call("GET", mine, m_customer)
                     .json()[QLatin1String("result")][0][QLatin1String("id")]
                     .toString(),
                 id);
        QCOMPARE(call("GET", mine, m_customer)
                     .json()[QLatin1String("result")][0][QLatin1String("status")]
                     .toString(),
                 QStringLiteral("open"));
        const QByteArray team = "?page_size=5";
        QCOMPARE(teamList(team)[QLatin1String("result")][0][QLatin1String("assignee_id")].isNull(),
                 true);
        QCOMPARE(patch(id,
                       {{QStringLiteral("status"), QStringLiteral("triaging")},
                        {QStringLiteral("assignee_id"), QStringLiteral("me")}})
                     .status,
                 200);
        QCOMPARE(call("GET", mine, m_customer)
                     .json()[QLatin1String("result")][0][QLatin1String("status")]
                     .toString(),
                 QStringLiteral("triaging"));
        const QJsonObject top = teamList(team)[QLatin1String("result")][0].toObject();
        QCOMPARE(top[QLatin1String("id")].toString(), id);
        QCOMPARE(top[QLatin1String("assignee_name")].toString(), DemoTeamName);
        // A customer comment moves last_customer_activity_at in the cached team list.
        const QString before = top[QLatin1String("last_customer_activity_at")].toString();
        QTest::qWait(5);
        QCOMPARE(call("POST",
                      Customer + '/' + id.toUtf8() + "/comments",
                      m_customer,
                      R"({"body":"Any news?"})")
                     .status,
                 201);
        const QString after
            = teamList(team)[QLatin1String("result")][0][QLatin1String("last_customer_activity_at")]
                  .toString();
        QVERIFY2(after > before, qPrintable(before + u' ' + after));
    }

    void teamDownloadsAnyOrganisationsAttachment()
    {
        const QString id = createTicket(QStringLiteral("Attachment for the team"));
        QVERIFY(!id.isEmpty());
        QByteArray content;
        for (int i = 0; i < 40'000; ++i)
            content += "line " + QByteArray::number(i * 7919 % 100'003) + " kubelet: OOMKilled\n";
        const HttpReply up = Test::rawRequest(m_server.url(),
                                              Test::uploadRequest(Customer + '/' + id.toUtf8()
                                                                      + "/attachments",
                                                                  m_customer,
                                                                  "pod.log",
                                                                  content));
        QCOMPARE(up.status, 201);
        const QJsonArray attachments = up.json()[QLatin1String("attachments")].toArray();
        QCOMPARE(attachments.size(), 1);
        const QByteArray attachmentId = attachments.at(0)[QLatin1String("id")].toString().toUtf8();
        const HttpReply mine = call("GET",
                                    Customer + '/' + id.toUtf8() + "/attachments/" + attachmentId,
                                    m_customer);
        QCOMPARE(mine.status, 200);

        // A team user of no organisation at all still reads the file, on both prefixes.
        QProcess p;
        p.start(Test::TestServer::binary(),
                {QStringLiteral("token"),
                 QStringLiteral("create"),
                 QStringLiteral("--data-dir"),
                 m_server.dataDir(),
                 QStringLiteral("--team"),
                 QStringLiteral("--name"),
                 QStringLiteral("Orla Outsider")});
        QVERIFY(p.waitForFinished(20'000));
        QCOMPARE(p.exitCode(), 0);
        const QString outsider = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const QByteArray rest = "/team/support/tickets/" + id.toUtf8() + "/attachments/"
                                + attachmentId;
        for (const QString &token : {m_team, outsider}) {
            for (const QByteArray &prefix : {QByteArray("/api/v1"), QByteArray()}) {
                const HttpReply r = call("GET", prefix + rest, token);
                QCOMPARE(r.status, 200);
                QVERIFY(r.body == content);
                QCOMPARE(r.header("content-type"), mine.header("content-type"));
                QCOMPARE(r.header("content-disposition"), mine.header("content-disposition"));
                QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
            }
        }
        // The customer route stays closed to it.
        QCOMPARE(call("GET", Customer + '/' + id.toUtf8() + "/attachments/" + attachmentId, outsider)
                     .status,
                 403);

        // The boundary: a customer token finds no team route; no token is 401.
        for (const QByteArray &prefix : {QByteArray("/api/v1"), QByteArray()}) {
            const HttpReply r = call("GET", prefix + rest, m_customer);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.detail(), QStringLiteral("Not Found"));
            QCOMPARE(call("GET", prefix + rest, QString()).status, 401);
        }
        // Unknown or mismatched ids are 404 for the team too.
        const QString other = createTicket(QStringLiteral("Ticket without files"));
        QCOMPARE(call("GET", teamPath(other, "/attachments/" + attachmentId), m_team).status, 404);
        QCOMPARE(call("GET",
                      teamPath(id, "/attachments/00000000-0000-4000-8000-000000000000"),
                      m_team)
                     .status,
                 404);
        QCOMPARE(call("GET", teamPath(id, "/attachments/nope"), m_team).status, 404);
    }

    void teamTokenFromTheCommandLine()
    {
        QProcess p;
        p.start(Test::TestServer::binary(),
                {QStringLiteral("token"),
                 QStringLiteral("create"),
                 QStringLiteral("--data-dir"),
                 m_server.dataDir(),
                 QStringLiteral("--team"),
                 QStringLiteral("--name"),
                 QStringLiteral("Sam Staff")});
        QVERIFY(p.waitForFinished(20'000));
        QCOMPARE(p.exitCode(), 0);
        const QString token = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const HttpReply me = call("GET", "/api/v1/support/me", token);
        QCOMPARE(me.json()[QLatin1String("role")].toString(), QStringLiteral("team"));
        QCOMPARE(me.json()[QLatin1String("name")].toString(), QStringLiteral("Sam Staff"));
        QCOMPARE(call("GET", Team, token).status, 200);
        // No organisation of its own: the customer routes have nothing for it.
        QCOMPARE(call("GET", Customer, token).status, 403);

        // Without --team, --org stays required.
        p.start(Test::TestServer::binary(),
                {QStringLiteral("token"),
                 QStringLiteral("create"),
                 QStringLiteral("--data-dir"),
                 m_server.dataDir(),
                 QStringLiteral("--name"),
                 QStringLiteral("Nobody")});
        QVERIFY(p.waitForFinished(20'000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestServerTeam)
#include "tst_server_team.moc"

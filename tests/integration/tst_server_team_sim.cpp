// `serve --demo --simulate-team` (issue 8): the simulated team moves a fresh ticket through
// triaging and in_progress to a question (waiting_customer) or an answer (resolved), leaves
// the seeded history and tickets a person took over alone, and is refused without --demo.

#include "testserver.h"
#include "tst_server_http.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Test::HttpReply;

namespace {
const QByteArray Customer = "/api/v1/org/support/tickets";
const QByteArray Team = "/api/v1/team/support/tickets";
const QString DemoTeamName = QStringLiteral("Ankra Support (demo)");
} // namespace

class TestServerTeamSim : public QObject
{
    Q_OBJECT

    Test::TestServer m_server;
    QString m_customer;
    QString m_team;

    HttpReply call(const QByteArray &method,
                   const QByteArray &path,
                   const QString &token,
                   const QByteArray &body = {})
    {
        return Test::request(m_server.url(), method, path, token, body);
    }
    QString create(const QString &subject)
    {
        const QJsonObject body{{QStringLiteral("subject"), subject},
                               {QStringLiteral("description"),
                                QStringLiteral("The payments deployment cannot pull its image "
                                               "from our registry since the credentials rotated.")},
                               {QStringLiteral("acknowledged"), true}};
        const HttpReply r = call("POST",
                                 Customer,
                                 m_customer,
                                 QJsonDocument(body).toJson(QJsonDocument::Compact));
        return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
    }
    QJsonObject customerView(const QString &id)
    {
        return call("GET", Customer + '/' + id.toUtf8(), m_customer).json();
    }
    QString status(const QString &id)
    {
        return customerView(id).value(QLatin1String("status")).toString();
    }
    static QStringList bodies(const QJsonObject &ticket, const QString &authorType)
    {
        QStringList result;
        for (const QJsonValue &c : ticket.value(QLatin1String("comments")).toArray())
            if (c[QLatin1String("author_type")].toString() == authorType)
                result.append(c[QLatin1String("body")].toString());
        return result;
    }

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments({QStringLiteral("--simulate-team"),
                                    QStringLiteral("--simulate-team-delay"),
                                    QStringLiteral("200:500")});
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_customer = m_server.token();
        QFile file(m_server.dataDir() + QStringLiteral("/demo-team-token"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_team = QString::fromUtf8(file.readAll()).trimmed();
    }

    void freshTicketMovesThroughTheLifecycle()
    {
        const QString id = create(QStringLiteral("Image pull fails after credential rotation"));
        QVERIFY(!id.isEmpty());
        // Generous: the machine may be loaded; each step is 0.2-0.5 s.
        QTRY_VERIFY_WITH_TIMEOUT(status(id) == QLatin1String("waiting_customer")
                                     || status(id) == QLatin1String("resolved"),
                                 20'000);
        QJsonObject ticket = customerView(id);
        const QStringList notes = bodies(ticket, QStringLiteral("system"));
        QVERIFY2(notes.size() >= 3, qPrintable(notes.join(u'|')));
        QCOMPARE(notes.at(0), QStringLiteral("Status changed to Being assessed by ") + DemoTeamName);
        QCOMPARE(notes.at(1),
                 QStringLiteral("Status changed to Being worked on by ") + DemoTeamName);
        QCOMPARE(bodies(ticket, QStringLiteral("team")).size(),
                 2); // acknowledgement + question/answer
        QVERIFY(ticket.value(QLatin1String("is_tracked_by_team")).toBool());
        for (const QJsonValue &c : ticket.value(QLatin1String("comments")).toArray())
            if (c[QLatin1String("author_type")].toString() == QLatin1String("team"))
                QCOMPARE(c[QLatin1String("author_label")].toString(), DemoTeamName);
        const HttpReply team = call("GET", Team + '/' + id.toUtf8(), m_team);
        QCOMPARE(team.json()[QLatin1String("assignee_name")].toString(), DemoTeamName);

        qInfo("simulated path: %s", qPrintable(status(id)));
        if (status(id) == QLatin1String("waiting_customer")) {
            // The customer answers: the ticket goes back to the team, which resolves it.
            QCOMPARE(call("POST",
                          Customer + '/' + id.toUtf8() + "/comments",
                          m_customer,
                          R"({"body":"We rotated them at 09:00 UTC."})")
                         .status,
                     201);
            QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("resolved"), 20'000);
            ticket = customerView(id);
            QCOMPARE(bodies(ticket, QStringLiteral("team")).size(), 3);
        }
        // Resolved is the end of the simulated story: nothing happens after it.
        const int comments = customerView(id).value(QLatin1String("comments")).toArray().size();
        QTest::qWait(1'500);
        QCOMPARE(status(id), QStringLiteral("resolved"));
        QCOMPARE(customerView(id).value(QLatin1String("comments")).toArray().size(), comments);
    }

    void leavesHistoryAndOthersTicketsAlone()
    {
        // A seeded open ticket was last updated before the start: history, not touched.
        const QJsonArray open = call("GET", Team + "?status=open&page_size=100", m_team)
                                    .json()[QLatin1String("result")]
                                    .toArray();
        QString seeded;
        for (const QJsonValue &v : open)
            if (v[QLatin1String("subject")].toString() != QLatin1String("Taken by a person"))
                seeded = v[QLatin1String("id")].toString();
        QVERIFY(!seeded.isEmpty());

        // A ticket a colleague took at once is left with them.
        const QString colleague = m_server.createToken(QStringLiteral("Demo Org"),
                                                       QStringLiteral("Maria"),
                                                       true);
        const QString id = create(QStringLiteral("Taken by a person"));
        QVERIFY(!id.isEmpty());
        const HttpReply taken = call("PATCH",
                                     Team + '/' + id.toUtf8(),
                                     colleague,
                                     R"({"assignee_id":"me"})");
        QCOMPARE(taken.status, 200);
        const QString takenStatus = taken.json()[QLatin1String("status")].toString();
        // Meanwhile a second fresh ticket goes all the way (so the simulator is running).
        const QString other = create(QStringLiteral("Image pull fails again"));
        QTRY_VERIFY_WITH_TIMEOUT(status(other) == QLatin1String("waiting_customer")
                                     || status(other) == QLatin1String("resolved"),
                                 20'000);
        QTest::qWait(1'000);
        // A step may have raced the colleague; after the assignment the ticket stays theirs.
        const QJsonObject mine = call("GET", Team + '/' + id.toUtf8(), m_team).json();
        QCOMPARE(mine[QLatin1String("assignee_name")].toString(), QStringLiteral("Maria"));
        QCOMPARE(mine[QLatin1String("status")].toString(), takenStatus);
        QCOMPARE(status(seeded), QStringLiteral("open"));
    }

    void refusedWithoutDemo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no --demo") << QStringList{QStringLiteral("--simulate-team")};
        QTest::newRow("bad delay") << QStringList{QStringLiteral("--demo"),
                                                  QStringLiteral("--simulate-team"),
                                                  QStringLiteral("--simulate-team-delay"),
                                                  QStringLiteral("500:100")};
        QTest::newRow("delay alone") << QStringList{QStringLiteral("--demo"),
                                                    QStringLiteral("--simulate-team-delay"),
                                                    QStringLiteral("100:500")};
    }

    void refusedWithoutDemo()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QProcess p;
        p.start(Test::TestServer::binary(),
                QStringList{QStringLiteral("serve"),
                            QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data-dir"),
                            dir.path()}
                    + args);
        QVERIFY(p.waitForFinished(20'000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--simulate-team"));
    }
};

QTEST_GUILESS_MAIN(TestServerTeamSim)
#include "tst_server_team_sim.moc"

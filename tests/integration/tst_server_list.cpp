// The list endpoint of the real ankra-support-server, over loopback HTTP.

#include "testserver.h"

#include "wire/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Ankra;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray allow;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestServerList : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;

    Reply send(const QByteArray &method,
               const QString &pathAndQuery,
               const QString &token,
               const QByteArray &orgHeader = {},
               const QByteArray &body = {})
    {
        QNetworkRequest request(m_server.url().resolved(QUrl(pathAndQuery)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        if (!orgHeader.isEmpty())
            request.setRawHeader("X-Ankra-Organisation-Id", orgHeader);
        QNetworkReply *reply = body.isNull() ? m_nam.sendCustomRequest(request, method)
                                             : m_nam.sendCustomRequest(request, method, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(10'000);
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll(),
                reply->rawHeader("Allow")};
        reply->deleteLater();
        return r;
    }

    Reply get(const QString &pathAndQuery, const QString &token = QStringLiteral("<demo>"))
    {
        return send("GET",
                    pathAndQuery,
                    token == QLatin1String("<demo>") ? m_server.token() : token);
    }

    Wire::TicketPage page(const Reply &r)
    {
        auto parsed = Wire::parseTicketPage(r.json());
        if (Wire::isError(parsed))
            qFatal("bad page: %s", r.body.constData());
        return std::get<Wire::TicketPage>(parsed);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void listsDemoTicketsNewestFirst()
    {
        const Reply r = get(QStringLiteral("/api/v1/org/support/tickets"));
        QCOMPARE(r.status, 200);
        const Wire::TicketPage p = page(r);
        QVERIFY(p.pagination.totalCount >= 10);
        QCOMPARE(p.pagination.page, 1);
        QCOMPARE(p.pagination.pageSize, 25);
        QVERIFY(!p.result.isEmpty());
        for (qsizetype i = 1; i < p.result.size(); ++i)
            QVERIFY(p.result.at(i - 1).updatedAt >= p.result.at(i).updatedAt);
        QVERIFY(r.json().contains(QLatin1String("result")));
        QVERIFY(!r.json().contains(QLatin1String("items")));
    }

    void browserPrefixServesTheSameList()
    {
        const Reply a = get(QStringLiteral("/api/v1/org/support/tickets?page_size=5"));
        const Reply b = get(QStringLiteral("/org/support/tickets?page_size=5"));
        QCOMPARE(b.status, 200);
        QCOMPARE(page(a), page(b));
    }

    void paginationEdges()
    {
        const qint64 total = page(get(QStringLiteral("/api/v1/org/support/tickets")))
                                 .pagination.totalCount;
        const Wire::TicketPage p1 = page(
            get(QStringLiteral("/api/v1/org/support/tickets?page=1&page_size=5")));
        const Wire::TicketPage p2 = page(
            get(QStringLiteral("/api/v1/org/support/tickets?page=2&page_size=5")));
        QCOMPARE(p1.result.size(), 5);
        QCOMPARE(p1.pagination.totalPages, int((total + 4) / 5));
        QVERIFY(p1.result.last().id != p2.result.first().id);
        const Wire::TicketPage beyond = page(
            get(QStringLiteral("/api/v1/org/support/tickets?page=999")));
        QVERIFY(beyond.result.isEmpty());
        QCOMPARE(beyond.pagination.totalCount, total);
        const Wire::TicketPage max = page(
            get(QStringLiteral("/api/v1/org/support/tickets?page_size=100")));
        QCOMPARE(max.result.size(), int(total));
    }

    void statusFilterIsRepeatable()
    {
        const Wire::TicketPage p = page(get(QStringLiteral(
            "/api/v1/org/support/tickets?status=resolved&status=closed&page_size=100")));
        QVERIFY(!p.result.isEmpty());
        for (const Wire::TicketSummary &t : p.result)
            QVERIFY2(t.status == QLatin1String("resolved") || t.status == QLatin1String("closed"),
                     qPrintable(t.status));
    }

    void searchMatchesSubjectAndDescription()
    {
        const Wire::TicketPage bySubject = page(
            get(QStringLiteral("/api/v1/org/support/tickets?q=INVOICE")));
        QCOMPARE(bySubject.result.size(), 1);
        QVERIFY(bySubject.result.at(0).subject.contains(QLatin1String("Invoice")));
        const Wire::TicketPage byDescription = page(
            get(QStringLiteral("/api/v1/org/support/tickets?q=Multi-Attach")));
        QCOMPARE(byDescription.result.size(), 1);
        const Wire::TicketPage none = page(
            get(QStringLiteral("/api/v1/org/support/tickets?q=zzzqqq")));
        QCOMPARE(none.pagination.totalCount, 0);
        // FTS syntax in user input is text, not a query.
        QCOMPARE(get(QStringLiteral("/api/v1/org/support/tickets?q=%22%20OR%20*")).status, 200);
    }

    void authIsRequired()
    {
        const Reply none = get(QStringLiteral("/api/v1/org/support/tickets"), QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value(QLatin1String("detail")).toString(),
                 QStringLiteral("Not authenticated"));
        QCOMPARE(get(QStringLiteral("/api/v1/org/support/tickets"),
                     QStringLiteral("ank_0123456789abcdef_wrongsecretwrongsecret"))
                     .status,
                 401);
        QString forged = m_server.token();
        forged[forged.size() - 1] = forged.endsWith(u'A') ? u'B' : u'A';
        QCOMPARE(get(QStringLiteral("/api/v1/org/support/tickets"), forged).status, 401);
    }

    void organisationsAreIsolated()
    {
        const QString other = m_server.createToken(QStringLiteral("Other Org"),
                                                   QStringLiteral("Eve"));
        QVERIFY(!other.isEmpty());
        const Wire::TicketPage p = page(get(QStringLiteral("/api/v1/org/support/tickets"), other));
        QCOMPARE(p.pagination.totalCount, 0);
        // Selecting an organisation the user does not belong to is forbidden.
        const QString demoOrg = QStringLiteral("11111111-2222-4333-8444-555555555555");
        QCOMPARE(send("GET", QStringLiteral("/api/v1/org/support/tickets"), other, demoOrg.toUtf8())
                     .status,
                 403);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/org/support/tickets"), other, "not-a-uuid")
                     .status,
                 422);
    }

    void badQueriesAre422_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("page 0") << "page=0"
                                << "page";
        QTest::newRow("page negative") << "page=-1"
                                       << "page";
        QTest::newRow("page text") << "page=two"
                                   << "page";
        QTest::newRow("page huge") << "page=99999999999"
                                   << "page";
        QTest::newRow("page_size 0") << "page_size=0"
                                     << "page_size";
        QTest::newRow("page_size 101") << "page_size=101"
                                       << "page_size";
        QTest::newRow("status unknown") << "status=done"
                                        << "status";
        QTest::newRow("cluster not uuid") << "cluster_id=prod"
                                          << "cluster_id";
        QTest::newRow("q too long") << QStringLiteral("q=") + QString(201, u'a') << "q";
    }

    void badQueriesAre422()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const Reply r = get(QStringLiteral("/api/v1/org/support/tickets?") + query);
        QCOMPARE(r.status, 422);
        const QJsonArray detail = r.json().value(QLatin1String("detail")).toArray();
        QCOMPARE(detail.size(), 1);
        QCOMPARE(detail.at(0)[QLatin1String("loc")].toArray().last().toString(), field);
    }

    void unknownRoutesAndMethods()
    {
        const Reply missing = get(QStringLiteral("/api/v1/org/support/nothing"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(QLatin1String("detail")).toString(),
                 QStringLiteral("Not Found"));
        const Reply wrongMethod = send("PUT",
                                       QStringLiteral("/api/v1/org/support/tickets"),
                                       m_server.token(),
                                       {},
                                       QByteArrayLiteral("{}"));
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.allow.contains("GET"));
    }

    void jsonIsNotCompressedOverLoopback()
    {
        // Qt always offers brotli; cpp-httplib would spend ~80 ms compressing one page with it.
        QNetworkRequest request(m_server.url().resolved(
            QUrl(QStringLiteral("/api/v1/org/support/tickets?page_size=100"))));
        request.setRawHeader("Authorization", "Bearer " + m_server.token().toUtf8());
        request.setRawHeader("Accept-Encoding", "br, gzip, deflate");
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || spy.wait(10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY2(reply->rawHeader("Content-Encoding").isEmpty(),
                 reply->rawHeader("Content-Encoding").constData());
        QVERIFY(reply->rawHeader("Content-Type").startsWith("application/json"));
        QVERIFY(QJsonDocument::fromJson(reply->readAll()).isObject());
        reply->deleteLater();
    }

    void logNeverContainsTheToken()
    {
        get(QStringLiteral("/api/v1/org/support/tickets?q=secret"));
        m_server.stop();
        const QString log = m_server.log();
        QVERIFY(log.contains(QLatin1String("GET /api/v1/org/support/tickets 200")));
        QVERIFY(!log.contains(m_server.token()));
        QVERIFY(!log.contains(m_server.token().mid(21)));
    }
};

QTEST_GUILESS_MAIN(TestServerList)
#include "tst_server_list.moc"

// Paging through the real server's list and the team's queue: a page read right after the one
// before it starts where that one ended (an index seek, ListPaging's page starts), any other
// page is found by OFFSET.
// Both must give the same rows in the same order, with many tickets sharing one updated_at (ties
// broken by id), and again after a change moved a ticket to the top.

#include "testserver.h"

#include "wire/json.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Ankra;

namespace {

constexpr int Tickets = 237;

} // namespace

class TestServerPaging : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QString m_token;
    QNetworkAccessManager m_nam;

    QString m_teamToken;
    // The list read: the customer's or the team's queue (every organisation).
    bool m_team = false;

    QByteArray send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body)
    {
        QNetworkRequest request(m_server.url().resolved(QUrl(pathAndQuery)));
        request.setRawHeader("Authorization", "Bearer " + (m_team ? m_teamToken : m_token).toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
        QNetworkReply *reply = body.isEmpty() ? m_nam.sendCustomRequest(request, method)
                                              : m_nam.sendCustomRequest(request, method, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(10'000);
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return data;
    }

    // The ids of one page of `pageSize`.
    QStringList pageIds(int page, int pageSize)
    {
        const QByteArray body = send("GET",
                                     QStringLiteral(
                                         "/api/v1/%1/support/tickets?page=%2&page_size=%3")
                                         .arg(m_team ? QStringLiteral("team")
                                                     : QStringLiteral("org"))
                                         .arg(page)
                                         .arg(pageSize),
                                     {});
        auto parsed = Wire::parseTicketPage(QJsonDocument::fromJson(body).object());
        if (Wire::isError(parsed))
            return {QStringLiteral("<bad page: %1>").arg(QString::fromUtf8(body.left(200)))};
        QStringList ids;
        for (const Wire::TicketSummary &t : std::get<Wire::TicketPage>(parsed).result)
            ids.append(t.id);
        return ids;
    }

    // All ids, pages read first to last (each page after the one before it: seeks) or last to
    // first (no page after its predecessor: OFFSETs), concatenated in page order.
    QStringList allIds(int pageSize, bool lastToFirst)
    {
        const int pages = (Tickets + pageSize - 1) / pageSize;
        QList<QStringList> byPage(pages);
        for (int i = 0; i < pages; ++i) {
            const int page = lastToFirst ? pages - i : i + 1;
            byPage[page - 1] = pageIds(page, pageSize);
        }
        QStringList ids;
        for (const QStringList &p : std::as_const(byPage))
            ids += p;
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_token = m_server.createToken(QStringLiteral("Paging Org"), QStringLiteral("pager"));
        QVERIFY(!m_token.isEmpty());
        m_teamToken = m_server.createToken(QStringLiteral("Paging Org"),
                                           QStringLiteral("lead"),
                                           true);
        QVERIFY(!m_teamToken.isEmpty());
        // Groups of up to 10 tickets share one timestamp: ties everywhere, also across pages.
        QByteArray jsonl;
        for (int i = 0; i < Tickets; ++i)
            jsonl += QStringLiteral("{\"subject\":\"Paging %1\",\"description\":\"Paging "
                                    "test.\",\"category\":\"technical\",\"created_at\":"
                                    "\"2026-11-%2T08:00:00Z\"}\n")
                         .arg(i)
                         .arg(1 + i / 10, 2, 10, QChar(u'0'))
                         .toUtf8();
        QString error;
        QVERIFY2(m_server.importTicketLines(QStringLiteral("Paging Org"), jsonl, &error),
                 qPrintable(error));
        QVERIFY2(m_server.start(false, &error), qPrintable(error));
    }

    void seeksAndOffsetsGiveTheSameRows()
    {
        const QStringList byOffset = allIds(10, true);
        QCOMPARE(byOffset.size(), Tickets);
        QCOMPARE(QSet<QString>(byOffset.begin(), byOffset.end()).size(), Tickets);
        QCOMPARE(allIds(10, false), byOffset); // page starts known from here on
        QCOMPARE(allIds(10, false), byOffset);
        // Other page sizes partition the same order.
        QCOMPARE(allIds(7, false), byOffset);
        QCOMPARE(allIds(7, true), byOffset);
        QCOMPARE(allIds(7, false), byOffset);
    }

    // The team's queue pages the same way (TeamStore shares ListPaging).
    void teamQueueSeeksAndOffsetsGiveTheSameRows()
    {
        m_team = true;
        const QStringList byOffset = allIds(10, true);
        const QStringList customers = [this] {
            m_team = false;
            return allIds(10, true);
        }();
        m_team = true;
        QCOMPARE(byOffset, customers); // one organisation: the same tickets, the same order
        QCOMPARE(allIds(10, false), byOffset);
        QCOMPARE(allIds(10, false), byOffset);
        QCOMPARE(allIds(7, false), byOffset);
        m_team = false;
    }

    void aChangeStartsOver()
    {
        const QStringList before = allIds(10, false);
        // A reply moves a ticket from the middle of a tie to the top.
        const QString moved = before.at(Tickets / 2);
        const QByteArray answer
            = send("POST",
                   QStringLiteral("/api/v1/org/support/tickets/%1/comments").arg(moved),
                   R"({"body":"Moves it to the top."})");
        QVERIFY2(answer.contains(moved.toUtf8()), answer.constData());
        QStringList expected = before;
        expected.removeOne(moved);
        expected.prepend(moved);
        QCOMPARE(allIds(10, false), expected);
        QCOMPARE(allIds(10, true), expected);
        QCOMPARE(allIds(10, false), expected);
        m_team = true; // the team's queue too
        QCOMPARE(allIds(10, false), expected);
        QCOMPARE(allIds(10, true), expected);
        m_team = false;
    }
};

QTEST_GUILESS_MAIN(TestServerPaging)
#include "tst_server_paging.moc"

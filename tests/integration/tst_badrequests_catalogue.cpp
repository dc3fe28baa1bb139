// The catalogue of malformed requests (issue 10): one data-driven test, each row with the exact
// status and the exact `detail` (a string, or "loc: msg" of the first validation item). Every
// answer must be JSON, and after all of them the server must still serve, with no 5xx logged.

#include "testserver.h"
#include "tst_server_http.h"

#include <QTest>

using namespace Ankra;

namespace {

const QByteArray Tickets = "/api/v1/org/support/tickets";
const QByteArray Nil = "00000000-0000-4000-8000-000000000000";

// Placeholders: {TOKEN} = the demo token, {T} = an open ticket, {C} = a closed ticket,
// {FULL} = a ticket with the maximum number of attachments, {A} = an attachment of {T}.
QByteArray req(const QByteArray &method,
               const QByteArray &path,
               const QByteArray &body,
               const QByteArray &contentType = "application/json",
               const QList<QByteArray> &headers = {})
{
    QByteArray r = method + ' ' + path
                   + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    if (!contentType.isEmpty())
        r += "Content-Type: " + contentType + "\r\n";
    return r + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray create(const QByteArray &json)
{
    return req("POST", Tickets, json);
}

QByteArray review(const QByteArray &json)
{
    return req("POST", Tickets + "/review", json);
}

QByteArray comment(const QByteArray &json, const QByteArray &ticket = "{T}")
{
    return req("POST", Tickets + "/" + ticket + "/comments", json);
}

QByteArray get(const QByteArray &pathAndQuery, const QList<QByteArray> &headers = {})
{
    QByteArray r = "GET " + pathAndQuery
                   + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    return r + "\r\n";
}

QByteArray unauthenticated(const QByteArray &authorization)
{
    return "GET " + Tickets + " HTTP/1.1\r\nHost: x\r\n"
           + (authorization.isNull() ? QByteArray() : "Authorization: " + authorization + "\r\n")
           + "\r\n";
}

QByteArray part(const QByteArray &name, const QByteArray &filename, const QByteArray &content)
{
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\""
           + (filename.isNull() ? QByteArray() : "; filename=\"" + filename + "\"") + "\r\n\r\n"
           + content + "\r\n";
}

QByteArray upload(const QByteArray &parts,
                  const QByteArray &ticket = "{T}",
                  const QByteArray &boundary = "XyZ")
{
    return req("POST",
               Tickets + "/" + ticket + "/attachments",
               parts,
               "multipart/form-data; boundary=" + boundary);
}

QByteArray file(const QByteArray &filename, const QByteArray &content)
{
    return upload(part("file", filename, content) + "--XyZ--\r\n");
}

} // namespace

class TestBadRequestsCatalogue : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QMap<QByteArray, QByteArray> m_values;

    QByteArray createTicket()
    {
        const Test::HttpReply r
            = Test::request(m_server.url(),
                            "POST",
                            Tickets,
                            m_server.token(),
                            "{\"subject\":\"Catalogue ticket\",\"acknowledged\":true}");
        return r.json().value(QLatin1String("id")).toString().toUtf8();
    }

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments({QStringLiteral("--max-attachment-bytes"),
                                    QStringLiteral("4096"),
                                    QStringLiteral("--max-attachments-per-ticket"),
                                    QStringLiteral("2")});
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        const QByteArray open = createTicket();
        const QByteArray closed = createTicket();
        const QByteArray full = createTicket();
        QVERIFY(!open.isEmpty() && !closed.isEmpty() && !full.isEmpty());
        QCOMPARE(Test::request(m_server.url(),
                               "POST",
                               Tickets + "/" + closed + "/close",
                               m_server.token(),
                               "")
                     .status,
                 200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(Test::rawRequest(m_server.url(),
                                      Test::uploadRequest(Tickets + "/" + full + "/attachments",
                                                          m_server.token(),
                                                          "a.log",
                                                          "log line\n"))
                         .status,
                     201);
        const Test::HttpReply withFile = Test::rawRequest(m_server.url(),
                                                          Test::uploadRequest(Tickets + "/" + open
                                                                                  + "/attachments",
                                                                              m_server.token(),
                                                                              "a.log",
                                                                              "x\n"));
        QCOMPARE(withFile.status, 201);
        m_values = {{"{TOKEN}", m_server.token().toUtf8()},
                    {"{T}", open},
                    {"{C}", closed},
                    {"{FULL}", full},
                    {"{A}",
                     withFile.json()[QLatin1String("attachments")][0][QLatin1String("id")]
                         .toString()
                         .toUtf8()}};
    }

    void catalogue_data();

    void catalogue()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(QString, detail);
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            raw.replace(it.key(), it.value());
        const Test::HttpReply r = Test::rawRequest(m_server.url(), raw);
        const QString got = QStringLiteral("%1 \"%2\"").arg(r.status).arg(r.detail());
        const QString want = QStringLiteral("%1 \"%2\"").arg(status).arg(detail);
        QVERIFY2(got == want,
                 qPrintable(QStringLiteral("\n  got  %1\n  want %2\n  body %3")
                                .arg(got, want, QString::fromUtf8(r.body.left(300)))));
        QVERIFY2(r.header("Content-Type").startsWith("application/json"),
                 r.header("Content-Type").constData());
    }

    void serverStillServesAndLoggedNo5xx()
    {
        QCOMPARE(Test::request(m_server.url(),
                               "GET",
                               Tickets + "/" + m_values.value("{T}"),
                               m_server.token())
                     .status,
                 200);
        m_server.stop();
        QCOMPARE(m_server.process()->exitCode(), 0);
        QVERIFY2(!m_server.log().contains(QLatin1String("\" 5")), qPrintable(m_server.log()));
        QVERIFY(!m_server.log().contains(QLatin1String("internal error")));
    }
};

void TestBadRequestsCatalogue::catalogue_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    const QByteArray longText(10001, 'x');
    auto row = [](const char *name, const QByteArray &raw, int status, const char *detail) {
        QTest::newRow(name) << raw << status << QString::fromUtf8(detail);
    };
#include "tst_badrequests_catalogue_rows.inc"
}

QTEST_GUILESS_MAIN(TestBadRequestsCatalogue)
#include "tst_badrequests_catalogue.moc"

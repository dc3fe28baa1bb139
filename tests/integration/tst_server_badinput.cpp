// Malformed requests against the real server: each must get its exact 4xx status and a clear
// detail, none may produce a 5xx or take the server down.

#include "testserver.h"
#include "tst_server_http.h"

#include <QTest>

using namespace Ankra;

namespace {

const QByteArray Tickets = "/api/v1/org/support/tickets";

// Placeholders: {TOKEN} = the demo token, {T} = one of its ticket ids.
QByteArray req(const QByteArray &method,
               const QByteArray &path,
               const QByteArray &body,
               const QByteArray &contentType = "application/json",
               const QList<QByteArray> &headers = {})
{
    QByteArray r = method + ' ' + path
                   + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Authorization: Bearer {TOKEN}\r\n";
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

QByteArray comment(const QByteArray &json)
{
    return req("POST", Tickets + "/{T}/comments", json);
}

QByteArray get(const QByteArray &pathAndQuery, const QList<QByteArray> &headers = {})
{
    QByteArray r = "GET " + pathAndQuery
                   + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Authorization: Bearer {TOKEN}\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    return r + "\r\n";
}

QByteArray multipart(const QByteArray &parts, const QByteArray &boundary = "XyZ")
{
    return req("POST",
               Tickets + "/{T}/attachments",
               parts,
               "multipart/form-data; boundary=" + boundary);
}

QByteArray part(const QByteArray &name, const QByteArray &filename, const QByteArray &content)
{
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\""
           + (filename.isEmpty() ? QByteArray() : "; filename=\"" + filename + "\"") + "\r\n\r\n"
           + content + "\r\n";
}

} // namespace

class TestServerBadInput : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QByteArray m_ticket;

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments(
            {QStringLiteral("--max-attachment-bytes"), QStringLiteral("4096")});
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        const Test::HttpReply list = Test::request(m_server.url(),
                                                   "GET",
                                                   Tickets + "?status=open",
                                                   m_server.token());
        m_ticket = list.json()[QLatin1String("result")][0][QLatin1String("id")].toString().toUtf8();
        QVERIFY(!m_ticket.isEmpty());
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        const QByteArray longText(10001, 'x');
        // JSON bodies
        QTest::newRow("json syntax error") << create("{\"subject\": }") << 422 << "invalid JSON";
        QTest::newRow("json truncated") << create("{\"subject\": \"a") << 422 << "invalid JSON";
        QTest::newRow("json array") << create("[1,2]") << 422 << "valid dict";
        QTest::newRow("json string") << create("\"subject\"") << 422 << "invalid JSON";
        QTest::newRow("json deep nesting")
            << create(QByteArray(5000, '[') + QByteArray(5000, ']')) << 422 << "invalid JSON";
        QTest::newRow("empty body") << create("") << 422 << "body: field required";
        QTest::newRow("form content type")
            << req("POST", Tickets, "subject=x", "application/x-www-form-urlencoded") << 422
            << "Content-Type";
        QTest::newRow("text content type")
            << req("POST", Tickets, "{\"subject\":\"x\"}", "text/plain") << 422 << "Content-Type";
        // create fields
        QTest::newRow("subject missing")
            << create("{\"description\":\"d\"}") << 422 << "body.subject: field required";
        QTest::newRow("subject blank") << create("{\"subject\":\"   \"}") << 422 << "body.subject";
        QTest::newRow("subject number") << create("{\"subject\":42}") << 422 << "str type expected";
        QTest::newRow("subject 201 chars")
            << create("{\"subject\":\"" + QByteArray(201, 's') + "\"}") << 422 << "at most 200";
        QTest::newRow("subject with NUL") << create("{\"subject\":\"a\\u0000b\"}") << 422 << "NUL";
        QTest::newRow("description too long")
            << create("{\"subject\":\"s\",\"description\":\"" + longText + "\"}") << 422
            << "at most 10000";
        QTest::newRow("description object")
            << create("{\"subject\":\"s\",\"description\":{}}") << 422 << "body.description";
        QTest::newRow("category unknown")
            << create("{\"subject\":\"s\",\"category\":\"urgent\"}") << 422 << "body.category";
        QTest::newRow("severity unknown")
            << create("{\"subject\":\"s\",\"severity\":\"blocker\"}") << 422 << "body.severity";
        QTest::newRow("source unknown")
            << create("{\"subject\":\"s\",\"source\":\"email\"}") << 422 << "body.source";
        QTest::newRow("acknowledged string")
            << create("{\"subject\":\"s\",\"acknowledged\":\"yes\"}") << 422 << "boolean";
        QTest::newRow("cluster_id not uuid")
            << create("{\"subject\":\"s\",\"cluster_id\":\"prod\"}") << 422
            << "body.cluster_id: value is not a valid uuid";
        QTest::newRow("review_id not uuid")
            << create("{\"review_id\":\"123\"}") << 422 << "body.review_id";
        QTest::newRow("review_id number") << create("{\"review_id\":5}") << 422 << "body.review_id";
        QTest::newRow("environment array")
            << create("{\"subject\":\"s\",\"environment\":[1]}") << 422 << "body.environment";
        QTest::newRow("environment too big") << create(
            "{\"subject\":\"s\",\"environment\":{\"k\":\"" + QByteArray(17000, 'e') + "\"}}")
                                             << 422 << "16384 bytes";
        QTest::newRow("answers not a list")
            << create("{\"subject\":\"s\",\"clarification_answers\":{}}") << 422 << "valid list";
        QTest::newRow("answer missing")
            << create("{\"subject\":\"s\",\"clarification_answers\":[{\"question\":\"q\"}]}") << 422
            << "clarification_answers.0.answer";
        QTest::newRow("answer item not object")
            << create("{\"subject\":\"s\",\"clarification_answers\":[\"a\"]}") << 422
            << "clarification_answers.0";
        // review
        QTest::newRow("review subject missing")
            << req("POST", Tickets + "/review", "{}") << 422 << "body.subject";
        QTest::newRow("review category wrong")
            << req("POST", Tickets + "/review", "{\"subject\":\"s\",\"category\":1}") << 422
            << "body.category";
        // comments
        QTest::newRow("comment body missing")
            << comment("{}") << 422 << "body.body: field required";
        QTest::newRow("comment body empty") << comment("{\"body\":\"\"}") << 422 << "body.body";
        QTest::newRow("comment body null") << comment("{\"body\":null}") << 422 << "body.body";
        QTest::newRow("comment body too long")
            << comment("{\"body\":\"" + longText + "\"}") << 422 << "at most 10000";
        QTest::newRow("comment body list") << comment("{\"body\":[\"x\"]}") << 422 << "str type";
        // query strings
        QTest::newRow("page zero") << get(Tickets + "?page=0") << 422 << "query.page";
        QTest::newRow("page fraction") << get(Tickets + "?page=1.5") << 422 << "query.page";
        QTest::newRow("page_size 1000")
            << get(Tickets + "?page_size=1000") << 422 << "query.page_size";
        QTest::newRow("status bogus")
            << get(Tickets + "?status=open&status=bogus") << 422 << "query.status";
        QTest::newRow("cluster_id bad")
            << get(Tickets + "?cluster_id=abc") << 422 << "query.cluster_id";
        // ids and routes
        QTest::newRow("ticket id not uuid") << get(Tickets + "/42") << 404 << "Ticket not found";
        QTest::newRow("ticket id unknown")
            << get(Tickets + "/00000000-0000-4000-8000-000000000000") << 404 << "Ticket not found";
        QTest::newRow("comment unknown ticket")
            << req("POST",
                   Tickets + "/00000000-0000-4000-8000-000000000000/comments",
                   "{\"body\":\"x\"}")
            << 404 << "Ticket not found";
        QTest::newRow("attachment id not uuid")
            << get(Tickets + "/{T}/attachments/..%2F..%2Fsupport.sqlite3") << 404 << "Not Found";
        QTest::newRow("attachment id unknown")
            << get(Tickets + "/{T}/attachments/00000000-0000-4000-8000-000000000000") << 404
            << "Attachment not found";
        QTest::newRow("unknown path") << get("/api/v1/org/support/ticketz") << 404 << "Not Found";
        QTest::newRow("trailing slash") << get(Tickets + "/{T}/") << 404 << "Not Found";
        QTest::newRow("PUT on tickets") << req("PUT", Tickets, "{}") << 405 << "Method Not Allowed";
        QTest::newRow("DELETE on ticket")
            << req("DELETE", Tickets + "/{T}", "") << 405 << "Method Not Allowed";
        // auth and headers
        QTest::newRow("no token") << QByteArray("GET " + Tickets + " HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << 401 << "Not authenticated";
        QTest::newRow("basic auth") << QByteArray(
            "GET " + Tickets + " HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YTpi\r\n\r\n")
                                    << 401 << "Not authenticated";
        QTest::newRow("token garbage") << QByteArray(
            "GET " + Tickets + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \xff\xfe\r\n\r\n")
                                       << 401 << "Not authenticated";
        QTest::newRow("org header not uuid") << get(Tickets, {"X-Ankra-Organisation-Id: acme"})
                                             << 422 << "header.X-Ankra-Organisation-Id";
        QTest::newRow("org header foreign")
            << get(Tickets, {"X-Ankra-Organisation-Id: 00000000-0000-4000-8000-000000000000"})
            << 403 << "not a member";
        QTest::newRow("idempotency key too long")
            << req("POST",
                   Tickets + "/{T}/close",
                   "",
                   {},
                   {"Idempotency-Key: " + QByteArray(300, 'k')})
            << 422 << "Idempotency-Key";
        // framing
        QTest::newRow("POST without length") << QByteArray(
            "POST " + Tickets + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\r\n")
                                             << 411 << "Content-Length";
        QTest::newRow("chunked body") << QByteArray(
            "POST " + Tickets
            + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: "
              "application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                                      << 411 << "chunked";
        QTest::newRow("gzip body")
            << req("POST",
                   Tickets,
                   QByteArray::fromHex("1f8b0800000000000003abae050043bfa6a302000000"),
                   "application/json",
                   {"Content-Encoding: gzip"})
            << 415 << "Content-Encoding";
        QTest::newRow("bad Content-Length")
            << QByteArray("POST " + Tickets
                          + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            "{TOKEN}\r\nContent-Length: ten\r\n\r\n")
            << 400 << "Content-Length";
        QTest::newRow("json body over limit")
            << create("{\"subject\":\"" + QByteArray(300 * 1024, 'a') + "\"}") << 413
            << "too large";
        QTest::newRow("garbage request line")
            << QByteArray("HELLO\r\n\r\n") << 400 << "Bad request";
        QTest::newRow("unknown method")
            << QByteArray("BREW " + Tickets + " HTTP/1.1\r\nHost: x\r\n\r\n") << 400
            << "Bad request";
        QTest::newRow("request line too long")
            << get(Tickets + "?q=" + QByteArray(9000, 'q')) << 414 << "too long";
        QTest::newRow("q too long")
            << get(Tickets + "?q=" + QByteArray(300, 'q')) << 422 << "query.q";
        // uploads
        QTest::newRow("upload as json")
            << req("POST", Tickets + "/{T}/attachments", "{\"file\":\"x\"}") << 415
            << "multipart/form-data";
        QTest::newRow("upload boundary mismatch")
            << multipart(part("file", "a.log", "x") + "--XyZ--\r\n", "Other") << 400 << "multipart";
        QTest::newRow("upload no closing boundary") << multipart(
            "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.log\"\r\n\r\nabc")
                                                    << 400 << "multipart";
        QTest::newRow("upload no file part")
            << multipart(part("note", {}, "hello") + "--XyZ--\r\n") << 422 << "body.file";
        QTest::newRow("upload two files")
            << multipart(part("file", "a.log", "x") + part("file", "b.log", "y") + "--XyZ--\r\n")
            << 422 << "one file";
        QTest::newRow("upload over limit")
            << multipart(part("file", "a.log", QByteArray(5000, 'a')) + "--XyZ--\r\n") << 413
            << "File too large";
        QTest::newRow("upload length over limit")
            << multipart(part("file", "a.log", QByteArray(80 * 1024, 'a')) + "--XyZ--\r\n") << 413
            << "File too large";
        QTest::newRow("upload elf as log") << multipart(part("file",
                                                             "a.log",
                                                             "\x7f"
                                                             "ELF....")
                                                        + "--XyZ--\r\n")
                                           << 415 << "Executable";
        QTest::newRow("upload shell script")
            << multipart(part("file", "run.sh", "#!/bin/sh\n") + "--XyZ--\r\n") << 415
            << "not allowed";
        QTest::newRow("upload script as txt")
            << multipart(part("file", "run.txt", "#!/bin/sh\nrm -rf /\n") + "--XyZ--\r\n") << 415
            << "Executable";
        QTest::newRow("upload script as txt")
            << multipart(part("file", "run.txt", "#!/bin/sh\nrm -rf /\n") + "--XyZ--\r\n") << 415
            << "Executable";
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(QString, detail);
        raw.replace("{TOKEN}", m_server.token().toUtf8());
        raw.replace("{T}", m_ticket);
        const Test::HttpReply r = Test::rawRequest(m_server.url(), raw);
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("got %1: %2")
                                .arg(r.status)
                                .arg(QString::fromUtf8(r.body.left(300)))));
        QVERIFY2(r.detail().contains(detail, Qt::CaseInsensitive), qPrintable(r.detail()));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
    }

    void serverSurvivedEverything()
    {
        QCOMPARE(Test::request(m_server.url(), "GET", "/health", {}).status, 200);
        m_server.stop();
        QCOMPARE(m_server.process()->exitCode(), 0);
        QVERIFY2(!m_server.log().contains(QLatin1String(" 500 ")), qPrintable(m_server.log()));
        QVERIFY(!m_server.log().contains(QLatin1String("internal error")));
    }
};

QTEST_GUILESS_MAIN(TestServerBadInput)
#include "tst_server_badinput.moc"

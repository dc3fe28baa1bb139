// Every endpoint of the real ankra-support-server over loopback HTTP: happy paths, the
// documented errors, status side effects, idempotency, attachments and organisation isolation.

#include "testserver.h"
#include "tst_server_http.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Ankra;
using Test::HttpReply;

namespace {
const QByteArray Tickets = "/api/v1/org/support/tickets";
const QByteArray Detailed = "Pods in namespace payments are OOMKilled since this morning. "
                            "kubectl describe shows: Last State: Terminated, Reason: OOMKilled, "
                            "Exit Code: 137. Memory limit is 512Mi, Kubernetes 1.29.4.";
} // namespace

class TestServerTickets : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QString m_other; // a token of another organisation

    HttpReply call(const QByteArray &method,
                   const QByteArray &path,
                   const QByteArray &body = {},
                   const QList<QByteArray> &headers = {},
                   const QString &token = {})
    {
        return Test::request(m_server.url(),
                             method,
                             path,
                             token.isEmpty() ? m_server.token() : token,
                             body,
                             headers);
    }
    static QByteArray json(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QJsonObject createRaw(const QJsonObject &fields, const QList<QByteArray> &headers = {})
    {
        QJsonObject body = fields;
        body.insert(QStringLiteral("acknowledged"), true);
        const HttpReply r = call("POST", Tickets, json(body), headers);
        if (r.status != 201)
            qWarning("create failed: %d %s", r.status, r.body.constData());
        return r.json();
    }
    QJsonObject newTicket()
    {
        return createRaw({{QStringLiteral("subject"), QStringLiteral("Payments pods OOMKilled")},
                          {QStringLiteral("description"), QString::fromLatin1(Detailed)}});
    }
    QByteArray ticketPath(const QJsonObject &ticket)
    {
        return Tickets + '/' + ticket.value(QLatin1String("id")).toString().toUtf8();
    }
    QJsonObject firstWithStatus(const char *status)
    {
        const HttpReply r = call("GET", Tickets + "?page_size=100&status=" + status);
        const QString id = r.json()[QLatin1String("result")][0][QLatin1String("id")].toString();
        return call("GET", Tickets + '/' + id.toUtf8()).json();
    }

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments({QStringLiteral("--max-attachment-bytes"),
                                    QStringLiteral("65536"),
                                    QStringLiteral("--max-attachments-per-ticket"),
                                    QStringLiteral("3"),
                                    QStringLiteral("--quiet")});
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_other = m_server.createToken(QStringLiteral("Other Org"), QStringLiteral("Eve"));
        QVERIFY(!m_other.isEmpty());
    }

    void clustersAndLimits()
    {
        for (const QByteArray &path : {QByteArray("/api/v1/clusters"), QByteArray("/clusters")}) {
            const HttpReply r = call("GET", path);
            QCOMPARE(r.status, 200);
            const QJsonArray clusters = r.json().value(QLatin1String("result")).toArray();
            QCOMPARE(clusters.size(), 2);
            QVERIFY(!QUuid::fromString(clusters.at(0)[QLatin1String("id")].toString()).isNull());
            QVERIFY(!clusters.at(0)[QLatin1String("name")].toString().isEmpty());
            QVERIFY(clusters.at(0)[QLatin1String("kubernetes_version")].toString().startsWith(u'1'));
        }
        QCOMPARE(call("GET", "/api/v1/clusters", {}, {}, m_other)
                     .json()[QLatin1String("result")]
                     .toArray()
                     .size(),
                 0);
        const HttpReply limits = call("GET", "/api/v1/org/support/limits");
        QCOMPARE(limits.status, 200);
        QCOMPARE(limits.json()[QLatin1String("max_attachment_bytes")].toInt(), 65536);
        QCOMPARE(limits.json()[QLatin1String("max_attachments_per_ticket")].toInt(), 3);
        QVERIFY(limits.json()[QLatin1String("allowed_extensions")].toArray().contains(
            QStringLiteral(".log")));
    }

    void reviewIsStoredWithExpiry()
    {
        const HttpReply r
            = call("POST",
                   Tickets + "/review",
                   json({{QStringLiteral("subject"),
                          QStringLiteral("ingress-nginx CrashLoopBackOff after upgrade")},
                         {QStringLiteral("description"),
                          QStringLiteral(
                              "After upgrading ingress-nginx the controller crash-loops: flag "
                              "provided but not defined -enable-ssl-chain-completion")}}));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QVERIFY(!QUuid::fromString(o[QLatin1String("review_id")].toString()).isNull());
        const QDateTime expires = QDateTime::fromString(o[QLatin1String("expires_at")].toString(),
                                                        Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 3600) < 120);
        QVERIFY(o[QLatin1String("quality")] == QLatin1String("pass")
                || o[QLatin1String("quality")] == QLatin1String("flag"));
        // The demo has an ingress-nginx crash-loop ticket: it must come back as a candidate.
        const QJsonArray candidates = o[QLatin1String("duplicate_candidates")].toArray();
        QVERIFY(!candidates.isEmpty());
        QVERIFY(
            candidates.at(0)[QLatin1String("summary")].toString().contains(QLatin1String("ingress"),
                                                                           Qt::CaseInsensitive));
        QCOMPARE(candidates.at(0)[QLatin1String("status_label")].toString(),
                 QStringLiteral("Being worked on"));
        // Another organisation never sees these tickets as candidates.
        const HttpReply other
            = call("POST",
                   Tickets + "/review",
                   r.body.isEmpty()
                       ? QByteArray()
                       : json({{QStringLiteral("subject"),
                                QStringLiteral("ingress-nginx CrashLoopBackOff after upgrade")}}),
                   {},
                   m_other);
        QCOMPARE(other.status, 200);
        QVERIFY(other.json()[QLatin1String("duplicate_candidates")].toArray().isEmpty());
    }

    void createFromReview()
    {
        const HttpReply review
            = call("POST",
                   Tickets + "/review",
                   json({{QStringLiteral("subject"), QStringLiteral("Payments pods OOMKilled")},
                         {QStringLiteral("description"), QString::fromLatin1(Detailed)},
                         {QStringLiteral("category"), QStringLiteral("bug")}}));
        QCOMPARE(review.status, 200);
        const QString reviewId = review.json()[QLatin1String("review_id")].toString();
        // Fields other than severity/acknowledged/answers are ignored with a review_id.
        const HttpReply r = call("POST",
                                 Tickets,
                                 json({{QStringLiteral("review_id"), reviewId},
                                       {QStringLiteral("subject"), QStringLiteral("ignored")},
                                       {QStringLiteral("severity"), QStringLiteral("low")},
                                       {QStringLiteral("acknowledged"), true}}));
        QCOMPARE(r.status, 201);
        const QJsonObject t = r.json();
        QCOMPARE(t[QLatin1String("subject")].toString(), QStringLiteral("Payments pods OOMKilled"));
        QCOMPARE(t[QLatin1String("category")].toString(), QStringLiteral("bug"));
        QCOMPARE(t[QLatin1String("severity")].toString(), QStringLiteral("low"));
        QCOMPARE(t[QLatin1String("status")].toString(), QStringLiteral("open"));
        QVERIFY(t[QLatin1String("ticket_number")].toInt() > 12);
        const QString expectedReview = review.json()[QLatin1String("quality")]
                                               == QLatin1String("flag")
                                           ? QStringLiteral("flagged")
                                           : QStringLiteral("passed");
        QCOMPARE(t[QLatin1String("ai_review_status")].toString(), expectedReview);
        QVERIFY(!t[QLatin1String("ai_summary")].toString().isEmpty());
        QVERIFY(t[QLatin1String("comments")].toArray().isEmpty());
        QVERIFY(t[QLatin1String("attachments")].toArray().isEmpty());
    }

    void flaggedReviewNeedsAcknowledgement()
    {
        const QByteArray thin = json(
            {{QStringLiteral("subject"), QStringLiteral("broken")},
             {QStringLiteral("description"), QStringLiteral("it does not work")}});
        const HttpReply review = call("POST", Tickets + "/review", thin);
        QCOMPARE(review.json()[QLatin1String("quality")].toString(), QStringLiteral("flag"));
        const QString id = review.json()[QLatin1String("review_id")].toString();
        const HttpReply refused = call("POST", Tickets, json({{QStringLiteral("review_id"), id}}));
        QCOMPARE(refused.status, 409);
        QVERIFY2(refused.detail().contains(QLatin1String("acknowledged")),
                 qPrintable(refused.detail()));
        QCOMPARE(call("POST", Tickets, thin).status, 409); // raw mode runs the review inline
        const HttpReply filed = call("POST",
                                     Tickets,
                                     json({{QStringLiteral("review_id"), id},
                                           {QStringLiteral("acknowledged"), true}}));
        QCOMPARE(filed.status, 201);
        QCOMPARE(filed.json()[QLatin1String("ai_review_status")].toString(),
                 QStringLiteral("flagged"));
    }

    void unknownOrExpiredReviewIs422()
    {
        const HttpReply unknown = call("POST",
                                       Tickets,
                                       json({{QStringLiteral("review_id"),
                                              QUuid::createUuid().toString(QUuid::WithoutBraces)}}));
        QCOMPARE(unknown.status, 422);
        QVERIFY(unknown.detail().startsWith(QLatin1String("body.review_id")));
        // Another organisation's review is unknown here.
        const HttpReply foreign = call("POST",
                                       Tickets + "/review",
                                       json({{QStringLiteral("subject"), QStringLiteral("x")}}),
                                       {},
                                       m_other);
        QCOMPARE(call("POST",
                      Tickets,
                      json({{QStringLiteral("review_id"),
                             foreign.json()[QLatin1String("review_id")]},
                            {QStringLiteral("acknowledged"), true}}))
                     .status,
                 422);

        const HttpReply review
            = call("POST",
                   Tickets + "/review",
                   json({{QStringLiteral("subject"), QStringLiteral("Payments pods OOMKilled")},
                         {QStringLiteral("description"), QString::fromLatin1(Detailed)}}));
        const QString id = review.json()[QLatin1String("review_id")].toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("expire"));
            db.setDatabaseName(QDir(m_server.dataDir()).filePath(QStringLiteral("support.sqlite3")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral(
                    "UPDATE reviews SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = '%1'")
                    .arg(id)));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("expire"));
        const HttpReply expired = call("POST",
                                       Tickets,
                                       json({{QStringLiteral("review_id"), id},
                                             {QStringLiteral("acknowledged"), true}}));
        QCOMPARE(expired.status, 422);
        QVERIFY(expired.detail().contains(QLatin1String("expired")));
    }

    void createRawWithClusterEnvironmentAndAnswers()
    {
        const QJsonArray clusters
            = call("GET", "/api/v1/clusters").json()[QLatin1String("result")].toArray();
        const QString clusterId = clusters.at(0)[QLatin1String("id")].toString();
        const QJsonObject env{{QStringLiteral("kubectl_context"), QStringLiteral("prod")},
                              {QStringLiteral("client"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("tests")}}}};
        const QJsonObject t = createRaw(
            {{QStringLiteral("subject"), QStringLiteral("Kestrel ingress TLS certificate expired")},
             {QStringLiteral("description"), QString::fromLatin1(Detailed)},
             {QStringLiteral("category"), QStringLiteral("technical")},
             {QStringLiteral("source"), QStringLiteral("api")},
             {QStringLiteral("cluster_id"), clusterId},
             {QStringLiteral("environment"), env},
             {QStringLiteral("clarification_answers"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("question"), QStringLiteral("Which namespace?")},
                              {QStringLiteral("answer"), QStringLiteral("payments")}}}}});
        QCOMPARE(t[QLatin1String("cluster_id")].toString(), clusterId);
        QCOMPARE(t[QLatin1String("cluster_name")].toString(),
                 clusters.at(0)[QLatin1String("name")].toString());
        QCOMPARE(t[QLatin1String("source")].toString(), QStringLiteral("api"));
        QCOMPARE(t[QLatin1String("environment")].toObject(), env);
        const QJsonArray comments = t[QLatin1String("comments")].toArray();
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.at(0)[QLatin1String("author_type")].toString(), QStringLiteral("system"));
        QVERIFY(
            comments.at(0)[QLatin1String("body")].toString().contains(QLatin1String("payments")));
        // Found by q, filtered by cluster_id, on both prefixes.
        const HttpReply found = call("GET", Tickets + "?q=kestrel&cluster_id=" + clusterId.toUtf8());
        QCOMPARE(found.json()[QLatin1String("pagination")][QLatin1String("total_count")].toInt(), 1);
        QCOMPARE(call("GET", "/org/support/tickets?q=kestrel")
                     .json()[QLatin1String("result")][0][QLatin1String("id")],
                 t[QLatin1String("id")]);
        // Unknown cluster (a uuid, but not one of the organisation's).
        const HttpReply bad = call("POST",
                                   Tickets,
                                   json({{QStringLiteral("subject"), QStringLiteral("x")},
                                         {QStringLiteral("cluster_id"),
                                          QUuid::createUuid().toString(QUuid::WithoutBraces)}}));
        QCOMPARE(bad.status, 422);
        QVERIFY(bad.detail().startsWith(QLatin1String("body.cluster_id")));
    }

    void browserPrefixCreates()
    {
        const HttpReply r = Test::request(m_server.url(),
                                          "POST",
                                          "/org/support/tickets",
                                          m_server.token(),
                                          json({{QStringLiteral("subject"),
                                                 QStringLiteral("Browser prefix ticket")},
                                                {QStringLiteral("description"),
                                                 QString::fromLatin1(Detailed)},
                                                {QStringLiteral("acknowledged"), true}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(call("GET",
                      "/org/support/tickets/" + r.json()[QLatin1String("id")].toString().toUtf8())
                     .status,
                 200);
    }

    void getHasCommentsAndAttachments()
    {
        const QJsonObject t = firstWithStatus("in_progress");
        QVERIFY(!t[QLatin1String("comments")].toArray().isEmpty());
        QVERIFY(t.contains(QLatin1String("attachments")));
        QCOMPARE(call("GET",
                      Tickets + '/' + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8())
                     .status,
                 404);
        QCOMPARE(call("GET", Tickets + "/not-a-uuid").status, 404);
    }

    void commentMovesWaitingCustomerToInProgress()
    {
        const QJsonObject t = firstWithStatus("waiting_customer");
        QCOMPARE(t[QLatin1String("status")].toString(), QStringLiteral("waiting_customer"));
        const HttpReply r = call("POST",
                                 ticketPath(t) + "/comments",
                                 json({{QStringLiteral("body"),
                                        QStringLiteral("Here are the logs you asked for.")}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json()[QLatin1String("status")].toString(), QStringLiteral("in_progress"));
        const QJsonArray comments = r.json()[QLatin1String("comments")].toArray();
        QCOMPARE(comments.last()[QLatin1String("author_type")].toString(),
                 QStringLiteral("customer"));
        QCOMPARE(comments.last()[QLatin1String("body")].toString(),
                 QStringLiteral("Here are the logs you asked for."));
        QVERIFY(r.json()[QLatin1String("updated_at")].toString()
                > t[QLatin1String("updated_at")].toString());
        // Other statuses stay as they are.
        const QJsonObject open = newTicket();
        QCOMPARE(call("POST",
                      ticketPath(open) + "/comments",
                      json({{QStringLiteral("body"), QStringLiteral("more")}}))
                     .json()[QLatin1String("status")]
                     .toString(),
                 QStringLiteral("open"));
    }

    void closeAddsSystemNote()
    {
        const QJsonObject t = newTicket();
        const HttpReply closed = call("POST", ticketPath(t) + "/close", QByteArray(""));
        QCOMPARE(closed.status, 200);
        QCOMPARE(closed.json()[QLatin1String("status")].toString(), QStringLiteral("closed"));
        const QJsonArray comments = closed.json()[QLatin1String("comments")].toArray();
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.at(0)[QLatin1String("author_type")].toString(), QStringLiteral("system"));
        QVERIFY(
            comments.at(0)[QLatin1String("body")].toString().contains(QLatin1String(
                                                                          "closed by the customer"),
                                                                      Qt::CaseInsensitive));
        // Closing again changes nothing; commenting is refused.
        const HttpReply again = call("POST", ticketPath(t) + "/close", QByteArray(""));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json()[QLatin1String("comments")].toArray().size(), 1);
        const HttpReply comment = call("POST",
                                       ticketPath(t) + "/comments",
                                       json({{QStringLiteral("body"), QStringLiteral("hello?")}}));
        QCOMPARE(comment.status, 409);
        QCOMPARE(comment.detail(), QStringLiteral("ticket is closed"));
        QCOMPARE(Test::rawRequest(m_server.url(),
                                  Test::uploadRequest(ticketPath(t) + "/attachments",
                                                      m_server.token(),
                                                      "a.log",
                                                      "x"))
                     .status,
                 409);
    }

    void idempotentRetriesReturnTheSameTicket()
    {
        const auto count = [this] {
            return call("GET", Tickets)
                .json()[QLatin1String("pagination")][QLatin1String("total_count")]
                .toInt();
        };
        const int before = count();
        const QByteArray body = json(
            {{QStringLiteral("subject"), QStringLiteral("Idempotent create")},
             {QStringLiteral("description"), QString::fromLatin1(Detailed)},
             {QStringLiteral("acknowledged"), true}});
        const HttpReply first = call("POST", Tickets, body, {"Idempotency-Key: create-1"});
        const HttpReply second = call("POST", Tickets, body, {"Idempotency-Key: create-1"});
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.body, first.body);
        QCOMPARE(count(), before + 1);
        // The key belongs to the organisation: another one creates its own ticket.
        QCOMPARE(call("POST", Tickets, body, {"Idempotency-Key: create-1"}, m_other).status, 201);
        QCOMPARE(count(), before + 1);
        // Comments and uploads too.
        const QByteArray path = ticketPath(first.json());
        const QByteArray comment = json({{QStringLiteral("body"), QStringLiteral("once")}});
        QCOMPARE(call("POST", path + "/comments", comment, {"Idempotency-Key: c-1"}).status, 201);
        QCOMPARE(call("POST", path + "/comments", comment, {"Idempotency-Key: c-1"})
                     .json()[QLatin1String("comments")]
                     .toArray()
                     .size(),
                 1);
        const QByteArray upload = Test::uploadRequest(path + "/attachments",
                                                      m_server.token(),
                                                      "once.log",
                                                      "log line\n",
                                                      {"Idempotency-Key: u-1"});
        QCOMPARE(Test::rawRequest(m_server.url(), upload).status, 201);
        QCOMPARE(Test::rawRequest(m_server.url(), upload)
                     .json()[QLatin1String("attachments")]
                     .toArray()
                     .size(),
                 1);
        // Reusing a key for another request is refused.
        QCOMPARE(call("POST", path + "/close", QByteArray(""), {"Idempotency-Key: create-1"}).status,
                 422);
    }

    void uploadAndDownload_data()
    {
        QTest::addColumn<QByteArray>("filename");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("storedName");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("pod log") << QByteArray("pod.log")
                                 << QByteArray("2024-05-01T10:00:00Z ERROR OOMKilled\n")
                                 << "pod.log" << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("manifest") << QByteArray("deploy.yaml")
                                  << QByteArray("apiVersion: apps/v1\nkind: Deployment\n")
                                  << "deploy.yaml" << QByteArray("application/yaml");
        QTest::newRow("png") << QByteArray("screen.png") << Test::tinyPng() << "screen.png"
                             << QByteArray("image/png");
        QTest::newRow("unicode name")
            << QByteArray("journal-\xc3\xa9t\xc3\xa9.txt") << QByteArray("h\xc3\xa9llo")
            << QString::fromUtf8("journal-\xc3\xa9t\xc3\xa9.txt")
            << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("path traversal")
            << QByteArray("../../etc/passwd.log") << QByteArray("root:x:0:0\n") << "passwd.log"
            << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("empty text") << QByteArray("empty.txt") << QByteArray() << "empty.txt"
                                    << QByteArray("text/plain; charset=utf-8");
    }

    void uploadAndDownload()
    {
        QFETCH(QByteArray, filename);
        QFETCH(QByteArray, content);
        QFETCH(QString, storedName);
        QFETCH(QByteArray, contentType);
        const QJsonObject t = newTicket();
        const HttpReply up = Test::rawRequest(m_server.url(),
                                              Test::uploadRequest(ticketPath(t) + "/attachments",
                                                                  m_server.token(),
                                                                  filename,
                                                                  content));
        QCOMPARE(up.status, 201);
        const QJsonObject a = up.json()[QLatin1String("attachments")].toArray().at(0).toObject();
        QCOMPARE(a[QLatin1String("filename")].toString(), storedName);
        QCOMPARE(a[QLatin1String("size_bytes")].toInt(), content.size());
        QCOMPARE(a[QLatin1String("content_type")].toString().toUtf8(), contentType);
        const HttpReply down = call("GET",
                                    ticketPath(t) + "/attachments/"
                                        + a[QLatin1String("id")].toString().toUtf8());
        QCOMPARE(down.status, 200);
        QCOMPARE(down.body, content);
        QCOMPARE(down.header("Content-Type"), contentType);
        QCOMPARE(down.header("Content-Length").toInt(), content.size());
        const QByteArray disposition = down.header("Content-Disposition");
        QVERIFY2(disposition.startsWith("attachment; filename=\""), disposition.constData());
        QVERIFY2(disposition.contains(
                     QByteArray("filename*=UTF-8''" + QUrl::toPercentEncoding(storedName))),
                 disposition.constData());
        // Stored under the attachment id, nowhere else.
        QVERIFY(QFile::exists(
            QDir(m_server.dataDir())
                .filePath(QStringLiteral("attachments/") + a[QLatin1String("id")].toString())));
    }

    void uploadRefusals_data()
    {
        QTest::addColumn<QByteArray>("filename");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("status");
        QTest::newRow("too large") << QByteArray("big.log") << QByteArray(65537, 'a') << 413;
        QTest::newRow("exe extension")
            << QByteArray("setup.exe") << QByteArray("MZ\x90\x00", 4) << 415;
        QTest::newRow("ELF named .log") << QByteArray("kubelet.log")
                                        << QByteArray("\x7f"
                                                      "ELF\x02\x01\x01",
                                                      7)
                                        << 415;
        QTest::newRow("PE named .txt")
            << QByteArray("notes.txt") << QByteArray("MZ\x90\x00\x03", 5) << 415;
        QTest::newRow("text named .png")
            << QByteArray("screen.png") << QByteArray("not an image") << 415;
        QTest::newRow("png named .log") << QByteArray("pod.log") << Test::tinyPng() << 415;
        QTest::newRow("binary named .yaml") << QByteArray("x.yaml") << QByteArray("a\0b", 3) << 415;
        QTest::newRow("no extension") << QByteArray("Makefile") << QByteArray("all:\n") << 415;
        QTest::newRow("zip named .pdf")
            << QByteArray("doc.pdf") << QByteArray("PK\x03\x04rest") << 415;
        QTest::newRow("gzip ok") << QByteArray("logs.tar.gz") << QByteArray("\x1f\x8b\x08\x00rest")
                                 << 201;
    }

    void uploadRefusals()
    {
        QFETCH(QByteArray, filename);
        QFETCH(QByteArray, content);
        QFETCH(int, status);
        const QJsonObject t = newTicket();
        const HttpReply r = Test::rawRequest(m_server.url(),
                                             Test::uploadRequest(ticketPath(t) + "/attachments",
                                                                 m_server.token(),
                                                                 filename,
                                                                 content));
        QCOMPARE(r.status, status);
        QVERIFY(r.json().contains(QLatin1String("detail")) || status == 201);
        // A refused upload leaves no file behind.
        const int files = QDir(QDir(m_server.dataDir()).filePath(QStringLiteral("attachments")))
                              .entryList(QDir::Files)
                              .size();
        const int expected
            = call("GET", ticketPath(t)).json()[QLatin1String("attachments")].toArray().size();
        QCOMPARE(expected, status == 201 ? 1 : 0);
        QVERIFY(files >= expected);
        for (const QString &f :
             QDir(QDir(m_server.dataDir()).filePath(QStringLiteral("attachments")))
                 .entryList(QDir::Files))
            QVERIFY2(!f.endsWith(QLatin1String(".part")), qPrintable(f));
    }

    void perTicketLimitIs409()
    {
        const QJsonObject t = newTicket();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(Test::rawRequest(m_server.url(),
                                      Test::uploadRequest(ticketPath(t) + "/attachments",
                                                          m_server.token(),
                                                          "n.log",
                                                          "x\n"))
                         .status,
                     201);
        const HttpReply fourth = Test::rawRequest(m_server.url(),
                                                  Test::uploadRequest(ticketPath(t) + "/attachments",
                                                                      m_server.token(),
                                                                      "n.log",
                                                                      "x\n"));
        QCOMPARE(fourth.status, 409);
        QVERIFY(fourth.detail().contains(QLatin1String("maximum")));
    }

    void organisationsAreIsolated()
    {
        const QJsonObject t = newTicket();
        const QByteArray path = ticketPath(t);
        const HttpReply up = Test::rawRequest(m_server.url(),
                                              Test::uploadRequest(path + "/attachments",
                                                                  m_server.token(),
                                                                  "pod.log",
                                                                  "secret log\n"));
        const QByteArray attachment
            = path + "/attachments/"
              + up.json()[QLatin1String("attachments")][0][QLatin1String("id")].toString().toUtf8();
        QCOMPARE(call("GET", attachment).status, 200);
        for (const QByteArray &prefix : {QByteArray(), QByteArray("/api/v1")}) {
            const QByteArray p = prefix.isEmpty() ? path.mid(7) : path;
            const QByteArray a = prefix.isEmpty() ? attachment.mid(7) : attachment;
            QCOMPARE(call("GET", p, {}, {}, m_other).status, 404);
            QCOMPARE(call("POST",
                          p + "/comments",
                          json({{QStringLiteral("body"), QStringLiteral("x")}}),
                          {},
                          m_other)
                         .status,
                     404);
            QCOMPARE(call("POST", p + "/close", QByteArray(""), {}, m_other).status, 404);
            QCOMPARE(Test::rawRequest(m_server.url(),
                                      Test::uploadRequest(p + "/attachments", m_other, "a.log", "x"))
                         .status,
                     404);
            QCOMPARE(call("GET", a, {}, {}, m_other).status, 404);
        }
        const QJsonArray seen = call("GET", Tickets + "?q=OOMKilled&page_size=100", {}, {}, m_other)
                                    .json()[QLatin1String("result")]
                                    .toArray();
        for (const QJsonValue &v : seen)
            QVERIFY(v[QLatin1String("id")] != t[QLatin1String("id")]);
        // Still open and unchanged for its owner.
        QCOMPARE(call("GET", path).json()[QLatin1String("status")].toString(),
                 QStringLiteral("open"));
        // Selecting the organisation without membership: 403; with membership: its tickets.
        const QByteArray demoOrg = "X-Ankra-Organisation-Id: "
                                   + t[QLatin1String("organisation_id")].toString().toUtf8();
        QCOMPARE(call("GET", Tickets, {}, {demoOrg}, m_other).status, 403);
        const QString both = m_server.createToken(QStringLiteral("Demo Org"), QStringLiteral("Eve"));
        QVERIFY(!both.isEmpty());
        QCOMPARE(call("GET", path, {}, {demoOrg}, both).status, 200);
    }

    void demoCoversEveryStatusAndCategory()
    {
        QSet<QString> statuses, categories;
        int attachments = 0;
        int pngs = 0;
        const QJsonArray all
            = call("GET", Tickets + "?page_size=100&q=").json()[QLatin1String("result")].toArray();
        QVERIFY(all.size() >= 40);
        for (const QJsonValue &v : all) {
            if (v[QLatin1String("ticket_number")].toInt() > 40)
                continue; // created by the other tests
            statuses.insert(v[QLatin1String("status")].toString());
            categories.insert(v[QLatin1String("category")].toString());
            const QByteArray p = Tickets + '/' + v[QLatin1String("id")].toString().toUtf8();
            for (const QJsonValue &a :
                 call("GET", p).json()[QLatin1String("attachments")].toArray()) {
                const HttpReply file = call("GET",
                                            p + "/attachments/"
                                                + a[QLatin1String("id")].toString().toUtf8());
                QCOMPARE(file.status, 200);
                QCOMPARE(file.body.size(), a[QLatin1String("size_bytes")].toInt());
                pngs += file.body.startsWith("\x89PNG") ? 1 : 0;
                ++attachments;
            }
        }
        QCOMPARE(statuses.size(), 7); // several per status: the other tests' changes do not matter
        QCOMPARE(categories.size(), 6);
        QCOMPARE(attachments, 3); // a pod log, a Deployment manifest, a screenshot
        QVERIFY(pngs >= 1);
    }

    void wrongMethodIs405()
    {
        const QJsonObject t = newTicket();
        const HttpReply r = call("GET", ticketPath(t) + "/attachments");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("POST"));
        QCOMPARE(call("DELETE", ticketPath(t), QByteArray("")).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestServerTickets)
#include "tst_server_tickets.moc"

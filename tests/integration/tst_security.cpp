// Security of the server (issue 10): organisation isolation over every route (customer A vs
// customer B), tokens stored only hashed and never logged, and hostile upload file names
// (stored name sanitised, files only inside the data directory, Content-Disposition right).

#include "testserver.h"
#include "tst_server_http.h"

#include <QDirIterator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

using namespace Ankra;

namespace {

const QByteArray Tickets = "/api/v1/org/support/tickets";

QByteArray idOf(const Test::HttpReply &r)
{
    return r.json().value(QLatin1String("id")).toString().toUtf8();
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QString m_tokenA;
    QString m_tokenB;
    QByteArray m_orgA;
    QByteArray m_ticketA;
    QByteArray m_attachmentA;
    QByteArray m_clusterA;
    QByteArray m_reviewA;
    QByteArray m_ticketB;
    QStringList m_otherFiles; // outside attachments/ when the server started
    const QByteArray m_secret = "zebracorn"
                                + QByteArray::number(QDateTime::currentMSecsSinceEpoch());

    Test::HttpReply asA(const QByteArray &method,
                        const QByteArray &path,
                        const QByteArray &body = {},
                        const QList<QByteArray> &headers = {})
    {
        return Test::request(m_server.url(), method, path, m_tokenA, body, headers);
    }
    Test::HttpReply asB(const QByteArray &method,
                        const QByteArray &path,
                        const QByteArray &body = {},
                        const QList<QByteArray> &headers = {})
    {
        return Test::request(m_server.url(), method, path, m_tokenB, body, headers);
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server.setExtraArguments(
            {QStringLiteral("--max-attachments-per-ticket"), QStringLiteral("100")});
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        for (const QString &f : filesUnder(m_server.dataDir()))
            if (!f.startsWith(QLatin1String("attachments/")))
                m_otherFiles.append(f);
        m_tokenA = m_server.token();
        m_tokenB = m_server.createToken(QStringLiteral("Rival Org"), QStringLiteral("Bob"));
        QVERIFY(!m_tokenB.isEmpty());

        const Test::HttpReply clusters = asA("GET", "/api/v1/clusters");
        m_clusterA
            = clusters.json()[QLatin1String("result")][0][QLatin1String("id")].toString().toUtf8();
        QVERIFY(!m_clusterA.isEmpty());
        const Test::HttpReply review = asA("POST",
                                           Tickets + "/review",
                                           "{\"subject\":\"Ingress " + m_secret
                                               + " returns 502\",\"description\":\"since the "
                                                 "upgrade of the node pool\"}");
        QCOMPARE(review.status, 200);
        m_reviewA = review.json().value(QLatin1String("review_id")).toString().toUtf8();
        QVERIFY(!m_reviewA.isEmpty());
        const Test::HttpReply created = asA("POST",
                                            Tickets,
                                            "{\"subject\":\"Private " + m_secret
                                                + "\",\"description\":\"" + m_secret
                                                + "\",\"cluster_id\":\"" + m_clusterA
                                                + "\",\"acknowledged\":true}",
                                            {"Idempotency-Key: shared-key-1"});
        QCOMPARE(created.status, 201);
        m_ticketA = idOf(created);
        const Test::HttpReply uploaded = Test::rawRequest(m_server.url(),
                                                          Test::uploadRequest(Tickets + "/"
                                                                                  + m_ticketA
                                                                                  + "/attachments",
                                                                              m_tokenA,
                                                                              "secret.log",
                                                                              m_secret + "\n"));
        QCOMPARE(uploaded.status, 201);
        m_attachmentA = uploaded.json()[QLatin1String("attachments")][0][QLatin1String("id")]
                            .toString()
                            .toUtf8();
        const Test::HttpReply orgs = asA("GET", Tickets + "/" + m_ticketA);
        m_orgA = orgs.json().value(QLatin1String("organisation_id")).toString().toUtf8();
        const Test::HttpReply createdB
            = asB("POST", Tickets, "{\"subject\":\"Bob's ticket\",\"acknowledged\":true}");
        QCOMPARE(createdB.status, 201);
        m_ticketB = idOf(createdB);
    }

    // Every route, as customer B, aimed at customer A's resources; both URL prefixes.
    void orgIsolation_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        for (const QByteArray &prefix : {QByteArray("/api/v1"), QByteArray()}) {
            const QByteArray t = prefix + "/org/support/tickets";
            const char *p = prefix.isEmpty() ? "browser" : "api";
            QTest::addRow("%s get A's ticket", p)
                << QByteArray("GET") << t + "/{TA}" << QByteArray() << 404 << "Ticket not found";
            QTest::addRow("%s comment on A's ticket", p)
                << QByteArray("POST") << t + "/{TA}/comments" << QByteArray("{\"body\":\"hi\"}")
                << 404 << "Ticket not found";
            QTest::addRow("%s close A's ticket", p) << QByteArray("POST") << t + "/{TA}/close"
                                                    << QByteArray("") << 404 << "Ticket not found";
            QTest::addRow("%s upload to A's ticket", p)
                << QByteArray("UPLOAD") << t + "/{TA}/attachments" << QByteArray() << 404
                << "Ticket not found";
            QTest::addRow("%s download A's attachment", p)
                << QByteArray("GET") << t + "/{TA}/attachments/{XA}" << QByteArray() << 404
                << "Attachment not found";
            QTest::addRow("%s A's attachment via B's ticket", p)
                << QByteArray("GET") << t + "/{TB}/attachments/{XA}" << QByteArray() << 404
                << "Attachment not found";
            QTest::addRow("%s create in A's cluster", p)
                << QByteArray("POST") << t
                << QByteArray("{\"subject\":\"s\",\"cluster_id\":\"{CA}\",\"acknowledged\":true}")
                << 422 << "body.cluster_id: unknown cluster";
            QTest::addRow("%s review in A's cluster", p)
                << QByteArray("POST") << t + "/review"
                << QByteArray("{\"subject\":\"s\",\"cluster_id\":\"{CA}\"}") << 422
                << "body.cluster_id: unknown cluster";
            QTest::addRow("%s create from A's review", p)
                << QByteArray("POST") << t
                << QByteArray("{\"review_id\":\"{RA}\",\"acknowledged\":true}") << 422
                << "body.review_id: unknown or expired review; run the review again";
            QTest::addRow("%s A's organisation header", p)
                << QByteArray("GET-ORG") << t << QByteArray() << 403
                << "You are not a member of that organisation";
            // The team boundary (docs/api-extensions.md): a customer token finds no team route.
            const QByteArray team = prefix + "/team/support/tickets";
            QTest::addRow("%s team list", p)
                << QByteArray("GET") << team << QByteArray() << 404 << "Not Found";
            QTest::addRow("%s team get A's ticket", p)
                << QByteArray("GET") << team + "/{TA}" << QByteArray() << 404 << "Not Found";
            QTest::addRow("%s team patch A's ticket", p)
                << QByteArray("PATCH") << team + "/{TA}" << QByteArray("{\"status\":\"closed\"}")
                << 404 << "Not Found";
            QTest::addRow("%s team comment on A's ticket", p)
                << QByteArray("POST") << team + "/{TA}/comments"
                << QByteArray("{\"body\":\"as staff\"}") << 404 << "Not Found";
            QTest::addRow("%s me", p)
                << QByteArray("GET") << prefix + "/support/me" << QByteArray() << 200 << QString();
            QTest::addRow("%s list", p)
                << QByteArray("GET") << t + "?page_size=100" << QByteArray() << 200 << QString();
            QTest::addRow("%s search A's words", p)
                << QByteArray("GET") << t + "?q={SECRET}" << QByteArray() << 200 << QString();
            QTest::addRow("%s filter by A's cluster", p)
                << QByteArray("GET") << t + "?cluster_id={CA}" << QByteArray() << 200 << QString();
        }
        QTest::newRow("clusters") << QByteArray("GET") << QByteArray("/api/v1/clusters")
                                  << QByteArray() << 200 << QString();
        QTest::newRow("A's idempotency key")
            << QByteArray("POST-KEY") << Tickets
            << QByteArray("{\"subject\":\"Bob again\",\"acknowledged\":true}") << 201 << QString();
    }

    void orgIsolation()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        auto fill = [&](QByteArray text) {
            return text.replace("{TA}", m_ticketA)
                .replace("{XA}", m_attachmentA)
                .replace("{TB}", m_ticketB)
                .replace("{CA}", m_clusterA)
                .replace("{RA}", m_reviewA)
                .replace("{SECRET}", m_secret);
        };
        path = fill(path);
        body = fill(body);
        Test::HttpReply r;
        if (method == "UPLOAD")
            r = Test::rawRequest(m_server.url(),
                                 Test::uploadRequest(path, m_tokenB, "b.log", "from B\n"));
        else if (method == "GET-ORG")
            r = asB("GET", path, {}, {"X-Ankra-Organisation-Id: " + m_orgA});
        else if (method == "POST-KEY")
            r = asB("POST", path, body, {"Idempotency-Key: shared-key-1"});
        else
            r = asB(method, path, method == "POST" || method == "PATCH" ? body : QByteArray());
        QVERIFY2(r.status == status,
                 qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        if (!detail.isEmpty())
            QCOMPARE(r.detail(), detail);
        // Nothing of A's ticket reaches B: ids, words, file content.
        for (const QByteArray &a : {m_ticketA, m_attachmentA, m_clusterA, m_secret, m_orgA})
            QVERIFY2(!r.body.contains(a), qPrintable(QString::fromUtf8(r.body.left(400))));
        if (method == "POST-KEY")
            QVERIFY(idOf(r) != m_ticketA); // a new ticket of B's, not A's replayed answer
    }

    void orgAUntouchedByB()
    {
        const Test::HttpReply r = asA("GET", Tickets + "/" + m_ticketA);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("open"));
        QCOMPARE(r.json().value(QLatin1String("comments")).toArray().size(), 0);
        QCOMPARE(r.json().value(QLatin1String("attachments")).toArray().size(), 1);
        const Test::HttpReply file = asA("GET",
                                         Tickets + "/" + m_ticketA + "/attachments/"
                                             + m_attachmentA);
        QCOMPARE(file.status, 200);
        QCOMPARE(file.body, m_secret + "\n");
    }

    // Hostile names: stored sanitised, the file on disk is named by uuid inside the data
    // directory, the download carries a Content-Disposition that cannot be broken out of.
    void oddFilenames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QByteArray>("disposition");
        QTest::newRow("traversal")
            << QByteArray("../../../../etc/cron.d/evil.log") << "evil.log"
            << QByteArray("attachment; filename=\"evil.log\"; filename*=UTF-8''evil.log");
        QTest::newRow("windows traversal")
            << QByteArray("..\\..\\Windows\\boot.log") << "boot.log"
            << QByteArray("attachment; filename=\"boot.log\"; filename*=UTF-8''boot.log");
        QTest::newRow("absolute") << QByteArray("/var/lib/ankra/support.sqlite3.txt")
                                  << "support.sqlite3.txt"
                                  << QByteArray("attachment; filename=\"support.sqlite3.txt\"; "
                                                "filename*=UTF-8''support.sqlite3.txt");
        QTest::newRow("hidden file")
            << QByteArray(".bashrc.txt") << "bashrc.txt"
            << QByteArray("attachment; filename=\"bashrc.txt\"; filename*=UTF-8''bashrc.txt");
        QTest::newRow("NUL byte")
            << QByteArray("a\0b.log", 7) << "ab.log"
            << QByteArray("attachment; filename=\"ab.log\"; filename*=UTF-8''ab.log");
        QTest::newRow("control characters")
            << QByteArray("a\tb\x01\x7f.log") << "ab.log"
            << QByteArray("attachment; filename=\"ab.log\"; filename*=UTF-8''ab.log");
        QTest::newRow("device CON")
            << QByteArray("CON.log") << "CON.log"
            << QByteArray("attachment; filename=\"CON.log\"; filename*=UTF-8''CON.log");
        QTest::newRow("device NUL.txt")
            << QByteArray("NUL.txt") << "NUL.txt"
            << QByteArray("attachment; filename=\"NUL.txt\"; filename*=UTF-8''NUL.txt");
        QTest::newRow("unicode") << QByteArray("Störung 日本.log")
                                 << QStringLiteral("Störung 日本.log")
                                 << QByteArray(
                                        "attachment; filename=\"St_rung __.log\"; "
                                        "filename*=UTF-8''St%C3%B6rung%20%E6%97%A5%E6%9C%AC.log");
        QTest::newRow("right-to-left override")
            << QByteArray("invoice\xe2\x80\xaegol.txt") << "invoicegol.txt"
            << QByteArray(
                   "attachment; filename=\"invoicegol.txt\"; filename*=UTF-8''invoicegol.txt");
        QTest::newRow("quote and percent")
            << QByteArray("100% \\\"done\\\".log") << QString() << QByteArray();
        QTest::newRow("very long")
            << QByteArray(400, 'a') + ".log" << QString(QString(251, u'a') + QStringLiteral(".log"))
            << QByteArray();
    }

    void oddFilenames()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, stored);
        QFETCH(QByteArray, disposition);
        const QByteArray body = "line one\n";
        const Test::HttpReply up = Test::rawRequest(m_server.url(),
                                                    Test::uploadRequest(Tickets + "/" + m_ticketB
                                                                            + "/attachments",
                                                                        m_tokenB,
                                                                        name,
                                                                        body));
        QVERIFY2(up.status == 201, qPrintable(QString::fromUtf8(up.body)));
        const QJsonArray attachments = up.json().value(QLatin1String("attachments")).toArray();
        const QJsonObject added = attachments.last().toObject();
        const QString storedName = added.value(QLatin1String("filename")).toString();
        if (!stored.isEmpty())
            QCOMPARE(storedName, stored);
        QVERIFY(!storedName.contains(u'/') && !storedName.contains(u'\\')
                && !storedName.startsWith(u'.'));
        QVERIFY(storedName.toUtf8().size() <= 255);
        for (const QChar c : storedName)
            QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x7f);
        const QByteArray id = added.value(QLatin1String("id")).toString().toUtf8();

        const Test::HttpReply down = asB("GET", Tickets + "/" + m_ticketB + "/attachments/" + id);
        QCOMPARE(down.status, 200);
        QCOMPARE(down.body, body);
        const QByteArray cd = down.header("Content-Disposition");
        if (!disposition.isEmpty())
            QCOMPARE(cd, disposition);
        QVERIFY(cd.startsWith("attachment; filename=\""));
        const qsizetype star = cd.indexOf("\"; filename*=UTF-8''");
        QVERIFY(star > 0);
        const QByteArray ascii = cd.mid(22, star - 22);
        QVERIFY2(!ascii.contains('"') && !ascii.contains('\\') && !ascii.contains('\r'),
                 cd.constData());
        QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(cd.mid(star + 20))), storedName);
        QCOMPARE(down.header("X-Content-Type-Options"), QByteArray("nosniff"));
        // Only uuid-named files, all inside the data directory.
        for (const QString &f : filesUnder(m_server.dataDir())) {
            if (f.startsWith(QLatin1String("support.sqlite3")) || m_otherFiles.contains(f))
                continue;
            QVERIFY2(f.startsWith(QLatin1String("attachments/"))
                         && !QUuid::fromString(f.mid(12)).isNull() && f.size() == 12 + 36,
                     qPrintable(f));
        }
    }

    void tokensStoredHashedOnly()
    {
        // The whole database (file and WAL) never holds a token or its secret part.
        for (const QString &token : {m_tokenA, m_tokenB}) {
            const QByteArray secret = token.toUtf8().mid(21); // ank_<16 hex>_<secret>
            QVERIFY(secret.size() >= 16);
            for (const QString &f : filesUnder(m_server.dataDir())) {
                QFile file(QDir(m_server.dataDir()).filePath(f));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray bytes = file.readAll();
                QVERIFY2(!bytes.contains(token.toUtf8()), qPrintable(f));
                QVERIFY2(!bytes.contains(secret), qPrintable(f));
            }
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("peek"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/support.sqlite3"));
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT length(hash), length(salt) FROM tokens")));
            int rows = 0;
            while (q.next()) {
                ++rows;
                QCOMPARE(q.value(0).toInt(), 32); // SHA-256
                QVERIFY(q.value(1).toInt() >= 16);
            }
            QVERIFY(rows >= 2);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    // A full session (every route, good and bad tokens) never writes a token to the log.
    void tokenNeverLogged()
    {
        const QString wrong = m_tokenA.left(m_tokenA.size() - 4) + QStringLiteral("zzzz");
        Test::request(m_server.url(), "GET", Tickets, wrong);
        Test::request(m_server.url(), "GET", Tickets + "?token=" + m_tokenA.toUtf8(), m_tokenA);
        asA("GET", "/api/v1/org/support/limits");
        asA("POST", Tickets + "/" + m_ticketA + "/comments", "{\"body\":\"logged?\"}");
        asA("POST", Tickets + "/" + m_ticketA + "/close", "");
        asA("GET", Tickets + "/" + m_ticketA + "/attachments/" + m_attachmentA);
        Test::rawRequest(m_server.url(), "GARBAGE " + m_tokenA.toUtf8() + "\r\n\r\n");
        m_server.stop();
        const QString log = m_server.log();
        QVERIFY(log.contains(QLatin1String("/api/v1/org/support/tickets"))); // it does log requests
        for (const QString &token : {m_tokenA, m_tokenB, wrong}) {
            const QString secret = token.mid(21);
            QVERIFY2(!log.contains(secret), qPrintable(log.right(2000)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"

// Pure JSON parsing of the Support API, from fixture files (tests/data/wire) and inline rows.

#include "wire/enums.h"
#include "wire/json.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Ankra::Wire;

namespace {

QJsonObject fixture(const char *name)
{
    QFile f(QStringLiteral(ANKRA_TEST_DATA_DIR "/wire/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return QJsonDocument::fromJson(f.readAll()).object();
}

template<typename T>
T take(Parsed<T> parsed)
{
    if (auto *e = std::get_if<ParseError>(&parsed))
        qFatal("unexpected parse error: %s", qPrintable(e->message));
    return std::get<T>(std::move(parsed));
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT
private slots:
    void listPage()
    {
        const TicketPage page = take(parseTicketPage(fixture("list_page.json")));
        QCOMPARE(page.result.size(), 2);
        QCOMPARE(page.pagination.page, 2);
        QCOMPARE(page.pagination.totalPages, 3);
        QCOMPARE(page.pagination.totalCount, 52);
        const TicketSummary &first = page.result.at(0);
        QCOMPARE(first.ticketNumber, std::optional<qint64>(42));
        QCOMPARE(first.clusterName, QStringLiteral("prod-eu-west"));
        QCOMPARE(first.severity, QStringLiteral("high"));
        QVERIFY(first.trackedByTeam);
        // Microseconds and +00:00 offsets from a Python backend are accepted.
        QCOMPARE(first.updatedAt, QDateTime(QDate(2026, 11, 21), QTime(10, 0, 0, 123), Qt::UTC));
        const TicketSummary &second = page.result.at(1);
        QVERIFY(!second.ticketNumber);
        QVERIFY(second.clusterId.isEmpty());
        QVERIFY(second.severity.isEmpty());
        // Unknown enum values are kept verbatim, and shown verbatim.
        QCOMPARE(second.status, QStringLiteral("escalated_to_vendor"));
        QCOMPARE(statusLabel(second.status), QStringLiteral("escalated_to_vendor"));
        QCOMPARE(second.createdAt, QDateTime(QDate(2026, 11, 19), QTime(7, 0), Qt::UTC));
    }

    void ticketWithCommentsAndAttachments()
    {
        const Ticket t = take(parseTicket(fixture("ticket_full.json")));
        QCOMPARE(t.status, QStringLiteral("waiting_customer"));
        QCOMPARE(t.comments.size(), 2);
        QCOMPARE(t.comments.at(1).authorType, QStringLiteral("robot"));
        QCOMPARE(t.attachments.size(), 1);
        QCOMPARE(t.attachments.at(0).sizeBytes, 18234);
        QCOMPARE(t.environment.value(QLatin1String("cluster_name")).toString(),
                 QStringLiteral("prod"));
        QVERIFY(t.description.contains(QLatin1String("```")));
    }

    void reviewResult()
    {
        const ReviewResult r = take(parseReviewResult(fixture("review.json")));
        QCOMPARE(r.quality, QStringLiteral("flag"));
        QCOMPARE(r.severity, QStringLiteral("high"));
        QCOMPARE(r.qualityFlags, QStringList{QStringLiteral("Add the exact error message")});
        QCOMPARE(r.duplicateCandidates.size(), 1);
        QCOMPARE(r.duplicateCandidates.at(0).confidence, QStringLiteral("high"));
        QCOMPARE(r.recommendedAction, QStringLiteral("review_duplicates"));
    }

    void roundTrip()
    {
        const Ticket t = take(parseTicket(fixture("ticket_full.json")));
        QCOMPARE(take(parseTicket(toJson(t))), t);
        const TicketPage page = take(parseTicketPage(fixture("list_page.json")));
        QCOMPARE(take(parseTicketPage(toJson(page))), page);
        const ReviewResult r = take(parseReviewResult(fixture("review.json")));
        QCOMPARE(take(parseReviewResult(toJson(r))), r);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("not json") << QByteArray("<html>502</html>")
                                  << QStringLiteral("invalid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("expected a JSON object");
        QTest::newRow("no result")
            << QByteArray(R"({"items": []})") << QStringLiteral("result: expected an array");
        QTest::newRow("item not object")
            << QByteArray(R"({"result": [1]})") << QStringLiteral("result[0]: expected an object");
        QTest::newRow("missing id") << QByteArray(
            R"({"result": [{"subject": "s", "status": "open", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]})")
                                    << QStringLiteral("result[0].id: is missing");
        QTest::newRow("bad time") << QByteArray(
            R"({"result": [{"id": "x", "subject": "s", "status": "open", "created_at": "yesterday", "updated_at": "2026-01-01T00:00:00Z"}]})")
                                  << QStringLiteral(
                                         "result[0].created_at: expected an RFC 3339 date-time");
        QTest::newRow("wrong type") << QByteArray(
            R"({"result": [{"id": 7, "subject": "s", "status": "open", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]})")
                                    << QStringLiteral("result[0].id: expected a string");
        QTest::newRow("bad pagination")
            << QByteArray(R"({"result": [], "pagination": {"page": "two"}})")
            << QStringLiteral("pagination.page: expected an integer");
        // Found by fuzz_wire: casting 1e300 to an integer was undefined behaviour.
        QTest::newRow("huge number")
            << QByteArray(R"({"result": [], "pagination": {"total_count": 1e300}})")
            << QStringLiteral("pagination.total_count: expected an integer");
        QTest::newRow("fractional number")
            << QByteArray(R"({"result": [], "pagination": {"page": 1.5}})")
            << QStringLiteral("pagination.page: expected an integer");
    }

    void malformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expectedError);
        QString error;
        auto object = parseObject(body);
        if (auto *e = std::get_if<ParseError>(&object)) {
            error = e->message;
        } else {
            auto page = parseTicketPage(std::get<QJsonObject>(object));
            QVERIFY(isError(page));
            error = std::get<ParseError>(page).message;
        }
        QVERIFY2(error.startsWith(expectedError), qPrintable(error));
    }

    void timestamps()
    {
        QCOMPARE(parseTimestamp(QStringLiteral("2026-11-26T10:00:00")),
                 QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC));
        QVERIFY(!parseTimestamp(QStringLiteral("26/11/2026")).isValid());
        QCOMPARE(formatTimestamp(QDateTime(QDate(2026, 11, 26), QTime(10, 0, 1, 5), Qt::UTC)),
                 QStringLiteral("2026-11-26T10:00:01.005Z"));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"

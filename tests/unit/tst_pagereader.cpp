// The list page's direct reader (app/wire/pagereader.h) against the general path
// (parseObject + parseTicketPage): what it reads must be equal, field by field; what it does not
// read itself it must leave to the general path (nullopt), never guess.

#include "wire/json.h"
#include "wire/pagereader.h"

#include <QFile>
#include <QTest>

using namespace Ankra::Wire;

namespace {

QByteArray fixtureBytes(const char *name)
{
    QFile f(QStringLiteral(ANKRA_TEST_DATA_DIR "/wire/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

std::optional<TicketPage> general(const QByteArray &body)
{
    Parsed<QJsonObject> object = parseObject(body);
    if (isError(object))
        return std::nullopt;
    Parsed<TicketPage> page = parseTicketPage(std::get<QJsonObject>(object));
    if (isError(page))
        return std::nullopt;
    return std::get<TicketPage>(std::move(page));
}

QByteArray row(const QByteArray &fields)
{
    return "{\"id\":\"t-1\",\"subject\":\"Disk full\",\"status\":\"open\","
           "\"created_at\":\"2026-11-20T09:15:00Z\",\"updated_at\":\"2026-11-21T10:00:00.123Z\""
           + (fields.isEmpty() ? QByteArray() : "," + fields) + "}";
}

QByteArray page(const QByteArray &rows, const QByteArray &rest = {})
{
    return "{\"result\":[" + rows + "]" + rest + "}";
}

} // namespace

class TestPageReader : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatTheGeneralPathReads_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("fixture") << fixtureBytes("list_page.json");
        QTest::newRow("empty result") << page({});
        QTest::newRow("minimal row") << page(row({}));
        QTest::newRow("all fields")
            << page(row("\"ticket_number\":42,\"cluster_id\":\"c-1\",\"cluster_name\":\"prod\","
                        "\"source\":\"cli\",\"category\":\"technical\",\"severity\":\"high\","
                        "\"ai_review_status\":\"passed\",\"is_tracked_by_team\":true"),
                    ",\"pagination\":{\"page\":2,\"page_size\":25,\"total_pages\":3,"
                    "\"total_count\":52}");
        QTest::newRow("nulls") << page(row("\"ticket_number\":null,\"cluster_id\":null,"
                                           "\"severity\":null,\"is_tracked_by_team\":null"),
                                       ",\"pagination\":null");
        QTest::newRow("pagination partly null")
            << page(row({}) + "," + row({}), ",\"pagination\":{\"page\":null,\"total_count\":9}");
        QTest::newRow("escapes") << page(
            "{\"id\":\"t\\\"1\",\"subject\":\"a\\\\b\\/c\\n\\t\\r\\b\\f \\u00e9 "
            "\\ud83d\\ude00\",\"status\":\"open\",\"created_at\":\"2026-11-20T09:15:00Z\","
            "\"updated_at\":\"2026-11-20T09:15:00Z\"}");
        QTest::newRow("raw unicode") << page(row("\"category\":\"t\xc3\xa9"
                                                 "chnique\",\"cluster_name\":\"\xe6\x97\xa5\xe6"
                                                 "\x9c\xac \xf0\x9f\x98\x80\""));
        QTest::newRow("unknown fields, nested")
            << page(row("\"x\":{\"a\":[1,2.5,-3,true,false,null,\"s\\u0041\",{\"b\":{}}]},"
                        "\"y\":[],\"z\":-0.125"),
                    ",\"meta\":{\"k\\u00e9y\":[[]]}");
        QTest::newRow("whitespace")
            << QByteArray(" \r\n\t{ \"result\" : [ { \"id\" : \"1\" , \"subject\" : \"s\" , "
                          "\"status\" : \"open\" , \"created_at\" : \"2026-11-20T09:15:00.000Z\" "
                          ", \"updated_at\" : \"2026-11-20T09:15:00Z\" } ] } \n");
        QTest::newRow("other time formats")
            << page("{\"id\":\"1\",\"subject\":\"s\",\"status\":\"open\","
                    "\"created_at\":\"2026-11-19T08:00:00+01:00\","
                    "\"updated_at\":\"2026-11-21T10:00:00.123456+00:00\"}");
        // Strings are scanned eight bytes at a time: what needs a look at every offset of a word.
        for (int at = 0; at < 17; ++at) {
            const QByteArray pad(at, 'x');
            QTest::addRow("escaped quote at %d", at)
                << page(row("\"cluster_name\":\"" + pad + "\\\"" + pad + "\""));
            QTest::addRow("backslash at %d", at)
                << page(row("\"cluster_name\":\"" + pad + "\\\\y\""));
            QTest::addRow("non-ASCII at %d", at)
                << page(row("\"cluster_name\":\"" + pad + "\xc3\xa9" + pad + "\""));
            QTest::addRow("ends at %d", at) << page(row("\"cluster_name\":\"" + pad + "\""));
        }
        // The last timestamp read is kept for the next one with the same text: a near miss
        // (one digit apart) must not take it.
        const auto timed = [](const char *created, const char *updated) -> QByteArray {
            return "{\"id\":\"t\",\"subject\":\"s\",\"status\":\"open\",\"created_at\":\""
                   + QByteArray(created) + "\",\"updated_at\":\"" + QByteArray(updated) + "\"}";
        };
        QTest::newRow("repeated timestamps")
            << page(timed("2026-11-20T09:15:00.462Z", "2026-11-20T09:15:00.462Z") + ","
                    + timed("2026-11-20T09:15:00.462Z", "2026-11-20T09:15:00.463Z") + ","
                    + timed("2026-11-20T09:15:00.463Z", "2026-11-20T09:15:00Z") + ","
                    + timed("2026-11-20T09:15:00Z", "2026-11-20T09:15:01Z"));
        // The rows are reserved from the page size sent before them: not trusted beyond the body.
        QTest::newRow("page size first")
            << "{\"pagination\":{\"page_size\":2},\"result\":[" + row({}) + "," + row({}) + "]}";
        QTest::newRow("page size first, fewer rows")
            << "{\"pagination\":{\"page_size\":50},\"result\":[" + row({}) + "]}";
        QTest::newRow("page size first, more rows")
            << "{\"pagination\":{\"page_size\":1},\"result\":[" + row({}) + "," + row({}) + "]}";
        QTest::newRow("page size first, huge")
            << "{\"pagination\":{\"page_size\":2000000000},\"result\":[" + row({}) + "]}";
        // The key the previous row had at a place is compared in place: other keys there.
        const QByteArray reordered
            = "{\"status\":\"closed\",\"updated_at\":\"2026-11-21T10:00:00Z\","
              "\"subject\":\"b\",\"id\":\"t-2\","
              "\"created_at\":\"2026-11-20T09:15:00Z\"}";
        QTest::newRow("next row in another order")
            << page(row({}) + "," + reordered + "," + row({}));
        QTest::newRow("a longer key where a known one was")
            << page(row({})
                    + ",{\"idx\":1,\"id\":\"t-2\",\"subject\":\"s\",\"status\":\"open\","
                      "\"created_at\":\"2026-11-20T09:15:00Z\","
                      "\"updated_at\":\"2026-11-20T09:15:00Z\"}");
        QTest::newRow("space before a colon")
            << page(row({})
                    + ",{\"id\" :\"t-2\",\"subject\"\t:\"s\",\"status\":\"open\","
                      "\"created_at\":\"2026-11-20T09:15:00Z\","
                      "\"updated_at\":\"2026-11-20T09:15:00Z\"}");
        QTest::newRow("several rows")
            << page(row("\"category\":\"technical\"") + "," + row("\"category\":\"technical\"")
                    + "," + row("\"category\":\"billing\""));
    }

    void readsWhatTheGeneralPathReads()
    {
        QFETCH(QByteArray, body);
        const std::optional<TicketPage> expected = general(body);
        QVERIFY2(expected, "the general path must read this body");
        const std::optional<TicketPage> fast = readTicketPageFast(body);
        QVERIFY2(fast, "the direct reader left an ordinary page to the general path");
        QCOMPARE(fast->result.size(), expected->result.size());
        for (qsizetype i = 0; i < fast->result.size(); ++i) {
            const TicketSummary &a = fast->result.at(i);
            const TicketSummary &b = expected->result.at(i);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.subject, b.subject);
            QCOMPARE(a.status, b.status);
            QCOMPARE(a.category, b.category);
            QCOMPARE(a.clusterName, b.clusterName);
            QCOMPARE(a.ticketNumber, b.ticketNumber);
            QCOMPARE(a.createdAt, b.createdAt);
            QCOMPARE(a.updatedAt, b.updatedAt);
            QCOMPARE(a.trackedByTeam, b.trackedByTeam);
            QVERIFY(a == b);
        }
        QCOMPARE(fast->pagination.page, expected->pagination.page);
        QCOMPARE(fast->pagination.pageSize, expected->pagination.pageSize);
        QCOMPARE(fast->pagination.totalPages, expected->pagination.totalPages);
        QCOMPARE(fast->pagination.totalCount, expected->pagination.totalCount);
        QVERIFY(*fast == *expected);
    }

    // Each of these goes to the general path, which either refuses it (with its message) or
    // reads it its own way.
    void leavesTheRestToTheGeneralPath_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no result") << QByteArray("{\"pagination\":{}}");
        QTest::newRow("result null") << QByteArray("{\"result\":null}");
        QTest::newRow("trailing garbage") << page(row({})) + "x";
        QTest::newRow("truncated") << page(row({})).chopped(3);
        QTest::newRow("missing id") << page(row({}).replace("\"id\":\"t-1\",", ""));
        QTest::newRow("number as subject") << page(row({}).replace("\"Disk full\"", "7"));
        QTest::newRow("duplicate field") << page(row("\"status\":\"closed\""));
        QTest::newRow("duplicate result") << page(row({}), ",\"result\":[]");
        QTest::newRow("escaped key") << page(row("\"sever\\u0069ty\":\"high\""));
        QTest::newRow("escaped key where a known one was")
            << page(row({}) + "," + row({}).replace("{\"id\"", "{\"i\\u0064\""));
        QTest::newRow("known key without its colon")
            << page(row({}) + "," + row({}).replace("{\"id\":", "{\"id\" "));
        QTest::newRow("exponent") << page(row("\"ticket_number\":1e2"));
        QTest::newRow("huge number elsewhere") << page(row("\"x\":1e400"));
        QTest::newRow("negative number") << page(row("\"ticket_number\":-4"));
        QTest::newRow("leading zero") << page(row("\"ticket_number\":042"));
        QTest::newRow("bad escape") << page(row("\"category\":\"a\\qb\""));
        QTest::newRow("lone surrogate") << page(row("\"category\":\"\\ud800\""));
        QTest::newRow("escaped NUL") << page(row("\"category\":\"a\\u0000b\""));
        QTest::newRow("raw control character") << page(row("\"category\":\"a\tb\""));
        for (int at = 0; at < 17; ++at)
            QTest::addRow("raw control character at %d", at)
                << page(row("\"cluster_name\":\"" + QByteArray(at, 'x') + "\x1f" + "yyyyyyyy\""));
        QTest::newRow("invalid UTF-8") << page(row("\"category\":\"a\xc3(b\""));
        QTest::newRow("overlong UTF-8") << page(row("\"category\":\"\xc0\xaf\""));
        QTest::newRow("bad time") << page(row({}).replace("2026-11-20T09:15:00Z", "yesterday"));
        QTest::newRow("more digits than a double holds")
            << page(row({}), ",\"pagination\":{\"page_size\":1777777777777777777777700}");
        QTest::newRow("page beyond int") << page(row({}), ",\"pagination\":{\"page\":99999999999}");
        QTest::newRow("deep nesting")
            << page(row("\"x\":" + QByteArray(40, '[') + QByteArray(40, ']')));
        QTest::newRow("row not an object") << page("1");
        QTest::newRow("bool as string") << page(row("\"is_tracked_by_team\":\"yes\""));
    }

    void leavesTheRestToTheGeneralPath()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!readTicketPageFast(body));
    }

    // A real server page: 100 rows as ankra-support-server writes them.
    void aServerSizedPage()
    {
        QByteArray rows;
        for (int i = 0; i < 100; ++i) {
            if (i)
                rows += ',';
            rows += "{\"ai_review_status\":\"passed\",\"category\":\"technical\",\"cluster_id\":"
                    "null,\"cluster_name\":null,\"created_at\":\"2026-11-26T23:05:39.462Z\","
                    "\"id\":\"04ec0339-872d-4fc2-9c41-507cb42dc1"
                    + QByteArray::number(10 + i)
                    + "\",\"is_tracked_by_team\":false,\"severity\":null,\"source\":\"api\","
                      "\"status\":\"open\",\"subject\":\"Helm upgrade stuck for release "
                    + QByteArray::number(i) + "\",\"ticket_number\":" + QByteArray::number(9000 + i)
                    + ",\"updated_at\":\"2026-11-26T23:05:39.462Z\"}";
        }
        const QByteArray body = "{\"pagination\":{\"page\":3,\"page_size\":100,\"total_count\":"
                                "10000,\"total_pages\":100},\"result\":["
                                + rows + "]}";
        const std::optional<TicketPage> fast = readTicketPageFast(body);
        QVERIFY(fast);
        QCOMPARE(fast->result.size(), 100);
        QCOMPARE(fast->pagination.totalPages, 100);
        QVERIFY(*fast == *general(body));
        // Reserved from the page size: the rows were never moved to a larger block.
        QCOMPARE(fast->result.capacity(), 100);
        // Repeated values are one shared string, not 100 copies.
        QVERIFY(fast->result.at(0).status.constData() == fast->result.at(99).status.constData());
    }
};

QTEST_APPLESS_MAIN(TestPageReader)
#include "tst_pagereader.moc"

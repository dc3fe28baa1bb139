// TicketIdIndex (app/models/ticketidindex.h): the ids of the ticket list's rows, by hash. Two ids
// with the same hash must both be found and neither taken for a repeat of the other.

#include "models/ticketidindex.h"

#include <QTest>

using namespace Ankra;
using namespace Ankra::Models;

namespace {

QList<Wire::TicketSummary> rowsOf(const QStringList &ids)
{
    QList<Wire::TicketSummary> rows;
    for (const QString &id : ids) {
        Wire::TicketSummary t;
        t.id = id;
        rows.append(t);
    }
    return rows;
}

} // namespace

class TestTicketIdIndex : public QObject
{
    Q_OBJECT
private slots:
    void findsRowsAndRepeats()
    {
        const QList<Wire::TicketSummary> rows = rowsOf(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        TicketIdIndex index;
        index.rebuild(rows);
        QCOMPARE(index.size(), 3);
        QCOMPARE(index.rowOf(QStringLiteral("a"), rows), 0);
        QCOMPARE(index.rowOf(QStringLiteral("c"), rows), 2);
        QCOMPARE(index.rowOf(QStringLiteral("d"), rows), -1);
        const auto idAt = [&](qsizetype row) -> const QString & { return rows.at(row).id; };
        // A repeat is refused and changes nothing.
        QVERIFY(!index.insert(QStringLiteral("b"), Wire::ticketIdHash(u"b"), 3, idAt));
        QCOMPARE(index.size(), 3);
        QCOMPARE(index.rowOf(QStringLiteral("b"), rows), 1);
        index.clear();
        QCOMPARE(index.rowOf(QStringLiteral("a"), rows), -1);
    }

    // Hashes are 64 bits with a random seed: a collision is rare, not impossible. Forced here.
    void idsWithTheSameHashAreBothKept()
    {
        QList<Wire::TicketSummary> rows = rowsOf({QStringLiteral("first")});
        TicketIdIndex index;
        const auto idAt = [&](qsizetype row) -> const QString & { return rows.at(row).id; };
        const size_t shared = 42;
        QVERIFY(index.insert(QStringLiteral("first"), shared, 0, idAt));
        rows.append(rowsOf({QStringLiteral("second")}));
        QVERIFY(index.insert(QStringLiteral("second"), shared, 1, idAt));  // not a repeat
        QVERIFY(!index.insert(QStringLiteral("second"), shared, 2, idAt)); // now it is
        QVERIFY(!index.insert(QStringLiteral("first"), shared, 2, idAt));
        QCOMPARE(index.size(), 2);
    }

    // rowOf() hashes the id itself: with real hashes both colliding ids are found. Simulated by
    // an index built from real hashes where one id's slot holds another id's row.
    void rowOfFindsTheSecondOfTwoCollidingIds()
    {
        const QList<Wire::TicketSummary> rows = rowsOf({QStringLiteral("x"), QStringLiteral("y")});
        TicketIdIndex index;
        const auto idAt = [&](qsizetype row) -> const QString & { return rows.at(row).id; };
        // "y" indexed under the hash of "x" (as if they collided), "x" after it under the same.
        QVERIFY(index.insert(QStringLiteral("y"), Wire::ticketIdHash(u"x"), 1, idAt));
        QVERIFY(index.insert(QStringLiteral("x"), Wire::ticketIdHash(u"x"), 0, idAt));
        QCOMPARE(index.rowOf(QStringLiteral("x"), rows), 0);
    }

    void manyRows()
    {
        QStringList ids;
        for (int i = 0; i < 20'000; ++i)
            ids.append(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QChar(u'0')));
        const QList<Wire::TicketSummary> rows = rowsOf(ids);
        TicketIdIndex index;
        index.rebuild(rows);
        QCOMPARE(index.size(), 20'000);
        for (int i = 0; i < 20'000; i += 997)
            QCOMPARE(index.rowOf(ids.at(i), rows), i);
    }

    // Hashes that share their low bits land in one run of slots (open addressing): each is still
    // found, through growth of the table from empty (no reserve), and clear() forgets them all.
    void hashesOfOneSlotRunThroughGrowth()
    {
        QStringList ids;
        for (int i = 0; i < 300; ++i)
            ids.append(QStringLiteral("id-%1").arg(i));
        const auto idAt = [&ids](qsizetype row) -> const QString & { return ids.at(row); };
        const auto hashOf = [](int i) { return (size_t(i) + 1) << 24; }; // low 24 bits: zero
        TicketIdIndex index;
        for (int i = 0; i < ids.size(); ++i)
            QVERIFY(index.insert(ids.at(i), hashOf(i), i, idAt));
        QCOMPARE(index.size(), 300);
        QVERIFY(index.capacity() >= 300);
        for (int i = 0; i < ids.size(); ++i)
            QVERIFY2(!index.insert(ids.at(i), hashOf(i), 300 + i, idAt), qPrintable(ids.at(i)));
        QCOMPARE(index.size(), 300);
        index.clear();
        QCOMPARE(index.size(), 0);
        QCOMPARE(index.rowOf(ids.at(0), rowsOf(ids)), -1);
        QVERIFY(index.insert(ids.at(7), hashOf(7), 0, idAt));
        QCOMPARE(index.size(), 1);
    }

    // Rows inserted one page at a time, the table growing as they come: every row is found.
    void growsAsPagesArrive()
    {
        QStringList ids;
        for (int i = 0; i < 5'000; ++i)
            ids.append(QStringLiteral("ticket-%1").arg(i));
        const QList<Wire::TicketSummary> rows = rowsOf(ids);
        const auto idAt = [&ids](qsizetype row) -> const QString & { return ids.at(row); };
        TicketIdIndex index;
        QCOMPARE(index.rowOf(ids.at(0), rows), -1); // empty: nothing to probe
        for (int i = 0; i < ids.size(); ++i)
            QVERIFY(index.insert(ids.at(i), Wire::ticketIdHash(ids.at(i)), i, idAt));
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(index.rowOf(ids.at(i), rows), i);
        QCOMPARE(index.rowOf(QStringLiteral("absent"), rows), -1);
    }
};

QTEST_GUILESS_MAIN(TestTicketIdIndex)
#include "tst_ticketidindex.moc"

#pragma once

// The ids of TicketListModel's rows: the row of an id, and whether a page repeats a ticket that
// is listed already, at the cost of the page, not of the list. Keyed by Wire::ticketIdHash(),
// which ListTicketsJob computes off the GUI thread while it parses a page: a QSet<QString> of
// the ids cost the GUI thread ~4 ms of bench_client P1's ~30 (hashing, and reading 10,000
// strings another thread had just written). Two ids with the same hash are told apart by the
// ids themselves: the second one is kept by its text. The hashes are kept in an open-addressing
// table (linear probing, at most half full, never an entry removed but by clear()): a
// QHash<size_t, qsizetype> took ~0.5 ms of the GUI thread per 10,000 rows (bench_client P1).

#include "wire/types.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace Ankra::Models {

class TicketIdIndex
{
public:
    void clear();
    void reserve(qsizetype rows);
    qsizetype capacity() const { return qsizetype(m_slots.size() / 2); }
    qsizetype size() const { return m_used + m_collided.size(); }

    // Indexes `id` (hash `hash`) as row `row`; false, and nothing changes, when the id is
    // indexed already. idAt(r) is the id of an indexed row r.
    template<typename IdAt>
    bool insert(const QString &id, size_t hash, qsizetype row, IdAt idAt)
    {
        if (2 * (m_used + 1) > qsizetype(m_slots.size()))
            grow(m_used + 1);
        Slot &slot = find(hash);
        if (slot.rowPlusOne == 0) {
            slot = {hash, row + 1};
            ++m_used;
            return true;
        }
        if (idAt(slot.rowPlusOne - 1) == id)
            return false;
        return insertCollided(id, row);
    }

    // The row of `id` in `rows` (the rows indexed), or -1.
    qsizetype rowOf(const QString &id, const QList<Wire::TicketSummary> &rows) const;

    // Indexes `rows` anew (hashing their ids here).
    void rebuild(const QList<Wire::TicketSummary> &rows);

private:
    struct Slot
    {
        size_t hash = 0;
        qsizetype rowPlusOne = 0; // 0: empty
    };

    // The slot of `hash`, or the empty slot where it goes (the table is never full).
    Slot &find(size_t hash) { return m_slots[indexOf(hash)]; }
    size_t indexOf(size_t hash) const
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = hash & mask;
        while (m_slots[i].rowPlusOne != 0 && m_slots[i].hash != hash)
            i = (i + 1) & mask;
        return i;
    }
    void grow(qsizetype rows);
    bool insertCollided(const QString &id, qsizetype row);

    std::vector<Slot> m_slots; // a power of two in size, at most half used
    qsizetype m_used = 0;
    QHash<QString, qsizetype> m_collided; // ids whose hash belongs to another id -> row
};

} // namespace Ankra::Models

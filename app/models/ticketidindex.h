#pragma once

// The ids of TicketListModel's rows: the row of an id, and whether a page repeats a ticket that
// is listed already, at the cost of the page, not of the list. Keyed by Wire::ticketIdHash(),
// which ListTicketsJob computes off the GUI thread while it parses a page: a QSet<QString> of
// the ids cost the GUI thread ~4 ms of bench_client P1's ~30 (hashing, and reading 10,000
// strings another thread had just written). Two ids with the same hash are told apart by the
// ids themselves: the second one is kept by its text.

#include "wire/types.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Ankra::Models {

class TicketIdIndex
{
public:
    void clear();
    void reserve(qsizetype rows);
    qsizetype capacity() const { return m_byHash.capacity(); }
    qsizetype size() const { return m_byHash.size() + m_collided.size(); }

    // Indexes `id` (hash `hash`) as row `row`; false, and nothing changes, when the id is
    // indexed already. idAt(r) is the id of an indexed row r.
    template<typename IdAt>
    bool insert(const QString &id, size_t hash, qsizetype row, IdAt idAt)
    {
        qsizetype &slot = m_byHash[hash]; // 0 when new: rows are stored plus one
        if (slot == 0) {
            slot = row + 1;
            return true;
        }
        if (idAt(slot - 1) == id)
            return false;
        return insertCollided(id, row);
    }

    // The row of `id` in `rows` (the rows indexed), or -1.
    qsizetype rowOf(const QString &id, const QList<Wire::TicketSummary> &rows) const;

    // Indexes `rows` anew (hashing their ids here).
    void rebuild(const QList<Wire::TicketSummary> &rows);

private:
    bool insertCollided(const QString &id, qsizetype row);

    QHash<size_t, qsizetype> m_byHash;    // hash -> row + 1
    QHash<QString, qsizetype> m_collided; // ids whose hash belongs to another id -> row
};

} // namespace Ankra::Models

#include "models/ticketidindex.h"

namespace Ankra::Models {

void TicketIdIndex::clear()
{
    m_slots.clear();
    m_used = 0;
    m_collided.clear();
}

void TicketIdIndex::reserve(qsizetype rows)
{
    if (rows > capacity())
        grow(rows);
}

void TicketIdIndex::grow(qsizetype rows)
{
    size_t size = 16;
    while (size < 2 * size_t(qMax(rows, m_used)))
        size *= 2;
    if (size <= m_slots.size())
        return;
    std::vector<Slot> old(size);
    old.swap(m_slots);
    for (const Slot &slot : old) {
        if (slot.rowPlusOne != 0)
            m_slots[indexOf(slot.hash)] = slot;
    }
}

bool TicketIdIndex::insertCollided(const QString &id, qsizetype row)
{
    if (m_collided.contains(id))
        return false;
    m_collided.insert(id, row);
    return true;
}

qsizetype TicketIdIndex::rowOf(const QString &id, const QList<Wire::TicketSummary> &rows) const
{
    if (m_slots.empty())
        return -1;
    const qsizetype slot = m_slots[indexOf(Wire::ticketIdHash(id))].rowPlusOne;
    if (slot == 0)
        return -1;
    if (rows.at(slot - 1).id == id)
        return slot - 1;
    return m_collided.value(id, -1);
}

void TicketIdIndex::rebuild(const QList<Wire::TicketSummary> &rows)
{
    clear();
    reserve(rows.size());
    for (qsizetype row = 0; row < rows.size(); ++row)
        insert(rows.at(row).id,
               Wire::ticketIdHash(rows.at(row).id),
               row,
               [&](qsizetype r) -> const QString & { return rows.at(r).id; });
}

} // namespace Ankra::Models

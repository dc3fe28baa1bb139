#include "models/ticketidindex.h"

namespace Ankra::Models {

void TicketIdIndex::clear()
{
    m_byHash.clear();
    m_collided.clear();
}

void TicketIdIndex::reserve(qsizetype rows)
{
    m_byHash.reserve(rows);
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
    const qsizetype slot = m_byHash.value(Wire::ticketIdHash(id));
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

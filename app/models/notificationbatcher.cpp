#include "models/notificationbatcher.h"

#include <algorithm>

namespace Ankra::Models {

NotificationBatcher::NotificationBatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationBatcher::flush);
}

void NotificationBatcher::add(const QList<ActivityEvent> &events)
{
    if (events.isEmpty())
        return;
    if (m_pending.isEmpty())
        m_sinceFirst.start();
    for (const ActivityEvent &e : events) {
        const bool seen = std::any_of(m_pending.cbegin(), m_pending.cend(), [&](const auto &p) {
            return p.kind == e.kind && p.ticketId == e.ticketId;
        });
        if (!seen)
            m_pending.append(e);
    }
    const qint64 left = m_maxDelayMs - m_sinceFirst.elapsed();
    m_timer.start(int(std::clamp<qint64>(std::min<qint64>(m_quietMs, left), 0, m_maxDelayMs)));
}

void NotificationBatcher::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    emit batchReady(std::exchange(m_pending, {}));
}

QString NotificationBatcher::title(const QList<ActivityEvent> &events)
{
    int tickets = 0;
    int replies = 0;
    for (const ActivityEvent &e : events)
        (e.kind == ActivityEvent::Kind::NewTicket ? tickets : replies)++;
    if (replies == 0)
        return tr("%n new ticket(s)", nullptr, tickets);
    if (tickets == 0)
        return tr("%n customer reply(s)", nullptr, replies);
    return tr("%1 and %2")
        .arg(tr("%n new ticket(s)", nullptr, tickets), tr("%n customer reply(s)", nullptr, replies));
}

QString NotificationBatcher::body(const QList<ActivityEvent> &events)
{
    constexpr int Shown = 3;
    QStringList lines;
    for (int i = 0; i < events.size() && i < Shown; ++i) {
        const ActivityEvent &e = events.at(i);
        const QString where = e.organisationName.isEmpty()
                                  ? e.subject
                                  : tr("%1 (%2)").arg(e.subject, e.organisationName);
        lines.append(e.kind == ActivityEvent::Kind::NewTicket ? tr("New: %1").arg(where)
                                                              : tr("Reply: %1").arg(where));
    }
    if (events.size() > Shown)
        lines.append(tr("and %n more", nullptr, int(events.size()) - Shown));
    return lines.join(u'\n');
}

} // namespace Ankra::Models

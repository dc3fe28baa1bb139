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
        const auto seen = std::find_if(m_pending.begin(), m_pending.end(), [&](const auto &p) {
            return p.kind == e.kind && p.ticketId == e.ticketId;
        });
        if (seen == m_pending.end())
            m_pending.append(e);
        else if (e.kind == ActivityEvent::Kind::StatusChanged)
            seen->detail = e.detail; // moved on again: the status it has now
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
    int customerReplies = 0;
    int teamReplies = 0;
    int statuses = 0;
    for (const ActivityEvent &e : events) {
        switch (e.kind) {
        case ActivityEvent::Kind::NewTicket:
            ++tickets;
            break;
        case ActivityEvent::Kind::CustomerReply:
            ++customerReplies;
            break;
        case ActivityEvent::Kind::TeamReply:
            ++teamReplies;
            break;
        case ActivityEvent::Kind::StatusChanged:
            ++statuses;
            break;
        }
    }
    QStringList parts;
    if (tickets > 0)
        parts.append(tr("%n new ticket(s)", nullptr, tickets));
    if (customerReplies > 0)
        parts.append(tr("%n customer reply(s)", nullptr, customerReplies));
    if (teamReplies > 0)
        parts.append(tr("%n reply(s) from the Ankra team", nullptr, teamReplies));
    if (statuses > 0)
        parts.append(tr("%n status change(s)", nullptr, statuses));
    QString result = parts.value(0);
    for (qsizetype i = 1; i < parts.size(); ++i)
        result = tr("%1 and %2").arg(result, parts.at(i));
    return result;
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
        switch (e.kind) {
        case ActivityEvent::Kind::NewTicket:
            lines.append(tr("New: %1").arg(where));
            break;
        case ActivityEvent::Kind::CustomerReply:
        case ActivityEvent::Kind::TeamReply:
            lines.append(tr("Reply: %1").arg(where));
            break;
        case ActivityEvent::Kind::StatusChanged:
            lines.append(tr("%1: %2").arg(e.detail, where));
            break;
        }
    }
    if (events.size() > Shown)
        lines.append(tr("and %n more", nullptr, int(events.size()) - Shown));
    return lines.join(u'\n');
}

} // namespace Ankra::Models

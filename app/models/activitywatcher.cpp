#include "models/activitywatcher.h"

namespace Ankra::Models {

QList<ActivityEvent> ActivityTracker::update(const QList<Wire::TeamTicketSummary> &newestFirst)
{
    QList<ActivityEvent> events;
    QDateTime newest = m_watermark;
    for (const Wire::TeamTicketSummary &t : newestFirst) {
        const QDateTime activity = t.team.lastCustomerActivityAt;
        if (t.summary.updatedAt.isValid() && (!newest.isValid() || t.summary.updatedAt > newest))
            newest = t.summary.updatedAt;
        const auto known = m_lastCustomerActivity.constFind(t.summary.id);
        const bool isKnown = known != m_lastCustomerActivity.constEnd();
        if (m_baseline) {
            ActivityEvent e;
            e.ticketId = t.summary.id;
            e.subject = t.summary.subject;
            e.organisationName = t.team.organisationName;
            if (!isKnown && m_watermark.isValid() && t.summary.createdAt > m_watermark) {
                e.kind = ActivityEvent::Kind::NewTicket;
                e.at = t.summary.createdAt;
                events.append(e);
            } else if (activity.isValid() && activity > t.summary.createdAt
                       && (isKnown ? (!known->isValid() || activity > *known)
                                   : (m_watermark.isValid() && activity > m_watermark))) {
                // The creation counts as customer activity too: only a later one is a reply.
                e.kind = ActivityEvent::Kind::CustomerReply;
                e.at = activity;
                events.append(e);
            }
        }
        m_lastCustomerActivity.insert(t.summary.id, activity);
    }
    m_watermark = newest;
    m_baseline = true;
    return events;
}

ActivityWatcher::ActivityWatcher(Api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ActivityWatcher::poll);
}

void ActivityWatcher::start()
{
    m_timer.start();
    poll();
}

void ActivityWatcher::poll()
{
    if (m_job)
        return; // the previous poll is still on its way
    Api::TeamTicketQuery q;
    q.pageSize = PageSize;
    auto *job = Api::TeamApi(m_client).listTickets(q, this);
    m_job = job;
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        if (!job->ok())
            return; // the queue shows errors; a missed poll is caught up by the next one
        const QList<ActivityEvent> events = m_tracker.update(job->teamPage().result);
        if (!events.isEmpty())
            emit activity(events);
    });
}

} // namespace Ankra::Models

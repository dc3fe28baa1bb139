#include "models/updatepoller.h"

#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"

namespace Ankra::Models {

UpdatePoller::UpdatePoller(TicketListModel *list, TicketController *controller, QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_controller(controller)
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &UpdatePoller::poll);
    connect(m_list,
            &TicketListModel::statusChanged,
            this,
            [this](const QString &id, const QString &oldStatus, const QString &newStatus) {
                // The open ticket is reported from its own reload (below), once.
                if (id != m_seenTicketId)
                    emit statusChanged(id, oldStatus, newStatus);
            });
    connect(m_controller, &TicketController::ticketChanged, this, &UpdatePoller::onTicketChanged);
}

void UpdatePoller::setInterval(int milliseconds)
{
    m_timer.setInterval(qMax(1, milliseconds));
}

void UpdatePoller::start()
{
    m_timer.start();
}

void UpdatePoller::stop()
{
    m_timer.stop();
}

void UpdatePoller::poll()
{
    m_lastPoll.start();
    if (m_timer.isActive())
        m_timer.start(); // the next regular poll counts from this one
    m_list->refresh();
    if (m_controller->hasTicket()) {
        m_pollReload = true;
        m_controller->reload();
    }
    emit polled();
}

void UpdatePoller::pollSoon()
{
    if (m_lastPoll.isValid() && m_lastPoll.elapsed() < m_minIntervalMs)
        return;
    poll();
}

void UpdatePoller::onTicketChanged()
{
    const Wire::Ticket &ticket = m_controller->ticket();
    if (ticket.id.isEmpty())
        return; // being opened: wait for the loaded ticket
    const bool sameTicket = ticket.id == m_seenTicketId;
    QList<Wire::Comment> fresh;
    for (const Wire::Comment &c : ticket.comments) {
        if (sameTicket && !m_seenComments.contains(c.id)
            && c.authorType != QLatin1String("customer"))
            fresh.append(c);
    }
    const QString oldStatus = m_seenStatus;
    m_seenTicketId = ticket.id;
    m_seenStatus = ticket.status;
    m_seenComments.clear();
    for (const Wire::Comment &c : ticket.comments)
        m_seenComments.insert(c.id);
    // Only a reload the poller asked for brings news: the answers to the user's own reply,
    // close or upload carry the user's changes (and the system comment of a close).
    const bool news = sameTicket && m_pollReload;
    m_pollReload = false;
    if (!news)
        return;
    if (oldStatus != ticket.status)
        emit statusChanged(ticket.id, oldStatus, ticket.status);
    if (!fresh.isEmpty())
        emit newReplies(ticket.id, fresh);
}

} // namespace Ankra::Models

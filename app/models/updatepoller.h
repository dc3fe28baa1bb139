#pragma once

// Keeps the list and the open ticket current: every interval (default 60 s) and on request
// (window activation, throttled to one poll per minInterval) it refreshes the ticket list
// incrementally and reloads the open ticket. It reports what changed for the user: a status
// change, and new comments from anyone but the customer (team, AI, system).
// Owns nothing; the model and controller are injected. GUI thread only.

#include "wire/types.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Ankra::Models {

class TicketController;
class TicketListModel;

class UpdatePoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 60'000;
    static constexpr int DefaultMinIntervalMs = 10'000;

    UpdatePoller(TicketListModel *list, TicketController *controller, QObject *parent = nullptr);

    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }
    // Polls triggered by pollSoon() closer together than this are skipped.
    void setMinInterval(int milliseconds) { m_minIntervalMs = milliseconds; }
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

public slots:
    void poll();     // now, unconditionally
    void pollSoon(); // now, unless the last poll was less than minInterval ago

signals:
    void polled(); // a poll was started: other cheap refreshes (view counts) hook in here
    void statusChanged(const QString &ticketId, const QString &oldStatus, const QString &newStatus);
    void newReplies(const QString &ticketId, const QList<Ankra::Wire::Comment> &comments);

private:
    void onTicketChanged();

    TicketListModel *m_list;
    TicketController *m_controller;
    QTimer m_timer;
    QElapsedTimer m_lastPoll;
    int m_minIntervalMs = DefaultMinIntervalMs;
    // What the user saw of the open ticket, to tell what is new after a reload.
    QString m_seenTicketId;
    QString m_seenStatus;
    QSet<QString> m_seenComments;
    bool m_pollReload = false;
};

} // namespace Ankra::Models

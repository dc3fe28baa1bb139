#pragma once

// What happened in the team's queue since the last look: new tickets and new customer replies.
//
// ActivityTracker is the pure part: fed the newest page of the team list (updated_at
// descending) again and again, it reports the tickets created since the previous page and the
// tickets whose last customer activity moved forward. The first page is the baseline and
// reports nothing (no flood of notifications at start). Times are the server's, so a wrong
// local clock does not matter.
//
// ActivityWatcher polls that page through the team route every interval and emits
// activity() with the events (feed them to a NotificationBatcher). GUI thread only.

#include "api/teamjobs.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Ankra::Models {

// Something to tell the user about. The team hears of new tickets and customer replies
// (ActivityWatcher); a customer of the team's replies and status changes on their tickets
// (UpdatePoller, in the main window).
struct ActivityEvent
{
    enum class Kind { NewTicket, CustomerReply, TeamReply, StatusChanged };
    Kind kind = Kind::NewTicket;
    QString ticketId;
    QString subject;
    QString organisationName;
    QDateTime at;
    QString detail; // StatusChanged: the new status, as shown to the user

    friend bool operator==(const ActivityEvent &, const ActivityEvent &) = default;
};

class ActivityTracker
{
public:
    QList<ActivityEvent> update(const QList<Wire::TeamTicketSummary> &newestFirst);
    bool hasBaseline() const { return m_baseline; }

private:
    bool m_baseline = false;
    QDateTime m_watermark; // the newest updated_at seen so far
    QHash<QString, QDateTime> m_lastCustomerActivity;
};

class ActivityWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 30'000;
    static constexpr int PageSize = 100;

    explicit ActivityWatcher(Api::ApiClient *client, QObject *parent = nullptr);

    void setInterval(int milliseconds) { m_timer.setInterval(qMax(1, milliseconds)); }
    void start(); // polls now (the baseline) and then every interval
    void stop() { m_timer.stop(); }

public slots:
    void poll();

signals:
    void activity(const QList<Ankra::Models::ActivityEvent> &events);

private:
    Api::ApiClient *m_client;
    ActivityTracker m_tracker;
    QTimer m_timer;
    QPointer<Api::TeamListJob> m_job;
};

} // namespace Ankra::Models

#pragma once

// Turns a burst of queue activity into one desktop notification. The first event opens a
// batch; the batch is delivered (batchReady) once no event came for the quiet period, and at
// the latest maxDelay after its first event, so a steady trickle still notifies. A ticket
// appears once per kind in a batch. title()/body() give the translated notification text.
// No widgets: the tray icon in ui/ only shows what batchReady() carries. GUI thread.

#include "models/activitywatcher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Ankra::Models {

class NotificationBatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultQuietMs = 2'000;
    static constexpr int DefaultMaxDelayMs = 10'000;

    explicit NotificationBatcher(QObject *parent = nullptr);

    void setQuietPeriod(int milliseconds) { m_quietMs = milliseconds; }
    void setMaxDelay(int milliseconds) { m_maxDelayMs = milliseconds; }
    int pendingCount() const { return int(m_pending.size()); }

    static QString title(const QList<ActivityEvent> &events);
    static QString body(const QList<ActivityEvent> &events);

public slots:
    void add(const QList<Ankra::Models::ActivityEvent> &events);
    void flush(); // delivers the open batch now (nothing when empty)

signals:
    void batchReady(const QList<Ankra::Models::ActivityEvent> &events);

private:
    QList<ActivityEvent> m_pending;
    QTimer m_timer;
    QElapsedTimer m_sinceFirst;
    int m_quietMs = DefaultQuietMs;
    int m_maxDelayMs = DefaultMaxDelayMs;
};

} // namespace Ankra::Models

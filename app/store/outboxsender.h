#pragma once

// Sends the outbox, one entry at a time in queue order, whenever the server is reachable.
// - Success: the entry is Sent; a created ticket's later entries now target the real id.
// - Network errors, timeouts, 408, 429 and 5xx: the entry stays Waiting and is tried again after
//   a backoff (baseDelayMs doubled per attempt up to maxDelayMs, or the server's Retry-After);
//   sending pauses meanwhile. Coming back online ends the wait at once.
// - Any other 4xx (and local problems such as a missing file): the entry is Failed with the
//   server's reason; 409 is marked as a conflict for the user to decide. Later entries of the
//   same ticket wait behind it; other tickets go on.
// Each entry is sent with its own stored Idempotency-Key, so a resend after a lost answer, a
// crash or a server restart never creates anything twice. GUI thread only.

#include "store/outbox.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Ankra::Api {
class ApiClient;
class ApiJob;
struct ApiError;
} // namespace Ankra::Api

namespace Ankra::Store {

class Connectivity;

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    // `connectivity` may be null (then the sender tries whenever entries are due).
    OutboxSender(Outbox *outbox,
                 Api::ApiClient *client,
                 Connectivity *connectivity,
                 QObject *parent = nullptr);

    void setBackoff(int baseDelayMs, int maxDelayMs);
    int baseDelayMs() const { return m_baseDelayMs; }
    void start(); // sends from now on
    void stop();  // cancels a running request (the entry stays Waiting)
    bool isBusy() const { return m_job != nullptr; }
    // Looks for work now (after an enqueue, a retry, an edit).
    void kick();
    // The user-facing reason for a failure, as stored on a Failed entry.
    static QString failureReason(const OutboxEntry &entry, const Api::ApiError &error);

signals:
    void entrySent(qint64 id, const QString &ticketId);
    void entryFailed(qint64 id, const QString &reason);
    void retryScheduled(qint64 id, int delayMs);
    void idle(); // nothing can be sent now

private:
    void send(const OutboxEntry &entry);
    void onFinished(qint64 id);
    void scheduleWakeUp();
    void resumeWaiting();

    Outbox *m_outbox;
    Api::ApiClient *m_client;
    QPointer<Connectivity> m_connectivity;
    QPointer<Api::ApiJob> m_job;
    QTimer m_timer;
    int m_baseDelayMs = 1'000;
    int m_maxDelayMs = 60'000;
    bool m_running = false;
    bool m_kickQueued = false;
};

} // namespace Ankra::Store

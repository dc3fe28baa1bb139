#pragma once

// The outbox: write actions (create a ticket, comment, upload, close) that could not be sent yet,
// kept in their own SQLite file until the server has them. No network here: OutboxSender sends.
//
// Contract:
// - enqueue*() returns only once the entry is durable (WAL, synchronous=FULL, one transaction):
//   an entry that was returned survives a crash or kill -9 right after. Each entry gets its
//   Idempotency-Key here, once; every resend uses it, so the server acts at most once.
// - Files to upload are copied into the outbox's own storage (next to the database) before the
//   entry exists; the original may change or vanish afterwards.
// - A ticket created through the outbox has a local id (localTicketId(), "outbox:<entry>") until
//   it is sent. Comments, uploads and closes may target that local id; once the ticket exists
//   they are re-targeted to the real id (setSent()).
// - Order: entries are sent in the order they were queued; a failed entry stops the later
//   entries of the same ticket, not those of other tickets (nextSendable()).
// - Entries left Sending by a crash are Waiting again after open(): the resend is safe.
// Thread: one thread per Outbox object; several processes may open the same file (SQLite locks).

#include "api/jobs.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>

#include <optional>

namespace Ankra::Store {

struct OutboxEntry
{
    enum class Kind { CreateTicket, Comment, Upload, Close };
    enum class State { Waiting, Sending, Sent, Failed };

    qint64 id = 0; // also the send order
    Kind kind = Kind::Comment;
    State state = State::Waiting;
    QString ticketId; // target: a real id or a local id ("outbox:<n>"); empty for a create
    QString subject;  // shown in the outbox view (the ticket's subject, when known)
    QByteArray idempotencyKey;
    QJsonObject request; // create: the CreateTicketRequest as JSON; comment: {"body": …}
    QString filePath;    // upload: the outbox's own copy
    QString fileName;    // upload: the original base name
    qint64 fileSize = 0;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt; // backoff: not before this (invalid: at once)
    QString error;           // why it failed (translated; the server's reason when it gave one)
    int httpStatus = 0;
    bool conflict = false;  // the server refused because the ticket changed (409): user decides
    QString resultTicketId; // create: the real ticket id once sent

    bool isPending() const { return state == State::Waiting || state == State::Sending; }
};

class Outbox : public QObject
{
    Q_OBJECT
public:
    // `databasePath` empty: outbox.sqlite in QStandardPaths::AppDataLocation. Attachment copies
    // go into "<database base name>-files/" next to it.
    explicit Outbox(const QString &databasePath = {}, QObject *parent = nullptr);
    ~Outbox() override;

    bool open(QString *error = nullptr);
    bool isOpen() const;
    QString databasePath() const { return m_path; }
    QString filesDirectory() const;

    static QString localTicketId(qint64 createEntryId);
    static bool isLocalTicketId(const QString &ticketId);

    // Each returns the new entry's id, or 0 with `error` set (nothing queued then).
    // Uploads in `attachmentPaths` are queued right behind the create, targeting its local id.
    // `idempotencyKey`: the key of an attempt that already went out and failed (it may have
    // reached the server), so the queued resend cannot act twice; empty: a new key.
    qint64 enqueueCreateTicket(const Api::CreateTicketRequest &request,
                               const QStringList &attachmentPaths = {},
                               QString *error = nullptr,
                               const QByteArray &idempotencyKey = {});
    qint64 enqueueComment(const QString &ticketId,
                          const QString &markdown,
                          const QString &subject = {},
                          QString *error = nullptr,
                          const QByteArray &idempotencyKey = {});
    qint64 enqueueUpload(const QString &ticketId,
                         const QString &filePath,
                         const QString &subject = {},
                         QString *error = nullptr,
                         const QByteArray &idempotencyKey = {});
    qint64 enqueueClose(const QString &ticketId,
                        const QString &subject = {},
                        QString *error = nullptr,
                        const QByteArray &idempotencyKey = {});

    QList<OutboxEntry> entries() const; // in send order, sent ones included
    std::optional<OutboxEntry> entry(qint64 id) const;
    int pendingCount() const; // Waiting, Sending or Failed
    // The first Waiting entry that may be sent at `now`: not behind an unsent or failed entry of
    // the same ticket, backoff passed. Nothing when all are done, failed or blocked.
    std::optional<OutboxEntry> nextSendable(const QDateTime &now) const;
    // The earliest nextAttemptAt among Waiting entries (invalid: none waits for a backoff).
    QDateTime nextWakeUp() const;

    // --- user actions (Outbox view)
    bool retry(qint64 id);                                // Failed -> Waiting, now
    bool cancel(qint64 id);                               // removes a not-yet-sent entry
    bool editComment(qint64 id, const QString &markdown); // Waiting/Failed only
    bool editTicket(qint64 id, const Api::CreateTicketRequest &request); // Waiting/Failed only
    bool setAcknowledged(qint64 id, bool acknowledged); // create: file although flagged
    int removeSent();                                   // forgets the sent entries

    // --- used by OutboxSender
    bool setSending(qint64 id);
    bool setSent(qint64 id, const QString &resultTicketId = {});
    bool setFailed(qint64 id, const QString &error, int httpStatus, bool conflict);
    bool setBackoff(qint64 id, const QDateTime &nextAttemptAt, const QString &error);

    static Api::CreateTicketRequest createRequestFromJson(const QJsonObject &o);

signals:
    void entryAdded(qint64 id);
    void entryChanged(qint64 id);
    void entryRemoved(qint64 id);
    // A ticket queued offline now exists on the server.
    void ticketCreated(const QString &localTicketId, const QString &ticketId);
    void pendingCountChanged(int count);

private:
    qint64 insert(OutboxEntry entry, QString *error);
    bool update(const OutboxEntry &entry);
    QString copyIntoStorage(const QString &sourcePath, const QByteArray &key, QString *error);
    void removeCopy(const OutboxEntry &entry);
    void emitCount();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_lastCount = -1;
};

} // namespace Ankra::Store

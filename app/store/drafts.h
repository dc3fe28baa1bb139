#pragma once

// Drafts of new tickets and of replies, kept in SQLite (drafts.sqlite in the given directory,
// normally the app data dir) so they survive a crash or restart exactly as left. Each draft
// also owns a folder of copied attachments (draft-files/<id>/): deleting or changing the
// original file does not change the draft.
//
// Contract:
// - Crash safety: WAL, synchronous=FULL, one transaction per save(): after a kill at any
//   moment the database holds the last completed save and passes integrity_check.
// - Several DraftStore objects (threads, processes) may use the same directory; each has its
//   own connection. A DraftStore is used from the thread that created it.
// - save() removes copied files the draft no longer lists; remove() deletes the folder.
// - Drafts are scoped by `account` (server + organisation): a list never mixes accounts.
// - Failures never throw: they return false/empty and set errorString().

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Ankra::Store {

struct DraftAttachment
{
    QString fileName;
    QString path; // the copy inside the draft's folder
    qint64 sizeBytes = 0;
    QByteArray idempotencyKey; // the upload's key, kept across restarts
    friend bool operator==(const DraftAttachment &, const DraftAttachment &) = default;
};

struct Draft
{
    enum class Kind { Ticket, Reply };

    QString id; // empty until first saved
    Kind kind = Kind::Ticket;
    QString account;
    QString ticketId;    // Reply: the ticket answered
    QString ticketTitle; // Reply: shown in the list
    QString subject;
    QString body; // the description, or the reply text
    // The wizard's answers: category, severity, cluster {id,name,kubernetes_version},
    // answers {question: answer}, acknowledged.
    QJsonObject fields;
    QList<DraftAttachment> attachments;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Nothing the user would miss: such a draft is not kept.
    bool isEmpty() const;
    // One line for lists: the subject, or the start of the text.
    QString title() const;
};

class DraftStore : public QObject
{
    Q_OBJECT
public:
    explicit DraftStore(const QString &directory, QObject *parent = nullptr);
    ~DraftStore() override;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString directory() const { return m_directory; }
    QString databasePath() const;

    QList<Draft> drafts(const QString &account) const; // most recently changed first
    std::optional<Draft> draft(const QString &id) const;
    std::optional<Draft> replyDraft(const QString &account, const QString &ticketId) const;
    int count(const QString &account) const;

    // Inserts or updates; gives a new draft its id and timestamps. Emits changed().
    bool save(Draft &draft);
    bool remove(const QString &id);

    // A fresh id for a draft that needs a folder before its first save.
    static QString newId();
    QString filesDirectory(const QString &draftId) const;
    // Copies sourcePath into the draft's folder (a unique name there) and returns the copy's
    // path; a path already inside the folder is returned as it is. Empty on failure.
    QString keepFile(const QString &draftId, const QString &sourcePath, QString *error = nullptr);

    // "ok" when the database is sound (PRAGMA integrity_check).
    QString integrityCheck() const;

signals:
    void changed(const QString &draftId);

private:
    bool exec(const QString &sql);
    void removeUnlistedFiles(const Draft &draft) const;
    void removeOrphanFolders() const;

    QString m_directory;
    QString m_connection;
    bool m_open = false;
    mutable QString m_error;
};

} // namespace Ankra::Store

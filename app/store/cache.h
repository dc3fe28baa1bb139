#pragma once

// The local read cache of one account: tickets (list summaries and the details the user opened)
// and downloaded attachments, kept in a SQLite file (cache.sqlite) so that the list and the
// tickets the user has seen show at once at start and while the server cannot be reached.
//
// Contract:
// - One instance is bound to one account (accountKey(): server URL, organisation and the
//   signed-in principal). Every row carries that key and every query filters on it: tickets of
//   two accounts never mix, even though they share the file.
// - Subject and description are indexed with FTS5 (porter stemming, like the server's `q`), so
//   search and status/cluster filters run over the cache offline (tickets()).
// - An older copy never replaces a newer one (updated_at), as in TicketController.
// - Attachments live below <directory>/attachments/<accountKey>/; their total size over all
//   accounts is capped (setMaxAttachmentBytes()), least recently used evicted first. The number
//   of tickets per account is capped the same way (setMaxTickets()).
// - It is a cache: a file that cannot be opened or is corrupt is deleted and created anew.
// GUI thread only (one QtSql connection per instance, with a unique name). Never blocks on the
// network; every call is a short local SQLite transaction.

#include "api/jobs.h"
#include "wire/types.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QSqlQuery;

namespace Ankra::Triage {
class CandidateSource;
struct Candidate;
} // namespace Ankra::Triage

namespace Ankra::Store {

class TicketCache : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxAttachmentBytes = qint64(256) * 1024 * 1024;
    static constexpr int DefaultMaxTickets = 5000;
    static constexpr int DefaultListLimit = 1000;

    // `directory` holds cache.sqlite and attachments/ (created when missing).
    TicketCache(const QString &directory, const QString &accountKey, QObject *parent = nullptr);
    ~TicketCache() override;

    // QStandardPaths::CacheLocation (AppDataLocation when that is empty).
    static QString defaultDirectory();
    // A stable, opaque key for one account. `principal` names who is signed in (the account
    // name; for a token given only in the environment a hash of it): never the token itself.
    static QString accountKey(const QUrl &serverUrl,
                              const QString &organisationId,
                              const QString &principal);
    // The principal of a session whose token came from the environment (no account name): a
    // one-way hash of the token, so two tokens never share a cache and the token is not stored.
    static QString tokenPrincipal(const QString &token);

    bool open(QString *error = nullptr);
    bool isOpen() const { return m_open; }
    QString directory() const { return m_directory; }
    QString databasePath() const;
    QString key() const { return m_account; }

    // --- tickets
    bool storeSummaries(const QList<Wire::TicketSummary> &tickets);
    bool storeTicket(const Wire::Ticket &ticket); // a detail: description, comments, attachments
    // Stores a list page the server answered for `query` and, for queries without search text,
    // forgets the cached tickets the page proves gone from that range of the list (deleted, or
    // updated since: they come back with their next appearance).
    bool storePage(const Api::TicketQuery &query, const Wire::TicketPage &page);
    std::optional<Wire::Ticket> ticket(const QString &ticketId); // detail only
    // The cached tickets matching `query` (statuses, cluster, search over subject and
    // description), most recently updated first; at most `limit`. `total` gets the match count.
    QList<Wire::TicketSummary> tickets(const Api::TicketQuery &query,
                                       int limit = DefaultListLimit,
                                       qint64 *total = nullptr);
    qint64 ticketCount();
    // The FTS5 expression tickets() uses for a search text (every word as a prefix).
    static QString searchExpression(const QString &text);
    void setMaxTickets(int count) { m_maxTickets = count; }

    // --- duplicate candidates for the offline pre-check (Triage::ReviewEngine)
    Triage::CandidateSource *candidateSource();
    QList<Triage::Candidate> candidates(const QString &matchQuery, int limit);
    // Subject and description of every cached ticket of the account (term statistics).
    QStringList searchableTexts();

    // --- attachments
    // Where the attachment is (or would be) kept. Empty when the cache is not open.
    QString attachmentPath(const QString &attachmentId, const QString &fileName) const;
    // The kept file when it is there with the expected size (marks it used), else empty.
    QString cachedAttachment(const QString &attachmentId, const QString &fileName, qint64 size);
    // Registers a file written to attachmentPath() and evicts others above the cap.
    bool addAttachment(const QString &ticketId,
                       const QString &attachmentId,
                       const QString &fileName);
    qint64 attachmentBytes(); // all accounts: what the cap applies to
    void setMaxAttachmentBytes(qint64 bytes);
    qint64 maxAttachmentBytes() const { return m_maxAttachmentBytes; }

    // Removes this account's tickets and attachments. Returns false when the database refused.
    bool clear();
    // Bumped by every change; lets readers (the candidate source) drop derived data.
    quint64 generation() const { return m_generation; }

signals:
    void changed();
    void cleared();

private:
    bool openDatabase(QString *error);
    bool upsert(QSqlQuery &q, const Wire::TicketSummary &summary, const Wire::Ticket *detail);
    void evictTickets();
    void evictAttachments();
    void touched();

    QString m_directory;
    QString m_account;
    QString m_connection;
    bool m_open = false;
    qint64 m_maxAttachmentBytes = DefaultMaxAttachmentBytes;
    int m_maxTickets = DefaultMaxTickets;
    quint64 m_generation = 0;
    qint64 m_tick = 0; // the LRU clock: used_at of the latest use
    std::unique_ptr<Triage::CandidateSource> m_candidates;
};

} // namespace Ankra::Store

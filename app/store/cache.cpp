#include "store/cache.h"

#include "store/cachecandidates.h"
#include "triage/reviewengine.h"
#include "wire/json.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace Ankra::Store {

namespace {

QAtomicInteger<quint64> connectionCounter;

constexpr int SchemaVersion = 1;

const char *const Schema[] = {
    "CREATE TABLE IF NOT EXISTS tickets ("
    " rowid INTEGER PRIMARY KEY,"
    " account TEXT NOT NULL,"
    " id TEXT NOT NULL,"
    " subject TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL DEFAULT '',"
    " status TEXT NOT NULL DEFAULT '',"
    " cluster_id TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL DEFAULT '',"
    " summary TEXT NOT NULL,"
    " detail TEXT,"
    " used_at INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE (account, id))",
    "CREATE INDEX IF NOT EXISTS tickets_by_update ON tickets (account, updated_at DESC, id)",
    "CREATE INDEX IF NOT EXISTS tickets_by_use ON tickets (account, used_at)",
    // Same tokenizer as the server's tickets_fts, so a search finds offline what it finds online.
    "CREATE VIRTUAL TABLE IF NOT EXISTS tickets_fts USING fts5(subject, description,"
    " content='tickets', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS tickets_fts_insert AFTER INSERT ON tickets BEGIN"
    " INSERT INTO tickets_fts(rowid, subject, description)"
    " VALUES (new.rowid, new.subject, new.description); END",
    "CREATE TRIGGER IF NOT EXISTS tickets_fts_delete AFTER DELETE ON tickets BEGIN"
    " INSERT INTO tickets_fts(tickets_fts, rowid, subject, description)"
    " VALUES ('delete', old.rowid, old.subject, old.description); END",
    "CREATE TRIGGER IF NOT EXISTS tickets_fts_update AFTER UPDATE OF subject, description ON "
    "tickets BEGIN"
    " INSERT INTO tickets_fts(tickets_fts, rowid, subject, description)"
    " VALUES ('delete', old.rowid, old.subject, old.description);"
    " INSERT INTO tickets_fts(rowid, subject, description)"
    " VALUES (new.rowid, new.subject, new.description); END",
    "CREATE TABLE IF NOT EXISTS attachments ("
    " account TEXT NOT NULL,"
    " id TEXT NOT NULL,"
    " ticket_id TEXT NOT NULL DEFAULT '',"
    " path TEXT NOT NULL,"
    " size INTEGER NOT NULL,"
    " used_at INTEGER NOT NULL,"
    " PRIMARY KEY (account, id))",
};

QString safeComponent(const QString &text)
{
    QString safe = text;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return safe.isEmpty() ? QStringLiteral("_") : safe;
}

// QtSql binds a null QString as NULL: the NOT NULL text columns get an empty one instead.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

template<typename T, typename Parse>
std::optional<T> fromJson(const QString &text, Parse parse)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    if (object.isEmpty())
        return std::nullopt;
    auto parsed = parse(object);
    if (Wire::isError(parsed))
        return std::nullopt;
    return std::get<T>(std::move(parsed));
}

} // namespace

TicketCache::TicketCache(const QString &directory, const QString &accountKey, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_account(accountKey)
    , m_connection(QStringLiteral("ankra-ticket-cache-%1").arg(++connectionCounter))
{}

TicketCache::~TicketCache()
{
    m_candidates.reset();
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString TicketCache::defaultDirectory()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir;
}

QString TicketCache::accountKey(const QUrl &serverUrl,
                                const QString &organisationId,
                                const QString &principal)
{
    QString server = serverUrl.adjusted(QUrl::NormalizePathSegments).toString().toLower();
    while (server.endsWith(u'/'))
        server.chop(1);
    const QByteArray material = (server + u'\n' + organisationId + u'\n' + principal).toUtf8();
    return QString::fromLatin1(
        QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex().left(32));
}

QString TicketCache::tokenPrincipal(const QString &token)
{
    return QStringLiteral("token:")
           + QString::fromLatin1(
               QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QString TicketCache::databasePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("cache.sqlite"));
}

bool TicketCache::open(QString *error)
{
    if (m_open)
        return true;
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = tr("The cache folder %1 cannot be created.").arg(m_directory);
        return false;
    }
    QString why;
    if (openDatabase(&why)) {
        m_open = true;
        return true;
    }
    // A cache holds nothing that is not on the server: start over rather than fail. Not when
    // another process holds it, though (busy, locked): that is no reason to delete it.
    if (why.contains(QLatin1String("locked"), Qt::CaseInsensitive)) {
        if (error)
            *error = why;
        return false;
    }
    qWarning("ankra cache: %s; starting with an empty cache", qUtf8Printable(why));
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(databasePath() + QLatin1String(suffix));
    if (openDatabase(&why)) {
        m_open = true;
        return true;
    }
    if (error)
        *error = why;
    return false;
}

bool TicketCache::openDatabase(QString *error)
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version != 0 && version != SchemaVersion) {
        *error = QStringLiteral("unknown cache schema %1").arg(version);
        return false;
    }
    const QStringList setup = {QStringLiteral("PRAGMA journal_mode=WAL"),
                               QStringLiteral("PRAGMA synchronous=NORMAL")};
    for (const QString &s : setup)
        q.exec(s); // best effort: a cache stays correct without them
    for (const char *s : Schema) {
        if (!q.exec(QString::fromLatin1(s))) {
            *error = q.lastError().text();
            return false;
        }
    }
    q.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion));
    // A quick probe of the FTS index: a corrupt file often opens but fails here.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH 'x'"))) {
        *error = q.lastError().text();
        return false;
    }
    q.finish();
    if (q.exec(QStringLiteral("SELECT max(m) FROM (SELECT max(used_at) AS m FROM tickets UNION "
                              "ALL SELECT max(used_at) FROM attachments)"))
        && q.next())
        m_tick = q.value(0).toLongLong();
    return true;
}

void TicketCache::touched()
{
    ++m_generation;
    emit changed();
}

namespace {

// Prepared once per batch: QSqlQuery re-preparing per row costs more than the insert.
void prepareUpsert(QSqlQuery &q)
{
    q.prepare(QStringLiteral(
        "INSERT INTO tickets (account, id, subject, description, status, cluster_id, updated_at, "
        "summary, detail, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (account, id) DO UPDATE SET subject = excluded.subject, "
        "description = CASE WHEN excluded.detail IS NULL THEN tickets.description "
        "ELSE excluded.description END, status = excluded.status, "
        "cluster_id = excluded.cluster_id, updated_at = excluded.updated_at, "
        "summary = excluded.summary, detail = COALESCE(excluded.detail, tickets.detail), "
        "used_at = excluded.used_at WHERE excluded.updated_at >= tickets.updated_at "
        // Unchanged (the usual poll): no rewrite, so no FTS re-index.
        "AND (excluded.detail IS NOT NULL OR excluded.summary IS NOT tickets.summary)"));
}

} // namespace

bool TicketCache::upsert(QSqlQuery &q,
                         const Wire::TicketSummary &summary,
                         const Wire::Ticket *detail)
{
    q.addBindValue(m_account);
    q.addBindValue(text(summary.id));
    q.addBindValue(text(summary.subject));
    q.addBindValue(text(detail ? detail->description : QString()));
    q.addBindValue(text(summary.status));
    q.addBindValue(text(summary.clusterId));
    q.addBindValue(Wire::formatTimestamp(summary.updatedAt));
    q.addBindValue(compactJson(Wire::toJson(summary)));
    q.addBindValue(detail ? QVariant(compactJson(Wire::toJson(*detail)))
                          : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(m_tick);
    if (!q.exec()) {
        qWarning("ankra cache: %s", qUtf8Printable(q.lastError().text()));
        return false;
    }
    return true;
}

bool TicketCache::storeSummaries(const QList<Wire::TicketSummary> &tickets)
{
    if (!m_open || tickets.isEmpty())
        return m_open;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    bool ok = true;
    ++m_tick;
    QSqlQuery q(db);
    prepareUpsert(q);
    for (const Wire::TicketSummary &t : tickets)
        ok = upsert(q, t, nullptr) && ok;
    // Unchanged rows were not rewritten: they were still seen just now (LRU).
    QSqlQuery use(db);
    use.prepare(QStringLiteral("UPDATE tickets SET used_at = ? WHERE account = ? AND id IN (")
                + QStringList(tickets.size(), QStringLiteral("?")).join(u',') + u')');
    use.addBindValue(m_tick);
    use.addBindValue(m_account);
    for (const Wire::TicketSummary &t : tickets)
        use.addBindValue(t.id);
    ok = use.exec() && ok;
    ok = db.commit() && ok;
    evictTickets();
    touched();
    return ok;
}

bool TicketCache::storeTicket(const Wire::Ticket &ticket)
{
    if (!m_open || ticket.id.isEmpty())
        return false;
    ++m_tick;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    prepareUpsert(q);
    const bool ok = upsert(q, ticket.summary(), &ticket);
    evictTickets();
    touched();
    return ok;
}

bool TicketCache::storePage(const Api::TicketQuery &query, const Wire::TicketPage &page)
{
    if (!m_open)
        return false;
    bool ok = page.result.isEmpty() || storeSummaries(page.result);
    if (!query.search.trimmed().isEmpty() || page.pagination.page < 1)
        return ok;
    // The list is ordered by updated_at (descending): a cached ticket of the same filter whose
    // updated_at lies strictly inside this page's range, but which the page lacks, is gone.
    const bool first = page.pagination.page == 1;
    const bool last = page.pagination.page >= page.pagination.totalPages;
    if (page.result.isEmpty() && !(first && last))
        return ok; // past the end: proves nothing
    QString where = QStringLiteral("account = ?");
    QVariantList binds{m_account};
    if (!query.statuses.isEmpty()) {
        where += QStringLiteral(" AND status IN (")
                 + QStringList(query.statuses.size(), QStringLiteral("?")).join(u',') + u')';
        for (const QString &st : query.statuses)
            binds.append(st);
    }
    if (!query.clusterId.isEmpty()) {
        where += QStringLiteral(" AND cluster_id = ?");
        binds.append(query.clusterId);
    }
    if (!first) {
        where += QStringLiteral(" AND updated_at < ?");
        binds.append(Wire::formatTimestamp(page.result.first().updatedAt));
    }
    if (!last) {
        where += QStringLiteral(" AND updated_at > ?");
        binds.append(Wire::formatTimestamp(page.result.last().updatedAt));
    }
    if (!page.result.isEmpty()) {
        where += QStringLiteral(" AND id NOT IN (")
                 + QStringList(page.result.size(), QStringLiteral("?")).join(u',') + u')';
        for (const Wire::TicketSummary &t : page.result)
            binds.append(t.id);
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM tickets WHERE ") + where);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    ok = q.exec() && ok;
    if (q.numRowsAffected() > 0)
        touched();
    return ok;
}

std::optional<Wire::Ticket> TicketCache::ticket(const QString &ticketId)
{
    if (!m_open)
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT detail, summary FROM tickets WHERE account = ? AND id = ? AND detail IS NOT NULL"));
    q.addBindValue(m_account);
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    std::optional<Wire::Ticket> detail = fromJson<Wire::Ticket>(q.value(0).toString(),
                                                                Wire::parseTicket);
    const std::optional<Wire::TicketSummary> summary
        = fromJson<Wire::TicketSummary>(q.value(1).toString(), Wire::parseTicketSummary);
    q.finish();
    if (!detail)
        return std::nullopt;
    // A list page seen after the detail knows the newer status: show that.
    if (summary && summary->updatedAt > detail->updatedAt) {
        detail->subject = summary->subject;
        detail->status = summary->status;
        detail->severity = summary->severity;
        detail->category = summary->category;
        detail->clusterName = summary->clusterName;
        detail->trackedByTeam = summary->trackedByTeam;
        detail->updatedAt = summary->updatedAt;
    }
    q.prepare(QStringLiteral("UPDATE tickets SET used_at = ? WHERE account = ? AND id = ?"));
    q.addBindValue(++m_tick);
    q.addBindValue(m_account);
    q.addBindValue(ticketId);
    q.exec();
    return detail;
}

QString TicketCache::searchExpression(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}_]+"));
    QStringList terms;
    auto it = word.globalMatch(text);
    while (it.hasNext() && terms.size() < 16)
        terms.append(u'"' + it.next().captured(0) + QStringLiteral("\"*"));
    return terms.join(u' ');
}

QList<Wire::TicketSummary> TicketCache::tickets(const Api::TicketQuery &query,
                                                int limit,
                                                qint64 *total)
{
    QList<Wire::TicketSummary> out;
    if (total)
        *total = 0;
    if (!m_open)
        return out;
    QString where = QStringLiteral("t.account = ?");
    QVariantList binds{m_account};
    if (!query.statuses.isEmpty()) {
        where += QStringLiteral(" AND t.status IN (")
                 + QStringList(query.statuses.size(), QStringLiteral("?")).join(u',') + u')';
        for (const QString &s : query.statuses)
            binds.append(s);
    }
    if (!query.clusterId.isEmpty()) {
        where += QStringLiteral(" AND t.cluster_id = ?");
        binds.append(query.clusterId);
    }
    if (!query.search.trimmed().isEmpty()) {
        const QString fts = searchExpression(query.search);
        if (fts.isEmpty())
            return out; // only punctuation: the server finds nothing either
        where += QStringLiteral(
            " AND t.rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)");
        binds.append(fts);
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (total) {
        q.prepare(QStringLiteral("SELECT count(*) FROM tickets t WHERE ") + where);
        for (const QVariant &b : std::as_const(binds))
            q.addBindValue(b);
        if (q.exec() && q.next())
            *total = q.value(0).toLongLong();
        q.finish();
    }
    q.prepare(QStringLiteral("SELECT t.summary FROM tickets t WHERE ") + where
              + QStringLiteral(" ORDER BY t.updated_at DESC, t.id LIMIT ?"));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        if (auto s = fromJson<Wire::TicketSummary>(q.value(0).toString(), Wire::parseTicketSummary))
            out.append(*s);
    }
    return out;
}

qint64 TicketCache::ticketCount()
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM tickets WHERE account = ?"));
    q.addBindValue(m_account);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void TicketCache::evictTickets()
{
    if (ticketCount() <= m_maxTickets)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM tickets WHERE rowid IN (SELECT rowid FROM tickets "
                             "WHERE account = ? ORDER BY used_at DESC, rowid DESC "
                             "LIMIT -1 OFFSET ?)"));
    q.addBindValue(m_account);
    q.addBindValue(qMax(0, m_maxTickets));
    q.exec();
}

Triage::CandidateSource *TicketCache::candidateSource()
{
    if (!m_candidates)
        m_candidates = std::make_unique<CacheCandidateSource>(this);
    return m_candidates.get();
}

QList<Triage::Candidate> TicketCache::candidates(const QString &matchQuery, int limit)
{
    QList<Triage::Candidate> out;
    if (!m_open || matchQuery.trimmed().isEmpty() || limit <= 0)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    // Subject terms say more about the problem than the description's: 2:1, as on the server.
    q.prepare(QStringLiteral(
        "SELECT t.id, t.subject, t.description, t.status, t.cluster_id, t.updated_at, "
        "bm25(tickets_fts, 2.0, 1.0) AS score FROM tickets_fts "
        "JOIN tickets t ON t.rowid = tickets_fts.rowid "
        "WHERE tickets_fts MATCH ? AND t.account = ? ORDER BY score, t.id LIMIT ?"));
    q.addBindValue(matchQuery);
    q.addBindValue(m_account);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        Triage::Candidate c;
        c.id = q.value(0).toString();
        c.subject = q.value(1).toString();
        c.description = q.value(2).toString();
        c.status = q.value(3).toString();
        c.clusterId = q.value(4).toString();
        c.updatedAt = Wire::parseTimestamp(q.value(5).toString());
        c.bm25 = q.value(6).toDouble();
        out.append(c);
    }
    return out;
}

QStringList TicketCache::searchableTexts()
{
    QStringList out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT subject, description FROM tickets WHERE account = ?"));
    q.addBindValue(m_account);
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString() + u'\n' + q.value(1).toString());
    }
    return out;
}

QString TicketCache::attachmentPath(const QString &attachmentId, const QString &fileName) const
{
    if (m_directory.isEmpty())
        return {};
    // The id comes from the server: keep only what is safe as a directory name. The file name
    // is kept (its last component) because the preview picks the syntax by name.
    QString name = QFileInfo(fileName).fileName();
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(QStringLiteral("attachment"));
    return QDir(m_directory)
        .filePath(QStringLiteral("attachments/%1/%2/%3")
                      .arg(safeComponent(m_account), safeComponent(attachmentId), name));
}

QString TicketCache::cachedAttachment(const QString &attachmentId,
                                      const QString &fileName,
                                      qint64 size)
{
    if (!m_open)
        return {};
    const QString path = attachmentPath(attachmentId, fileName);
    const QFileInfo info(path);
    if (!info.isFile() || info.size() != size)
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE attachments SET used_at = ? WHERE account = ? AND id = ?"));
    q.addBindValue(++m_tick);
    q.addBindValue(m_account);
    q.addBindValue(attachmentId);
    if (!q.exec() || q.numRowsAffected() == 0)
        return {}; // not ours (left by an older version, or evicted meanwhile): fetch again
    return path;
}

bool TicketCache::addAttachment(const QString &ticketId,
                                const QString &attachmentId,
                                const QString &fileName)
{
    if (!m_open)
        return false;
    const QString path = attachmentPath(attachmentId, fileName);
    const QFileInfo info(path);
    if (!info.isFile())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO attachments (account, id, ticket_id, path, "
                             "size, used_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m_account);
    q.addBindValue(attachmentId);
    q.addBindValue(text(ticketId));
    q.addBindValue(path);
    q.addBindValue(info.size());
    q.addBindValue(++m_tick);
    const bool ok = q.exec();
    evictAttachments();
    touched();
    return ok;
}

qint64 TicketCache::attachmentBytes()
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM attachments")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

void TicketCache::setMaxAttachmentBytes(qint64 bytes)
{
    m_maxAttachmentBytes = bytes;
    if (m_open)
        evictAttachments();
}

void TicketCache::evictAttachments()
{
    qint64 total = attachmentBytes();
    if (total <= m_maxAttachmentBytes)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // Least recently used first, over all accounts (the cap is about the disk); the most
    // recent file stays even when it alone is over the cap: it is being shown.
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT account, id, path, size FROM attachments "
                               "ORDER BY used_at, rowid")))
        return;
    struct Victim
    {
        QString account, id, path;
        qint64 size;
    };
    QList<Victim> all;
    while (q.next())
        all.append({q.value(0).toString(),
                    q.value(1).toString(),
                    q.value(2).toString(),
                    q.value(3).toLongLong()});
    q.finish();
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM attachments WHERE account = ? AND id = ?"));
    for (qsizetype i = 0; i + 1 < all.size() && total > m_maxAttachmentBytes; ++i) {
        const Victim &v = all.at(i);
        QFile::remove(v.path);
        QDir().rmdir(QFileInfo(v.path).absolutePath()); // the per-attachment folder, if empty
        del.addBindValue(v.account);
        del.addBindValue(v.id);
        del.exec();
        total -= v.size;
    }
}

bool TicketCache::clear()
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    bool ok = db.transaction();
    for (const QString &table : {QStringLiteral("tickets"), QStringLiteral("attachments")}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE account = ?").arg(table));
        q.addBindValue(m_account);
        ok = q.exec() && ok;
    }
    ok = db.commit() && ok;
    QDir(QDir(m_directory).filePath(QStringLiteral("attachments/") + safeComponent(m_account)))
        .removeRecursively();
    // Give the space back: the user asked for it.
    q.exec(QStringLiteral("INSERT INTO tickets_fts(tickets_fts) VALUES ('optimize')"));
    q.exec(QStringLiteral("VACUUM"));
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    touched();
    emit cleared();
    return ok;
}

} // namespace Ankra::Store

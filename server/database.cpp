#include "database.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <memory>
#include <mutex>

namespace Ankra::Server {

namespace {

// Schema migrations: index i takes the database from version i to i+1. Never edit a
// released step; append a new one.
const char *const Migrations[] = {
    // 1: organisations, users, tokens, clusters, tickets, comments, attachments, reviews,
    //    idempotency records, FTS5 over subject + description.
    R"SQL(
CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    next_ticket_number INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    is_team INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    is_default INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, organisation_id)
);
CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lookup TEXT NOT NULL UNIQUE,
    salt BLOB NOT NULL,
    hash BLOB NOT NULL,
    created_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kubernetes_version TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    ticket_number INTEGER NOT NULL,
    source TEXT NOT NULL,
    category TEXT NOT NULL,
    subject TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT,
    ai_review_status TEXT NOT NULL,
    ai_summary TEXT,
    cluster_id TEXT REFERENCES clusters(id) ON DELETE SET NULL,
    is_tracked_by_team INTEGER NOT NULL DEFAULT 0,
    environment TEXT,
    assignee TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (organisation_id, ticket_number)
);
CREATE INDEX tickets_org_updated ON tickets (organisation_id, updated_at DESC, id);
CREATE INDEX tickets_org_status ON tickets (organisation_id, status);
CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    author_type TEXT NOT NULL,
    author_label TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX comments_ticket ON comments (ticket_id, created_at);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_ticket ON attachments (ticket_id, created_at);
CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    request TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE idempotency (
    organisation_id TEXT NOT NULL,
    key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, key)
);
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    subject, description, content='tickets', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts(rowid, subject, description)
    VALUES (new.rowid, new.subject, new.description);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts(tickets_fts, rowid, subject, description)
    VALUES ('delete', old.rowid, old.subject, old.description);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, description ON tickets BEGIN
    INSERT INTO tickets_fts(tickets_fts, rowid, subject, description)
    VALUES ('delete', old.rowid, old.subject, old.description);
    INSERT INTO tickets_fts(rowid, subject, description)
    VALUES (new.rowid, new.subject, new.description);
END;
)SQL",
    // 2: change generations, bumped by triggers on every write that can change a cached answer
    //    (ticket lists, authenticated principals), also by other processes (import, token).
    R"SQL(
CREATE TABLE change_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tickets INTEGER NOT NULL DEFAULT 0,
    auth INTEGER NOT NULL DEFAULT 0
);
INSERT INTO change_generation (id) VALUES (1);
CREATE TRIGGER gen_tickets_insert AFTER INSERT ON tickets BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_tickets_update AFTER UPDATE ON tickets BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_tickets_delete AFTER DELETE ON tickets BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_clusters_insert AFTER INSERT ON clusters BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_clusters_update AFTER UPDATE ON clusters BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_clusters_delete AFTER DELETE ON clusters BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_tokens_update AFTER UPDATE ON tokens BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
CREATE TRIGGER gen_tokens_delete AFTER DELETE ON tokens BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
CREATE TRIGGER gen_users_update AFTER UPDATE ON users BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
CREATE TRIGGER gen_users_delete AFTER DELETE ON users BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
CREATE TRIGGER gen_memberships_insert AFTER INSERT ON memberships BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
CREATE TRIGGER gen_memberships_update AFTER UPDATE ON memberships BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
CREATE TRIGGER gen_memberships_delete AFTER DELETE ON memberships BEGIN
    UPDATE change_generation SET auth = auth + 1;
END;
)SQL",
    // 3: tickets_fts with porter stemming (duplicate search matches "renewed" to "renew"),
    //    rebuilt from the tickets table.
    R"SQL(
DROP TRIGGER tickets_fts_insert;
DROP TRIGGER tickets_fts_delete;
DROP TRIGGER tickets_fts_update;
DROP TABLE tickets_fts;
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    subject, description, content='tickets', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild');
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts(rowid, subject, description)
    VALUES (new.rowid, new.subject, new.description);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts(tickets_fts, rowid, subject, description)
    VALUES ('delete', old.rowid, old.subject, old.description);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, description ON tickets BEGIN
    INSERT INTO tickets_fts(tickets_fts, rowid, subject, description)
    VALUES ('delete', old.rowid, old.subject, old.description);
    INSERT INTO tickets_fts(rowid, subject, description)
    VALUES (new.rowid, new.subject, new.description);
END;
)SQL",
    // 4: staff mode (docs/api-extensions.md): the assigned team member, the cross-organisation
    //    team list order, and generations for what team list items show besides the ticket
    //    (organisation and assignee names, the latest customer comment).
    R"SQL(
ALTER TABLE tickets ADD COLUMN assignee_id TEXT REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX tickets_updated ON tickets (updated_at DESC, id);
CREATE INDEX tickets_assignee ON tickets (assignee_id);
CREATE TRIGGER gen_organisations_name AFTER UPDATE OF name ON organisations BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_users_name AFTER UPDATE OF name ON users BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_comments_insert AFTER INSERT ON comments BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
CREATE TRIGGER gen_comments_delete AFTER DELETE ON comments BEGIN
    UPDATE change_generation SET tickets = tickets + 1;
END;
)SQL",
    // 5: a customer list filtered by status (the app's "Open" view) pages on the index alone:
    //    status joins the order index. Without it every row skipped by OFFSET was looked up in
    //    the table (loading 100,000 open tickets page by page: 26 s, bench_client P6 setup).
    R"SQL(
CREATE INDEX tickets_org_updated_status ON tickets (organisation_id, updated_at DESC, id, status);
DROP INDEX tickets_org_updated;
)SQL",
};

std::atomic<int> g_instanceCounter{0};

// Per thread: the last connection handed out and a prepared generation query on it, so the
// hot path skips QSqlDatabase's global connection registry and SQL preparation.
struct ThreadConnection
{
    QString name;
    QSqlDatabase db;
    std::unique_ptr<QSqlQuery> generation;
};
thread_local ThreadConnection t_connection;

} // namespace

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

WriteTransaction::WriteTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

bool WriteTransaction::commit(QString *error)
{
    if (!m_active)
        return false;
    if (!exec(m_db, QStringLiteral("COMMIT"), error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void WriteTransaction::rollback()
{
    if (m_active)
        exec(m_db, QStringLiteral("ROLLBACK"));
    m_active = false;
}

Database::Database(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_prefix(QStringLiteral("ankra-db-%1-").arg(g_instanceCounter.fetch_add(1)))
{
    m_path = QDir(m_dataDir).filePath(QStringLiteral("support.sqlite3"));
}

Database::~Database()
{
    // Called after the worker threads are gone: drop every connection this instance made.
    releaseThreadConnection();
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (!name.startsWith(m_prefix))
            continue;
        QSqlDatabase::removeDatabase(name);
    }
}

int Database::latestSchemaVersion()
{
    return int(std::size(Migrations));
}

QString Database::attachmentsDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("attachments"));
}

QSqlDatabase Database::connection()
{
    const QString name = m_prefix
                         + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()));
    if (t_connection.name == name && t_connection.db.isOpen())
        return t_connection.db;
    QSqlDatabase db = openConnection(name);
    t_connection.generation.reset();
    t_connection.name = name;
    t_connection.db = db;
    return db;
}

Generations Database::generations()
{
    QSqlDatabase db = connection();
    if (!t_connection.generation) {
        t_connection.generation = std::make_unique<QSqlQuery>(db);
        t_connection.generation->setForwardOnly(true);
        if (!t_connection.generation->prepare(
                QStringLiteral("SELECT tickets, auth FROM change_generation WHERE id = 1"))) {
            t_connection.generation.reset();
            return {};
        }
    }
    QSqlQuery &q = *t_connection.generation;
    Generations g;
    if (q.exec() && q.next())
        g = {q.value(0).toLongLong(), q.value(1).toLongLong()};
    q.finish();
    return g;
}

void Database::releaseThreadConnection()
{
    if (t_connection.name.startsWith(m_prefix)) {
        t_connection.generation.reset();
        t_connection.db = QSqlDatabase();
        t_connection.name.clear();
    }
}

void Database::closeThreadConnection()
{
    if (!t_connection.name.startsWith(m_prefix))
        return;
    const QString name = t_connection.name;
    releaseThreadConnection();
    QSqlDatabase::removeDatabase(name);
}

QSqlDatabase Database::openConnection(const QString &name)
{
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (db.open()) {
        exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
        exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
        // Reads through a shared mapping of the file instead of a pread() copy into each
        // connection's own 2 MB cache (every worker thread has a connection): paging through
        // 100,000 tickets spent half its time copying database pages (bench_client P6 setup).
        exec(db, QStringLiteral("PRAGMA mmap_size = 268435456"));
    }
    return db;
}

bool Database::open(QString *error)
{
    if (!QDir().mkpath(attachmentsDir())) {
        *error = QStringLiteral("cannot create the data directory %1").arg(m_dataDir);
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    if (!exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), error))
        return false;
    return migrate(db, error);
}

int Database::schemaVersion()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::migrate(QSqlDatabase &db, QString *error)
{
    int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this server "
                                "(%2); upgrade ankra-support-server")
                     .arg(version)
                     .arg(latestSchemaVersion());
        return false;
    }
    while (version < latestSchemaVersion()) {
        // Each step is one transaction together with its user_version bump: a crash leaves
        // the database at the previous version, never half-migrated.
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        const QStringList statements = QString::fromUtf8(Migrations[version])
                                           .split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
        QString sql;
        bool ok = true;
        for (const QString &part : statements) {
            // Triggers contain ";\n" inside BEGIN ... END: glue them back together.
            sql += part;
            if (sql.trimmed().isEmpty()) {
                sql.clear();
                continue;
            }
            if (sql.contains(QLatin1String("BEGIN"))
                && !sql.trimmed().endsWith(QLatin1String("END"))) {
                sql += QStringLiteral(";\n");
                continue;
            }
            if (!exec(db, sql, error)) {
                ok = false;
                break;
            }
            sql.clear();
        }
        ok = ok && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1), error);
        if (!ok) {
            db.rollback();
            *error = QStringLiteral("migration to schema %1 failed: %2").arg(version + 1).arg(*error);
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
        ++version;
    }
    return true;
}

} // namespace Ankra::Server

#pragma once

// The server's SQLite database: <data-dir>/support.sqlite3 (WAL, foreign keys on), versioned
// schema migrations, and one QSqlDatabase connection per thread (Qt SQL connections are
// thread-affine; a worker thread that ends first calls closeThreadConnection()).

#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace Ankra::Server {

// Counters bumped (by triggers) on every committed write, also by other processes: a cached
// answer built at generation g is still right while the generation is g. -1 = unknown.
struct Generations
{
    qint64 tickets = -1; // tickets and clusters
    qint64 auth = -1;    // tokens, users, memberships
};

class Database
{
public:
    explicit Database(QString dataDir);
    ~Database();

    // Creates the data directory, opens the file and migrates it to the latest schema.
    // On failure returns false and sets `error`.
    bool open(QString *error);

    // This thread's connection (opened on first use).
    QSqlDatabase connection();

    // Current change generations (one prepared query on this thread's connection).
    Generations generations();

    // Closes and forgets this thread's connection: for a worker thread that is about to end
    // (a later thread may get the same QThread address, hence the same connection name).
    void closeThreadConnection();

    QString dataDir() const { return m_dataDir; }
    QString attachmentsDir() const;
    int schemaVersion();
    static int latestSchemaVersion();

private:
    bool migrate(QSqlDatabase &db, QString *error);
    QSqlDatabase openConnection(const QString &name);
    void releaseThreadConnection();

    QString m_dataDir;
    QString m_path;
    QString m_prefix; // unique per Database instance
};

// Runs `sql`; on failure returns false and fills `error` with the driver text.
bool exec(QSqlDatabase &db, const QString &sql, QString *error = nullptr);

// BEGIN IMMEDIATE ... COMMIT on this thread's connection; rolls back unless commit() succeeded.
// IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes
// fails with SQLITE_BUSY (no busy wait) when another worker committed in between.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace Ankra::Server

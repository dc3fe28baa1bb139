#pragma once

// The server's SQLite database: <data-dir>/support.sqlite3 (WAL, foreign keys on), versioned
// schema migrations, and one QSqlDatabase connection per thread (Qt SQL connections are
// thread-affine; httplib's worker threads live as long as the server).

#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace Ankra::Server {

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

    QString dataDir() const { return m_dataDir; }
    QString attachmentsDir() const;
    int schemaVersion();
    static int latestSchemaVersion();

private:
    bool migrate(QSqlDatabase &db, QString *error);

    QString m_dataDir;
    QString m_path;
    QString m_prefix; // unique per Database instance
};

// Runs `sql`; on failure returns false and fills `error` with the driver text.
bool exec(QSqlDatabase &db, const QString &sql, QString *error = nullptr);

} // namespace Ankra::Server

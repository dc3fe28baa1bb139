#include "triage/sqlitecandidateindex.h"

#include "triage/textanalysis.h"

#include <QAtomicInteger>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Ankra::Triage {

namespace {
QAtomicInteger<quint64> connectionCounter;
}

SqliteCandidateIndex::SqliteCandidateIndex(const QString &path)
    : m_path(path)
    , m_connection(QStringLiteral("ankra-triage-index-%1").arg(++connectionCounter))
{}

SqliteCandidateIndex::~SqliteCandidateIndex()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool SqliteCandidateIndex::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path.isEmpty() ? QStringLiteral(":memory:") : m_path);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    const char *statements[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "CREATE VIRTUAL TABLE IF NOT EXISTS ticket_fts USING fts5(subject, description, "
        "tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TABLE IF NOT EXISTS ticket_meta (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT "
        "NULL, status TEXT, cluster_id TEXT, updated_at TEXT)",
    };
    for (const char *s : statements) {
        if (!q.exec(QString::fromLatin1(s))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    // Subject terms say more about the problem than the description's: weight 2:1.
    q.exec(QStringLiteral(
        "INSERT INTO ticket_fts(ticket_fts, rank) VALUES('rank', 'bm25(2.0, 1.0)')"));
    m_count = 0;
    m_df.clear();
    if (q.exec(QStringLiteral("SELECT f.subject, f.description FROM ticket_fts f"))) {
        while (q.next()) {
            Candidate c;
            c.subject = q.value(0).toString();
            c.description = q.value(1).toString();
            countTerms(c, 1);
            ++m_count;
        }
    }
    return true;
}

void SqliteCandidateIndex::countTerms(const Candidate &ticket, int delta)
{
    const QStringList ts = Text::terms(ticket.subject + u'\n' + ticket.description);
    const QSet<QString> unique(ts.begin(), ts.end());
    for (const QString &t : unique)
        m_df[t] += delta;
}

bool SqliteCandidateIndex::insert(const Candidate &ticket)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT m.rowid, f.subject, f.description FROM ticket_meta m "
                             "JOIN ticket_fts f ON f.rowid = m.rowid WHERE m.id = ?"));
    q.addBindValue(ticket.id);
    if (q.exec() && q.next()) {
        const qint64 rowid = q.value(0).toLongLong();
        Candidate old;
        old.subject = q.value(1).toString();
        old.description = q.value(2).toString();
        countTerms(old, -1);
        --m_count;
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM ticket_fts WHERE rowid = ?"));
        del.addBindValue(rowid);
        del.exec();
        del.prepare(QStringLiteral("DELETE FROM ticket_meta WHERE rowid = ?"));
        del.addBindValue(rowid);
        del.exec();
    }
    q.prepare(QStringLiteral("INSERT INTO ticket_meta (id, status, cluster_id, updated_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(ticket.id);
    q.addBindValue(ticket.status);
    q.addBindValue(ticket.clusterId);
    q.addBindValue(ticket.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return false;
    const qint64 rowid = q.lastInsertId().toLongLong();
    q.prepare(
        QStringLiteral("INSERT INTO ticket_fts (rowid, subject, description) VALUES (?, ?, ?)"));
    q.addBindValue(rowid);
    q.addBindValue(ticket.subject);
    q.addBindValue(ticket.description);
    if (!q.exec())
        return false;
    countTerms(ticket, 1);
    ++m_count;
    return true;
}

bool SqliteCandidateIndex::add(const Candidate &ticket)
{
    return insert(ticket);
}

bool SqliteCandidateIndex::add(const QList<Candidate> &tickets)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    bool ok = true;
    for (const Candidate &t : tickets)
        ok = insert(t) && ok;
    return db.commit() && ok;
}

QList<Candidate> SqliteCandidateIndex::candidates(const QString &matchQuery, int limit)
{
    QList<Candidate> out;
    if (matchQuery.trimmed().isEmpty() || limit <= 0)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT m.id, f.subject, f.description, m.status, m.cluster_id, m.updated_at, f.rank "
        "FROM (SELECT rowid, subject, description, rank FROM ticket_fts WHERE ticket_fts MATCH ? "
        "ORDER BY rank LIMIT ?) f JOIN ticket_meta m ON m.rowid = f.rowid ORDER BY f.rank, m.id"));
    q.addBindValue(matchQuery);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        Candidate c;
        c.id = q.value(0).toString();
        c.subject = q.value(1).toString();
        c.description = q.value(2).toString();
        c.status = q.value(3).toString();
        c.clusterId = q.value(4).toString();
        c.updatedAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
        c.bm25 = q.value(6).toDouble();
        out.append(c);
    }
    return out;
}

qint64 SqliteCandidateIndex::documentFrequency(const QString &term)
{
    return m_df.value(term, 0);
}

} // namespace Ankra::Triage

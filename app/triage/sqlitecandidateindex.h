#pragma once

// A CandidateSource over its own SQLite FTS5 table (in memory or in a file): used by the
// benchmarks, the tests and the client's offline pre-check. Tickets are indexed on subject and
// description (porter stemming, the subject weighted 2:1 in bm25) and document frequencies of
// Text::terms() are kept in memory for the engine's term selection and re-ranking.
//
// Not thread-safe: use an instance on the thread that created it (QtSql connections are
// per thread).

#include "triage/reviewengine.h"

#include <QHash>
#include <QString>

namespace Ankra::Triage {

class SqliteCandidateIndex : public CandidateSource
{
public:
    // `path` empty = an in-memory database.
    explicit SqliteCandidateIndex(const QString &path = QString());
    ~SqliteCandidateIndex() override;
    SqliteCandidateIndex(const SqliteCandidateIndex &) = delete;
    SqliteCandidateIndex &operator=(const SqliteCandidateIndex &) = delete;

    // Opens the database and creates the tables; false with `error` set when it fails (e.g. no
    // QSQLITE driver or no FTS5).
    bool open(QString *error = nullptr);

    // Adds or replaces (same id) one ticket; add(list) does it in one transaction.
    bool add(const Candidate &ticket);
    bool add(const QList<Candidate> &tickets);
    qint64 size() const { return m_count; }

    QList<Candidate> candidates(const QString &matchQuery, int limit) override;
    qint64 documentCount() override { return m_count; }
    qint64 documentFrequency(const QString &term) override;

private:
    bool insert(const Candidate &ticket);
    void countTerms(const Candidate &ticket, int delta);

    QString m_path;
    QString m_connection;
    qint64 m_count = 0;
    QHash<QString, qint64> m_df;
};

} // namespace Ankra::Triage

#include "store/outbox.h"

#include "api/apiclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <unistd.h>

namespace Ankra::Store {

namespace {

const QString LocalPrefix = QStringLiteral("outbox:");

constexpr auto Columns = "id, kind, state, ticket_id, subject, idem_key, request, file_path, "
                         "file_name, file_size, attempts, created_at, next_attempt_at, error, "
                         "http_status, conflict, result_ticket_id";

// A null QString binds as SQL NULL; the columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString isoOrEmpty(const QDateTime &t)
{
    return text(t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString());
}

// A new entry's common fields; the key is the caller's (already sent once) or a fresh one.
OutboxEntry newEntry(OutboxEntry::Kind kind,
                     const QString &ticketId,
                     const QString &subject,
                     const QByteArray &idempotencyKey)
{
    OutboxEntry e;
    e.kind = kind;
    e.ticketId = ticketId;
    e.subject = subject;
    e.idempotencyKey = idempotencyKey.isEmpty() ? Api::ApiClient::newIdempotencyKey()
                                                : idempotencyKey;
    return e;
}

OutboxEntry fromQuery(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.kind = OutboxEntry::Kind(q.value(1).toInt());
    e.state = OutboxEntry::State(q.value(2).toInt());
    e.ticketId = q.value(3).toString();
    e.subject = q.value(4).toString();
    e.idempotencyKey = q.value(5).toString().toLatin1();
    e.request = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    e.filePath = q.value(7).toString();
    e.fileName = q.value(8).toString();
    e.fileSize = q.value(9).toLongLong();
    e.attempts = q.value(10).toInt();
    e.createdAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    const QString next = q.value(12).toString();
    if (!next.isEmpty())
        e.nextAttemptAt = QDateTime::fromString(next, Qt::ISODateWithMs);
    e.error = q.value(13).toString();
    e.httpStatus = q.value(14).toInt();
    e.conflict = q.value(15).toInt() != 0;
    e.resultTicketId = q.value(16).toString();
    return e;
}

// The ticket an entry belongs to, for ordering: a create is its own ticket (its local id).
QString chainOf(const OutboxEntry &e)
{
    return e.kind == OutboxEntry::Kind::CreateTicket ? Outbox::localTicketId(e.id) : e.ticketId;
}

} // namespace

Outbox::Outbox(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{
    if (m_path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        m_path = QDir(dir).filePath(QStringLiteral("outbox.sqlite"));
    }
    m_connectionName = QStringLiteral("ankra-outbox-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Outbox::~Outbox()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString Outbox::filesDirectory() const
{
    const QFileInfo info(m_path);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-files"));
}

QString Outbox::localTicketId(qint64 createEntryId)
{
    return LocalPrefix + QString::number(createEntryId);
}

bool Outbox::isLocalTicketId(const QString &ticketId)
{
    return ticketId.startsWith(LocalPrefix);
}

bool Outbox::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

bool Outbox::open(QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (isOpen())
        return true;
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return fail(
            tr("The outbox folder %1 cannot be created.").arg(QFileInfo(m_path).absolutePath()));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        return fail(tr("The outbox cannot be opened: %1").arg(m_db.lastError().text()));
    QSqlQuery q(m_db);
    // WAL + FULL: a committed enqueue is on disk before enqueue*() returns.
    const QStringList setup{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS entries ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " kind INTEGER NOT NULL, state INTEGER NOT NULL,"
                       " ticket_id TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '',"
                       " idem_key TEXT NOT NULL UNIQUE, request TEXT NOT NULL DEFAULT '{}',"
                       " file_path TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL DEFAULT '',"
                       " file_size INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,"
                       " created_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL DEFAULT '',"
                       " error TEXT NOT NULL DEFAULT '', http_status INTEGER NOT NULL DEFAULT 0,"
                       " conflict INTEGER NOT NULL DEFAULT 0,"
                       " result_ticket_id TEXT NOT NULL DEFAULT '')"),
    };
    for (const QString &sql : setup)
        if (!q.exec(sql))
            return fail(tr("The outbox cannot be opened: %1").arg(q.lastError().text()));
    // Sending when the process ended: the answer never arrived. The same key makes a resend safe.
    q.exec(QStringLiteral("UPDATE entries SET state = %1 WHERE state = %2")
               .arg(int(OutboxEntry::State::Waiting))
               .arg(int(OutboxEntry::State::Sending)));
    emitCount();
    return true;
}

QString Outbox::copyIntoStorage(const QString &sourcePath, const QByteArray &key, QString *error)
{
    const QFileInfo info(sourcePath);
    QFile in(sourcePath);
    if (!info.isFile() || !in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1 cannot be read.").arg(info.fileName());
        return {};
    }
    // One folder per entry keeps the original base name, which the upload sends as filename.
    const QString dir = QDir(filesDirectory()).filePath(QString::fromLatin1(key));
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("The outbox folder %1 cannot be created.").arg(dir);
        return {};
    }
    const QString target = QDir(dir).filePath(info.fileName());
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1 cannot be copied into the outbox: %2")
                         .arg(info.fileName(), out.errorString());
        return {};
    }
    QByteArray buffer;
    while (!in.atEnd()) {
        buffer = in.read(1 << 20);
        if (buffer.isEmpty() && in.error() != QFile::NoError)
            break;
        if (out.write(buffer) != buffer.size())
            break;
    }
    if (in.error() != QFile::NoError || !out.flush() || ::fsync(out.handle()) != 0
        || !out.commit()) {
        out.cancelWriting();
        if (error)
            *error = tr("%1 cannot be copied into the outbox.").arg(info.fileName());
        return {};
    }
    return target;
}

void Outbox::removeCopy(const OutboxEntry &entry)
{
    if (entry.kind != OutboxEntry::Kind::Upload || entry.filePath.isEmpty())
        return;
    QFile::remove(entry.filePath);
    QDir().rmdir(QFileInfo(entry.filePath).absolutePath());
}

qint64 Outbox::insert(OutboxEntry e, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO entries (kind, state, ticket_id, subject, idem_key, "
                             "request, file_path, file_name, file_size, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(int(e.kind));
    q.addBindValue(int(OutboxEntry::State::Waiting));
    q.addBindValue(text(e.ticketId));
    q.addBindValue(text(e.subject));
    q.addBindValue(QString::fromLatin1(e.idempotencyKey));
    q.addBindValue(QString::fromUtf8(QJsonDocument(e.request).toJson(QJsonDocument::Compact)));
    q.addBindValue(text(e.filePath));
    q.addBindValue(text(e.fileName));
    q.addBindValue(e.fileSize);
    q.addBindValue(isoOrEmpty(QDateTime::currentDateTimeUtc()));
    if (!q.exec()) {
        if (error)
            *error = tr("The outbox cannot be written: %1").arg(q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

qint64 Outbox::enqueueCreateTicket(const Api::CreateTicketRequest &request,
                                   const QStringList &attachmentPaths,
                                   QString *error,
                                   const QByteArray &idempotencyKey)
{
    if (!isOpen() && !open(error))
        return 0;
    QList<OutboxEntry> uploads;
    auto dropCopies = [&] {
        for (const OutboxEntry &u : std::as_const(uploads))
            removeCopy(u);
    };
    for (const QString &path : attachmentPaths) {
        OutboxEntry u;
        u.kind = OutboxEntry::Kind::Upload;
        u.subject = request.subject;
        u.idempotencyKey = Api::ApiClient::newIdempotencyKey();
        u.fileName = QFileInfo(path).fileName();
        u.filePath = copyIntoStorage(path, u.idempotencyKey, error);
        if (u.filePath.isEmpty()) {
            dropCopies();
            return 0;
        }
        u.fileSize = QFileInfo(u.filePath).size();
        uploads.append(u);
    }
    OutboxEntry create = newEntry(OutboxEntry::Kind::CreateTicket,
                                  {},
                                  request.subject,
                                  idempotencyKey);
    create.request = Api::toJson(request);
    if (!m_db.transaction()) {
        dropCopies();
        if (error)
            *error = tr("The outbox cannot be written: %1").arg(m_db.lastError().text());
        return 0;
    }
    const qint64 id = insert(create, error);
    bool ok = id > 0;
    for (OutboxEntry &u : uploads) {
        if (!ok)
            break;
        u.ticketId = localTicketId(id);
        ok = insert(u, error) > 0;
    }
    if (!ok || !m_db.commit()) {
        m_db.rollback();
        dropCopies();
        if (ok && error)
            *error = tr("The outbox cannot be written: %1").arg(m_db.lastError().text());
        return 0;
    }
    emit entryAdded(id); // the uploads come with it: the view reloads the whole list
    emitCount();
    return id;
}

qint64 Outbox::enqueueComment(const QString &ticketId,
                              const QString &markdown,
                              const QString &subject,
                              QString *error,
                              const QByteArray &idempotencyKey)
{
    if (!isOpen() && !open(error))
        return 0;
    OutboxEntry e = newEntry(OutboxEntry::Kind::Comment, ticketId, subject, idempotencyKey);
    e.request = QJsonObject{{QStringLiteral("body"), markdown}};
    const qint64 id = insert(e, error);
    if (id) {
        emit entryAdded(id);
        emitCount();
    }
    return id;
}

qint64 Outbox::enqueueUpload(const QString &ticketId,
                             const QString &filePath,
                             const QString &subject,
                             QString *error,
                             const QByteArray &idempotencyKey)
{
    if (!isOpen() && !open(error))
        return 0;
    OutboxEntry e = newEntry(OutboxEntry::Kind::Upload, ticketId, subject, idempotencyKey);
    e.fileName = QFileInfo(filePath).fileName();
    e.filePath = copyIntoStorage(filePath, e.idempotencyKey, error);
    if (e.filePath.isEmpty())
        return 0;
    e.fileSize = QFileInfo(e.filePath).size();
    const qint64 id = insert(e, error);
    if (!id) {
        removeCopy(e);
        return 0;
    }
    emit entryAdded(id);
    emitCount();
    return id;
}

qint64 Outbox::enqueueClose(const QString &ticketId,
                            const QString &subject,
                            QString *error,
                            const QByteArray &idempotencyKey)
{
    if (!isOpen() && !open(error))
        return 0;
    OutboxEntry e = newEntry(OutboxEntry::Kind::Close, ticketId, subject, idempotencyKey);
    const qint64 id = insert(e, error);
    if (id) {
        emit entryAdded(id);
        emitCount();
    }
    return id;
}

QList<OutboxEntry> Outbox::entries() const
{
    QList<OutboxEntry> result;
    if (!isOpen())
        return result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM entries ORDER BY id").arg(QLatin1String(Columns))))
        return result;
    while (q.next())
        result.append(fromQuery(q));
    return result;
}

std::optional<OutboxEntry> Outbox::entry(qint64 id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM entries WHERE id = ?").arg(QLatin1String(Columns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

int Outbox::pendingCount() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM entries WHERE state <> ?"));
    q.addBindValue(int(OutboxEntry::State::Sent));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

std::optional<OutboxEntry> Outbox::nextSendable(const QDateTime &now) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM entries WHERE state <> ? ORDER BY id")
                  .arg(QLatin1String(Columns)));
    q.addBindValue(int(OutboxEntry::State::Sent));
    if (!q.exec())
        return std::nullopt;
    QSet<QString> blocked; // tickets with an earlier entry not sent yet
    while (q.next()) {
        const OutboxEntry e = fromQuery(q);
        const QString chain = chainOf(e);
        if (blocked.contains(chain))
            continue;
        if (e.state == OutboxEntry::State::Waiting
            && (!e.nextAttemptAt.isValid() || e.nextAttemptAt <= now))
            return e;
        blocked.insert(chain);
    }
    return std::nullopt;
}

QDateTime Outbox::nextWakeUp() const
{
    if (!isOpen())
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT MIN(next_attempt_at) FROM entries "
                             "WHERE state = ? AND next_attempt_at <> ''"));
    q.addBindValue(int(OutboxEntry::State::Waiting));
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
}

bool Outbox::update(const OutboxEntry &e)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE entries SET state = ?, ticket_id = ?, subject = ?, request = ?, "
                       "attempts = ?, next_attempt_at = ?, error = ?, http_status = ?, "
                       "conflict = ?, result_ticket_id = ? WHERE id = ?"));
    q.addBindValue(int(e.state));
    q.addBindValue(text(e.ticketId));
    q.addBindValue(text(e.subject));
    q.addBindValue(QString::fromUtf8(QJsonDocument(e.request).toJson(QJsonDocument::Compact)));
    q.addBindValue(e.attempts);
    q.addBindValue(isoOrEmpty(e.nextAttemptAt));
    q.addBindValue(text(e.error));
    q.addBindValue(e.httpStatus);
    q.addBindValue(e.conflict ? 1 : 0);
    q.addBindValue(text(e.resultTicketId));
    q.addBindValue(e.id);
    return q.exec() && q.numRowsAffected() == 1;
}

bool Outbox::retry(qint64 id)
{
    auto e = entry(id);
    if (!e || e->state != OutboxEntry::State::Failed)
        return false;
    e->state = OutboxEntry::State::Waiting;
    e->nextAttemptAt = {};
    e->error.clear();
    e->httpStatus = 0;
    e->conflict = false;
    if (!update(*e))
        return false;
    emit entryChanged(id);
    emitCount();
    return true;
}

bool Outbox::cancel(qint64 id)
{
    const auto e = entry(id);
    if (!e || e->state == OutboxEntry::State::Sending || e->state == OutboxEntry::State::Sent)
        return false;
    // Cancelling a ticket that was never sent cancels what was queued for it.
    QList<OutboxEntry> gone{*e};
    if (e->kind == OutboxEntry::Kind::CreateTicket) {
        for (const OutboxEntry &other : entries())
            if (other.ticketId == localTicketId(id) && other.state != OutboxEntry::State::Sent)
                gone.append(other);
    }
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM entries WHERE id = ?"));
    for (const OutboxEntry &g : std::as_const(gone)) {
        q.addBindValue(g.id);
        if (!q.exec()) {
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit())
        return false;
    for (const OutboxEntry &g : std::as_const(gone)) {
        removeCopy(g);
        emit entryRemoved(g.id);
    }
    emitCount();
    return true;
}

bool Outbox::editComment(qint64 id, const QString &markdown)
{
    auto e = entry(id);
    if (!e || e->kind != OutboxEntry::Kind::Comment
        || (e->state != OutboxEntry::State::Waiting && e->state != OutboxEntry::State::Failed))
        return false;
    // The server stored nothing under the key (never sent, or refused): reusing it is safe.
    e->request = QJsonObject{{QStringLiteral("body"), markdown}};
    if (!update(*e))
        return false;
    emit entryChanged(id);
    return true;
}

bool Outbox::editTicket(qint64 id, const Api::CreateTicketRequest &request)
{
    auto e = entry(id);
    if (!e || e->kind != OutboxEntry::Kind::CreateTicket
        || (e->state != OutboxEntry::State::Waiting && e->state != OutboxEntry::State::Failed))
        return false;
    e->request = Api::toJson(request);
    e->subject = request.subject;
    if (!update(*e))
        return false;
    emit entryChanged(id);
    return true;
}

bool Outbox::setAcknowledged(qint64 id, bool acknowledged)
{
    auto e = entry(id);
    if (!e || e->kind != OutboxEntry::Kind::CreateTicket)
        return false;
    Api::CreateTicketRequest r = createRequestFromJson(e->request);
    r.acknowledged = acknowledged;
    return editTicket(id, r);
}

int Outbox::removeSent()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM entries WHERE state = ?"));
    q.addBindValue(int(OutboxEntry::State::Sent));
    QList<qint64> ids;
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toLongLong());
    q.prepare(QStringLiteral("DELETE FROM entries WHERE state = ?"));
    q.addBindValue(int(OutboxEntry::State::Sent));
    if (!q.exec())
        return 0;
    for (qint64 id : std::as_const(ids))
        emit entryRemoved(id);
    return int(ids.size());
}

bool Outbox::setSending(qint64 id)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = OutboxEntry::State::Sending;
    ++e->attempts;
    if (!update(*e))
        return false;
    emit entryChanged(id);
    return true;
}

bool Outbox::setSent(qint64 id, const QString &resultTicketId)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = OutboxEntry::State::Sent;
    e->error.clear();
    e->httpStatus = 0;
    e->conflict = false;
    e->nextAttemptAt = {};
    e->resultTicketId = resultTicketId;
    const QString local = localTicketId(id);
    m_db.transaction();
    bool ok = update(*e);
    QList<qint64> retargeted;
    if (ok && e->kind == OutboxEntry::Kind::CreateTicket && !resultTicketId.isEmpty()) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id FROM entries WHERE ticket_id = ?"));
        q.addBindValue(local);
        if (q.exec())
            while (q.next())
                retargeted.append(q.value(0).toLongLong());
        q.prepare(QStringLiteral("UPDATE entries SET ticket_id = ? WHERE ticket_id = ?"));
        q.addBindValue(resultTicketId);
        q.addBindValue(local);
        ok = q.exec();
    }
    if (!ok || !m_db.commit()) {
        m_db.rollback();
        return false;
    }
    removeCopy(*e);
    emit entryChanged(id);
    for (qint64 other : std::as_const(retargeted))
        emit entryChanged(other);
    if (e->kind == OutboxEntry::Kind::CreateTicket && !resultTicketId.isEmpty())
        emit ticketCreated(local, resultTicketId);
    emitCount();
    return true;
}

bool Outbox::setFailed(qint64 id, const QString &error, int httpStatus, bool conflict)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = OutboxEntry::State::Failed;
    e->error = error;
    e->httpStatus = httpStatus;
    e->conflict = conflict;
    e->nextAttemptAt = {};
    if (!update(*e))
        return false;
    emit entryChanged(id);
    return true;
}

bool Outbox::setBackoff(qint64 id, const QDateTime &nextAttemptAt, const QString &error)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = OutboxEntry::State::Waiting;
    e->nextAttemptAt = nextAttemptAt;
    e->error = error;
    if (!update(*e))
        return false;
    emit entryChanged(id);
    return true;
}

void Outbox::emitCount()
{
    const int count = pendingCount();
    if (count == m_lastCount)
        return;
    m_lastCount = count;
    emit pendingCountChanged(count);
}

Api::CreateTicketRequest Outbox::createRequestFromJson(const QJsonObject &o)
{
    Api::CreateTicketRequest r;
    r.reviewId = o.value(QLatin1String("review_id")).toString();
    r.subject = o.value(QLatin1String("subject")).toString();
    r.description = o.value(QLatin1String("description")).toString();
    r.category = o.value(QLatin1String("category")).toString(r.category);
    r.clusterId = o.value(QLatin1String("cluster_id")).toString();
    r.severity = o.value(QLatin1String("severity")).toString();
    r.source = o.value(QLatin1String("source")).toString(r.source);
    r.acknowledged = o.value(QLatin1String("acknowledged")).toBool();
    r.environment = o.value(QLatin1String("environment")).toObject();
    for (const QJsonValue &v : o.value(QLatin1String("clarification_answers")).toArray()) {
        const QJsonObject a = v.toObject();
        r.clarificationAnswers.append({a.value(QLatin1String("question")).toString(),
                                       a.value(QLatin1String("answer")).toString()});
    }
    return r;
}

} // namespace Ankra::Store

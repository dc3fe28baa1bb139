#include "store/drafts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Ankra::Store {

namespace {

constexpr int SchemaVersion = 1;

QString kindName(Draft::Kind kind)
{
    return kind == Draft::Kind::Reply ? QStringLiteral("reply") : QStringLiteral("ticket");
}

QByteArray attachmentsJson(const QList<DraftAttachment> &attachments)
{
    QJsonArray array;
    for (const DraftAttachment &a : attachments)
        array.append(QJsonObject{{QStringLiteral("file_name"), a.fileName},
                                 {QStringLiteral("path"), a.path},
                                 {QStringLiteral("size_bytes"), a.sizeBytes},
                                 {QStringLiteral("key"), QString::fromLatin1(a.idempotencyKey)}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<DraftAttachment> attachmentsFromJson(const QByteArray &json)
{
    QList<DraftAttachment> list;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        list.append({o.value(QLatin1String("file_name")).toString(),
                     o.value(QLatin1String("path")).toString(),
                     qint64(o.value(QLatin1String("size_bytes")).toDouble()),
                     o.value(QLatin1String("key")).toString().toLatin1()});
    }
    return list;
}

// Qt binds a null QString as SQL NULL: the NOT NULL text columns want ''.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

const char SelectColumns[] = "SELECT id, kind, account, ticket_id, ticket_title, subject, body, "
                             "fields, attachments, created_at, updated_at FROM drafts ";

Draft draftFromQuery(const QSqlQuery &q)
{
    Draft d;
    d.id = q.value(0).toString();
    d.kind = q.value(1).toString() == QLatin1String("reply") ? Draft::Kind::Reply
                                                             : Draft::Kind::Ticket;
    d.account = q.value(2).toString();
    d.ticketId = q.value(3).toString();
    d.ticketTitle = q.value(4).toString();
    d.subject = q.value(5).toString();
    d.body = q.value(6).toString();
    d.fields = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
    d.attachments = attachmentsFromJson(q.value(8).toByteArray());
    d.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
    d.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
    return d;
}

} // namespace

bool Draft::isEmpty() const
{
    return subject.trimmed().isEmpty() && body.trimmed().isEmpty() && attachments.isEmpty()
           && fields.value(QLatin1String("answers")).toObject().isEmpty();
}

QString Draft::title() const
{
    if (!subject.trimmed().isEmpty())
        return subject.trimmed();
    const QString firstLine = body.trimmed().section(QLatin1Char('\n'), 0, 0);
    return firstLine.size() > 80 ? firstLine.left(79) + QChar(0x2026) : firstLine;
}

DraftStore::DraftStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_connection(QStringLiteral("ankra-drafts-%1").arg(newId()))
{
    if (!QDir().mkpath(directory)) {
        m_error = tr("The drafts folder %1 cannot be created.").arg(directory);
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_error = tr("The drafts database cannot be opened: %1").arg(db.lastError().text());
        return;
    }
    // WAL: a reader never sees half a save, and a killed writer leaves the last commit intact.
    // FULL: a commit is on disk before save() returns (a save is at most every ~0.5 s).
    m_open = exec(QStringLiteral("PRAGMA journal_mode=WAL"))
             && exec(QStringLiteral("PRAGMA synchronous=FULL"))
             && exec(QStringLiteral(
                 "CREATE TABLE IF NOT EXISTS drafts ("
                 " id TEXT PRIMARY KEY, kind TEXT NOT NULL, account TEXT NOT NULL,"
                 " ticket_id TEXT NOT NULL DEFAULT '', ticket_title TEXT NOT NULL DEFAULT '',"
                 " subject TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
                 " fields TEXT NOT NULL DEFAULT '{}', attachments TEXT NOT NULL DEFAULT '[]',"
                 " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"))
             && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS drafts_account ON drafts "
                                    "(account, updated_at)"))
             && exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion));
    if (m_open)
        removeOrphanFolders();
}

DraftStore::~DraftStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString DraftStore::databasePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("drafts.sqlite"));
}

QString DraftStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool DraftStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_error = tr("Drafts database error: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

QList<Draft> DraftStore::drafts(const QString &account) const
{
    QList<Draft> list;
    if (!m_open)
        return list;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QLatin1String(SelectColumns)
              + QLatin1String("WHERE account = ? ORDER BY updated_at DESC, id"));
    q.addBindValue(account);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(draftFromQuery(q));
    return list;
}

std::optional<Draft> DraftStore::draft(const QString &id) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QLatin1String(SelectColumns) + QLatin1String("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return draftFromQuery(q);
}

std::optional<Draft> DraftStore::replyDraft(const QString &account, const QString &ticketId) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QLatin1String(SelectColumns)
              + QLatin1String("WHERE account = ? AND kind = 'reply' AND ticket_id = ? "
                              "ORDER BY updated_at DESC LIMIT 1"));
    q.addBindValue(account);
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return draftFromQuery(q);
}

int DraftStore::count(const QString &account) const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM drafts WHERE account = ?"));
    q.addBindValue(account);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool DraftStore::save(Draft &draft)
{
    if (!m_open)
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (draft.id.isEmpty())
        draft.id = newId();
    if (!draft.createdAt.isValid())
        draft.createdAt = now;
    draft.updatedAt = now;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // One statement, so one implicit transaction: all of the draft or the previous save.
    q.prepare(QStringLiteral(
        "INSERT INTO drafts (id, kind, account, ticket_id, ticket_title, subject, body, fields,"
        " attachments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, account = excluded.account,"
        " ticket_id = excluded.ticket_id, ticket_title = excluded.ticket_title,"
        " subject = excluded.subject, body = excluded.body, fields = excluded.fields,"
        " attachments = excluded.attachments, updated_at = excluded.updated_at"));
    q.addBindValue(text(draft.id));
    q.addBindValue(kindName(draft.kind));
    q.addBindValue(text(draft.account));
    q.addBindValue(text(draft.ticketId));
    q.addBindValue(text(draft.ticketTitle));
    q.addBindValue(text(draft.subject));
    q.addBindValue(text(draft.body));
    q.addBindValue(QString::fromUtf8(QJsonDocument(draft.fields).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(attachmentsJson(draft.attachments)));
    q.addBindValue(draft.createdAt.toMSecsSinceEpoch());
    q.addBindValue(draft.updatedAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = tr("The draft could not be saved: %1").arg(q.lastError().text());
        return false;
    }
    removeUnlistedFiles(draft);
    emit changed(draft.id);
    return true;
}

bool DraftStore::remove(const QString &id)
{
    if (!m_open || id.isEmpty())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = tr("The draft could not be removed: %1").arg(q.lastError().text());
        return false;
    }
    // After the row: a crash in between leaves an orphan folder, removed at the next start.
    QDir(filesDirectory(id)).removeRecursively();
    emit changed(id);
    return true;
}

QString DraftStore::filesDirectory(const QString &draftId) const
{
    return QDir(m_directory).filePath(QStringLiteral("draft-files/") + draftId);
}

QString DraftStore::keepFile(const QString &draftId, const QString &sourcePath, QString *error)
{
    const QFileInfo source(sourcePath);
    const QString folder = filesDirectory(draftId);
    if (draftId.isEmpty() || QUuid::fromString(draftId).isNull()) {
        if (error)
            *error = tr("The draft has no valid id.");
        return {};
    }
    if (source.absolutePath() == QDir(folder).absolutePath())
        return source.absoluteFilePath();
    if (!source.isFile() || !source.isReadable()) {
        if (error)
            *error = tr("%1 cannot be read.").arg(source.fileName());
        return {};
    }
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("The drafts folder %1 cannot be created.").arg(folder);
        return {};
    }
    // The original name, made unique: "log.txt", "log (2).txt", ...
    QString target = QDir(folder).filePath(source.fileName());
    for (int n = 2; QFileInfo::exists(target); ++n) {
        const QString suffix = source.completeSuffix();
        target = QDir(folder).filePath(
            suffix.isEmpty()
                ? QStringLiteral("%1 (%2)").arg(source.fileName()).arg(n)
                : QStringLiteral("%1 (%2).%3").arg(source.baseName()).arg(n).arg(suffix));
    }
    // QFile::copy writes a temporary file and renames it: a crash never leaves half a copy
    // under the final name.
    if (!QFile::copy(source.absoluteFilePath(), target)) {
        if (error)
            *error = tr("%1 could not be saved with the draft.").arg(source.fileName());
        return {};
    }
    return target;
}

void DraftStore::removeUnlistedFiles(const Draft &draft) const
{
    QDir folder(filesDirectory(draft.id));
    if (!folder.exists())
        return;
    QSet<QString> listed;
    for (const DraftAttachment &a : draft.attachments)
        listed.insert(QFileInfo(a.path).fileName());
    for (const QString &name : folder.entryList(QDir::Files | QDir::Hidden)) {
        if (!listed.contains(name))
            folder.remove(name);
    }
}

void DraftStore::removeOrphanFolders() const
{
    QDir root(QDir(m_directory).filePath(QStringLiteral("draft-files")));
    if (!root.exists())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id FROM drafts")))
        return;
    QSet<QString> ids;
    while (q.next())
        ids.insert(q.value(0).toString());
    const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &info : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        // Young folders may belong to a draft another process is about to save.
        if (!ids.contains(info.fileName()) && info.lastModified().toUTC() < recent)
            QDir(info.absoluteFilePath()).removeRecursively();
    }
}

QString DraftStore::integrityCheck() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return q.lastError().text();
    return q.value(0).toString();
}

} // namespace Ankra::Store

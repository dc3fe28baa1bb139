#include "demo.h"

#include "auth.h"
#include "ticketstore.h"

#include "wire/json.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace Ankra::Server {

namespace {

const QString DemoOrganisation = QStringLiteral("Demo Org");
const QString DemoTeamUser = QStringLiteral("Ankra Support (demo)");

// Clusters of a demo organisation; `ids` maps their names to the new ids.
bool insertDemoClusters(QSqlDatabase &conn,
                        const QString &organisationId,
                        const QJsonArray &clusters,
                        QHash<QString, QString> *ids,
                        QString *error)
{
    QSqlQuery q(conn);
    for (const QJsonValue &v : clusters) {
        const QJsonObject c = v.toObject();
        const QString id = newUuid();
        q.prepare(QStringLiteral("INSERT INTO clusters (id, organisation_id, name, "
                                 "kubernetes_version) VALUES (?,?,?,?)"));
        q.addBindValue(id);
        q.addBindValue(organisationId);
        q.addBindValue(c.value(QLatin1String("name")).toString());
        q.addBindValue(c.value(QLatin1String("kubernetes_version")).toString());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        ids->insert(c.value(QLatin1String("name")).toString(), id);
    }
    return true;
}

// One demo ticket with its conversation, dated relative to `now`; returns its id or empty.
QString insertDemoTicket(TicketStore &tickets,
                         const QString &organisationId,
                         const QJsonObject &t,
                         const QHash<QString, QString> &clusterIds,
                         const QDateTime &now,
                         QString *error)
{
    NewTicket n;
    n.subject = t.value(QLatin1String("subject")).toString();
    n.description = t.value(QLatin1String("description")).toString();
    n.category = t.value(QLatin1String("category")).toString(QStringLiteral("technical"));
    n.severity = t.value(QLatin1String("severity")).toString();
    n.status = t.value(QLatin1String("status")).toString(QStringLiteral("open"));
    n.aiSummary = t.value(QLatin1String("ai_summary")).toString();
    n.clusterId = clusterIds.value(t.value(QLatin1String("cluster")).toString());
    n.trackedByTeam = n.status != QLatin1String("open")
                      && n.status != QLatin1String("pending_review");
    const double hoursAgo = t.value(QLatin1String("hours_ago")).toDouble(24);
    const QDateTime created = now.addSecs(qint64(-hoursAgo * 3600));
    QDateTime updated = created;
    const QJsonArray comments = t.value(QLatin1String("comments")).toArray();
    for (const QJsonValue &cv : comments)
        updated = qMax(updated,
                       created.addSecs(qint64(
                           cv.toObject().value(QLatin1String("hours_after")).toDouble(1) * 3600)));
    n.createdAt = Wire::formatTimestamp(created);
    n.updatedAt = Wire::formatTimestamp(qMin(updated, now));
    const QString id = tickets.insert(organisationId, n, error);
    if (id.isEmpty())
        return {};
    for (const QJsonValue &cv : comments) {
        const QJsonObject c = cv.toObject();
        const QDateTime at = qMin(now,
                                  created.addSecs(qint64(
                                      c.value(QLatin1String("hours_after")).toDouble(1) * 3600)));
        if (tickets
                .addComment(id,
                            c.value(QLatin1String("author_type")).toString(),
                            c.value(QLatin1String("author_label")).toString(),
                            c.value(QLatin1String("body")).toString(),
                            Wire::formatTimestamp(at),
                            error)
                .isEmpty())
            return {};
    }
    return id;
}

// Owner-only: the file holds a team token.
bool writeTokenFile(const QString &path, const QString &token, QString *error)
{
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(token.toUtf8() + '\n') < 0 || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// The extra organisations of staff mode (resources/demo/organisations.json), once.
bool seedDemoOrganisations(Database &db, const QString &teamUserId, QString *error)
{
    QFile file(QStringLiteral(":/demo/organisations.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("demo organisations are missing from the build");
        return false;
    }
    const QJsonArray organisations = QJsonDocument::fromJson(file.readAll())
                                         .object()
                                         .value(QLatin1String("organisations"))
                                         .toArray();
    QSqlDatabase conn = db.connection();
    QSqlQuery q(conn);
    q.prepare(QStringLiteral("SELECT 1 FROM organisations WHERE name = ?"));
    q.addBindValue(organisations.at(0).toObject().value(QLatin1String("name")).toString());
    if (q.exec() && q.next())
        return true;
    q.finish();
    WriteTransaction tx(conn);
    if (!tx.isActive()) {
        *error = QStringLiteral("cannot begin a transaction");
        return false;
    }
    Auth auth(db);
    TicketStore tickets(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &ov : organisations) {
        const QJsonObject o = ov.toObject();
        const QString orgId = auth.ensureOrganisation(o.value(QLatin1String("name")).toString(),
                                                      error);
        QHash<QString, QString> clusterIds;
        if (orgId.isEmpty()
            || !insertDemoClusters(conn,
                                   orgId,
                                   o.value(QLatin1String("clusters")).toArray(),
                                   &clusterIds,
                                   error))
            return false;
        for (const QJsonValue &tv : o.value(QLatin1String("tickets")).toArray()) {
            const QJsonObject t = tv.toObject();
            const QString id = insertDemoTicket(tickets, orgId, t, clusterIds, now, error);
            if (id.isEmpty())
                return false;
            if (!t.value(QLatin1String("assign")).toBool())
                continue;
            q.prepare(QStringLiteral("UPDATE tickets SET assignee_id = ? WHERE id = ?"));
            q.addBindValue(teamUserId);
            q.addBindValue(id);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
        }
    }
    return tx.commit(error);
}

} // namespace

std::optional<DemoSeed> seedDemo(Database &db, QString *error)
{
    QSqlDatabase conn = db.connection();
    {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("SELECT id FROM organisations WHERE name = ?"));
        q.addBindValue(DemoOrganisation);
        if (q.exec() && q.next())
            return DemoSeed{false, {}, q.value(0).toString()};
    }

    QFile file(QStringLiteral(":/demo/tickets.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("demo data is missing from the build");
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();

    Auth auth(db);
    const auto token = auth.createToken(DemoOrganisation,
                                        QStringLiteral("Demo Customer"),
                                        false,
                                        error);
    if (!token)
        return std::nullopt;

    if (!conn.transaction()) {
        *error = conn.lastError().text();
        return std::nullopt;
    }
    QHash<QString, QString> clusterIds;
    if (!insertDemoClusters(conn,
                            token->organisationId,
                            root.value(QLatin1String("clusters")).toArray(),
                            &clusterIds,
                            error)) {
        conn.rollback();
        return std::nullopt;
    }

    TicketStore tickets(db);
    QList<std::pair<QString, QJsonArray>> attachments; // ticket id -> its demo files
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &v : root.value(QLatin1String("tickets")).toArray()) {
        const QJsonObject t = v.toObject();
        const QString id
            = insertDemoTicket(tickets, token->organisationId, t, clusterIds, now, error);
        if (id.isEmpty()) {
            conn.rollback();
            return std::nullopt;
        }
        if (t.contains(QLatin1String("attachments")))
            attachments.append({id, t.value(QLatin1String("attachments")).toArray()});
    }
    QStringList written; // files to remove again if the transaction fails
    auto rollback = [&] {
        conn.rollback();
        for (const QString &path : std::as_const(written))
            QFile::remove(path);
        return std::nullopt;
    };
    for (const auto &[ticketId, list] : std::as_const(attachments)) {
        for (const QJsonValue &av : list) {
            const QJsonObject a = av.toObject();
            QFile source(QStringLiteral(":/demo/") + a.value(QLatin1String("file")).toString());
            if (!source.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("demo attachment %1 is missing").arg(source.fileName());
                return rollback();
            }
            const QByteArray bytes = source.readAll();
            const AttachmentRow row{newUuid(),
                                    ticketId,
                                    a.value(QLatin1String("filename")).toString(),
                                    a.value(QLatin1String("content_type")).toString(),
                                    bytes.size(),
                                    QString::fromLatin1(
                                        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)
                                            .toHex())};
            const QString path = QDir(db.attachmentsDir()).filePath(row.id);
            QFile target(path);
            if (!target.open(QIODevice::WriteOnly) || target.write(bytes) != bytes.size()) {
                *error = QStringLiteral("cannot write %1").arg(path);
                return rollback();
            }
            written.append(path);
            if (!tickets.insertAttachment(row, error))
                return rollback();
        }
    }
    if (!conn.commit()) {
        *error = conn.lastError().text();
        return rollback();
    }
    return DemoSeed{true, token->token, token->organisationId};
}

std::optional<DemoTeam> seedDemoTeam(Database &db, QString *error)
{
    DemoTeam team;
    team.userName = DemoTeamUser;
    team.tokenFile = QDir(db.dataDir()).filePath(QStringLiteral("demo-team-token"));
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT id FROM users WHERE name = ? AND is_team = 1"));
        q.addBindValue(DemoTeamUser);
        if (q.exec() && q.next())
            team.userId = q.value(0).toString();
    }
    // The server keeps only hashes: a lost file means a new token.
    if (team.userId.isEmpty() || !QFile::exists(team.tokenFile)) {
        const auto token = Auth(db).createToken({}, DemoTeamUser, true, error);
        if (!token || !writeTokenFile(team.tokenFile, token->token, error))
            return std::nullopt;
        team.userId = token->userId;
        team.token = token->token;
    }
    if (!seedDemoOrganisations(db, team.userId, error))
        return std::nullopt;
    return team;
}

} // namespace Ankra::Server

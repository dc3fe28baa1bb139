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
}

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
    QSqlQuery q(conn);
    for (const QJsonValue &v : root.value(QLatin1String("clusters")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString id = newUuid();
        q.prepare(QStringLiteral("INSERT INTO clusters (id, organisation_id, name, "
                                 "kubernetes_version) VALUES (?,?,?,?)"));
        q.addBindValue(id);
        q.addBindValue(token->organisationId);
        q.addBindValue(c.value(QLatin1String("name")).toString());
        q.addBindValue(c.value(QLatin1String("kubernetes_version")).toString());
        if (!q.exec()) {
            *error = q.lastError().text();
            conn.rollback();
            return std::nullopt;
        }
        clusterIds.insert(c.value(QLatin1String("name")).toString(), id);
    }

    TicketStore tickets(db);
    QList<std::pair<QString, QJsonArray>> attachments; // ticket id -> its demo files
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &v : root.value(QLatin1String("tickets")).toArray()) {
        const QJsonObject t = v.toObject();
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
                           created.addSecs(
                               qint64(cv.toObject().value(QLatin1String("hours_after")).toDouble(1)
                                      * 3600)));
        n.createdAt = Wire::formatTimestamp(created);
        n.updatedAt = Wire::formatTimestamp(qMin(updated, now));
        const QString id = tickets.insert(token->organisationId, n, error);
        if (id.isEmpty()) {
            conn.rollback();
            return std::nullopt;
        }
        if (t.contains(QLatin1String("attachments")))
            attachments.append({id, t.value(QLatin1String("attachments")).toArray()});
        for (const QJsonValue &cv : comments) {
            const QJsonObject c = cv.toObject();
            const QDateTime at = qMin(now,
                                      created.addSecs(
                                          qint64(c.value(QLatin1String("hours_after")).toDouble(1)
                                                 * 3600)));
            if (tickets
                    .addComment(id,
                                c.value(QLatin1String("author_type")).toString(),
                                c.value(QLatin1String("author_label")).toString(),
                                c.value(QLatin1String("body")).toString(),
                                Wire::formatTimestamp(at),
                                error)
                    .isEmpty()) {
                conn.rollback();
                return std::nullopt;
            }
        }
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

} // namespace Ankra::Server

#include "importer.h"

#include "auth.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace Ankra::Server {

namespace {

// Checks one line; returns an error message or empty.
QString checkLine(const QJsonObject &o)
{
    auto text = [&](const char *field, bool required, int max) -> QString {
        const QJsonValue v = o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return required ? QStringLiteral("\"%1\" is required").arg(QLatin1String(field))
                            : QString();
        if (!v.isString())
            return QStringLiteral("\"%1\" must be a string").arg(QLatin1String(field));
        if (required && v.toString().trimmed().isEmpty())
            return QStringLiteral("\"%1\" must not be blank").arg(QLatin1String(field));
        if (v.toString().size() > max)
            return QStringLiteral("\"%1\" is longer than %2 characters")
                .arg(QLatin1String(field))
                .arg(max);
        return {};
    };
    auto member = [&](const char *field, bool (*known)(const QString &)) -> QString {
        const QJsonValue v = o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString() || !known(v.toString()))
            return QStringLiteral("\"%1\" has an unknown value").arg(QLatin1String(field));
        return {};
    };
    for (const QString &problem : {text("subject", true, 200),
                                   text("description", true, 10000),
                                   member("category", &Wire::isKnownCategory),
                                   member("severity", &Wire::isKnownSeverity),
                                   member("status", &Wire::isKnownStatus)}) {
        if (!problem.isEmpty())
            return problem;
    }
    const QJsonValue created = o.value(QLatin1String("created_at"));
    if (!created.isUndefined() && !created.isNull()
        && (!created.isString() || !Wire::parseTimestamp(created.toString()).isValid()))
        return QStringLiteral("\"created_at\" must be an RFC 3339 timestamp");
    return {};
}

} // namespace

std::optional<qint64> importTickets(Database &db,
                                    const QString &organisationId,
                                    QIODevice &input,
                                    QString *error)
{
    QSqlDatabase conn = db.connection();
    WriteTransaction tx(conn);
    if (!tx.isActive()) {
        *error = QStringLiteral("cannot begin a transaction (is the database locked?)");
        return std::nullopt;
    }
    QSqlQuery q(conn);
    q.prepare(QStringLiteral("SELECT next_ticket_number FROM organisations WHERE id = ?"));
    q.addBindValue(organisationId);
    if (!q.exec() || !q.next()) {
        *error = QStringLiteral("unknown organisation");
        return std::nullopt;
    }
    qint64 number = q.value(0).toLongLong();
    const qint64 first = number;

    QSqlQuery insert(conn);
    insert.prepare(QStringLiteral(
        "INSERT INTO tickets (id, organisation_id, ticket_number, source, category, subject, "
        "description, status, severity, ai_review_status, is_tracked_by_team, created_at, "
        "updated_at) VALUES (?,?,?,'api',?,?,?,?,?,'passed',?,?,?)"));
    const QString now = nowTimestamp();
    qint64 lineNumber = 0;
    while (!input.atEnd()) {
        const QByteArray line = input.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        QString problem;
        if (parseError.error != QJsonParseError::NoError)
            problem = QStringLiteral("invalid JSON (%1)").arg(parseError.errorString());
        else if (!doc.isObject())
            problem = QStringLiteral("expected a JSON object");
        else
            problem = checkLine(doc.object());
        if (!problem.isEmpty()) {
            *error = QStringLiteral("line %1: %2; nothing was imported").arg(lineNumber).arg(problem);
            return std::nullopt;
        }
        const QJsonObject o = doc.object();
        const QString status = o.value(QLatin1String("status")).toString(QStringLiteral("open"));
        const QString severity = o.value(QLatin1String("severity")).toString();
        const QString created = o.contains(QLatin1String("created_at"))
                                    ? Wire::formatTimestamp(Wire::parseTimestamp(
                                        o.value(QLatin1String("created_at")).toString()))
                                    : now;
        insert.bindValue(0, newUuid());
        insert.bindValue(1, organisationId);
        insert.bindValue(2, number++);
        insert.bindValue(3,
                         o.value(QLatin1String("category")).toString(QStringLiteral("technical")));
        insert.bindValue(4, o.value(QLatin1String("subject")).toString());
        insert.bindValue(5, o.value(QLatin1String("description")).toString());
        insert.bindValue(6, status);
        insert.bindValue(7, severity.isEmpty() ? QVariant() : QVariant(severity));
        insert.bindValue(8,
                         status != QLatin1String("open") && status != QLatin1String("pending_review")
                             ? 1
                             : 0);
        insert.bindValue(9, created);
        insert.bindValue(10, created);
        if (!insert.exec()) {
            *error = QStringLiteral("line %1: %2; nothing was imported")
                         .arg(lineNumber)
                         .arg(insert.lastError().text());
            return std::nullopt;
        }
    }
    q.prepare(QStringLiteral("UPDATE organisations SET next_ticket_number = ? WHERE id = ?"));
    q.addBindValue(number);
    q.addBindValue(organisationId);
    if (!q.exec() || !tx.commit(error)) {
        if (error->isEmpty())
            *error = q.lastError().text();
        return std::nullopt;
    }
    return number - first;
}

} // namespace Ankra::Server

#include "auth.h"

#include "wire/json.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cctype>

namespace Ankra::Server {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

QByteArray hashSecret(const QByteArray &salt, const QByteArray &secret)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(salt);
    h.addData(secret);
    return h.result();
}

QString findOrCreateUser(QSqlDatabase &db, const QString &name, bool team, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM users WHERE name = ? AND is_team = ?"));
    q.addBindValue(name);
    q.addBindValue(team ? 1 : 0);
    if (q.exec() && q.next())
        return q.value(0).toString();
    const QString id = newUuid();
    q.prepare(QStringLiteral("INSERT INTO users (id, name, is_team, created_at) VALUES (?,?,?,?)"));
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(team ? 1 : 0);
    q.addBindValue(nowTimestamp());
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return id;
}

} // namespace

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString nowTimestamp()
{
    return Wire::formatTimestamp(QDateTime::currentDateTimeUtc());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString Auth::ensureOrganisation(const QString &name, QString *error)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM organisations WHERE name = ?"));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return q.value(0).toString();
    const QString id = newUuid();
    q.prepare(QStringLiteral("INSERT INTO organisations (id, name, created_at) VALUES (?,?,?)"));
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(nowTimestamp());
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return id;
}

std::optional<CreatedToken> Auth::createToken(const QString &organisationName,
                                              const QString &userName,
                                              bool team,
                                              QString *error)
{
    QSqlDatabase db = m_db.connection();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    auto fail = [&]() -> std::optional<CreatedToken> {
        db.rollback();
        return std::nullopt;
    };
    // A team user needs no organisation: it sees every organisation through the team routes.
    const bool withOrganisation = !team || !organisationName.isEmpty();
    const QString orgId = withOrganisation ? ensureOrganisation(organisationName, error)
                                           : QString();
    if (withOrganisation && orgId.isEmpty())
        return fail();
    const QString userId = findOrCreateUser(db, userName, team, error);
    if (userId.isEmpty())
        return fail();
    QSqlQuery q(db);
    if (withOrganisation) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE user_id = ?"));
        q.addBindValue(userId);
        const bool first = q.exec() && q.next() && q.value(0).toInt() == 0;
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO memberships (user_id, organisation_id, "
                                 "is_default) VALUES (?,?,?)"));
        q.addBindValue(userId);
        q.addBindValue(orgId);
        q.addBindValue(first ? 1 : 0);
        if (!q.exec()) {
            *error = q.lastError().text();
            return fail();
        }
    }

    const QByteArray lookup = randomBytes(8).toHex();
    const QByteArray secret = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding
                                                       | QByteArray::OmitTrailingEquals);
    const QByteArray salt = randomBytes(16);
    q.prepare(QStringLiteral("INSERT INTO tokens (id, user_id, lookup, salt, hash, created_at) "
                             "VALUES (?,?,?,?,?,?)"));
    q.addBindValue(newUuid());
    q.addBindValue(userId);
    q.addBindValue(QString::fromLatin1(lookup));
    q.addBindValue(salt);
    q.addBindValue(hashSecret(salt, secret));
    q.addBindValue(nowTimestamp());
    if (!q.exec()) {
        *error = q.lastError().text();
        return fail();
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return fail();
    }
    return CreatedToken{QStringLiteral("ank_") + QString::fromLatin1(lookup) + u'_'
                            + QString::fromLatin1(secret),
                        userId,
                        orgId};
}

std::optional<Principal> Auth::authenticate(const std::string &header)
{
    static const std::string bearer = "Bearer ";
    // The scheme is case-insensitive (RFC 7235; FastAPI accepts "bearer" too).
    if (header.size() <= bearer.size()
        || !std::equal(bearer.begin(), bearer.end(), header.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a))
                      == std::tolower(static_cast<unsigned char>(b));
           }))
        return std::nullopt;
    const QByteArray token = QByteArray::fromStdString(header.substr(bearer.size())).trimmed();
    // ank_<16 hex>_<secret>
    if (!token.startsWith("ank_") || token.size() < 4 + 16 + 1 + 16 || token.at(20) != '_')
        return std::nullopt;
    // The generation is read before the database: a revocation committed in between makes the
    // entry stored below stale at once.
    const qint64 generation = m_db.generations().auth;
    const std::string key = QCryptographicHash::hash(token, QCryptographicHash::Sha256).toStdString();
    if (auto cached = m_verified.find(key, generation))
        return cached;
    auto principal = verify(token.mid(4, 16), token.mid(21));
    if (principal)
        m_verified.insert(key, generation, *principal);
    return principal;
}

std::optional<Principal> Auth::verify(const QByteArray &lookup, const QByteArray &secret)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT t.salt, t.hash, u.id, u.name, u.is_team FROM tokens t "
                             "JOIN users u ON u.id = t.user_id "
                             "WHERE t.lookup = ? AND t.revoked = 0"));
    q.addBindValue(QString::fromLatin1(lookup));
    if (!q.exec() || !q.next())
        return std::nullopt;
    if (!constantTimeEquals(hashSecret(q.value(0).toByteArray(), secret), q.value(1).toByteArray()))
        return std::nullopt;
    Principal p;
    p.userId = q.value(2).toString();
    p.userName = q.value(3).toString();
    p.isTeam = q.value(4).toBool();
    q.prepare(QStringLiteral("SELECT organisation_id, is_default FROM memberships "
                             "WHERE user_id = ? ORDER BY is_default DESC, organisation_id"));
    q.addBindValue(p.userId);
    if (!q.exec())
        return std::nullopt;
    while (q.next()) {
        p.organisationIds.append(q.value(0).toString());
        if (p.defaultOrganisationId.isEmpty())
            p.defaultOrganisationId = q.value(0).toString();
    }
    return p;
}

} // namespace Ankra::Server

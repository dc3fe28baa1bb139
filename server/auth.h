#pragma once

// Bearer tokens. A token is "ank_<lookup>_<secret>": the lookup part finds the row, the secret
// is checked against a salted SHA-256 hash with a constant-time comparison. Only the hash is
// stored; the token itself is printed once when created and never logged.

#include "database.h"
#include "generationcache.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Ankra::Server {

struct Principal
{
    QString userId;
    QString userName;
    bool isTeam = false;
    QString defaultOrganisationId;
    QStringList organisationIds;
};

struct CreatedToken
{
    QString token; // show once, never store
    QString userId;
    QString organisationId;
};

class Auth
{
public:
    explicit Auth(Database &db)
        : m_db(db)
        , m_verified(4096, std::chrono::seconds(60))
    {}

    // Finds or creates the organisation and the user, adds the membership and issues a token.
    // A team user may have no organisation (empty name): then no membership is added.
    std::optional<CreatedToken> createToken(const QString &organisationName,
                                            const QString &userName,
                                            bool team,
                                            QString *error);

    // Resolves "Bearer ..." to the token's user; nullopt when missing, malformed or unknown.
    // Verified tokens are remembered (by their SHA-256, never in clear) for up to a minute and
    // only while no token, user or membership changed (auth generation): a revoked token is
    // refused on the next request.
    std::optional<Principal> authenticate(const std::string &authorizationHeader);

    // Finds or creates an organisation by name; returns its id.
    QString ensureOrganisation(const QString &name, QString *error);

private:
    std::optional<Principal> verify(const QByteArray &lookup, const QByteArray &secret);

    Database &m_db;
    GenerationCache<Principal> m_verified;
};

bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
QString newUuid();
QString nowTimestamp();

} // namespace Ankra::Server

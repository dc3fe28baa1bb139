#include "startup/sessionrole.h"

#include "api/apiclient.h"
#include "api/teamjobs.h"
#include "store/cache.h"

#include <QSettings>
#include <QUrl>

#include <utility>

namespace Ankra::Ui {

namespace {
QString roleKey(const QString &key)
{
    return QStringLiteral("startup/roles/%1/role").arg(key);
}
QString nameKey(const QString &key)
{
    return QStringLiteral("startup/roles/%1/name").arg(key);
}
} // namespace

SessionRole::SessionRole(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

SessionRole::~SessionRole()
{
    cancel();
}

void SessionRole::cancel()
{
    if (QPointer<Api::MeJob> probe = std::exchange(m_probe, nullptr)) {
        probe->cancel(); // its finished() is ignored: m_probe no longer points to it
        probe->deleteLater();
    }
}

QString SessionRole::sessionKey(const QUrl &serverUrl,
                                const QString &organisationId,
                                const QString &principal)
{
    // The same key as the account's offline cache: one hash of server, organisation, account.
    return Store::TicketCache::accountKey(serverUrl, organisationId, principal);
}

bool SessionRole::isProbing() const
{
    return m_probe;
}

SessionRole::Remembered SessionRole::remembered(const QString &key) const
{
    Remembered r;
    const QString role = m_settings->value(roleKey(key)).toString();
    r.known = role == QLatin1String("team") || role == QLatin1String("customer");
    r.team = role == QLatin1String("team");
    r.name = m_settings->value(nameKey(key)).toString();
    return r;
}

void SessionRole::start(Api::ApiClient *client, const QString &key)
{
    cancel();
    m_key = key;
    m_decided = false;
    auto *probe = Api::TeamApi(client).me(this);
    m_probe = probe;
    connect(probe, &Api::ApiJob::finished, this, &SessionRole::onProbeFinished);
    if (const Remembered r = remembered(key); r.known) {
        m_decided = true;
        m_team = r.team;
        m_name = r.name;
        Wire::Me me;
        me.role = r.team ? QStringLiteral("team") : QStringLiteral("customer");
        me.name = r.name;
        emit roleDecided(r.team, me);
    }
}

void SessionRole::onProbeFinished()
{
    auto *probe = qobject_cast<Api::MeJob *>(sender());
    if (!probe || probe != m_probe)
        return;
    m_probe = nullptr;
    probe->deleteLater();
    const bool ok = probe->ok();
    if (ok) {
        const Wire::Me me = probe->me();
        remember(me);
        // Another role, or a team member's new name (the staff window's title shows it).
        if (!m_decided || me.isTeam() != m_team || (me.isTeam() && me.name != m_name)) {
            m_decided = true;
            m_team = me.isTeam();
            m_name = me.name;
            emit roleDecided(me.isTeam(), me);
        }
    } else if (!m_decided) {
        // Unknown and unanswered (offline, an error): the customer window, which works offline.
        m_decided = true;
        m_team = false;
        Wire::Me me;
        me.role = QStringLiteral("customer");
        emit roleDecided(false, me);
    }
    emit probeFinished(ok);
}

void SessionRole::remember(const Wire::Me &me)
{
    const Remembered before = remembered(m_key);
    const QString name = me.isTeam() ? me.name : QString();
    if (before.known && before.team == me.isTeam() && before.name == name)
        return; // nothing to write: the usual start
    m_settings->setValue(roleKey(m_key),
                         me.isTeam() ? QStringLiteral("team") : QStringLiteral("customer"));
    if (name.isEmpty())
        m_settings->remove(nameKey(m_key));
    else
        m_settings->setValue(nameKey(m_key), name);
    m_settings->sync(); // now: the app may be ended any moment (a killed session, a logout)
}

} // namespace Ankra::Ui

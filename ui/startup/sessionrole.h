#pragma once

// Which window a session opens: the staff window for a team member, else the customer window.
// GET /support/me decides, but waiting for it before any window exists costs a round trip on
// every start (bench_client P2). The role an account had last time is remembered in QSettings
// (under "startup/roles/", keyed by a hash of server, organisation and account: never the
// token), so a later start opens that window at once and probes in the background; the window
// changes only when the server answers with another role. The first start of an account, and a
// start without a remembered role, still waits for the answer (any failure: the customer
// window, as before). A failed probe never changes a remembered role.

#include "wire/team.h"

#include <QObject>
#include <QPointer>

class QSettings;
class QUrl;

namespace Ankra::Api {
class ApiClient;
class MeJob;
} // namespace Ankra::Api

namespace Ankra::Ui {

class SessionRole : public QObject
{
    Q_OBJECT
public:
    // `settings` must outlive this object.
    explicit SessionRole(QSettings *settings, QObject *parent = nullptr);
    ~SessionRole() override;

    // The settings key part of a session: `principal` is the account name or, for a token
    // without an account, Store::TicketCache::tokenPrincipal().
    static QString sessionKey(const QUrl &serverUrl,
                              const QString &organisationId,
                              const QString &principal);

    // Decides the window of the session `key` of `client` (server, organisation and token set):
    // emits roleDecided() before returning when the role is remembered, and once more only if
    // the probe finds another one; without one, once when the probe answers. Cancels an
    // earlier start.
    void start(Api::ApiClient *client, const QString &key);
    // Forgets the probe on its way: its answer decides nothing (the session was signed out).
    void cancel();
    bool isProbing() const;

    // What is remembered for `key`; `known` false when nothing is.
    struct Remembered
    {
        bool known = false;
        bool team = false;
        QString name;
    };
    Remembered remembered(const QString &key) const;

signals:
    // `me` carries at least the role and the name (remembered or from the server).
    void roleDecided(bool team, const Ankra::Wire::Me &me);
    // The probe answered (or failed); after any roleDecided() it caused.
    void probeFinished(bool ok);

private:
    void onProbeFinished();
    void remember(const Wire::Me &me);

    QSettings *m_settings;
    QString m_key;
    QPointer<Api::MeJob> m_probe;
    bool m_decided = false;
    bool m_team = false;
    QString m_name;
};

} // namespace Ankra::Ui

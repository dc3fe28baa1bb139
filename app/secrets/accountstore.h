#pragma once

// The accounts the user signed in with, kept in QSettings: server URL, account name and
// organisation only. Tokens are never settings: they live in a SecretStore under
// SecretStore::tokenKey(serverUrl, name). The QSettings object is injected (main.cpp owns it).

#include <QList>
#include <QString>

class QSettings;

namespace Ankra::Secrets {

struct Account
{
    QString name;
    QString serverUrl;
    QString organisationId; // empty: the token's default organisation

    bool isValid() const { return !name.isEmpty() && !serverUrl.isEmpty(); }
    QString tokenKey() const;
    friend bool operator==(const Account &, const Account &) = default;
};

class AccountStore
{
public:
    explicit AccountStore(QSettings *settings);

    QList<Account> accounts() const;
    void save(const Account &account); // adds or replaces (same name and server)
    void remove(const Account &account);
    Account current() const; // invalid when there is none
    void setCurrent(const Account &account);

private:
    QSettings *m_settings;
};

} // namespace Ankra::Secrets

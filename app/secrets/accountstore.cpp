#include "secrets/accountstore.h"

#include "secrets/secretstore.h"

#include <QSettings>

namespace Ankra::Secrets {

QString Account::tokenKey() const
{
    return SecretStore::tokenKey(serverUrl, name);
}

AccountStore::AccountStore(QSettings *settings)
    : m_settings(settings)
{}

QList<Account> AccountStore::accounts() const
{
    QList<Account> out;
    const int n = m_settings->beginReadArray(QStringLiteral("accounts"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Account a{m_settings->value(QStringLiteral("name")).toString(),
                  m_settings->value(QStringLiteral("serverUrl")).toString(),
                  m_settings->value(QStringLiteral("organisationId")).toString()};
        if (a.isValid())
            out.append(a);
    }
    m_settings->endArray();
    return out;
}

namespace {
void writeAll(QSettings *settings, const QList<Account> &accounts)
{
    settings->remove(QStringLiteral("accounts"));
    settings->beginWriteArray(QStringLiteral("accounts"), int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue(QStringLiteral("name"), accounts.at(i).name);
        settings->setValue(QStringLiteral("serverUrl"), accounts.at(i).serverUrl);
        settings->setValue(QStringLiteral("organisationId"), accounts.at(i).organisationId);
    }
    settings->endArray();
    settings->sync();
}
} // namespace

void AccountStore::save(const Account &account)
{
    QList<Account> all = accounts();
    auto it = std::find_if(all.begin(), all.end(), [&](const Account &a) {
        return a.name == account.name && a.serverUrl == account.serverUrl;
    });
    if (it != all.end())
        *it = account;
    else
        all.append(account);
    writeAll(m_settings, all);
}

void AccountStore::remove(const Account &account)
{
    QList<Account> all = accounts();
    all.removeIf([&](const Account &a) {
        return a.name == account.name && a.serverUrl == account.serverUrl;
    });
    writeAll(m_settings, all);
}

Account AccountStore::current() const
{
    const QString name = m_settings->value(QStringLiteral("currentAccount/name")).toString();
    const QString url = m_settings->value(QStringLiteral("currentAccount/serverUrl")).toString();
    for (const Account &a : accounts())
        if (a.name == name && a.serverUrl == url)
            return a;
    return {};
}

void AccountStore::setCurrent(const Account &account)
{
    m_settings->setValue(QStringLiteral("currentAccount/name"), account.name);
    m_settings->setValue(QStringLiteral("currentAccount/serverUrl"), account.serverUrl);
    m_settings->sync();
}

} // namespace Ankra::Secrets

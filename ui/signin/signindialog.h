#pragma once

// Sign-in: server URL (https://, or http:// for loopback only), account name, API token (never
// shown), optional organisation, "Test connection". The token goes to the SecretStore under the
// account's key; the AccountStore (QSettings) gets everything but the token. When the keychain
// cannot store it, the dialog says why and offers to use the token for this session only.

#include "secrets/accountstore.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace Ankra::Api {
class ApiClient;
}
namespace Ankra::Secrets {
class SecretStore;
}

namespace Ankra::Ui {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(QNetworkAccessManager *nam,
                 Secrets::SecretStore *secrets,
                 Secrets::AccountStore *accounts,
                 QWidget *parent = nullptr);

    void setServerUrl(const QString &url);
    Secrets::Account account() const { return m_account; }
    QString token() const { return m_token; } // valid after accepted()
    bool isSessionOnly() const { return m_sessionOnly; }
    // Shown when the stored token could not be read: says why and offers a session-only token.
    void showKeychainProblem(const QString &why);

private:
    bool readForm(QString *why);
    void testConnection();
    void signIn();
    void useForSession();
    void setStatus(const QString &text, bool error);

    QNetworkAccessManager *m_nam;
    Secrets::SecretStore *m_secrets;
    Secrets::AccountStore *m_accounts;
    Api::ApiClient *m_probe;
    QLineEdit *m_server;
    QLineEdit *m_name;
    QLineEdit *m_tokenEdit;
    QLineEdit *m_organisation;
    QPushButton *m_test;
    QPushButton *m_signIn;
    QPushButton *m_sessionOnlyButton;
    QLabel *m_status;
    Secrets::Account m_account;
    QString m_token;
    bool m_sessionOnly = false;
};

} // namespace Ankra::Ui

#include "signin/signindialog.h"

#include "widgets/errortext.h"

#include "api/apiclient.h"
#include "api/serverurl.h"
#include "secrets/secretstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QUuid>
#include <QVBoxLayout>

namespace Ankra::Ui {

SignInDialog::SignInDialog(QNetworkAccessManager *nam,
                           Secrets::SecretStore *secrets,
                           Secrets::AccountStore *accounts,
                           QWidget *parent)
    : QDialog(parent)
    , m_nam(nam)
    , m_secrets(secrets)
    , m_accounts(accounts)
    , m_probe(new Api::ApiClient(nam, this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Ankra Support"));

    m_server = new QLineEdit(QLatin1String(Api::DefaultServerUrl), this);
    m_server->setObjectName(QStringLiteral("serverUrlEdit"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setAccessibleDescription(tr("The address of the Ankra API"));
    m_name = new QLineEdit(QStringLiteral("default"), this);
    m_name->setObjectName(QStringLiteral("accountNameEdit"));
    m_name->setAccessibleName(tr("Account name"));
    m_name->setAccessibleDescription(tr("A name to tell several accounts apart"));
    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setAccessibleName(tr("API token"));
    m_tokenEdit->setAccessibleDescription(tr("Create one in the Ankra dashboard under Profile, "
                                             "API Tokens"));
    m_tokenEdit->setPlaceholderText(tr("Profile → API Tokens in the Ankra dashboard"));
    m_organisation = new QLineEdit(this);
    m_organisation->setObjectName(QStringLiteral("organisationEdit"));
    m_organisation->setAccessibleName(tr("Organisation"));
    m_organisation->setPlaceholderText(tr("Optional: another organisation's id"));

    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAccessibleDescription(tr("Check the address and the token without signing in"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleDescription(
        tr("Check the token, store it in the system keychain and sign in"));
    // Outside the button box: QDialogButtonBox shows its buttons again on every re-layout.
    m_sessionOnlyButton = new QPushButton(tr("Use for this session only"), this);
    m_sessionOnlyButton->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_sessionOnlyButton->setAccessibleDescription(
        tr("Use the token until the app quits, without storing it"));
    m_sessionOnlyButton->hide();
    buttons->addButton(QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Cancel)
        ->setAccessibleDescription(tr("Close without signing in"));
    m_signIn->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Account name:"), m_name);
    form->addRow(tr("API &token:"), m_tokenEdit);
    form->addRow(tr("&Organisation:"), m_organisation);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addWidget(m_sessionOnlyButton, 0, Qt::AlignRight);
    layout->addWidget(buttons);

    // Disconnect the default accept: signing in is asynchronous (keychain).
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_sessionOnlyButton, &QPushButton::clicked, this, &SignInDialog::useForSession);
    connect(m_test, &QPushButton::clicked, this, &SignInDialog::testConnection);

    const Secrets::Account current = accounts->current();
    if (current.isValid()) {
        m_server->setText(current.serverUrl);
        m_name->setText(current.name);
        m_organisation->setText(current.organisationId);
    }
}

void SignInDialog::setServerUrl(const QString &url)
{
    m_server->setText(url);
}

void SignInDialog::showKeychainProblem(const QString &why)
{
    setStatus(tr("The stored token could not be read: %1").arg(why), true);
    m_sessionOnlyButton->show();
}

void SignInDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    setErrorLook(m_status, error);
}

bool SignInDialog::readForm(QString *why)
{
    const QUrl url = Api::normalizedServerUrl(m_server->text());
    if (!Api::isAllowedServerUrl(url, why))
        return false;
    if (m_name->text().trimmed().isEmpty()) {
        *why = tr("Enter a name for this account.");
        return false;
    }
    if (m_tokenEdit->text().trimmed().isEmpty()) {
        *why = tr("Enter your API token.");
        return false;
    }
    const QString org = m_organisation->text().trimmed();
    if (!org.isEmpty() && QUuid::fromString(org).isNull()) {
        *why = tr("The organisation must be an id such as 11111111-2222-4333-8444-555555555555.");
        return false;
    }
    m_account = {m_name->text().trimmed(), url.toString(), org.toLower()};
    m_probe->setServerUrl(url);
    m_probe->setToken(m_tokenEdit->text().trimmed());
    m_probe->setOrganisationId(m_account.organisationId);
    return true;
}

void SignInDialog::testConnection()
{
    QString why;
    if (!readForm(&why))
        return setStatus(why, true);
    setStatus(tr("Connecting…"), false);
    m_test->setEnabled(false);
    Api::TicketQuery query;
    query.pageSize = 1;
    auto *job = m_probe->listTickets(query, this);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_test->setEnabled(true);
        if (job->ok())
            setStatus(tr("Connected. %n ticket(s) visible.",
                         nullptr,
                         int(job->page().pagination.totalCount)),
                      false);
        else
            setStatus(job->error().message, true);
    });
}

void SignInDialog::signIn()
{
    QString why;
    if (!readForm(&why))
        return setStatus(why, true);
    m_signIn->setEnabled(false);
    setStatus(tr("Saving the token in the system keychain…"), false);
    const QString token = m_tokenEdit->text().trimmed();
    m_secrets->write(m_account.tokenKey(),
                     token,
                     this,
                     [this, token](const Secrets::SecretResult &result) {
                         m_signIn->setEnabled(true);
                         if (!result.ok()) {
                             setStatus(tr("The token could not be stored: %1").arg(result.message),
                                       true);
                             m_sessionOnlyButton->show();
                             return;
                         }
                         m_token = token;
                         m_sessionOnly = false;
                         m_accounts->save(m_account);
                         m_accounts->setCurrent(m_account);
                         m_tokenEdit->clear();
                         accept();
                     });
}

void SignInDialog::useForSession()
{
    QString why;
    if (!readForm(&why))
        return setStatus(why, true);
    m_token = m_tokenEdit->text().trimmed();
    m_sessionOnly = true;
    m_tokenEdit->clear();
    accept();
}

} // namespace Ankra::Ui

#include "signin/accountswitcher.h"

#include <QMenu>
#include <QUrl>

namespace Ankra::Ui {

namespace {
QString accountLabel(const Secrets::Account &account)
{
    const QString host = QUrl(account.serverUrl).host();
    QString label = host.isEmpty() ? account.name
                                   : QStringLiteral("%1 (%2)").arg(account.name, host);
    if (!account.organisationId.isEmpty())
        label += QStringLiteral(" · ") + account.organisationId;
    return label;
}
} // namespace

AccountSwitcher::AccountSwitcher(Secrets::AccountStore *accounts, QWidget *parent)
    : QToolButton(parent)
    , m_accounts(accounts)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("accountSwitcher"));
    setAccessibleName(tr("Account"));
    setAccessibleDescription(tr("Switch account, add an account or sign out"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &AccountSwitcher::rebuildMenu);
    setCurrent({});
    rebuildMenu();
}

void AccountSwitcher::setCurrent(const Secrets::Account &account)
{
    m_current = account;
    setText(account.isValid() ? account.name : tr("Session token"));
    setToolTip(account.isValid() ? tr("Signed in as %1").arg(accountLabel(account))
                                 : tr("Using a token from ANKRA_API_TOKEN for this session only"));
}

void AccountSwitcher::rebuildMenu()
{
    m_menu->clear();
    const QList<Secrets::Account> accounts = m_accounts->accounts();
    for (const Secrets::Account &account : accounts) {
        QAction *action = m_menu->addAction(accountLabel(account));
        action->setCheckable(true);
        action->setChecked(account == m_current);
        connect(action, &QAction::triggered, this, [this, account] {
            if (!(account == m_current))
                emit switchRequested(account);
        });
    }
    if (!accounts.isEmpty())
        m_menu->addSeparator();
    QAction *add = m_menu->addAction(tr("Add account…"));
    add->setObjectName(QStringLiteral("addAccountAction"));
    connect(add, &QAction::triggered, this, &AccountSwitcher::addAccountRequested);
    QAction *signOut = m_menu->addAction(tr("Sign out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setEnabled(m_current.isValid());
    connect(signOut, &QAction::triggered, this, [this] { emit signOutRequested(m_current); });
}

} // namespace Ankra::Ui

#pragma once

// The account menu at the right of the main window's toolbar: the stored accounts (the current
// one checked), "Add account…" and "Sign out". It only reports the user's choice; the
// composition root reads tokens from the keychain and restarts the session.

#include "secrets/accountstore.h"

#include <QToolButton>

class QMenu;

namespace Ankra::Ui {

class AccountSwitcher : public QToolButton
{
    Q_OBJECT
public:
    explicit AccountSwitcher(Secrets::AccountStore *accounts, QWidget *parent = nullptr);

    // The account in use; invalid for a session-only token (ANKRA_API_TOKEN).
    void setCurrent(const Secrets::Account &account);
    Secrets::Account current() const { return m_current; }
    QMenu *accountMenu() const { return m_menu; }

signals:
    void switchRequested(const Ankra::Secrets::Account &account);
    void addAccountRequested();
    void signOutRequested(const Ankra::Secrets::Account &account);

private:
    void rebuildMenu();

    Secrets::AccountStore *m_accounts;
    Secrets::Account m_current;
    QMenu *m_menu;
};

} // namespace Ankra::Ui

#include "settings/settingsdialog.h"

#include "settings/appsettings.h"
#include "widgets/menus.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Ankra::Ui {

using Settings::AppSettings;

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // Account
    m_account = new QLabel(tr("Not signed in"), this);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *accounts = new QPushButton(tr("&Accounts…"), this);
    accounts->setObjectName(QStringLiteral("manageAccountsButton"));
    accounts->setAccessibleDescription(tr("Sign in to another server or add an account"));
    connect(accounts, &QPushButton::clicked, this, &SettingsDialog::manageAccountsRequested);
    auto *accountBox = new QGroupBox(tr("Server and account"), this);
    auto *accountLayout = new QHBoxLayout(accountBox);
    accountLayout->addWidget(m_account, 1);
    accountLayout->addWidget(accounts);

    // Updates and notifications
    m_poll = new QSpinBox(this);
    m_poll->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_poll->setRange(AppSettings::MinPollSeconds, AppSettings::MaxPollSeconds);
    m_poll->setSingleStep(15);
    m_poll->setSuffix(tr(" s"));
    m_poll->setValue(settings->pollIntervalSeconds());
    m_poll->setAccessibleName(tr("Update interval in seconds"));
    m_poll->setAccessibleDescription(tr("How often the app asks the server for changes"));
    m_notifications = new QCheckBox(tr("Show a &notification for new replies and status "
                                       "changes"),
                                    this);
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setChecked(settings->notificationsEnabled());
    m_notifications->setAccessibleDescription(
        tr("Notifies you about changes to your tickets while the app runs"));
    auto *updatesBox = new QGroupBox(tr("Updates"), this);
    auto *updatesForm = new QFormLayout(updatesBox);
    updatesForm->addRow(tr("Check for &updates every:"), m_poll);
    updatesForm->addRow(m_notifications);

    // Language
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    m_language->setAccessibleDescription(tr("The language of the app, after a restart"));
    m_languageNote = new QLabel(this);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageNote);

    // Cache
    m_cache = new QSpinBox(this);
    m_cache->setObjectName(QStringLiteral("cacheSizeSpin"));
    m_cache->setRange(AppSettings::MinCacheMegabytes, AppSettings::MaxCacheMegabytes);
    m_cache->setSingleStep(50);
    m_cache->setSuffix(tr(" MB"));
    m_cache->setValue(settings->cacheMaxMegabytes());
    m_cache->setAccessibleName(tr("Cache size in megabytes"));
    m_cache->setAccessibleDescription(
        tr("Disk space for tickets and attachments kept for offline use"));

    auto *generalBox = new QGroupBox(tr("General"), this);
    auto *generalForm = new QFormLayout(generalBox);
    generalForm->addRow(tr("&Language:"), m_language);
    generalForm->addRow(QString(), m_languageNote);
    generalForm->addRow(tr("&Cache size:"), m_cache);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOkButton"));
    buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleDescription(tr("Save the settings and close"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setAccessibleDescription(tr("Close without changing the settings"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(accountBox);
    layout->addWidget(updatesBox);
    layout->addWidget(generalBox);
    layout->addStretch(1);
    layout->addWidget(buttons);
    updateLanguageNote();
}

QAction *SettingsDialog::addMenuAction(QMainWindow *window)
{
    auto *action = new QAction(tr("&Settings…"), window);
    action->setObjectName(QStringLiteral("settingsAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->setToolTip(tr("Server, update interval, notifications, language and cache (Ctrl+,)"));
    action->setMenuRole(QAction::PreferencesRole);
    Menus::add(window, Menus::Kind::Edit, action);
    return action;
}

void SettingsDialog::setAccountText(const QString &text)
{
    m_account->setText(text);
}

void SettingsDialog::updateLanguageNote()
{
    const bool changed = m_language->currentData().toString() != m_settings->language();
    m_languageNote->setText(changed ? tr("The new language is used after a restart.") : QString());
    m_languageNote->setVisible(changed);
}

void SettingsDialog::accept()
{
    m_settings->setPollIntervalSeconds(m_poll->value());
    m_settings->setNotificationsEnabled(m_notifications->isChecked());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setCacheMaxMegabytes(m_cache->value());
    m_settings->sync();
    QDialog::accept();
}

} // namespace Ankra::Ui

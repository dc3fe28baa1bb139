#pragma once

// Edit → Settings… (Ctrl+,): account, update interval, notifications, language and cache size.
// Values are written to AppSettings when the user presses OK; everything but the language
// applies at once (AppSettings::changed()). "Accounts…" asks the composition root to open the
// sign-in dialog.

#include <QDialog>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMainWindow;
class QSpinBox;

namespace Ankra::Settings {
class AppSettings;
}

namespace Ankra::Ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Settings::AppSettings *settings, QWidget *parent = nullptr);

    // Adds "Settings…" (Ctrl+,) to the window's Edit menu (created when missing); returns it.
    static QAction *addMenuAction(QMainWindow *window);

    // Shown in the account row, e.g. "default (support.ankra.io)".
    void setAccountText(const QString &text);
    void accept() override;

signals:
    void manageAccountsRequested();

private:
    void updateLanguageNote();

    Settings::AppSettings *m_settings;
    QLabel *m_account;
    QSpinBox *m_poll;
    QCheckBox *m_notifications;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QSpinBox *m_cache;
};

} // namespace Ankra::Ui

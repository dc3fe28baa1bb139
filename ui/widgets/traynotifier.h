#pragma once

// A window's tray icon and desktop notifications (the staff window: new tickets and customer
// replies; the customer's main window: the team's replies and status changes while it is not
// the active window). Shows one notification per batch (NotificationBatcher decides what a
// batch is); clicking it brings the window up and opens the first ticket of the batch. Without
// a system tray (offscreen, some desktops) the batch goes to the window's status bar instead,
// so nothing is lost. Turned off (Settings → notifications), it shows nothing and hides its icon.

#include "models/activitywatcher.h"

#include <QObject>

class QMainWindow;
class QSystemTrayIcon;

namespace Ankra::Ui {

class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    // `toolTip` names the window the icon stands for.
    TrayNotifier(QMainWindow *window, const QString &toolTip);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    bool hasTray() const { return m_tray != nullptr; }
    QString lastTitle() const { return m_lastTitle; }
    QString lastBody() const { return m_lastBody; }

public slots:
    void notify(const QList<Ankra::Models::ActivityEvent> &events);

signals:
    void ticketRequested(const QString &ticketId);

private:
    QMainWindow *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
    QString m_firstTicket;
    QString m_lastTitle;
    QString m_lastBody;
};

} // namespace Ankra::Ui

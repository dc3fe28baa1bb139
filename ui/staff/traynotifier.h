#pragma once

// Staff mode's tray icon and desktop notifications. Shows one notification per batch
// (NotificationBatcher decides what a batch is); clicking it brings the window up and opens the
// first ticket of the batch. Without a system tray (offscreen, some desktops) the batch goes to
// the window's status bar instead, so nothing is lost.

#include "models/activitywatcher.h"

#include <QObject>

class QMainWindow;
class QSystemTrayIcon;

namespace Ankra::Ui {

class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(QMainWindow *window);

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
    QString m_firstTicket;
    QString m_lastTitle;
    QString m_lastBody;
};

} // namespace Ankra::Ui

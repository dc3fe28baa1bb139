#include "widgets/traynotifier.h"

#include "models/notificationbatcher.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace Ankra::Ui {

namespace {

QIcon appIcon()
{
    QIcon icon = QIcon::fromTheme(QStringLiteral("io.ankra.Support"));
    if (!icon.isNull())
        return icon;
    if (!QApplication::windowIcon().isNull())
        return QApplication::windowIcon();
    // Not installed (a build tree): a plain mark in the product colour.
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0x1f, 0x6f, 0xeb));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(2, 2, 28, 28);
    return QIcon(pixmap);
}

} // namespace

TrayNotifier::TrayNotifier(QMainWindow *window, const QString &toolTip)
    : QObject(window)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(appIcon(), this);
    m_tray->setToolTip(toolTip);
    auto *menu = new QMenu(window);
    QAction *show = menu->addAction(tr("Show Ankra Support"));
    connect(show, &QAction::triggered, window, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, show, &QAction::trigger);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this, show] {
        show->trigger();
        if (!m_firstTicket.isEmpty())
            emit ticketRequested(m_firstTicket);
    });
    m_tray->show();
}

void TrayNotifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (m_tray)
        m_tray->setVisible(enabled);
}

void TrayNotifier::notify(const QList<Models::ActivityEvent> &events)
{
    if (events.isEmpty() || !m_enabled)
        return;
    m_firstTicket = events.constFirst().ticketId;
    m_lastTitle = Models::NotificationBatcher::title(events);
    m_lastBody = Models::NotificationBatcher::body(events);
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(m_lastTitle, m_lastBody, QSystemTrayIcon::Information, 10'000);
        return;
    }
    m_window->statusBar()
        ->showMessage(tr("%1: %2").arg(m_lastTitle,
                                       QString(m_lastBody).replace(u'\n', QLatin1String("; "))),
                      30'000);
}

} // namespace Ankra::Ui

#include "desktop/windowstate.h"

#include "settings/appsettings.h"

#include <QHeaderView>
#include <QListWidget>
#include <QMainWindow>
#include <QScreen>
#include <QSplitter>
#include <QTreeView>

namespace Ankra::Ui::WindowState {

namespace {
const QString Geometry = QStringLiteral("geometry");
const QString MainState = QStringLiteral("state");
const QStringList Splitters{QStringLiteral("mainSplitter"), QStringLiteral("listDetailSplitter")};
const QString ListHeader = QStringLiteral("ticketListHeader");

// The ticket list of the window: the customer's "ticketList", the staff window's "queueList".
QTreeView *ticketList(const QWidget *window)
{
    for (const QString &name : {QStringLiteral("ticketList"), QStringLiteral("queueList")})
        if (auto *list = window->findChild<QTreeView *>(name))
            return list;
    return nullptr;
}
} // namespace

QSize firstStartSize(QSize defaultSize, QSize available)
{
    const QSize larger = (available * 0.85).boundedTo(QSize(1800, 1100));
    return defaultSize.expandedTo(larger).boundedTo(available);
}

void restore(QWidget *mainWindow, const Settings::AppSettings &settings, const QString &group)
{
    if (const QByteArray g = settings.windowState(group + Geometry); !g.isEmpty()) {
        mainWindow->restoreGeometry(g); // Qt moves it back onto a screen that is still there
    } else if (const QScreen *screen = mainWindow->screen()) {
        // First start: the window's default size, larger on a large screen, but never larger
        // than the screen (the staff window's 1500 px ran off a 1440 px screen, its buttons out
        // of reach).
        mainWindow->resize(firstStartSize(mainWindow->size(), screen->availableGeometry().size()));
    }
    if (auto *main = qobject_cast<QMainWindow *>(mainWindow)) {
        if (const QByteArray s = settings.windowState(group + MainState); !s.isEmpty())
            main->restoreState(s);
    }
    for (const QString &name : Splitters) {
        auto *splitter = mainWindow->findChild<QSplitter *>(name);
        const QByteArray s = settings.windowState(group + name);
        if (splitter && !s.isEmpty())
            splitter->restoreState(s);
    }
    if (QTreeView *list = ticketList(mainWindow)) {
        // Column widths, order, sort and which are hidden (View → Columns).
        if (const QByteArray s = settings.windowState(group + ListHeader); !s.isEmpty())
            list->header()->restoreState(s);
    }
    auto *views = mainWindow->findChild<QListWidget *>(QStringLiteral("viewSidebar"));
    const int view = settings.lastView();
    if (views && view >= 0 && view < views->count())
        views->setCurrentRow(view);
}

void save(const QWidget *mainWindow, Settings::AppSettings *settings, const QString &group)
{
    settings->setWindowState(group + Geometry, mainWindow->saveGeometry());
    if (auto *main = qobject_cast<const QMainWindow *>(mainWindow))
        settings->setWindowState(group + MainState, main->saveState());
    for (const QString &name : Splitters) {
        if (auto *splitter = mainWindow->findChild<QSplitter *>(name))
            settings->setWindowState(group + name, splitter->saveState());
    }
    if (const QTreeView *list = ticketList(mainWindow))
        settings->setWindowState(group + ListHeader, list->header()->saveState());
    if (auto *views = mainWindow->findChild<QListWidget *>(QStringLiteral("viewSidebar")))
        settings->setLastView(views->currentRow());
    settings->sync();
}

} // namespace Ankra::Ui::WindowState

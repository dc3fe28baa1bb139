#include "widgets/menus.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace Ankra::Ui::Menus {

namespace {

constexpr const char *QuitSectionName = "quitSeparator";   // File: above Quit
constexpr const char *AboutSectionName = "aboutSeparator"; // Help: above the About boxes

QString objectNameOf(Kind kind)
{
    switch (kind) {
    case Kind::File:
        return QStringLiteral("fileMenu");
    case Kind::Edit:
        return QStringLiteral("editMenu");
    case Kind::View:
        return QStringLiteral("viewMenu");
    case Kind::Ticket:
        return QStringLiteral("ticketMenu");
    case Kind::Tools:
        return QStringLiteral("toolsMenu");
    case Kind::Help:
        return QStringLiteral("helpMenu");
    }
    return {};
}

QString titleOf(Kind kind)
{
    switch (kind) {
    case Kind::File:
        return QCoreApplication::translate("Ankra::Ui::Menus", "&File");
    case Kind::Edit:
        return QCoreApplication::translate("Ankra::Ui::Menus", "&Edit");
    case Kind::View:
        return QCoreApplication::translate("Ankra::Ui::Menus", "&View");
    case Kind::Ticket:
        return QCoreApplication::translate("Ankra::Ui::Menus", "&Ticket");
    case Kind::Tools:
        return QCoreApplication::translate("Ankra::Ui::Menus", "T&ools");
    case Kind::Help:
        return QCoreApplication::translate("Ankra::Ui::Menus", "&Help");
    }
    return {};
}

// The kind of a menu bar entry made by menu(); -1 for one made some other way.
int kindOf(const QAction *menuAction)
{
    const QMenu *m = menuAction->menu();
    for (int k = int(Kind::File); m && k <= int(Kind::Help); ++k)
        if (m->objectName() == objectNameOf(Kind(k)))
            return k;
    return -1;
}

} // namespace

QMenu *menu(QMainWindow *window, Kind kind)
{
    QMenuBar *bar = window->menuBar();
    // Before the first menu that comes after this kind; menus of unknown kind stay where they are.
    QAction *before = nullptr;
    for (QAction *entry : bar->actions()) {
        const int entryKind = kindOf(entry);
        if (entryKind == int(kind))
            return entry->menu();
        if (entryKind > int(kind) && !before)
            before = entry;
    }
    auto *created = new QMenu(titleOf(kind), bar);
    created->setObjectName(objectNameOf(kind));
    bar->insertMenu(before, created);
    return created;
}

QMenu *menuOf(const QAction *action)
{
    for (QObject *holder : action->associatedObjects())
        if (auto *m = qobject_cast<QMenu *>(holder))
            return m;
    return nullptr;
}

void checkWithRow(QListWidget *list, const QList<QAction *> &actions)
{
    auto *group = new QActionGroup(list); // exclusive
    for (QAction *action : actions) {
        action->setCheckable(true);
        group->addAction(action);
    }
    if (QAction *current = actions.value(list->currentRow()))
        current->setChecked(true);
    QObject::connect(list, &QListWidget::currentRowChanged, group, [actions](int row) {
        if (QAction *action = actions.value(row))
            action->setChecked(true);
    });
}

void add(QMainWindow *window, Kind kind, QAction *action)
{
    QMenu *m = menu(window, kind);
    // File's Quit and Help's About boxes stay last.
    const char *lastSection = kind == Kind::File   ? QuitSectionName
                              : kind == Kind::Help ? AboutSectionName
                                                   : nullptr;
    QAction *before = nullptr;
    for (QAction *a : m->actions())
        if (lastSection && a->objectName() == QLatin1String(lastSection))
            before = a;
    m->insertAction(before, action);
}

QString aboutText()
{
    return QCoreApplication::translate("Ankra::Ui::Menus",
                                       "Ankra Support %1\n\n"
                                       "Files and follows support tickets for Ankra's "
                                       "Kubernetes platform, online and offline.\n\n"
                                       "Built with Qt %2, running on Qt %3.")
        .arg(QStringLiteral(ANKRA_VERSION),
             QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(qVersion()));
}

void addStandardActions(QMainWindow *window)
{
    QMenu *file = menu(window, Kind::File);
    QAction *section = file->addSeparator();
    section->setObjectName(QLatin1String(QuitSectionName));
    auto *quit = new QAction(QCoreApplication::translate("Ankra::Ui::Menus", "&Quit"), window);
    quit->setObjectName(QStringLiteral("quitAction"));
    // Spelled out: QKeySequence::Quit is empty where the platform's key scheme is Windows' (and
    // the offscreen one). Ctrl+Q is what KDE and GNOME apps use.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcutContext(Qt::WindowShortcut);
    quit->setMenuRole(QAction::QuitRole);
    quit->setToolTip(
        QCoreApplication::translate("Ankra::Ui::Menus", "Close every window and quit (Ctrl+Q)"));
    // Queued: the windows close after the menu or shortcut that asked has returned.
    QObject::connect(quit,
                     &QAction::triggered,
                     qApp,
                     &QApplication::closeAllWindows,
                     Qt::QueuedConnection);
    file->addAction(quit);

    QMenu *help = menu(window, Kind::Help);
    help->addSeparator()->setObjectName(QLatin1String(AboutSectionName));
    auto *about = new QAction(QCoreApplication::translate("Ankra::Ui::Menus",
                                                          "&About Ankra Support"),
                              window);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] {
        auto *box = new QMessageBox(QMessageBox::Information,
                                    QCoreApplication::translate("Ankra::Ui::Menus",
                                                                "About Ankra Support"),
                                    aboutText(),
                                    QMessageBox::Close,
                                    window);
        box->setObjectName(QStringLiteral("aboutBox"));
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    help->addAction(about);
    auto *aboutQt = new QAction(QCoreApplication::translate("Ankra::Ui::Menus", "About &Qt"),
                                window);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    help->addAction(aboutQt);
}

} // namespace Ankra::Ui::Menus

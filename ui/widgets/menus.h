#pragma once

// The menu bar of the app's windows, in the order KDE and most desktop apps use: File, Edit,
// View, Ticket, Tools, Help. The window builds the menus it owns; features installed later
// (settings, the offline cache, ...) add their actions to the menu they belong in with
// `menu()`, which creates it in its place when the window has none yet. Every action in a menu
// is also what the command palette (Ctrl+K) lists.

#include <QCoreApplication>

class QAction;
class QListWidget;
class QMainWindow;
class QMenu;

namespace Ankra::Ui::Menus {

enum class Kind { File, Edit, View, Ticket, Tools, Help };

// The window's menu of that kind (objectName "fileMenu", "editMenu", "viewMenu", "ticketMenu",
// "toolsMenu", "helpMenu"), created between its neighbours when missing.
QMenu *menu(QMainWindow *window, Kind kind);

// The menu `action` is in (nullptr when it is in none).
QMenu *menuOf(const QAction *action);

// Makes `actions` (one per row of `list`, e.g. the sidebar's views) checkable, one at a time,
// checked where the list's current row is, also when it moves.
void checkWithRow(QListWidget *list, const QList<QAction *> &actions);

// Adds `action` to the menu of that kind; in File above the Quit section, in Help above the
// About boxes (when there are such).
void add(QMainWindow *window, Kind kind, QAction *action);

// What every window has: File → Quit (Ctrl+Q, closes every window: drafts and the outbox are
// already saved) and Help → About Ankra Support, About Qt.
void addStandardActions(QMainWindow *window);

// The About box's text: the version, the Qt it was built with and runs on.
QString aboutText();

} // namespace Ankra::Ui::Menus

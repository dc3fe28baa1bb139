#pragma once

// Which columns a ticket list shows: View → Columns and the list header's context menu (the
// same menu), one checkable entry per column, named by the model's header (its tooltip when it
// has one, e.g. "Ticket number" for "#"). The list's header keeps what is hidden: WindowState
// saves and restores it with the column widths. Every entry is also in the command palette
// ("Columns › Cluster").

#include <QCoreApplication>

class QMainWindow;
class QMenu;
class QTreeView;

namespace Ankra::Ui::ColumnsMenu {

// Adds "Columns" to `window`'s View menu for `list` (whose model has its columns already) and
// the same menu to the list header's context menu. `alwaysShown` (the subject) cannot be
// hidden. Returns the menu (objectName "columnsMenu"; its entries "column_<n>").
QMenu *install(QMainWindow *window, QTreeView *list, int alwaysShown);

} // namespace Ankra::Ui::ColumnsMenu

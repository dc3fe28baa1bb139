#include "widgets/columnsmenu.h"

#include "widgets/menus.h"

#include <QAction>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QTreeView>

namespace Ankra::Ui::ColumnsMenu {

namespace {

QString columnName(const QAbstractItemModel *model, int column)
{
    const QString tip = model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
    return tip.isEmpty() ? model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()
                         : tip;
}

} // namespace

QMenu *install(QMainWindow *window, QTreeView *list, int alwaysShown)
{
    auto *menu = new QMenu(QCoreApplication::translate("Ankra::Ui::ColumnsMenu", "&Columns"),
                           window);
    menu->setObjectName(QStringLiteral("columnsMenu"));
    QHeaderView *header = list->header();
    const QAbstractItemModel *model = list->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        auto *action = menu->addAction(columnName(model, column));
        action->setObjectName(QStringLiteral("column_%1").arg(column));
        action->setCheckable(true);
        action->setEnabled(column != alwaysShown);
        // From the header's state, not the entry's: a restored layout, or the command palette
        // triggering an entry whose check mark it never showed, must not invert it.
        QObject::connect(action, &QAction::triggered, header, [header, action, column] {
            const bool show = header->isSectionHidden(column);
            header->setSectionHidden(column, !show);
            action->setChecked(show);
        });
    }
    const auto sync = [menu, header] {
        const QList<QAction *> entries = menu->actions();
        for (int column = 0; column < entries.size(); ++column)
            entries.at(column)->setChecked(!header->isSectionHidden(column));
    };
    sync();
    QObject::connect(menu, &QMenu::aboutToShow, menu, sync);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, menu, [menu, header](QPoint at) {
        menu->popup(header->viewport()->mapToGlobal(at));
    });
    QMenu *view = Menus::menu(window, Menus::Kind::View);
    view->addSeparator();
    view->addMenu(menu);
    return menu;
}

} // namespace Ankra::Ui::ColumnsMenu

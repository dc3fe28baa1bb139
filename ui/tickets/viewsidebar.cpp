#include "tickets/viewsidebar.h"

namespace Ankra::Ui {

namespace {
constexpr int StatusesRole = Qt::UserRole + 1;
}

ViewSidebar::ViewSidebar(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("viewSidebar"));
    setAccessibleName(tr("Views"));
    setAccessibleDescription(tr("Choose which tickets the list shows"));
    struct View
    {
        QString name;
        QStringList statuses;
    };
    const QList<View> views{
        {tr("Open"),
         {QStringLiteral("pending_review"),
          QStringLiteral("open"),
          QStringLiteral("triaging"),
          QStringLiteral("in_progress"),
          QStringLiteral("waiting_customer")}},
        {tr("Waiting on me"), {QStringLiteral("waiting_customer")}},
        {tr("In progress"), {QStringLiteral("triaging"), QStringLiteral("in_progress")}},
        {tr("Resolved"), {QStringLiteral("resolved")}},
        {tr("Closed"), {QStringLiteral("closed")}},
        {tr("All"), {}},
    };
    for (const View &view : views) {
        auto *item = new QListWidgetItem(view.name, this);
        item->setData(StatusesRole, view.statuses);
    }
    setCurrentRow(0);
    connect(this, &QListWidget::currentRowChanged, this, [this] {
        emit viewChanged(currentStatuses());
    });
}

QStringList ViewSidebar::currentStatuses() const
{
    const QListWidgetItem *item = currentItem();
    return item ? item->data(StatusesRole).toStringList() : QStringList();
}

} // namespace Ankra::Ui

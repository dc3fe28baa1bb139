#include "tickets/viewsidebar.h"

namespace Ankra::Ui {

namespace {
constexpr int StatusesRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
} // namespace

ViewSidebar::ViewSidebar(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("viewSidebar"));
    setSpacing(3); // room between the views: they are targets clicked all day
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
        item->setData(NameRole, view.name);
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

QString ViewSidebar::viewName(int row) const
{
    const QListWidgetItem *it = item(row);
    return it ? it->data(NameRole).toString() : QString();
}

QList<QStringList> ViewSidebar::viewStatuses() const
{
    QList<QStringList> result;
    for (int row = 0; row < count(); ++row)
        result.append(item(row)->data(StatusesRole).toStringList());
    return result;
}

void ViewSidebar::setCount(int view, qint64 ticketCount)
{
    QListWidgetItem *it = item(view);
    if (!it)
        return;
    const QString name = it->data(NameRole).toString();
    it->setText(ticketCount < 0 ? name : tr("%1 (%2)").arg(name).arg(ticketCount));
    it->setData(Qt::AccessibleTextRole,
                ticketCount < 0 ? name
                                : tr("%1, %n ticket(s)", nullptr, int(ticketCount)).arg(name));
}

} // namespace Ankra::Ui

#include "tickets/ticketproxymodel.h"

#include "models/roles.h"
#include "models/ticketlistmodel.h"

#include <QFont>
#include <QLocale>

namespace Ankra::Ui {

using Models::TicketListModel;

TicketProxyModel::TicketProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Rows that change while sorted stay where the sort puts them.
    setDynamicSortFilter(true);
}

QVariant TicketProxyModel::data(const QModelIndex &index, int role) const
{
    // Source roles are read through the base class: index.data() would come back here.
    const auto source = [&](int sourceRole) {
        return QSortFilterProxyModel::data(index, sourceRole);
    };
    if (role == Qt::FontRole) {
        if (!source(Models::UnreadRole).toBool())
            return QSortFilterProxyModel::data(index, role);
        QFont font;
        font.setBold(true);
        return font;
    }
    if (index.column() == TicketListModel::UpdatedColumn
        && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const QDateTime updated = source(Models::UpdatedAtRole).toDateTime();
        if (role == Qt::DisplayRole)
            return shortDate(updated, QDateTime::currentDateTime());
        if (role == Qt::ToolTipRole)
            return QLocale().toString(updated.toLocalTime(), QLocale::LongFormat);
    }
    if (role == Qt::AccessibleTextRole && index.column() == TicketListModel::SubjectColumn
        && source(Models::UnreadRole).toBool())
        return tr("%1 (unread)").arg(source(Qt::DisplayRole).toString());
    return QSortFilterProxyModel::data(index, role);
}

Qt::ItemFlags TicketProxyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QSortFilterProxyModel::flags(index);
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QString TicketProxyModel::shortDate(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    const QDate day = local.date();
    const QDate today = now.toLocalTime().date();
    if (day == today)
        return locale.toString(local.time(), QStringLiteral("HH:mm"));
    if (day == today.addDays(-1))
        return tr("Yesterday");
    if (day > today.addDays(-7) && day < today)
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat);
    if (day.year() == today.year())
        return locale.toString(day, QStringLiteral("d MMM"));
    return locale.toString(day, QStringLiteral("d MMM yyyy"));
}

bool TicketProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    switch (left.column()) {
    case TicketListModel::NumberColumn:
        return left.data(Models::TicketNumberRole).toLongLong()
               < right.data(Models::TicketNumberRole).toLongLong();
    case TicketListModel::SeverityColumn:
        return left.data(Models::SeverityRankRole).toInt()
               < right.data(Models::SeverityRankRole).toInt();
    case TicketListModel::UpdatedColumn:
        return left.data(Models::UpdatedAtRole).toDateTime()
               < right.data(Models::UpdatedAtRole).toDateTime();
    default:
        return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
    }
}

} // namespace Ankra::Ui

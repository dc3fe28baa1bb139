#include "models/ticketlistmodel.h"

#include "models/roles.h"
#include "wire/enums.h"

#include <QSet>

namespace Ankra::Models {

TicketListModel::TicketListModel(Api::ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{}

void TicketListModel::setQuery(const Api::TicketQuery &query)
{
    m_query = query;
    reload();
}

void TicketListModel::reload()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job->deleteLater();
        m_job = nullptr;
    }
    beginResetModel();
    m_rows.clear();
    m_loadedPages = 0;
    m_totalPages = -1;
    m_totalCount = 0;
    endResetModel();
    requestPage(1);
}

void TicketListModel::requestPage(int page)
{
    Api::TicketQuery q = m_query;
    q.page = page;
    m_job = m_client->listTickets(q, this);
    connect(m_job, &Api::ApiJob::finished, this, &TicketListModel::onPageFinished);
    emit loadingChanged(true);
}

void TicketListModel::onPageFinished()
{
    Api::ListTicketsJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    emit loadingChanged(false);
    if (!job->ok()) {
        m_lastError = job->error();
        if (m_lastError.kind != Api::ApiError::Kind::Cancelled)
            emit errorOccurred(m_lastError);
        return;
    }
    m_lastError = {};
    const Wire::TicketPage &page = job->page();
    m_totalPages = page.pagination.totalPages;
    m_totalCount = page.pagination.totalCount;
    m_loadedPages = qMax(m_loadedPages, page.pagination.page);

    // A ticket may move between pages while we page through (updated_at order): skip rows we
    // already have instead of showing them twice.
    QSet<QString> known;
    known.reserve(m_rows.size());
    for (const Wire::TicketSummary &t : std::as_const(m_rows))
        known.insert(t.id);
    QList<Wire::TicketSummary> fresh;
    for (const Wire::TicketSummary &t : page.result)
        if (!known.contains(t.id))
            fresh.append(t);
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
        m_rows.append(fresh);
        endInsertRows();
    }
    emit pageLoaded(page.pagination.page);
}

int TicketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TicketListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Wire::TicketSummary &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return t.ticketNumber ? QVariant(*t.ticketNumber) : QVariant();
        case SubjectColumn:
            return t.subject;
        case StatusColumn:
            return Wire::statusLabel(t.status);
        case SeverityColumn:
            return t.severity;
        case CategoryColumn:
            return t.category;
        case ClusterColumn:
            return t.clusterName;
        case UpdatedColumn:
            return t.updatedAt.toLocalTime();
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == SubjectColumn ? QVariant(t.subject) : QVariant();
    case IdRole:
        return t.id;
    case TicketNumberRole:
        return t.ticketNumber ? QVariant(*t.ticketNumber) : QVariant();
    case SubjectRole:
        return t.subject;
    case StatusRole:
        return t.status;
    case StatusLabelRole:
        return Wire::statusLabel(t.status);
    case SeverityRole:
        return t.severity;
    case SeverityRankRole:
        return Wire::severityRank(t.severity);
    case CategoryRole:
        return t.category;
    case ClusterNameRole:
        return t.clusterName;
    case UpdatedAtRole:
        return t.updatedAt;
    case CreatedAtRole:
        return t.createdAt;
    case UnreadRole:
        return false;
    default:
        return {};
    }
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case SubjectColumn:
        return tr("Subject");
    case StatusColumn:
        return tr("Status");
    case SeverityColumn:
        return tr("Severity");
    case CategoryColumn:
        return tr("Category");
    case ClusterColumn:
        return tr("Cluster");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

bool TicketListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_job)
        return false;
    return m_totalPages < 0 ? false : m_loadedPages < m_totalPages;
}

void TicketListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_loadedPages + 1);
}

QHash<int, QByteArray> TicketListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "ticketId");
    names.insert(SubjectRole, "subject");
    names.insert(StatusRole, "status");
    names.insert(SeverityRole, "severity");
    return names;
}

} // namespace Ankra::Models

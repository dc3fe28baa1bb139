#include "models/ticketlistmodel.h"

#include "models/readstate.h"
#include "models/roles.h"
#include "wire/enums.h"

namespace Ankra::Models {

TicketListModel::TicketListModel(Api::ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{}

void TicketListModel::setQuery(const Api::TicketQuery &query)
{
    if (!(query == m_query))
        m_totalPages = -1; // the old query's number of pages says nothing of this one's
    m_query = query;
    reload();
}

void TicketListModel::reload()
{
    for (QPointer<Api::ListTicketsJob> *job : {&m_job, &m_refreshJob}) {
        if (*job) {
            (*job)->disconnect(this);
            (*job)->cancel();
            (*job)->deleteLater();
            *job = nullptr;
        }
    }
    m_refreshPending = false;
    clearReadAhead();
    m_readAheadPages = 0;
    m_loadedPages = 0;
    const int knownPages = m_totalPages; // of this query, when it was loaded before
    m_totalPages = -1;
    QList<Wire::TicketSummary> cached;
    if (m_cacheLookup)
        cached = m_cacheLookup(m_query);
    // Without an offline copy of the new rows, the rows shown stay until the first page
    // replaces them (an error clears them): no empty list flashes between two lists, and the
    // view is laid out and painted once instead of three times (bench_client P1).
    m_replaceOnFirstPage = cached.isEmpty() && !m_showingCache && !m_rows.isEmpty();
    if (!m_replaceOnFirstPage) {
        beginResetModel();
        m_rows = cached;
        m_index.rebuild(m_rows);
        m_totalCount = m_rows.size();
        const bool wasShowingCache = std::exchange(m_showingCache, !m_rows.isEmpty());
        endResetModel();
        if (wasShowingCache != m_showingCache)
            emit cacheStateChanged(m_showingCache);
    }
    requestPage(1);
    // Loaded again (F5, a poll's reload, a retry): the pages after the first are asked for
    // with it, not one round trip after it (bench_client P1: ~1.5 ms of a 30 ms load).
    if (knownPages > 1)
        readAhead(2, knownPages);
}

void TicketListModel::clearReplacedRows()
{
    if (!std::exchange(m_replaceOnFirstPage, false))
        return;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_totalCount = 0;
    endResetModel();
}

void TicketListModel::setCacheLookup(CacheLookup lookup)
{
    m_cacheLookup = std::move(lookup);
    if (!m_cacheLookup || !m_rows.isEmpty() || m_totalPages >= 0 || !m_job)
        return;
    const QList<Wire::TicketSummary> cached = m_cacheLookup(m_query);
    if (cached.isEmpty())
        return;
    beginInsertRows({}, 0, int(cached.size()) - 1);
    m_rows = cached;
    m_index.rebuild(m_rows);
    m_totalCount = m_rows.size();
    m_showingCache = true;
    endInsertRows();
    emit cacheStateChanged(true);
}

void TicketListModel::requestPage(int page)
{
    Api::TicketQuery q = m_query;
    q.page = page;
    if (QPointer<Api::ListTicketsJob> ahead = m_readAhead.take(page)) {
        m_job = ahead;
        emit loadingChanged(true);
        // A page already here is appended from the event loop, never from within fetchMore():
        // QTreeView calls fetchMore() in the middle of its layout, and rows inserted there met
        // a view without a layout (it then repainted everything: bench_client P1).
        if (ahead->isFinished())
            QMetaObject::invokeMethod(
                this,
                [this, ahead] {
                    if (ahead && m_job == ahead)
                        onPageFinished();
                },
                Qt::QueuedConnection);
        else
            connect(m_job, &Api::ApiJob::finished, this, &TicketListModel::onPageFinished);
        return;
    }
    m_job = startListJob(q);
    connect(m_job, &Api::ApiJob::finished, this, &TicketListModel::onPageFinished);
    emit loadingChanged(true);
}

void TicketListModel::readAhead(int fromPage, int totalPages)
{
    constexpr int MaxReadAheadPages = 16;
    m_readAheadPages = qBound(2, m_readAheadPages * 2, MaxReadAheadPages);
    const int last = qMin(totalPages, fromPage + m_readAheadPages - 1);
    for (int page = fromPage; page <= last; ++page) {
        if (m_readAhead.value(page))
            continue;
        Api::TicketQuery q = m_query;
        q.page = page;
        m_readAhead.insert(page, startListJob(q));
    }
}

void TicketListModel::clearReadAhead()
{
    for (const QPointer<Api::ListTicketsJob> &job : std::as_const(m_readAhead)) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
    m_readAhead.clear();
}

Api::ListTicketsJob *TicketListModel::startListJob(const Api::TicketQuery &query)
{
    return m_client->listTickets(query, this);
}

void TicketListModel::onPageFinished()
{
    Api::ListTicketsJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    emit loadingChanged(false);
    if (!job->ok()) {
        m_lastError = job->error();
        if (m_lastError.kind != Api::ApiError::Kind::Cancelled) {
            clearReplacedRows(); // the previous query's rows are not this one's
            emit errorOccurred(m_lastError);
        }
        return;
    }
    m_lastError = {};
    Wire::TicketPage page = job->takePage(); // moved: its rows move on into m_rows
    emit pageReceived(m_query, page);
    // The first page replaces the rows shown (the offline copy, or a previous query's rows kept
    // until now) row by row: rows that did not change are neither laid out nor painted again,
    // and a selected ticket that is still there stays selected. More than two pages of other
    // rows are replaced with one reset below instead (removing them in runs would cost more).
    // The second page is asked for as soon as the first is here, before the first is shown:
    // it is what a scroll shows next, and its round trip then overlaps the first page's layout
    // and paint (~10 ms that delayed it, bench_client P1).
    if (page.pagination.page == 1 && page.pagination.totalPages > 1 && m_readAhead.isEmpty()) {
        m_totalPages = page.pagination.totalPages; // the bound of the read-ahead
        readAhead(2, m_totalPages);
    }
    const bool fewShown = m_rows.size() <= 2 * qMax(1, m_query.pageSize);
    if (m_showingCache || (m_replaceOnFirstPage && fewShown)) {
        const bool wasCache = std::exchange(m_showingCache, false);
        m_replaceOnFirstPage = false;
        m_replacingCache = true; // no "status changed" news from a replacement
        m_refreshPages = 1;
        m_refreshPagination = page.pagination;
        applyRefresh(page.result);
        m_replacingCache = false;
        if (wasCache)
            emit cacheStateChanged(false);
        emit pageLoaded(page.pagination.page);
        if (std::exchange(m_refreshPending, false))
            refresh();
        return;
    }
    m_totalPages = page.pagination.totalPages;
    m_totalCount = page.pagination.totalCount;
    m_loadedPages = qMax(m_loadedPages, page.pagination.page);

    // A ticket may move between pages while we page through (updated_at order): skip rows we
    // already have instead of showing them twice. m_index holds the ids of m_rows so that each
    // page costs its own size, not the model's (rebuilding a set per page made loading 1,000
    // pages quadratic: bench_client P1/P6), by the hashes the job computed while it parsed.
    // Room for all the rows the server announced: growing the index and the list to 10,000
    // rows rehashed and moved them a dozen times (bench_client P1).
    const bool replacing = std::exchange(m_replaceOnFirstPage, false);
    if (replacing) {
        beginResetModel();
        m_rows.clear();
        m_index.clear();
    }
    const qsizetype expected = qMin<qint64>(m_totalCount, MaxReservedRows);
    if (m_index.capacity() < expected)
        m_index.reserve(expected);
    if (m_rows.capacity() < expected)
        m_rows.reserve(expected);
    // The page's rows are kept in place (moved down over the repeated ones), then moved on.
    QList<Wire::TicketSummary> &incoming = page.result;
    const QList<size_t> &hashes = job->idHashes();
    const qsizetype base = m_rows.size();
    const auto idAt = [&](qsizetype row) -> const QString & {
        return row < base ? m_rows.at(row).id : incoming.at(row - base).id;
    };
    qsizetype kept = 0;
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const QString &id = incoming.at(i).id;
        const size_t hash = i < hashes.size() ? hashes.at(i) : Wire::ticketIdHash(id);
        if (!m_index.insert(id, hash, base + kept, idAt))
            continue;
        if (kept != i)
            incoming[kept] = std::move(incoming[i]);
        ++kept;
    }
    incoming.resize(kept);
    if (replacing) {
        m_rows = std::move(incoming);
        endResetModel();
    } else if (kept > 0) {
        beginInsertRows({}, int(base), int(base + kept - 1));
        m_rows.append(std::move(incoming));
        endInsertRows();
    }
    emit pageLoaded(page.pagination.page);
    if (m_refreshPending) {
        m_refreshPending = false;
        refresh();
    }
}

void TicketListModel::setReadState(ReadStateStore *store)
{
    if (m_readState)
        m_readState->disconnect(this);
    m_readState = store;
    if (store) {
        connect(store, &ReadStateStore::changed, this, [this](const QString &ticketId) {
            const int row = rowOf(ticketId);
            if (row >= 0)
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {UnreadRole});
        });
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {UnreadRole});
}

int TicketListModel::rowOf(const QString &ticketId) const
{
    return int(m_index.rowOf(ticketId, m_rows));
}

void TicketListModel::refresh()
{
    // A refresh asked for while one is on its way runs again after it: the caller may know of a
    // change the running one was too early for (the outbox sends a ticket while a refresh for
    // the reply sent before it is still out: the new ticket showed only at the next poll).
    if (m_refreshJob) {
        m_refreshPending = true;
        return;
    }
    if (m_showingCache) { // ask for the first page again, without a reset
        if (m_job)
            m_refreshPending = true;
        else
            requestPage(1);
        return;
    }
    if (m_job || m_totalPages < 0) {
        // A page is on its way (or the first one never came): refresh once it is in, or, when
        // nothing was ever loaded, simply load.
        if (m_job)
            m_refreshPending = true;
        else
            reload();
        return;
    }
    clearReadAhead(); // never older than the last refresh
    m_refreshRows.clear();
    m_refreshPages = qMax(1, m_loadedPages);
    m_refreshPagination.reset();
    requestRefreshPage(1);
}

void TicketListModel::requestRefreshPage(int page)
{
    Api::TicketQuery q = m_query;
    q.page = page;
    m_refreshJob = startListJob(q);
    connect(m_refreshJob, &Api::ApiJob::finished, this, &TicketListModel::onRefreshPageFinished);
}

void TicketListModel::onRefreshPageFinished()
{
    Api::ListTicketsJob *job = m_refreshJob;
    m_refreshJob = nullptr;
    job->deleteLater();
    if (!job->ok()) {
        m_refreshPending = false; // it would fail the same way now; the next poll tries again
        m_lastError = job->error();
        if (m_lastError.kind != Api::ApiError::Kind::Cancelled) {
            clearReplacedRows(); // the previous query's rows are not this one's
            emit errorOccurred(m_lastError);
        }
        return;
    }
    const Wire::TicketPage page = job->takePage(); // moved: its rows move on into m_rows
    emit pageReceived(m_query, page);
    m_refreshRows.append(page.result);
    m_refreshPagination = page.pagination;
    const int next = page.pagination.page + 1;
    if (next <= m_refreshPages && next <= page.pagination.totalPages) {
        requestRefreshPage(next);
        return;
    }
    m_lastError = {};
    applyRefresh(std::exchange(m_refreshRows, {}));
    if (std::exchange(m_refreshPending, false))
        refresh();
}

void TicketListModel::applyRefresh(const QList<Wire::TicketSummary> &incoming)
{
    // Pages fetched one after another may overlap when a ticket moved meanwhile: keep the first.
    // Indexed as they will stand: once the rows below are in step, this is m_rows' index.
    QList<Wire::TicketSummary> fresh;
    TicketIdIndex freshIndex;
    freshIndex.reserve(incoming.size());
    const auto freshId = [&](qsizetype row) -> const QString & { return fresh.at(row).id; };
    for (const Wire::TicketSummary &t : incoming)
        if (freshIndex.insert(t.id, Wire::ticketIdHash(t.id), fresh.size(), freshId))
            fresh.append(t);
    const auto isFresh = [&](const QString &id) { return freshIndex.rowOf(id, fresh) >= 0; };

    // 1. Remove the rows that left the loaded range, bottom up, in contiguous runs.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (isFresh(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !isFresh(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. Walk the new order: rows before `i` are final, so an existing row is always at or
    // below `i` and moves up; new rows are inserted in place; changed rows emit dataChanged.
    for (int i = 0; i < fresh.size(); ++i) {
        const Wire::TicketSummary &t = fresh.at(i);
        int j = -1;
        for (int k = i; k < m_rows.size(); ++k)
            if (m_rows.at(k).id == t.id) {
                j = k;
                break;
            }
        if (j < 0) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, t);
            endInsertRows();
            continue;
        }
        if (j != i) {
            beginMoveRows({}, j, j, {}, i);
            m_rows.move(j, i);
            endMoveRows();
        }
        if (!(m_rows.at(i) == t)) {
            const QString oldStatus = m_rows.at(i).status;
            m_rows[i] = t;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            if (oldStatus != t.status && !m_replacingCache)
                emit statusChanged(t.id, oldStatus, t.status);
        }
    }
    m_index = std::move(freshIndex); // the rows are now exactly `fresh`, in its order
    if (m_refreshPagination) {
        m_totalCount = m_refreshPagination->totalCount;
        m_totalPages = m_refreshPagination->totalPages;
        m_loadedPages = qMin(m_refreshPages, qMax(1, m_totalPages));
    }
    emit refreshed();
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
            return Wire::severityLabel(t.severity);
        case CategoryColumn:
            return Wire::categoryLabel(t.category);
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
        return m_readState ? m_readState->isUnread(t.id, t.updatedAt) : false;
    default:
        return {};
    }
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // "#" says little out of the header: its tooltip, and its name in View → Columns.
    if (role == Qt::ToolTipRole && section == NumberColumn)
        return tr("Ticket number");
    if (role != Qt::DisplayRole)
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
    return !parent.isValid() && !m_job && !m_refreshJob && hasMorePages();
}

void TicketListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // The page asked for is sent first, then the ones after it in order.
    const int next = m_loadedPages + 1;
    requestPage(next);
    readAhead(next + 1, m_totalPages);
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

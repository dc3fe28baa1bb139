#pragma once

// The ticket list, fed page by page from the server through ApiClient (canFetchMore/fetchMore).
// Filters (statuses, cluster, search) are applied on the server: setQuery() starts over.
// One row per ticket; columns are the list view's columns. Lives in the GUI thread.
// refresh() re-fetches the pages already loaded and applies the differences row by row
// (dataChanged, inserts, removals, moves) so selection and scroll position survive; reload()
// starts over: at once with the offline copy of the new rows when there is one, else the rows
// shown stay until the first page arrives and replaces them (row by row when the list is short,
// with a reset otherwise; an error clears them). Unread state comes from an optional
// ReadStateStore.
// fetchMore() reads ahead: the next pages are fetched concurrently and appended in page order;
// reload() of the query loaded before asks for the pages after the first with it.

#include "api/apiclient.h"
#include "models/ticketidindex.h"
#include "wire/types.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QPointer>

#include <functional>
#include <optional>

namespace Ankra::Models {

class ReadStateStore;

class TicketListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        SubjectColumn,
        StatusColumn,
        SeverityColumn,
        CategoryColumn,
        ClusterColumn,
        UpdatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit TicketListModel(Api::ApiClient *client, QObject *parent = nullptr);

    void setQuery(const Api::TicketQuery &query); // loads the first page, then resets to it
    const Api::TicketQuery &query() const { return m_query; }
    void reload();
    // Re-fetches the loaded pages (at least the first) and applies the changes incrementally.
    // Deferred while a page is loading; calls while refreshing make one more refresh after it.
    void refresh();
    bool isRefreshing() const { return m_refreshJob != nullptr; }
    void setReadState(ReadStateStore *store);
    int rowOf(const QString &ticketId) const;
    // Human label of a category wire value ("feature_request" -> "Feature request").

    qint64 totalCount() const { return m_totalCount; }
    bool isLoading() const { return m_job != nullptr; }
    // Whether the query has pages not loaded yet, one being on its way or not (canFetchMore()
    // is false while one is: it says whether fetchMore() would ask for one now).
    bool hasMorePages() const { return m_totalPages >= 0 && m_loadedPages < m_totalPages; }
    const Api::ApiError &lastError() const { return m_lastError; }
    const Wire::TicketSummary &ticketAt(int row) const { return m_rows.at(row); }

    // Offline copy (optional, e.g. Store::CacheSync): its rows for the query are shown at once
    // by setQuery()/reload() and kept while the server cannot be reached; the server's first
    // page then replaces them in place (selection survives). Set while the first page is still
    // on its way, it shows the cached rows at once.
    using CacheLookup = std::function<QList<Wire::TicketSummary>(const Api::TicketQuery &query)>;
    void setCacheLookup(CacheLookup lookup);
    bool isShowingCache() const { return m_showingCache; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const Ankra::Api::ApiError &error);
    void pageLoaded(int page);
    // After refresh() applied the server's answer.
    void refreshed();
    // A loaded ticket's status differs after a refresh.
    void statusChanged(const QString &ticketId, const QString &oldStatus, const QString &newStatus);
    // The rows are the offline copy (true) or the server's again (false).
    void cacheStateChanged(bool showingCache);
    // Every page the server answered (loads and refreshes), for the offline copy.
    void pageReceived(const Ankra::Api::TicketQuery &query, const Ankra::Wire::TicketPage &page);

protected:
    // Starts the list request of one page (parented to this). The queue model (staff mode)
    // overrides it to use the team route; the default is the customer list.
    virtual Api::ListTicketsJob *startListJob(const Api::TicketQuery &query);

private:
    void requestPage(int page);
    void onPageFinished();
    void clearReplacedRows(); // an error on page 1 of a new query: the old rows go
    void requestRefreshPage(int page);
    void onRefreshPageFinished();
    void applyRefresh(const QList<Wire::TicketSummary> &fresh);
    void readAhead(int fromPage, int totalPages); // pages fromPage.. (at most totalPages)
    void clearReadAhead();

    Api::ApiClient *m_client;
    Api::TicketQuery m_query;
    QList<Wire::TicketSummary> m_rows;
    TicketIdIndex m_index;                             // ids of m_rows, kept in step with it
    static constexpr qint64 MaxReservedRows = 200'000; // reserved ahead from total_count
    QPointer<Api::ListTicketsJob> m_job;
    Api::ApiError m_lastError;
    int m_loadedPages = 0;
    int m_totalPages = -1; // unknown until the first page arrives
    qint64 m_totalCount = 0;
    QPointer<Api::ListTicketsJob> m_refreshJob;
    QList<Wire::TicketSummary> m_refreshRows;
    int m_refreshPages = 0;
    std::optional<Wire::Pagination> m_refreshPagination;
    bool m_refreshPending = false;
    QPointer<ReadStateStore> m_readState;
    CacheLookup m_cacheLookup;
    bool m_showingCache = false;
    bool m_replacingCache = false;     // page 1 replaces the rows shown: no status news
    bool m_replaceOnFirstPage = false; // rows of the previous query shown until page 1 is here
    // Read-ahead: fetchMore() also requests the pages after the one it asks for, concurrently
    // (one by one, 100 pages cost 100 round trips and 100 repaints: bench_client P1); a later
    // fetchMore() takes them from here, applied in the next event-loop pass when they already
    // arrived. The window doubles while the user keeps asking for more; a reload or refresh
    // drops it.
    QMap<int, QPointer<Api::ListTicketsJob>> m_readAhead;
    int m_readAheadPages = 0;
};

} // namespace Ankra::Models

#pragma once

// Keeps a TicketCache in step with what the client sees, and lends it to the models so they can
// show it when the server cannot answer:
// - every list page the server answers is stored (TicketListModel::pageReceived), and the list
//   shows the cached rows for a query at once (TicketListModel::setCacheLookup);
// - every ticket the user opens is stored when the server's copy arrives, and shown from the
//   cache at once on the next open (TicketController::setCacheLookup);
// - in the background, once the server answered, the first page of each view is fetched into
//   the cache (one request at a time, again after PrefetchIntervalMs).
// Owns nothing it is given; the cache, client, model and controller must outlive it (or be its
// parents). GUI thread only.

#include "api/apiclient.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Ankra::Models {
class TicketController;
class TicketListModel;
} // namespace Ankra::Models

namespace Ankra::Store {

class TicketCache;

class CacheSync : public QObject
{
    Q_OBJECT
public:
    static constexpr int PrefetchPageSize = 100;
    static constexpr int PrefetchIntervalMs = 15 * 60 * 1000;

    CacheSync(TicketCache *cache, Api::ApiClient *client, QObject *parent = nullptr);

    TicketCache *cache() const { return m_cache; }
    void attach(Models::TicketListModel *list);
    void attach(Models::TicketController *controller);
    // The status sets of the views to prefetch (empty list = all tickets).
    void setPrefetchViews(const QList<QStringList> &views) { m_views = views; }
    void prefetch(); // now: the first page of each view, one after another
    bool isPrefetching() const { return m_job != nullptr; }

signals:
    void prefetched(int tickets); // the prefetch pass ended; how many tickets it stored

private:
    void prefetchNext();
    void maybePrefetch();

    TicketCache *m_cache;
    Api::ApiClient *m_client;
    QList<QStringList> m_views;
    QList<QStringList> m_pending;
    QPointer<Api::ListTicketsJob> m_job;
    QElapsedTimer m_lastPrefetch;
    int m_prefetchedTickets = 0;
};

} // namespace Ankra::Store

#include "store/cachesync.h"

#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "store/cache.h"

namespace Ankra::Store {

CacheSync::CacheSync(TicketCache *cache, Api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
{}

void CacheSync::attach(Models::TicketListModel *list)
{
    QPointer<TicketCache> cache = m_cache;
    list->setCacheLookup([cache](const Api::TicketQuery &query) {
        return cache ? cache->tickets(query) : QList<Wire::TicketSummary>();
    });
    connect(list,
            &Models::TicketListModel::pageReceived,
            this,
            [this](const Api::TicketQuery &query, const Wire::TicketPage &page) {
                m_cache->storePage(query, page);
                maybePrefetch(); // the server answers: a good time to fill the other views
            });
}

void CacheSync::attach(Models::TicketController *controller)
{
    QPointer<TicketCache> cache = m_cache;
    controller->setCacheLookup([cache](const QString &ticketId) {
        return cache ? cache->ticket(ticketId) : std::nullopt;
    });
    connect(controller, &Models::TicketController::ticketChanged, this, [this, controller] {
        if (controller->hasTicket() && !controller->isShowingCache())
            m_cache->storeTicket(controller->ticket());
    });
}

void CacheSync::maybePrefetch()
{
    if (m_job || m_views.isEmpty())
        return;
    if (m_lastPrefetch.isValid() && m_lastPrefetch.elapsed() < PrefetchIntervalMs)
        return;
    prefetch();
}

void CacheSync::prefetch()
{
    if (m_job)
        return;
    m_lastPrefetch.start();
    m_pending = m_views.isEmpty() ? QList<QStringList>{QStringList()} : m_views;
    m_prefetchedTickets = 0;
    prefetchNext();
}

void CacheSync::prefetchNext()
{
    if (m_pending.isEmpty()) {
        emit prefetched(m_prefetchedTickets);
        return;
    }
    Api::TicketQuery query;
    query.statuses = m_pending.takeFirst();
    query.pageSize = PrefetchPageSize;
    auto *job = m_client->listTickets(query, this);
    m_job = job;
    connect(job, &Api::ApiJob::finished, this, [this, job, query] {
        job->deleteLater();
        m_job = nullptr;
        if (!job->ok()) {
            // Offline or refused: try again at the next chance, not now.
            m_pending.clear();
            m_lastPrefetch.invalidate();
            emit prefetched(m_prefetchedTickets);
            return;
        }
        m_cache->storePage(query, job->page());
        m_prefetchedTickets += int(job->page().result.size());
        prefetchNext();
    });
}

} // namespace Ankra::Store

#include "models/viewcounter.h"

namespace Ankra::Models {

ViewCounter::ViewCounter(Api::ApiClient *client, QList<QStringList> views, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_views(std::move(views))
    , m_counts(m_views.size(), -1)
{}

void ViewCounter::refresh()
{
    for (const QPointer<Api::ListTicketsJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
            job->deleteLater();
        }
    }
    m_jobs.clear();
    m_pending = int(m_views.size());
    for (int view = 0; view < m_views.size(); ++view) {
        Api::TicketQuery query;
        query.statuses = m_views.at(view);
        query.pageSize = 1;
        auto *job = m_client->listTickets(query, this);
        m_jobs.append(job);
        connect(job, &Api::ApiJob::finished, this, [this, job, view] {
            job->deleteLater();
            if (job->ok()) {
                const qint64 total = job->page().pagination.totalCount;
                if (m_counts.at(view) != total) {
                    m_counts[view] = total;
                    emit countChanged(view, total);
                }
            }
            if (--m_pending == 0)
                emit finished();
        });
    }
}

} // namespace Ankra::Models

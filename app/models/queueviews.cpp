#include "models/queueviews.h"

#include "wire/enums.h"

#include <QCoreApplication>

namespace Ankra::Models {

QList<QueueView> standardQueueViews()
{
    using namespace Wire::Status;
    const auto s = [](const char *status) { return QString::fromLatin1(status); };
    QList<QueueView> views;
    QueueView triage;
    triage.key = QStringLiteral("triage");
    triage.name = QCoreApplication::translate("Ankra::Models::QueueView", "Needs triage");
    // Nobody owns it yet and nobody works on it.
    triage.query.statuses = {s(PendingReview), s(Open), s(Triaging)};
    triage.query.assignee = QStringLiteral("none");
    views.append(triage);
    QueueView mine;
    mine.key = QStringLiteral("mine");
    mine.name = QCoreApplication::translate("Ankra::Models::QueueView", "Assigned to me");
    mine.query.statuses = {s(PendingReview), s(Open), s(Triaging), s(InProgress), s(WaitingCustomer)};
    mine.query.assignee = QStringLiteral("me");
    views.append(mine);
    QueueView waiting;
    waiting.key = QStringLiteral("waiting");
    waiting.name = QCoreApplication::translate("Ankra::Models::QueueView", "Waiting on customer");
    waiting.query.statuses = {s(WaitingCustomer)};
    views.append(waiting);
    QueueView all;
    all.key = QStringLiteral("all");
    all.name = QCoreApplication::translate("Ankra::Models::QueueView", "All");
    views.append(all);
    return views;
}

QueueViewCounter::QueueViewCounter(Api::ApiClient *client, QList<QueueView> views, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_views(std::move(views))
{
    m_counts.fill(-1, m_views.size());
}

void QueueViewCounter::refresh()
{
    for (const QPointer<Api::TeamListJob> &job : std::as_const(m_jobs))
        if (job) {
            job->disconnect(this);
            job->cancel();
            job->deleteLater();
        }
    m_jobs.clear();
    for (int view = 0; view < m_views.size(); ++view) {
        Api::TeamTicketQuery q = m_views.at(view).query;
        q.page = 1;
        q.pageSize = 1;
        auto *job = Api::TeamApi(m_client).listTickets(q, this);
        m_jobs.append(job);
        connect(job, &Api::ApiJob::finished, this, [this, job, view] {
            job->deleteLater();
            if (!job->ok())
                return;
            const qint64 count = job->page().pagination.totalCount;
            if (m_counts.at(view) != count) {
                m_counts[view] = count;
                emit countChanged(view, count);
            }
        });
    }
}

} // namespace Ankra::Models

#pragma once

// The views of staff mode's queue (Needs triage, Assigned to me, Waiting on customer, All) as
// team queries, and a counter that asks the server how many tickets each view holds (one
// page_size=1 request per view; only pagination.total_count is read). GUI thread only.

#include "api/teamjobs.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace Ankra::Models {

struct QueueView
{
    QString key;  // stable, e.g. "triage"
    QString name; // translated
    Api::TeamTicketQuery query;
};

QList<QueueView> standardQueueViews();

class QueueViewCounter : public QObject
{
    Q_OBJECT
public:
    QueueViewCounter(Api::ApiClient *client, QList<QueueView> views, QObject *parent = nullptr);

    qint64 count(int view) const { return m_counts.value(view, -1); } // -1: unknown

public slots:
    void refresh();

signals:
    void countChanged(int view, qint64 count);

private:
    Api::ApiClient *m_client;
    QList<QueueView> m_views;
    QList<qint64> m_counts;
    QList<QPointer<Api::TeamListJob>> m_jobs;
};

} // namespace Ankra::Models

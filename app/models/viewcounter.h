#pragma once

// Counts the tickets of each sidebar view with one cheap list request per view (page_size=1:
// only pagination.total_count is used). Views are status sets (empty: all); search and cluster
// filters do not apply to counts. A new refresh() while requests run replaces them. GUI thread.

#include "api/apiclient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Ankra::Models {

class ViewCounter : public QObject
{
    Q_OBJECT
public:
    ViewCounter(Api::ApiClient *client, QList<QStringList> views, QObject *parent = nullptr);

    qint64 count(int view) const { return m_counts.value(view, -1); } // -1: unknown
    int viewCount() const { return int(m_views.size()); }

public slots:
    void refresh();

signals:
    void countChanged(int view, qint64 count);
    void finished(); // every view answered (or failed) since the last refresh()

private:
    Api::ApiClient *m_client;
    QList<QStringList> m_views;
    QList<qint64> m_counts;
    QList<QPointer<Api::ListTicketsJob>> m_jobs;
    int m_pending = 0;
};

} // namespace Ankra::Models

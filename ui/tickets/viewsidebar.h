#pragma once

// The list of saved views on the left of the main window (Open, Waiting on me, ...).
// Each view is a set of statuses; the sidebar emits the chosen statuses and shows each view's
// ticket count once it is known ("Open (9)").

#include <QListWidget>

namespace Ankra::Ui {

class ViewSidebar : public QListWidget
{
    Q_OBJECT
public:
    explicit ViewSidebar(QWidget *parent = nullptr);

    QStringList currentStatuses() const;
    QString viewName(int row) const; // without its count
    // The status set of every view, in row order (for ViewCounter).
    QList<QStringList> viewStatuses() const;
    void setCount(int view, qint64 count); // negative: unknown, shows the name only

signals:
    void viewChanged(const QStringList &statuses);
};

} // namespace Ankra::Ui

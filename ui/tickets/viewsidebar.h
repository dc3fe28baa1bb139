#pragma once

// The list of saved views on the left of the main window (Open, Waiting on me, ...).
// Each view is a set of statuses; the sidebar emits the chosen statuses.

#include <QListWidget>

namespace Ankra::Ui {

class ViewSidebar : public QListWidget
{
    Q_OBJECT
public:
    explicit ViewSidebar(QWidget *parent = nullptr);

    QStringList currentStatuses() const;

signals:
    void viewChanged(const QStringList &statuses);
};

} // namespace Ankra::Ui

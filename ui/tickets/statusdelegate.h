#pragma once

// Draws a ticket's status or severity as a coloured pill with its text: colour helps scanning,
// the text carries the meaning (status is never shown by colour alone).

#include <QStyledItemDelegate>

namespace Ankra::Ui {

class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Kind { Status, Severity };
    explicit StatusDelegate(Kind kind, QObject *parent = nullptr);

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor colorFor(Kind kind, const QString &value);

private:
    Kind m_kind;
};

} // namespace Ankra::Ui

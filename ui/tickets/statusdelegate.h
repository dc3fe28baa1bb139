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

    // Width of the pill for `text` in `font`, and the width a column needs so that the widest
    // status label of the current language shows in full, also when bold (unread).
    static int pillWidth(const QFont &font, const QString &text);
    static int statusColumnWidth(const QFont &font);

private:
    static void drawPill(QPainter *painter,
                         const QRect &pill,
                         const QColor &color,
                         const QColor &textColor,
                         const QFont &font,
                         const QString &text);

    Kind m_kind;
};

} // namespace Ankra::Ui

#include "tickets/statusdelegate.h"

#include "models/roles.h"
#include "wire/enums.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>

namespace Ankra::Ui {

StatusDelegate::StatusDelegate(Kind kind, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind)
{}

QColor StatusDelegate::colorFor(Kind kind, const QString &value)
{
    if (kind == Kind::Severity) {
        if (value == QLatin1String("critical"))
            return QColor(0xc0, 0x1c, 0x28);
        if (value == QLatin1String("high"))
            return QColor(0xe6, 0x61, 0x00);
        if (value == QLatin1String("medium"))
            return QColor(0xc6, 0x8a, 0x00);
        if (value == QLatin1String("low"))
            return QColor(0x3a, 0x84, 0x4b);
        return {};
    }
    if (value == QLatin1String("waiting_customer"))
        return QColor(0xe6, 0x61, 0x00);
    if (value == QLatin1String("in_progress") || value == QLatin1String("triaging"))
        return QColor(0x1c, 0x71, 0xd8);
    if (value == QLatin1String("open") || value == QLatin1String("pending_review"))
        return QColor(0x81, 0x3d, 0x9c);
    if (value == QLatin1String("resolved"))
        return QColor(0x26, 0xa2, 0x69);
    if (value == QLatin1String("closed"))
        return QColor(0x77, 0x76, 0x7b);
    return QColor(0x77, 0x76, 0x7b);
}

namespace {
constexpr int CellMargin = 4; // between the pill and the cell's left and right edges
}

int StatusDelegate::pillWidth(const QFont &font, const QString &text)
{
    const QFontMetrics fm(font);
    const int pad = fm.height() / 3;
    const int dot = fm.height() / 3;
    return pad + dot + pad / 2 + fm.horizontalAdvance(text) + pad + 1;
}

int StatusDelegate::statusColumnWidth(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    int widest = 0;
    for (const QString &status : Wire::knownStatuses())
        widest = qMax(widest, pillWidth(bold, Wire::statusLabel(status)));
    return widest + 2 * CellMargin;
}

void StatusDelegate::paint(QPainter *painter,
                           const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString value
        = index.data(m_kind == Kind::Status ? Models::StatusRole : Models::SeverityRole).toString();
    // The severity column shows the model's human label ("High"), not the wire value.
    const QString text = m_kind == Kind::Status ? index.data(Models::StatusLabelRole).toString()
                                                : index.data(Qt::DisplayRole).toString();
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (text.isEmpty())
        return;

    QRect pill = opt.rect.adjusted(CellMargin, 3, -CellMargin, -3);
    pill.setWidth(qMin(pill.width(), pillWidth(opt.font, text)));
    if (pill.width() <= 0 || pill.height() <= 0)
        return;
    const QColor textColor = opt.palette.color(
        opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text);
    // A pill is drawn once per look and then copied: its antialiased outline was a third of
    // painting a screen of the list (bench_client P1).
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    // One arg() pass: a server's status text may itself hold "%5".
    const QString key = QStringLiteral("ankra-pill|%1|%2|%3|%4x%5|%6|%7|%8")
                            .arg(QString::number(int(m_kind)),
                                 value,
                                 text,
                                 QString::number(pill.width()),
                                 QString::number(pill.height()),
                                 opt.font.key(),
                                 QString::number(textColor.rgba()),
                                 QString::number(dpr));
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = QPixmap(pill.size() * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        drawPill(&p,
                 QRect(QPoint(0, 0), pill.size()),
                 colorFor(m_kind, value),
                 textColor,
                 opt.font,
                 text);
        p.end();
        QPixmapCache::insert(key, pixmap);
    }
    painter->drawPixmap(pill.topLeft(), pixmap);
}

void StatusDelegate::drawPill(QPainter *painter,
                              const QRect &pill,
                              const QColor &color,
                              const QColor &textColor,
                              const QFont &font,
                              const QString &text)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font); // bold when the ticket is unread
    const QFontMetrics fm(font);
    const int pad = fm.height() / 3;
    QColor fill = color;
    fill.setAlphaF(0.18f);
    painter->setPen(QPen(color, 1));
    painter->setBrush(fill);
    // Inside the pixmap: the 1 px pen straddles the edge, so the outline is inset by half a pixel.
    const QRectF outline = QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5);
    painter->drawRoundedRect(outline, outline.height() / 2.0, outline.height() / 2.0);
    // A small dot of full colour, then the text in the normal text colour (readable in both
    // light and dark palettes).
    const int dot = fm.height() / 3;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(QPoint(pill.left() + pad + dot / 2, pill.center().y() + 1),
                         dot / 2,
                         dot / 2);
    painter->setPen(textColor);
    const QRect textRect = pill.adjusted(pad + dot + pad / 2, 0, -pad, 0);
    painter->drawText(textRect,
                      Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(text, Qt::ElideRight, textRect.width()));
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    const QString text = index
                             .data(m_kind == Kind::Status ? Models::StatusLabelRole
                                                          : int(Qt::DisplayRole))
                             .toString();
    size.setWidth(pillWidth(option.font, text) + 2 * CellMargin);
    size.setHeight(qMax(size.height(), fm.height() + 10));
    return size;
}

} // namespace Ankra::Ui

#include "detail/statustimeline.h"

#include "wire/enums.h"

#include <QPainter>
#include <QPalette>

namespace Ankra::Ui {

StatusTimeline::StatusTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("statusTimeline"));
    setAccessibleName(tr("Status timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QStringList StatusTimeline::stepLabels() const
{
    return {tr("Open"),
            tr("Being assessed"),
            m_status == QLatin1String(Wire::Status::WaitingCustomer) ? tr("Waiting on you")
                                                                     : tr("Being worked on"),
            tr("Resolved"),
            tr("Closed")};
}

int StatusTimeline::currentStep() const
{
    using namespace Wire::Status;
    if (m_status == QLatin1String(PendingReview) || m_status == QLatin1String(Open))
        return 0;
    if (m_status == QLatin1String(Triaging))
        return 1;
    if (m_status == QLatin1String(InProgress) || m_status == QLatin1String(WaitingCustomer))
        return 2;
    if (m_status == QLatin1String(Resolved))
        return 3;
    if (m_status == QLatin1String(Closed))
        return 4;
    return -1;
}

void StatusTimeline::setStatus(const QString &status)
{
    m_status = status;
    const int step = currentStep();
    setAccessibleDescription(step < 0 ? Wire::statusLabel(status)
                                      : tr("Step %1 of %2: %3")
                                            .arg(step + 1)
                                            .arg(stepLabels().size())
                                            .arg(stepLabels().at(step)));
    setToolTip(accessibleDescription());
    update();
}

QSize StatusTimeline::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(stepLabels().join(QStringLiteral("      "))) + 40,
            fm.height() * 2 + 14};
}

QSize StatusTimeline::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {200, fm.height() * 2 + 14};
}

void StatusTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QStringList labels = stepLabels();
    const int n = int(labels.size());
    const int current = currentStep();
    const QFontMetrics fm(font());
    const int r = fm.height() / 3 + 1;
    const int y = r + 4;
    const qreal slot = qreal(width()) / n;
    const QColor done = palette().color(QPalette::Highlight);
    const QColor todo = palette().color(QPalette::Mid);
    for (int i = 0; i < n; ++i) {
        const qreal cx = slot * i + slot / 2;
        if (i + 1 < n) {
            p.setPen(QPen(i < current ? done : todo, 2));
            p.drawLine(QPointF(cx + r, y), QPointF(cx + slot - r, y));
        }
        const bool reached = current >= 0 && i <= current;
        p.setPen(QPen(reached ? done : todo, 2));
        p.setBrush(reached ? QBrush(done) : Qt::NoBrush);
        p.drawEllipse(QPointF(cx, y), r, r);
        QFont f = font();
        f.setBold(i == current);
        p.setFont(f);
        p.setPen(palette().color(i == current ? QPalette::WindowText : QPalette::PlaceholderText));
        const QRectF text(slot * i, y + r + 2, slot, fm.height() + 4);
        p.drawText(text,
                   Qt::AlignHCenter | Qt::AlignTop,
                   QFontMetrics(f).elidedText(labels.at(i), Qt::ElideRight, int(slot) - 4));
    }
}

} // namespace Ankra::Ui

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

namespace {

// The label split onto at most two lines at a word boundary, so that both fit `width`; the
// second line is elided only when the widget is squeezed below its minimum size.
QStringList twoLines(const QFontMetrics &fm, const QString &label, int width)
{
    if (fm.horizontalAdvance(label) <= width)
        return {label};
    const QStringList words = label.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int take = 1;
    while (take < words.size()
           && fm.horizontalAdvance(words.mid(0, take + 1).join(QLatin1Char(' '))) <= width)
        ++take;
    const QString first = words.mid(0, take).join(QLatin1Char(' '));
    const QString rest = words.mid(take).join(QLatin1Char(' '));
    QStringList lines{fm.elidedText(first, Qt::ElideRight, width)};
    if (!rest.isEmpty())
        lines.append(fm.elidedText(rest, Qt::ElideRight, width));
    return lines;
}

// The narrowest width in which `label` fits on two lines without eliding.
int twoLineWidth(const QFontMetrics &fm, const QString &label)
{
    const QStringList words = label.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int best = fm.horizontalAdvance(label);
    for (int i = 1; i < words.size(); ++i)
        best = qMin(best,
                    qMax(fm.horizontalAdvance(words.mid(0, i).join(QLatin1Char(' '))),
                         fm.horizontalAdvance(words.mid(i).join(QLatin1Char(' ')))));
    return best;
}

constexpr int SlotPadding = 8;

} // namespace

QStringList StatusTimeline::allStepLabels()
{
    return {tr("Open"),
            tr("Being assessed"),
            tr("Being worked on"),
            tr("Waiting on you"),
            tr("Resolved"),
            tr("Closed")};
}

QFont StatusTimeline::labelFont() const
{
    // The current step is bold: measure every label bold so that none grows when it is reached.
    QFont f = font();
    f.setBold(true);
    return f;
}

int StatusTimeline::labelTop() const
{
    const QFontMetrics fm(font());
    return 2 * (fm.height() / 3 + 1) + 6;
}

QSize StatusTimeline::sizeHint() const
{
    // Room for every label on one line.
    const QFontMetrics fm(labelFont());
    int slot = 0;
    for (const QString &label : allStepLabels())
        slot = qMax(slot, fm.horizontalAdvance(label));
    return {(slot + SlotPadding) * int(stepLabels().size()), labelTop() + fm.lineSpacing() * 2 + 4};
}

QSize StatusTimeline::minimumSizeHint() const
{
    // Room for every label on two lines at most: below it labels would be elided.
    const QFontMetrics fm(labelFont());
    int slot = 0;
    for (const QString &label : allStepLabels())
        slot = qMax(slot, twoLineWidth(fm, label));
    return {(slot + SlotPadding) * int(stepLabels().size()), labelTop() + fm.lineSpacing() * 2 + 4};
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
        const QFontMetrics lfm(f);
        const QStringList lines = twoLines(lfm, labels.at(i), int(slot) - SlotPadding);
        for (int l = 0; l < lines.size(); ++l) {
            const QRectF text(slot * i, labelTop() + l * lfm.lineSpacing(), slot, lfm.height());
            p.drawText(text, Qt::AlignHCenter | Qt::AlignTop, lines.at(l));
        }
    }
}

QStringList StatusTimeline::visibleLines(int step) const
{
    const QStringList labels = stepLabels();
    if (step < 0 || step >= labels.size())
        return {};
    QFont f = font();
    f.setBold(step == currentStep());
    return twoLines(QFontMetrics(f), labels.at(step), width() / int(labels.size()) - SlotPadding);
}

} // namespace Ankra::Ui

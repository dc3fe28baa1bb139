#include "widgets/messagebanner.h"

#include "widgets/errortext.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

namespace Ankra::Ui {

namespace {

constexpr int EdgeWidth = 4; // the kind's colour along the left edge
constexpr qreal Tint = 0.22; // how much of the kind's colour is in the background

QColor blend(const QColor &base, const QColor &over, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() + (over.redF() - base.redF()) * amount),
                            float(base.greenF() + (over.greenF() - base.greenF()) * amount),
                            float(base.blueF() + (over.blueF() - base.blueF()) * amount));
}

} // namespace

MessageBanner::MessageBanner(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setAutoFillBackground(true);
    setAccessibleName(kind == Kind::Error ? tr("Error") : tr("Warning"));
    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("messageIcon"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(EdgeWidth + 8, 6, 8, 6);
    m_layout->addWidget(m_icon);
    m_layout->addWidget(m_text, 1);
    updateLook();
    hide();
}

QPushButton *MessageBanner::addButton(const QString &text, const QString &description)
{
    auto *button = new QPushButton(text, this);
    button->setAccessibleDescription(description);
    m_layout->addWidget(button);
    return button;
}

QPushButton *MessageBanner::addRetryButton(const QString &description)
{
    m_retry = addButton(tr("Retry"), description);
    return m_retry;
}

void MessageBanner::setText(const QString &text)
{
    if (text == m_text->text())
        return;
    m_text->setText(text);
    if (isVisible())
        announce();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::showMessage(const QString &text, bool offerRetry)
{
    if (m_retry)
        m_retry->setVisible(offerRetry);
    setText(text);
    show();
}

QColor MessageBanner::accent(Kind kind)
{
    // Breeze's negative and neutral colours.
    return kind == Kind::Error ? QColor(0xda, 0x44, 0x53) : QColor(0xf6, 0x74, 0x00);
}

QColor MessageBanner::background(Kind kind, const QPalette &palette)
{
    return blend(palette.color(QPalette::Window), accent(kind), Tint);
}

void MessageBanner::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    const QEvent::Type type = event->type();
    if ((type == QEvent::PaletteChange || type == QEvent::ApplicationPaletteChange
         || type == QEvent::StyleChange)
        && !m_updatingLook)
        updateLook();
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.fillRect(QRect(0, 0, EdgeWidth, height()), accent(m_kind));
}

void MessageBanner::showEvent(QShowEvent *event)
{
    updateIcon();
    QWidget::showEvent(event);
    announce();
}

void MessageBanner::updateLook()
{
    // Setting the palette below sends a PaletteChange of its own.
    m_updatingLook = true;
    QPalette own = palette();
    const QPalette inherited = inheritedPalette(this);
    own.setColor(QPalette::Window, background(m_kind, inherited));
    own.setColor(QPalette::WindowText, inherited.color(QPalette::WindowText));
    setPalette(own);
    m_iconStale = true;
    if (isVisible())
        updateIcon();
    m_updatingLook = false;
}

void MessageBanner::updateIcon()
{
    // Drawn when the banner is shown, not when it is made: every window makes its banners at
    // start, hidden (the main window's before its first paint, bench_client P2).
    if (!m_iconStale)
        return;
    m_iconStale = false;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = style()->standardIcon(m_kind == Kind::Error ? QStyle::SP_MessageBoxCritical
                                                                   : QStyle::SP_MessageBoxWarning,
                                             nullptr,
                                             this);
    m_icon->setPixmap(icon.pixmap(size, size));
}

void MessageBanner::announce()
{
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
    emit announced(m_text->text());
}

} // namespace Ankra::Ui

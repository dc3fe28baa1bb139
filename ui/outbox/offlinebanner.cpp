#include "outbox/offlinebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Ankra::Ui {

OfflineBanner::OfflineBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAccessibleName(tr("Offline"));
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd0));
    p.setColor(QPalette::WindowText, QColor(0x4a, 0x37, 0x00));
    setPalette(p);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("offlineBannerText"));
    m_text->setWordWrap(true);
    m_retry = new QPushButton(tr("Try now"), this);
    m_retry->setObjectName(QStringLiteral("offlineRetryButton"));
    m_retry->setToolTip(tr("Check now whether the server can be reached"));
    m_outbox = new QPushButton(tr("Outbox…"), this);
    m_outbox->setObjectName(QStringLiteral("offlineOutboxButton"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_outbox);
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    connect(m_outbox, &QPushButton::clicked, this, &OfflineBanner::outboxRequested);
    hide();
}

void OfflineBanner::setState(bool online, int pending)
{
    setVisible(!online);
    if (online)
        return;
    QString text = tr("You are offline: the server cannot be reached. New tickets, replies, "
                      "attachments and closes are kept in the outbox and sent when it is back.");
    if (pending > 0)
        text += QLatin1Char(' ') + tr("%n action(s) waiting.", nullptr, pending);
    m_text->setText(text);
}

QString OfflineBanner::text() const
{
    return m_text->text();
}

} // namespace Ankra::Ui

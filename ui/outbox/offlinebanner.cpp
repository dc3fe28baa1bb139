#include "outbox/offlinebanner.h"

#include <QPushButton>

namespace Ankra::Ui {

OfflineBanner::OfflineBanner(QWidget *parent)
    : MessageBanner(Kind::Warning, parent)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAccessibleName(tr("Offline"));
    m_retry = addButton(tr("Try now"), tr("Check now whether the server can be reached"));
    m_retry->setObjectName(QStringLiteral("offlineRetryButton"));
    m_retry->setToolTip(m_retry->accessibleDescription());
    m_outbox = addButton(tr("Outbox…"), tr("The actions waiting to be sent"));
    m_outbox->setObjectName(QStringLiteral("offlineOutboxButton"));
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    connect(m_outbox, &QPushButton::clicked, this, &OfflineBanner::outboxRequested);
}

void OfflineBanner::setState(bool online, int pending)
{
    if (online) {
        hide();
        return;
    }
    QString text = tr("You are offline: the server cannot be reached. New tickets, replies, "
                      "attachments and closes are kept in the outbox and sent when it is back.");
    if (pending > 0)
        text += QLatin1Char(' ') + tr("%n action(s) waiting.", nullptr, pending);
    showMessage(text);
}

} // namespace Ankra::Ui

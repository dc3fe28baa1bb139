#pragma once

// "You are offline" above the ticket list, with "Try now" and "Outbox…". Hidden while online.

#include "widgets/messagebanner.h"

class QPushButton;

namespace Ankra::Ui {

class OfflineBanner : public MessageBanner
{
    Q_OBJECT
public:
    explicit OfflineBanner(QWidget *parent = nullptr);
    void setState(bool online, int pending);

signals:
    void retryRequested();
    void outboxRequested();

private:
    QPushButton *m_retry;
    QPushButton *m_outbox;
};

} // namespace Ankra::Ui

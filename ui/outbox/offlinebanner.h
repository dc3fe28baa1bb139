#pragma once

// "You are offline" above the ticket list, with "Try now" and "Outbox…". Hidden while online.

#include <QWidget>

class QLabel;
class QPushButton;

namespace Ankra::Ui {

class OfflineBanner : public QWidget
{
    Q_OBJECT
public:
    explicit OfflineBanner(QWidget *parent = nullptr);
    void setState(bool online, int pending);
    QString text() const;

signals:
    void retryRequested();
    void outboxRequested();

private:
    QLabel *m_text;
    QPushButton *m_retry;
    QPushButton *m_outbox;
};

} // namespace Ankra::Ui

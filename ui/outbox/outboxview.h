#pragma once

// The Outbox view: every queued action with its state (waiting, sending, sent, failed with the
// reason) and what the user may do with it: retry a failed one, edit one not sent yet, send a
// flagged ticket anyway, cancel one, forget the sent ones. A non-modal dialog.

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeView;

namespace Ankra::Store {
class Connectivity;
class Outbox;
class OutboxModel;
class OutboxSender;
} // namespace Ankra::Store

namespace Ankra::Ui {

class OutboxView : public QDialog
{
    Q_OBJECT
public:
    OutboxView(Store::Outbox *outbox,
               Store::OutboxSender *sender,
               Store::Connectivity *connectivity,
               QWidget *parent = nullptr);

    QTreeView *list() const { return m_list; }
    Store::OutboxModel *model() const { return m_model; }
    void selectEntry(qint64 id);
    qint64 currentEntryId() const;

    void retryCurrent();
    void editCurrent();
    void sendAnywayCurrent();
    void cancelCurrent(); // asks first (MessageBox::question)

private:
    void updateButtons();
    void updateStatus();

    Store::Outbox *m_outbox;
    Store::OutboxSender *m_sender;
    Store::Connectivity *m_connectivity;
    Store::OutboxModel *m_model;
    QLabel *m_status;
    QTreeView *m_list;
    QLabel *m_reason;
    QPushButton *m_retry;
    QPushButton *m_edit;
    QPushButton *m_sendAnyway;
    QPushButton *m_cancel;
    QPushButton *m_removeSent;
};

} // namespace Ankra::Ui

#pragma once

// The Drafts view (reached from the main window's "Drafts" action): the account's unsent new
// tickets and replies, most recent first. Open hands a draft back (the wizard or the ticket's
// reply box restores it); Discard deletes it after a confirmation.

#include <QDialog>

class QLabel;
class QListView;
class QPushButton;

namespace Ankra::Store {
class DraftListModel;
class DraftStore;
struct Draft;
} // namespace Ankra::Store

namespace Ankra::Ui {

class DraftsDialog : public QDialog
{
    Q_OBJECT
public:
    DraftsDialog(Store::DraftStore *store, const QString &account, QWidget *parent = nullptr);

    Store::DraftListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    void openCurrent();
    void discardCurrent(); // asks first

signals:
    // kind "ticket": open the wizard with draftId; "reply": open ticketId and its reply box.
    void openRequested(const QString &draftId, const QString &kind, const QString &ticketId);

private:
    void updateButtons();

    Store::DraftStore *m_store;
    Store::DraftListModel *m_model;
    QListView *m_list;
    QLabel *m_empty;
    QPushButton *m_open;
    QPushButton *m_discard;
};

} // namespace Ankra::Ui

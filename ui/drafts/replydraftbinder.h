#pragma once

// Keeps the detail view's reply box in a draft per ticket (Store::ReplyDraftSession): typing is
// autosaved, opening a ticket brings back its unsent reply, a sent reply removes the draft.

#include <QObject>

namespace Ankra::Store {
class DraftStore;
class ReplyDraftSession;
} // namespace Ankra::Store

namespace Ankra::Ui {

class DetailView;

class ReplyDraftBinder : public QObject
{
    Q_OBJECT
public:
    ReplyDraftBinder(Store::DraftStore *store, const QString &account, DetailView *view);

    Store::ReplyDraftSession *session() const { return m_session; }

private:
    void onTicketChanged();

    DetailView *m_view;
    Store::ReplyDraftSession *m_session;
    bool m_restoring = false;
};

} // namespace Ankra::Ui

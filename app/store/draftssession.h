#pragma once

// Keeps one editor's text in a draft while the user types (no widgets):
// - TicketDraftSession binds a Review::SubmissionFlow (the new-ticket wizard): every
//   draftChanged() is autosaved (Autosaver: ~0.5 s after typing stops, at most ~0.75 s after
//   the first unsaved change); staged files are copied into the draft's folder before they are
//   staged; the Idempotency-Keys of the create and of each upload are saved (at once when
//   filing starts), so a draft restored after a crash mid-submit files and uploads nothing
//   twice; a filed ticket (finished()) removes the draft. restore() puts a saved draft back
//   into the flow, including the wizard's answers.
// - ReplyDraftSession keeps the reply box of each ticket: setTicket() flushes the previous
//   ticket's text and returns the new one's; sent() removes the ticket's draft.
// A draft with nothing in it is not kept (an empty compose window leaves no draft behind).
// Both use the store from the GUI thread and never block on anything but SQLite.

#include "store/autosaver.h"
#include "store/drafts.h"

#include <QObject>
#include <QPointer>

namespace Ankra::Review {
class SubmissionFlow;
}

namespace Ankra::Store {

class TicketDraftSession : public QObject
{
    Q_OBJECT
public:
    TicketDraftSession(DraftStore *store,
                       Review::SubmissionFlow *flow,
                       const QString &account,
                       QObject *parent = nullptr);
    ~TicketDraftSession() override;

    // Loads draft `id` into the flow; false (and the flow untouched) when it does not exist.
    bool restore(const QString &id);
    QString draftId() const { return m_draft.id; }
    bool isStored() const { return m_stored; }
    Autosaver *autosaver() { return &m_autosaver; }
    // Saves now (Save as draft, closing); false with errorString() on failure.
    bool saveNow();
    // Removes the draft and its files; later edits start a new one.
    void discard();
    QString errorString() const { return m_store->errorString(); }

    // The draft as the flow holds it now (what the next save writes).
    Draft snapshot() const;

signals:
    void saved();

private:
    bool save();

    QPointer<DraftStore> m_store;
    QPointer<Review::SubmissionFlow> m_flow; // may go first: then nothing is saved any more
    Draft m_draft;
    Autosaver m_autosaver;
    bool m_stored = false;
    bool m_finished = false;
};

class ReplyDraftSession : public QObject
{
    Q_OBJECT
public:
    ReplyDraftSession(DraftStore *store, const QString &account, QObject *parent = nullptr);
    ~ReplyDraftSession() override;

    // Flushes the current ticket's text; returns the saved text of `ticketId` (may be empty).
    QString setTicket(const QString &ticketId, const QString &ticketTitle);
    QString ticketId() const { return m_draft.ticketId; }
    void setTicketTitle(const QString &title) { m_draft.ticketTitle = title; }
    void setText(const QString &text); // autosaved
    void flush() { m_autosaver.flush(); }
    void sent(const QString &ticketId); // the reply went out: its draft goes
    Autosaver *autosaver() { return &m_autosaver; }

private:
    bool save();

    QPointer<DraftStore> m_store;
    Draft m_draft;
    bool m_stored = false;
    Autosaver m_autosaver;
};

} // namespace Ankra::Store

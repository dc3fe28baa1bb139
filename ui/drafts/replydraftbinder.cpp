#include "drafts/replydraftbinder.h"

#include "detail/detailview.h"
#include "detail/replyedit.h"

#include "models/ticketcontroller.h"
#include "store/draftssession.h"

namespace Ankra::Ui {

ReplyDraftBinder::ReplyDraftBinder(Store::DraftStore *store,
                                   const QString &account,
                                   DetailView *view)
    : QObject(view)
    , m_view(view)
    , m_session(new Store::ReplyDraftSession(store, account, this))
{
    Models::TicketController *controller = view->controller();
    connect(controller,
            &Models::TicketController::ticketChanged,
            this,
            &ReplyDraftBinder::onTicketChanged);
    connect(controller, &Models::TicketController::replySent, this, [this, controller] {
        m_session->sent(controller->ticketId());
    });
    connect(view->replyEdit(), &QPlainTextEdit::textChanged, this, [this] {
        if (!m_restoring)
            m_session->setText(m_view->replyEdit()->toPlainText());
    });
    onTicketChanged();
}

void ReplyDraftBinder::onTicketChanged()
{
    Models::TicketController *controller = m_view->controller();
    if (!controller->hasTicket())
        return;
    const QString id = controller->ticketId();
    if (id == m_session->ticketId()) {
        m_session->setTicketTitle(controller->ticket().subject);
        return;
    }
    // Another ticket: the old one's reply is flushed to its draft, the new one's comes back.
    const QString text = m_session->setTicket(id, controller->ticket().subject);
    if (text == m_view->replyEdit()->toPlainText())
        return;
    m_restoring = true;
    m_view->replyEdit()->setPlainText(text);
    m_view->replyEdit()->moveCursor(QTextCursor::End);
    m_restoring = false;
}

} // namespace Ankra::Ui

#pragma once

// The open ticket: header, status timeline, conversation, attachments and the reply box.
// Files dropped anywhere on it are checked and attached. All work goes through the injected
// TicketController; the view only shows state and forwards the user's intent.

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;

namespace Ankra::Api {
struct ApiError;
}
namespace KSyntaxHighlighting {
class Repository;
}
namespace Ankra::Models {
class TicketController;
}

namespace Ankra::Ui {

class AttachmentsPanel;
class MessageBanner;
class MarkdownBrowser;
class ReplyEdit;
class StatusTimeline;

class DetailView : public QWidget
{
    Q_OBJECT
public:
    explicit DetailView(Models::TicketController *controller, QWidget *parent = nullptr);
    // What the view says with no ticket open (also what stands in for it before it is built).
    static QString noTicketText();

    Models::TicketController *controller() const { return m_controller; }
    AttachmentsPanel *attachmentsPanel() const { return m_attachments; }
    ReplyEdit *replyEdit() const { return m_reply; } // for the reply draft (ui/drafts)
    void focusReply();
    // What ends the view's transfers, for the question mayClose() asks.
    enum class Ending { CloseWindow, SwitchAccount, SignOut };
    // Before the window closes or the session ends: true when nothing is being uploaded or
    // downloaded, or the user agreed to stop it (then stopped: an interrupted upload has to be
    // started again).
    bool mayClose(Ending ending = Ending::CloseWindow);
    // "Close ticket…" (with confirmation) for a menu: enabled while an open ticket is shown.
    QAction *closeTicketAction() const { return m_closeAction; }
    // Staff mode: the customer's words are labelled "Customer", not "You".
    void setTeamViewpoint(bool team) { m_teamViewpoint = team; }
    void setSyntaxRepository(KSyntaxHighlighting::Repository *repository);
    void showBanner(const QString &text, bool offerRetry);
    void hideBanner();

signals:
    void ticketUpdated(const QString &ticketId);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void render();
    void renderConversation();
    void updateReplyState();
    void send();
    void confirmClose();
    void onError(int operation, const Api::ApiError &error);

    Models::TicketController *m_controller;
    bool m_teamViewpoint = false;
    MessageBanner *m_banner;
    std::function<void()> m_retryAction;
    QLabel *m_title;
    QLabel *m_fields;
    QLabel *m_summary;
    StatusTimeline *m_timeline;
    MarkdownBrowser *m_conversation;
    AttachmentsPanel *m_attachments;
    ReplyEdit *m_reply;
    QLabel *m_counter;
    QPushButton *m_send;
    QPushButton *m_close;
    QAction *m_closeAction;
    QLabel *m_placeholder;
    QWidget *m_content;
};

} // namespace Ankra::Ui

#include "detail/detailview.h"

#include "detail/attachmentspanel.h"
#include "detail/markdown.h"
#include "detail/markdownbrowser.h"
#include "detail/replyedit.h"
#include "detail/statustimeline.h"
#include "messagebox.h"
#include "widgets/errortext.h"
#include "widgets/messagebanner.h"

#include "models/conversationmodel.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "wire/enums.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace Ankra::Ui {

namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    return files;
}

} // namespace

DetailView::DetailView(Models::TicketController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("detailView"));
    setAccessibleName(tr("Ticket"));
    setAcceptDrops(true);

    m_banner = new MessageBanner(MessageBanner::Kind::Error, this);
    m_banner->setObjectName(QStringLiteral("detailBanner"));
    QPushButton *retry = m_banner->addRetryButton(tr("Try the failed action again"));
    retry->setObjectName(QStringLiteral("detailRetryButton"));
    auto *dismiss = m_banner->addButton(tr("Dismiss"), tr("Hide this message"));
    dismiss->setObjectName(QStringLiteral("detailDismissButton"));
    connect(dismiss, &QPushButton::clicked, this, &DetailView::hideBanner);
    connect(retry, &QPushButton::clicked, this, [this] {
        hideBanner();
        if (m_retryAction)
            m_retryAction();
    });

    m_placeholder = new QLabel(noTicketText(), this);
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);

    m_content = new QWidget(this);
    m_title = new QLabel(m_content);
    m_title->setObjectName(QStringLiteral("ticketTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_close = new QPushButton(tr("Close ticket…"), m_content);
    m_close->setObjectName(QStringLiteral("closeTicketButton"));
    m_close->setAccessibleDescription(tr("Close this ticket after confirmation"));
    m_closeAction = new QAction(tr("Close ticket…"), this);
    m_closeAction->setObjectName(QStringLiteral("closeTicketAction"));
    m_closeAction->setToolTip(tr("Close this ticket after confirmation"));
    m_closeAction->setEnabled(false);
    connect(m_closeAction, &QAction::triggered, this, &DetailView::confirmClose);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_close, 0, Qt::AlignTop);

    m_fields = new QLabel(m_content);
    m_fields->setObjectName(QStringLiteral("ticketFields"));
    m_fields->setTextFormat(Qt::PlainText);
    m_fields->setWordWrap(true);
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(m_content);
    m_summary->setObjectName(QStringLiteral("aiSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_timeline = new StatusTimeline(m_content);

    m_conversation = new MarkdownBrowser(m_content);
    m_conversation->setObjectName(QStringLiteral("conversationView"));
    m_conversation->setAccessibleName(tr("Conversation"));
    m_conversation->setAccessibleDescription(tr("The ticket's messages, oldest first"));
    m_attachments = new AttachmentsPanel(controller, m_content);

    m_reply = new ReplyEdit(m_content);
    m_reply->setObjectName(QStringLiteral("replyEdit"));
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setAccessibleDescription(tr("Your reply in markdown. Ctrl+Enter sends it."));
    m_reply->setPlaceholderText(tr("Write a reply (markdown). Ctrl+Enter sends."));
    m_reply->setMaximumHeight(140);
    m_counter = new QLabel(m_content);
    m_counter->setObjectName(QStringLiteral("replyCounter"));
    m_send = new QPushButton(tr("Send reply"), m_content);
    m_send->setObjectName(QStringLiteral("sendReplyButton"));
    m_send->setAccessibleDescription(tr("Send the reply to the Ankra team (Ctrl+Enter)"));
    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_counter, 1);
    replyRow->addWidget(m_send);

    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setObjectName(QStringLiteral("detailSplitter"));
    splitter->addWidget(m_conversation);
    splitter->addWidget(m_attachments);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(8, 8, 8, 8);
    contentLayout->addLayout(titleRow);
    contentLayout->addWidget(m_fields);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_timeline);
    contentLayout->addWidget(splitter, 1);
    contentLayout->addWidget(m_reply);
    contentLayout->addLayout(replyRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_content, 1);

    connect(controller, &Models::TicketController::ticketChanged, this, &DetailView::render);
    connect(controller,
            &Models::TicketController::errorOccurred,
            this,
            [this](Models::TicketController::Operation op, const Api::ApiError &error) {
                onError(int(op), error);
            });
    connect(controller, &Models::TicketController::replySent, this, [this] {
        m_reply->clear();
        hideBanner();
        updateReplyState();
        emit ticketUpdated(m_controller->ticketId());
    });
    connect(controller, &Models::TicketController::ticketClosed, this, [this] {
        emit ticketUpdated(m_controller->ticketId());
    });
    connect(controller,
            &Models::TicketController::uploadFinished,
            this,
            [this](const QString &, bool ok) {
                if (ok)
                    emit ticketUpdated(m_controller->ticketId());
            });
    connect(m_reply, &QPlainTextEdit::textChanged, this, &DetailView::updateReplyState);
    connect(m_reply, &ReplyEdit::sendRequested, this, &DetailView::send);
    connect(m_reply, &ReplyEdit::filesPasted, m_attachments, &AttachmentsPanel::attachFiles);
    connect(m_reply, &ReplyEdit::largeTextPasted, m_attachments, &AttachmentsPanel::attachText);
    connect(m_send, &QPushButton::clicked, this, &DetailView::send);
    connect(m_close, &QPushButton::clicked, this, &DetailView::confirmClose);
    connect(m_attachments, &AttachmentsPanel::refused, this, [this](const QString &reasons) {
        showBanner(reasons, false);
    });
    render();
}

QString DetailView::noTicketText()
{
    return tr("Select a ticket and press Enter to open it.");
}

void DetailView::setSyntaxRepository(KSyntaxHighlighting::Repository *repository)
{
    m_attachments->setSyntaxRepository(repository);
}

void DetailView::focusReply()
{
    m_reply->setFocus(Qt::ShortcutFocusReason);
}

void DetailView::showBanner(const QString &text, bool offerRetry)
{
    m_banner->showMessage(text, offerRetry);
}

void DetailView::hideBanner()
{
    m_banner->hide();
}

void DetailView::render()
{
    const bool has = m_controller->hasTicket();
    m_placeholder->setVisible(!has);
    m_content->setVisible(has);
    m_closeAction->setEnabled(has && !m_controller->isClosed() && m_close->isVisibleTo(this));
    if (!has) {
        if (!m_controller->ticketId().isEmpty())
            m_placeholder->setText(tr("Loading…"));
        else
            m_placeholder->setText(noTicketText());
        return;
    }
    const Wire::Ticket &t = m_controller->ticket();
    m_title->setText(t.ticketNumber ? tr("#%1 %2").arg(*t.ticketNumber).arg(t.subject) : t.subject);
    const QLocale locale;
    const QString none = tr("none");
    QStringList fields{
        tr("Status: %1").arg(Wire::statusLabel(t.status)),
        tr("Severity: %1").arg(t.severity.isEmpty() ? none : Wire::severityLabel(t.severity)),
        tr("Category: %1").arg(Wire::categoryLabel(t.category)),
        tr("Cluster: %1").arg(t.clusterName.isEmpty() ? none : t.clusterName),
        tr("Source: %1").arg(t.source),
        tr("AI review: %1")
            .arg(t.aiReviewStatus.isEmpty() ? none : Wire::aiReviewStatusLabel(t.aiReviewStatus)),
        t.trackedByTeam ? tr("Tracked by the Ankra team") : tr("Not yet tracked by the team"),
        tr("Opened %1").arg(locale.toString(t.createdAt.toLocalTime(), QLocale::ShortFormat)),
    };
    m_fields->setText(fields.join(QStringLiteral("  ·  ")));
    m_summary->setVisible(!t.aiSummary.isEmpty());
    m_summary->setText(tr("AI summary: %1").arg(t.aiSummary));
    m_timeline->setStatus(t.status);
    m_close->setEnabled(!m_controller->isClosed());
    renderConversation();
    updateReplyState();
}

void DetailView::renderConversation()
{
    QTextDocument *doc = m_conversation->document();
    doc->clear();
    QTextCursor cursor(doc);
    const QLocale locale;
    Models::ConversationModel *model = m_controller->conversation();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        const QString type = index.data(Models::AuthorTypeRole).toString();
        const QString label = index.data(Models::AuthorLabelRole).toString();
        const QString kind = m_teamViewpoint && type == QLatin1String("customer")
                                 ? tr("Customer")
                                 : Models::ConversationModel::authorKindLabel(type);
        const QDateTime when = index.data(Models::CreatedAtRole).toDateTime().toLocalTime();
        QTextBlockFormat headerBlock;
        headerBlock.setTopMargin(row == 0 ? 0 : 14);
        headerBlock.setBackground(palette().alternateBase());
        if (row == 0)
            cursor.setBlockFormat(headerBlock);
        else
            cursor.insertBlock(headerBlock, QTextCharFormat());
        // The header is inserted as plain text: a comment cannot forge who wrote it.
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        cursor.insertText(label.isEmpty() ? kind : label, bold);
        cursor.insertText(QStringLiteral("  ·  %1  ·  %2")
                              .arg(kind, locale.toString(when, QLocale::ShortFormat)),
                          QTextCharFormat());
        QTextDocument body;
        renderMarkdown(&body, index.data(Models::BodyRole).toString());
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.insertFragment(QTextDocumentFragment(&body));
    }
    m_conversation->moveCursor(QTextCursor::End);
    m_conversation->ensureCursorVisible();
}

void DetailView::updateReplyState()
{
    const int length = int(m_reply->toPlainText().size());
    const int max = Models::TicketController::MaxReplyLength;
    const QLocale locale;
    const bool tooLong = length > max;
    m_counter->setText(
        tooLong
            ? tr("%1 / %2 characters: too long").arg(locale.toString(length), locale.toString(max))
            : tr("%1 / %2 characters").arg(locale.toString(length), locale.toString(max)));
    setErrorLook(m_counter, tooLong);
    const bool open = m_controller->hasTicket() && !m_controller->isClosed();
    m_reply->setEnabled(open);
    m_send->setEnabled(open && !tooLong && !m_reply->toPlainText().trimmed().isEmpty()
                       && !m_controller->isSendingReply());
    if (m_controller->isClosed())
        m_reply->setPlaceholderText(tr("This ticket is closed."));
}

void DetailView::send()
{
    if (!m_send->isEnabled())
        return;
    m_controller->sendReply(m_reply->toPlainText());
    m_send->setEnabled(false);
}

bool DetailView::mayClose(Ending ending)
{
    const int uploads = m_controller->runningUploads();
    const int downloads = m_controller->runningDownloads();
    if (uploads + downloads == 0)
        return true;
    QString text;
    if (downloads == 0)
        text = tr("%n file(s) are still being uploaded.", nullptr, uploads);
    else if (uploads == 0)
        text = tr("%n download(s) are not finished.", nullptr, downloads);
    else
        text = tr("%1 uploads and %2 downloads are not finished.").arg(uploads).arg(downloads);
    // "them" in English, "it" for one transfer (the translations' plural forms).
    switch (ending) {
    case Ending::CloseWindow:
        text += u' ' + tr("Closing the window stops them.", nullptr, uploads + downloads);
        break;
    case Ending::SwitchAccount:
        text += u' ' + tr("Switching to another account stops them.", nullptr, uploads + downloads);
        break;
    case Ending::SignOut:
        text += u' ' + tr("Signing out stops them.", nullptr, uploads + downloads);
        break;
    }
    if (uploads > 0)
        text += u' ' + tr("A stopped upload has to be attached again.");
    const auto answer = MessageBox::question(window(),
                                             tr("Stop the transfers?"),
                                             text,
                                             QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return false;
    m_controller->cancelTransfers();
    return true;
}

void DetailView::confirmClose()
{
    if (!m_controller->hasTicket() || m_controller->isClosed())
        return;
    const auto answer = MessageBox::question(
        this,
        tr("Close ticket?"),
        tr("Close “%1”?\n\nThe Ankra team will stop working on it. Open a new ticket if the "
           "problem comes back.")
            .arg(m_controller->ticket().subject),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_controller->closeTicket();
}

void DetailView::onError(int operation, const Api::ApiError &error)
{
    using Op = Models::TicketController::Operation;
    switch (Op(operation)) {
    case Op::Load:
        m_retryAction = [this] { m_controller->reload(); };
        showBanner(tr("The ticket could not be loaded: %1").arg(error.message),
                   error.isTransient() || error.kind == Api::ApiError::Kind::Server);
        break;
    case Op::Reply:
        m_retryAction = [this] { send(); };
        updateReplyState();
        showBanner(tr("Your reply was not sent (it is still in the box): %1").arg(error.message),
                   error.isTransient() || error.kind == Api::ApiError::Kind::Server);
        break;
    case Op::Close:
        m_retryAction = [this] { m_controller->closeTicket(); };
        showBanner(tr("The ticket could not be closed: %1").arg(error.message),
                   error.isTransient() || error.kind == Api::ApiError::Kind::Server);
        break;
    case Op::Upload:
        showBanner(tr("Upload failed: %1").arg(error.message), false);
        break;
    case Op::Download:
        showBanner(tr("Download failed: %1").arg(error.message), false);
        break;
    }
}

void DetailView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty() && m_controller->hasTicket())
        event->acceptProposedAction();
}

void DetailView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty() && m_controller->hasTicket())
        event->acceptProposedAction();
}

void DetailView::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty() || !m_controller->hasTicket())
        return;
    event->acceptProposedAction();
    hideBanner();
    m_attachments->attachFiles(files);
}

} // namespace Ankra::Ui

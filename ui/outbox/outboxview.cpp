#include "outbox/outboxview.h"

#include "messagebox.h"
#include "widgets/errortext.h"

#include "store/connectivity.h"
#include "store/outbox.h"
#include "store/outboxmodel.h"
#include "store/outboxsender.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Ankra::Ui {

using Store::OutboxEntry;

namespace {

// Edits a queued reply (text) or ticket (subject and description). False when cancelled.
bool editDialog(QWidget *parent, const OutboxEntry &entry, QString *subject, QString *text)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("outboxEditDialog"));
    const bool ticket = entry.kind == OutboxEntry::Kind::CreateTicket;
    dialog.setWindowTitle(ticket ? OutboxView::tr("Edit queued ticket")
                                 : OutboxView::tr("Edit queued reply"));
    auto *form = new QFormLayout;
    auto *subjectEdit = new QLineEdit(*subject, &dialog);
    subjectEdit->setMaxLength(200);
    auto *textEdit = new QPlainTextEdit(*text, &dialog);
    if (ticket)
        form->addRow(OutboxView::tr("&Subject:"), subjectEdit);
    else
        subjectEdit->hide();
    form->addRow(ticket ? OutboxView::tr("&Description:") : OutboxView::tr("&Reply:"), textEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    auto *problem = new QLabel(&dialog);
    problem->setObjectName(QStringLiteral("outboxEditProblem"));
    setErrorLook(problem, true);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (ticket && subjectEdit->text().trimmed().isEmpty())
            return problem->setText(OutboxView::tr("Enter a subject."));
        if (textEdit->toPlainText().trimmed().isEmpty())
            return problem->setText(ticket ? OutboxView::tr("Describe the problem.")
                                           : OutboxView::tr("The reply is empty."));
        if (textEdit->toPlainText().size() > 10'000)
            return problem->setText(OutboxView::tr("The text is longer than 10,000 characters."));
        dialog.accept();
    });
    dialog.resize(640, 420);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *subject = subjectEdit->text().trimmed();
    *text = textEdit->toPlainText();
    return true;
}

} // namespace

OutboxView::OutboxView(Store::Outbox *outbox,
                       Store::OutboxSender *sender,
                       Store::Connectivity *connectivity,
                       QWidget *parent)
    : QDialog(parent)
    , m_outbox(outbox)
    , m_sender(sender)
    , m_connectivity(connectivity)
    , m_model(new Store::OutboxModel(outbox, this))
{
    setObjectName(QStringLiteral("outboxView"));
    setWindowTitle(tr("Outbox"));
    resize(900, 420);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("outboxStatus"));
    m_status->setWordWrap(true);
    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setAccessibleName(tr("Queued actions"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setModel(m_model);
    m_list->header()->setSectionResizeMode(Store::OutboxModel::WhatColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->resizeSection(Store::OutboxModel::TicketColumn, 180);
    m_list->header()->resizeSection(Store::OutboxModel::StateColumn, 170);
    m_list->header()->resizeSection(Store::OutboxModel::AttemptsColumn, 50);
    m_list->header()->resizeSection(Store::OutboxModel::ReasonColumn, 220);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("outboxReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("outboxRetryButton"));
    m_retry->setToolTip(tr("Send the failed action again (it is never applied twice)"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("outboxEditButton"));
    m_sendAnyway = new QPushButton(tr("Send &anyway"), this);
    m_sendAnyway->setObjectName(QStringLiteral("outboxSendAnywayButton"));
    m_sendAnyway->setToolTip(tr("File the ticket although the review flagged it"));
    m_cancel = new QPushButton(tr("&Cancel action…"), this);
    m_cancel->setObjectName(QStringLiteral("outboxCancelButton"));
    m_removeSent = new QPushButton(tr("Clear &sent"), this);
    m_removeSent->setObjectName(QStringLiteral("outboxClearSentButton"));
    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_retry, m_edit, m_sendAnyway, m_cancel, m_removeSent})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_reason);
    layout->addLayout(buttons);

    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_retry, &QPushButton::clicked, this, &OutboxView::retryCurrent);
    connect(m_edit, &QPushButton::clicked, this, &OutboxView::editCurrent);
    connect(m_sendAnyway, &QPushButton::clicked, this, &OutboxView::sendAnywayCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &OutboxView::cancelCurrent);
    connect(m_removeSent, &QPushButton::clicked, this, [this] { m_outbox->removeSent(); });
    connect(m_list->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &OutboxView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxView::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxView::updateButtons);
    connect(outbox, &Store::Outbox::pendingCountChanged, this, &OutboxView::updateStatus);
    if (connectivity)
        connect(connectivity, &Store::Connectivity::onlineChanged, this, &OutboxView::updateStatus);
    updateStatus();
    updateButtons();
}

void OutboxView::updateStatus()
{
    const int pending = m_outbox->pendingCount();
    const bool online = !m_connectivity || m_connectivity->isOnline();
    QString text = pending == 0 ? tr("Nothing waits to be sent.")
                                : tr("%n action(s) not sent yet.", nullptr, pending);
    if (!online)
        text += QLatin1Char(' ')
                + tr("You are offline: they are sent in this order once the server is reachable.");
    m_status->setText(text);
}

qint64 OutboxView::currentEntryId() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() ? index.data(Store::OutboxEntryIdRole).toLongLong() : 0;
}

void OutboxView::selectEntry(qint64 id)
{
    const int row = m_model->rowOfEntry(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
}

void OutboxView::updateButtons()
{
    const int row = m_model->rowOfEntry(currentEntryId());
    const OutboxEntry *e = row >= 0 ? &m_model->entryAt(row) : nullptr;
    const bool editable = e
                          && (e->state == OutboxEntry::State::Waiting
                              || e->state == OutboxEntry::State::Failed)
                          && (e->kind == OutboxEntry::Kind::Comment
                              || e->kind == OutboxEntry::Kind::CreateTicket);
    m_retry->setEnabled(e && e->state == OutboxEntry::State::Failed);
    m_edit->setEnabled(editable);
    m_sendAnyway->setVisible(e && e->kind == OutboxEntry::Kind::CreateTicket && e->conflict);
    m_cancel->setEnabled(e && e->state != OutboxEntry::State::Sending
                         && e->state != OutboxEntry::State::Sent);
    m_reason->setText(e && !e->error.isEmpty() ? e->error : QString());
    m_reason->setVisible(!m_reason->text().isEmpty());
    bool anySent = false;
    for (int r = 0; r < m_model->rowCount() && !anySent; ++r)
        anySent = m_model->entryAt(r).state == OutboxEntry::State::Sent;
    m_removeSent->setEnabled(anySent);
}

void OutboxView::retryCurrent()
{
    if (m_outbox->retry(currentEntryId()) && m_sender)
        m_sender->kick();
}

void OutboxView::sendAnywayCurrent()
{
    const qint64 id = currentEntryId();
    if (m_outbox->setAcknowledged(id, true) && m_outbox->retry(id) && m_sender)
        m_sender->kick();
}

void OutboxView::editCurrent()
{
    const auto e = m_outbox->entry(currentEntryId());
    if (!e)
        return;
    if (e->kind == OutboxEntry::Kind::Comment) {
        QString subject;
        QString text = e->request.value(QLatin1String("body")).toString();
        if (!editDialog(this, *e, &subject, &text))
            return;
        m_outbox->editComment(e->id, text);
    } else if (e->kind == OutboxEntry::Kind::CreateTicket) {
        Api::CreateTicketRequest r = Store::Outbox::createRequestFromJson(e->request);
        if (!editDialog(this, *e, &r.subject, &r.description))
            return;
        m_outbox->editTicket(e->id, r);
    } else {
        return;
    }
    // An edited failed entry is meant to go again.
    if (e->state == OutboxEntry::State::Failed)
        retryCurrent();
}

void OutboxView::cancelCurrent()
{
    const auto e = m_outbox->entry(currentEntryId());
    if (!e)
        return;
    const QString what = e->kind == OutboxEntry::Kind::CreateTicket
                             ? tr("Cancel the new ticket “%1” and everything queued for it? It "
                                  "will not be sent.")
                                   .arg(e->subject)
                             : tr("Cancel this %1? It will not be sent.")
                                   .arg(Store::kindLabel(e->kind).toLower());
    if (MessageBox::question(this,
                             tr("Cancel queued action"),
                             what,
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No)
        != QMessageBox::Yes)
        return;
    m_outbox->cancel(e->id);
    if (m_sender)
        m_sender->kick();
}

} // namespace Ankra::Ui

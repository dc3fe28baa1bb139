#include "wizard/submitwizard.h"

#include "compose/composeform.h"
#include "messagebox.h"
#include "wizard/wizardpages.h"

#include "review/submissionflow.h"
#include "store/draftssession.h"

#include <QAbstractButton>

namespace Ankra::Ui {

SubmitWizard::SubmitWizard(Api::ApiClient *client, QWidget *parent)
    : QWizard(parent)
    , m_flow(new Review::SubmissionFlow(client, this))
{
    setObjectName(QStringLiteral("submitWizard"));
    setWindowTitle(tr("New ticket"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    resize(860, 680);

    auto *describe = new DescribePage(m_flow, this);
    auto *review = new ReviewPage(m_flow, this);
    setPage(DescribePageId, describe);
    setPage(ReviewPageId, review);
    setPage(DuplicatesPageId, new DuplicatesPage(m_flow, client, this));
    setPage(ConfirmPageId, new ConfirmPage(m_flow, this));
    setPage(SubmitPageId, new SubmitPage(m_flow, this));

    // QWizard's own buttons.
    button(QWizard::BackButton)->setAccessibleDescription(tr("Go to the previous step"));
    button(QWizard::NextButton)->setAccessibleDescription(tr("Check this step and go on"));
    button(QWizard::CommitButton)
        ->setAccessibleDescription(tr("File the ticket; it cannot be taken back"));
    button(QWizard::FinishButton)->setAccessibleDescription(tr("Close and open the new ticket"));
    button(QWizard::CancelButton)
        ->setAccessibleDescription(tr("Close the wizard without filing the ticket"));
    button(QWizard::HelpButton)->setAccessibleDescription(tr("Show help for this step"));

    connect(review, &ReviewPage::editRequested, this, [this, describe](int field) {
        while (currentId() != DescribePageId && currentId() != -1)
            back();
        describe->form()->focusField(ComposeForm::Field(field));
    });
    connect(this, &QDialog::accepted, this, [this] {
        if (!m_flow->targetTicketId().isEmpty())
            emit ticketOpened(m_flow->targetTicketId());
    });
    // Closing the wizard stops what runs; a filed ticket stays filed.
    connect(this, &QDialog::rejected, m_flow, &Review::SubmissionFlow::cancel);
}

SubmitWizard::~SubmitWizard()
{
    // Before the flow (a child like the session) is gone: the last keystrokes are kept.
    if (m_drafts)
        m_drafts->autosaver()->flush();
}

void SubmitWizard::setDraftStore(Store::DraftStore *store, const QString &account)
{
    if (m_drafts || !store)
        return;
    m_drafts = new Store::TicketDraftSession(store, m_flow, account, this);
    setButtonText(QWizard::CustomButton1, tr("Save as &draft"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("saveDraftButton"));
    button(QWizard::CustomButton1)
        ->setToolTip(tr("Keep this ticket as a draft and close; open it again from Drafts. "
                        "What you type is also saved as you go."));
    setOption(QWizard::HaveCustomButton1, currentId() == DescribePageId || currentId() == -1);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        setOption(QWizard::HaveCustomButton1, id == DescribePageId);
    });
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            saveDraftAndClose();
    });
    // Closing (Cancel, Esc, the window's close button) keeps what was typed.
    connect(this, &QDialog::finished, m_drafts, [this] { m_drafts->autosaver()->flush(); });
}

bool SubmitWizard::restoreDraft(const QString &draftId)
{
    if (!m_drafts || !m_drafts->restore(draftId))
        return false;
    composeForm()->reloadFromFlow();
    return true;
}

void SubmitWizard::saveDraftAndClose()
{
    if (!m_drafts)
        return;
    if (m_drafts->snapshot().isEmpty()) {
        MessageBox::question(this,
                             tr("Save as draft"),
                             tr("There is nothing to save yet: enter a subject or a description."),
                             QMessageBox::Ok,
                             QMessageBox::Ok);
        return;
    }
    if (!m_drafts->saveNow()) {
        MessageBox::question(this,
                             tr("Save as draft"),
                             tr("The draft could not be saved: %1").arg(m_drafts->errorString()),
                             QMessageBox::Ok,
                             QMessageBox::Ok);
        return;
    }
    emit draftSaved(m_drafts->draftId());
    reject();
}

ComposeForm *SubmitWizard::composeForm() const
{
    return static_cast<DescribePage *>(page(DescribePageId))->form();
}

void SubmitWizard::loadServerData()
{
    m_flow->loadClusters();
    m_flow->loadLimits();
}

} // namespace Ankra::Ui

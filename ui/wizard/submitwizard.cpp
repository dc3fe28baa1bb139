#include "wizard/submitwizard.h"

#include "compose/composeform.h"
#include "wizard/wizardpages.h"

#include "review/submissionflow.h"

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

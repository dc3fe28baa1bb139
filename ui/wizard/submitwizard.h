#pragma once

// "New ticket": describe → review → possible duplicates → confirm → submit, fully usable by
// keyboard. The work is done by Review::SubmissionFlow; the wizard shows it. Emits
// ticketOpened() with the new (or the linked existing) ticket when the user finishes.

#include <QWizard>

namespace KSyntaxHighlighting {
class Repository;
}
namespace Ankra::Api {
class ApiClient;
}
namespace Ankra::Triage {
class CandidateSource;
}
namespace Ankra::Review {
class SubmissionFlow;
}
namespace Ankra::Store {
class DraftStore;
class TicketDraftSession;
} // namespace Ankra::Store

namespace Ankra::Ui {

class ComposeForm;

class SubmitWizard : public QWizard
{
    Q_OBJECT
public:
    explicit SubmitWizard(Api::ApiClient *client, QWidget *parent = nullptr);
    ~SubmitWizard() override;

    Review::SubmissionFlow *flow() const { return m_flow; }
    ComposeForm *composeForm() const;
    // Loads the organisation's clusters and the attachment limits.
    void loadServerData();

    // Autosaves what is typed into a draft of `account` and offers "Save as draft" on the
    // Describe page. Without it the wizard keeps nothing.
    void setDraftStore(Store::DraftStore *store, const QString &account);
    // Puts a saved draft back into the form; false when it no longer exists.
    bool restoreDraft(const QString &draftId);
    Store::TicketDraftSession *draftSession() const { return m_drafts; }

signals:
    void ticketOpened(const QString &ticketId);
    void draftSaved(const QString &draftId); // by "Save as draft" (the wizard closes)

private:
    void saveDraftAndClose();

    Review::SubmissionFlow *m_flow;
    Store::TicketDraftSession *m_drafts = nullptr;
};

} // namespace Ankra::Ui

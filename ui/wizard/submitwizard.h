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

namespace Ankra::Ui {

class ComposeForm;

class SubmitWizard : public QWizard
{
    Q_OBJECT
public:
    explicit SubmitWizard(Api::ApiClient *client, QWidget *parent = nullptr);

    Review::SubmissionFlow *flow() const { return m_flow; }
    ComposeForm *composeForm() const;
    // Loads the organisation's clusters and the attachment limits.
    void loadServerData();

signals:
    void ticketOpened(const QString &ticketId);

private:
    Review::SubmissionFlow *m_flow;
};

} // namespace Ankra::Ui

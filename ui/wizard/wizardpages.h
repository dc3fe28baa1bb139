#pragma once

// The five pages of the new-ticket wizard. They show and edit the SubmissionFlow; the flow
// does the work (review, create, uploads).

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace Ankra::Api {
class ApiClient;
}
namespace Ankra::Review {
class SubmissionFlow;
}

namespace Ankra::Ui {

class ComposeForm;

enum PageId { DescribePageId, ReviewPageId, DuplicatesPageId, ConfirmPageId, SubmitPageId };

class DescribePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DescribePage(Review::SubmissionFlow *flow, QWidget *parent = nullptr);
    ComposeForm *form() const { return m_form; }
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateBusy();

    Review::SubmissionFlow *m_flow;
    ComposeForm *m_form;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    bool m_advanceWhenReviewed = false;
};

class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(Review::SubmissionFlow *flow, QWidget *parent = nullptr);
    void initializePage() override;
    int nextId() const override;
    bool isComplete() const override;

signals:
    void editRequested(int field); // ComposeForm::Field

private:
    void rebuild();

    Review::SubmissionFlow *m_flow;
    QLabel *m_status;
    QLabel *m_summary;
    QComboBox *m_severity;
    QLabel *m_suggestedSeverity;
    QPushButton *m_acceptSeverity;
    QLabel *m_category;
    QLabel *m_suggestedCategory;
    QPushButton *m_acceptCategory;
    QPushButton *m_acceptSummary;
    QWidget *m_flags;
    QVBoxLayout *m_flagsLayout;
    QWidget *m_questions;
    QGridLayout *m_questionsLayout;
};

class DuplicatesPage : public QWizardPage
{
    Q_OBJECT
public:
    DuplicatesPage(Review::SubmissionFlow *flow, Api::ApiClient *client, QWidget *parent = nullptr);
    void initializePage() override;
    int nextId() const override;
    bool linkChosen() const { return m_link; }

private:
    void showCandidate(int row);

    Review::SubmissionFlow *m_flow;
    Api::ApiClient *m_client;
    QListWidget *m_list;
    QTextBrowser *m_detail;
    QPushButton *m_mine;
    QPushButton *m_different;
    bool m_link = false;
};

class ConfirmPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConfirmPage(Review::SubmissionFlow *flow, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    QString text() const;

private:
    Review::SubmissionFlow *m_flow;
    QTextBrowser *m_view;
    QLabel *m_flagged;
    QCheckBox *m_acknowledge;
};

class SubmitPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SubmitPage(Review::SubmissionFlow *flow, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    QString statusText() const;

private:
    void update();

    Review::SubmissionFlow *m_flow;
    QLabel *m_status;
    QListWidget *m_files;
    QProgressBar *m_progress;
    QPushButton *m_retry;
};

} // namespace Ankra::Ui

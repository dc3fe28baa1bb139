#include "wizard/wizardpages.h"

#include "compose/composeform.h"

#include "api/apiclient.h"
#include "review/submissionflow.h"
#include "wire/enums.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWizard>

namespace Ankra::Ui {

using Review::SubmissionFlow;
using State = SubmissionFlow::State;

namespace {

QString severityLabel(const QString &severity)
{
    return severity.isEmpty() ? QCoreApplication::translate("Ankra::Ui::ReviewPage", "None")
                              : Wire::severityLabel(severity);
}

// The form field a quality flag is about: the "edit" link goes there.
ComposeForm::Field fieldOfFlag(const QString &flag)
{
    const QString f = flag.toLower();
    if (f.contains(QLatin1String("subject")))
        return ComposeForm::Field::Subject;
    if (f.contains(QLatin1String("cluster")))
        return ComposeForm::Field::Cluster;
    if (f.contains(QLatin1String("categor")))
        return ComposeForm::Field::Category;
    return ComposeForm::Field::Description;
}

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QString errorText(const Api::ApiError &error)
{
    if (error.kind == Api::ApiError::Kind::Offline || error.kind == Api::ApiError::Kind::Timeout)
        return QCoreApplication::translate("Ankra::Ui::SubmitPage",
                                           "The server cannot be reached (%1).")
            .arg(error.message);
    return error.message;
}

} // namespace

// --- 1. Describe -----------------------------------------------------------------------------

DescribePage::DescribePage(SubmissionFlow *flow, QWidget *parent)
    : QWizardPage(parent)
    , m_flow(flow)
{
    setObjectName(QStringLiteral("describePage"));
    setTitle(tr("Describe the problem"));
    setSubTitle(tr("Next checks the ticket before anything is filed."));
    m_form = new ComposeForm(flow, this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("reviewProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_cancel = new QPushButton(tr("Stop re&view"), this);
    m_cancel->setObjectName(QStringLiteral("cancelReviewButton"));
    m_cancel->setAccessibleDescription(tr("Stop checking the ticket and keep editing it"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("describeStatus"));
    m_status->setWordWrap(true);
    auto *busy = new QHBoxLayout;
    busy->addWidget(m_status, 1);
    busy->addWidget(m_progress);
    busy->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form, 1);
    layout->addLayout(busy);

    connect(m_form, &ComposeForm::changed, this, &QWizardPage::completeChanged);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_advanceWhenReviewed = false;
        m_flow->cancel();
    });
    connect(flow, &SubmissionFlow::stateChanged, this, &DescribePage::updateBusy);
    connect(flow, &SubmissionFlow::reviewFinished, this, [this] {
        if (m_advanceWhenReviewed && wizard() && wizard()->currentPage() == this) {
            m_advanceWhenReviewed = false;
            wizard()->next();
        }
    });
    connect(flow, &SubmissionFlow::failed, this, [this](const Api::ApiError &error) {
        if (wizard() && wizard()->currentPage() == this) {
            m_advanceWhenReviewed = false;
            m_status->setText(tr("The review failed: %1").arg(errorText(error)));
        }
    });
    updateBusy();
}

void DescribePage::updateBusy()
{
    const bool busy = m_flow->state() == State::Reviewing;
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy)
        m_status->setText(tr("Reviewing your ticket…"));
    else if (m_flow->state() != State::Failed)
        m_status->clear();
}

bool DescribePage::isComplete() const
{
    return m_flow->draftProblem().isEmpty();
}

bool DescribePage::validatePage()
{
    if (m_flow->state() == State::Reviewed && m_flow->hasReview())
        return true;
    m_advanceWhenReviewed = true;
    if (m_flow->state() != State::Reviewing)
        m_flow->review();
    return false;
}

// --- 2. Review -------------------------------------------------------------------------------

ReviewPage::ReviewPage(SubmissionFlow *flow, QWidget *parent)
    : QWizardPage(parent)
    , m_flow(flow)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("What the review suggests next to what you chose."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("suggestedSummary"));
    m_summary->setWordWrap(true);
    m_acceptSummary = new QPushButton(tr("Use as s&ubject"), this);
    m_acceptSummary->setObjectName(QStringLiteral("acceptSummaryButton"));
    m_acceptSummary->setAccessibleDescription(
        tr("Replace your subject with the suggested summary"));
    m_suggestedSeverity = new QLabel(this);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("severityCombo"));
    m_severity->setAccessibleName(tr("Severity"));
    m_severity->setAccessibleDescription(tr("How badly the problem affects you"));
    for (const QString &s : Wire::knownSeverities())
        m_severity->addItem(severityLabel(s), s);
    m_acceptSeverity = new QPushButton(tr("Accept s&everity"), this);
    m_acceptSeverity->setObjectName(QStringLiteral("acceptSeverityButton"));
    m_acceptSeverity->setAccessibleDescription(tr("Use the suggested severity"));
    m_suggestedCategory = new QLabel(this);
    m_category = new QLabel(this);
    m_category->setObjectName(QStringLiteral("chosenCategory"));
    m_acceptCategory = new QPushButton(tr("Accept c&ategory"), this);
    m_acceptCategory->setObjectName(QStringLiteral("acceptCategoryButton"));
    m_acceptCategory->setAccessibleDescription(tr("Use the suggested category"));

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Suggested</b>")), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Your choice</b>")), 0, 2);
    grid->addWidget(new QLabel(tr("Summary:")), 1, 0);
    grid->addWidget(m_summary, 1, 1, 1, 2);
    grid->addWidget(m_acceptSummary, 1, 3);
    auto *sevLabel = new QLabel(tr("Se&verity:"));
    sevLabel->setBuddy(m_severity);
    grid->addWidget(sevLabel, 2, 0);
    grid->addWidget(m_suggestedSeverity, 2, 1);
    grid->addWidget(m_severity, 2, 2);
    grid->addWidget(m_acceptSeverity, 2, 3);
    grid->addWidget(new QLabel(tr("Category:")), 3, 0);
    grid->addWidget(m_suggestedCategory, 3, 1);
    grid->addWidget(m_category, 3, 2);
    grid->addWidget(m_acceptCategory, 3, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);

    auto *flagsBox = new QGroupBox(tr("Quality checklist"), this);
    m_flags = flagsBox;
    m_flagsLayout = new QVBoxLayout(flagsBox);
    auto *questionsBox = new QGroupBox(tr("Clarifying questions"), this);
    m_questions = questionsBox;
    m_questionsLayout = new QGridLayout(questionsBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(grid);
    layout->addWidget(flagsBox);
    layout->addWidget(questionsBox);
    layout->addStretch();

    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_flow->setSeverity(m_severity->currentData().toString());
    });
    connect(m_acceptSeverity, &QPushButton::clicked, this, [this] {
        m_severity->setCurrentIndex(qMax(0, m_severity->findData(m_flow->reviewResult().severity)));
    });
    connect(m_acceptCategory, &QPushButton::clicked, this, [this] {
        m_flow->setCategory(m_flow->reviewResult().category); // re-reviews (debounced)
    });
    connect(m_acceptSummary, &QPushButton::clicked, this, [this] {
        m_flow->setSubject(m_flow->reviewResult().summary.left(SubmissionFlow::MaxSubjectLength));
    });
    connect(flow, &SubmissionFlow::reviewFinished, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            rebuild();
    });
    connect(flow, &SubmissionFlow::stateChanged, this, [this](State state) {
        if (state == State::Stale || state == State::Reviewing)
            m_status->setText(tr("You changed the ticket: reviewing it again…"));
        m_category->setText(Wire::categoryLabel(m_flow->category()));
        emit completeChanged();
    });
}

void ReviewPage::initializePage()
{
    rebuild();
}

void ReviewPage::rebuild()
{
    const Wire::ReviewResult &r = m_flow->reviewResult();
    m_status->setText(
        m_flow->isLocalReview()
            ? tr("The server could not be reached: this is a local pre-check. The server reviews "
                 "the ticket again before it is filed.")
            : (r.quality == QLatin1String("flag")
                   ? tr("The review flagged this ticket. Fix what you can, or confirm it later.")
                   : tr("The review found no problem.")));
    m_summary->setText(r.summary.isEmpty() ? tr("(none)") : r.summary);
    m_acceptSummary->setEnabled(!r.summary.isEmpty() && r.summary != m_flow->subject());
    m_suggestedSeverity->setText(severityLabel(r.severity));
    if (m_flow->severity().isEmpty())
        m_flow->setSeverity(r.severity);
    {
        const QSignalBlocker b(m_severity);
        m_severity->setCurrentIndex(qMax(0, m_severity->findData(m_flow->severity())));
        m_flow->setSeverity(m_severity->currentData().toString());
    }
    m_acceptSeverity->setEnabled(!r.severity.isEmpty());
    m_suggestedCategory->setText(Wire::categoryLabel(r.category));
    m_category->setText(Wire::categoryLabel(m_flow->category()));
    m_acceptCategory->setEnabled(!r.category.isEmpty() && r.category != m_flow->category());

    clearLayout(m_flagsLayout);
    for (const QString &flag : r.qualityFlags) {
        auto *row = new QWidget(m_flags);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *check = new QCheckBox(flag, row);
        check->setObjectName(QStringLiteral("flagCheck"));
        check->setAccessibleDescription(tr("Tick when you have dealt with this point"));
        auto *edit = new QPushButton(tr("Edit"), row);
        edit->setObjectName(QStringLiteral("flagEditButton"));
        edit->setAccessibleName(tr("Edit: %1").arg(flag));
        edit->setAccessibleDescription(tr("Go back to the field this point is about"));
        const int field = int(fieldOfFlag(flag));
        connect(edit, &QPushButton::clicked, this, [this, field] { emit editRequested(field); });
        h->addWidget(check, 1);
        h->addWidget(edit);
        m_flagsLayout->addWidget(row);
    }
    m_flags->setVisible(!r.qualityFlags.isEmpty());

    clearLayout(m_questionsLayout);
    int i = 0;
    for (const QString &q : r.clarifyingQuestions) {
        auto *label = new QLabel(q, m_questions);
        label->setWordWrap(true);
        auto *answer = new QLineEdit(m_questions);
        answer->setObjectName(QStringLiteral("answerEdit"));
        answer->setAccessibleName(q);
        answer->setAccessibleDescription(tr("Your answer is added to the ticket"));
        answer->setText(m_flow->answer(q));
        label->setBuddy(answer);
        connect(answer, &QLineEdit::textChanged, this, [this, q](const QString &text) {
            m_flow->setAnswer(q, text);
        });
        m_questionsLayout->addWidget(label, i, 0);
        m_questionsLayout->addWidget(answer, i, 1);
        ++i;
    }
    m_questionsLayout->setColumnStretch(1, 1);
    m_questions->setVisible(!r.clarifyingQuestions.isEmpty());
    emit completeChanged();
}

bool ReviewPage::isComplete() const
{
    return m_flow->state() == State::Reviewed;
}

int ReviewPage::nextId() const
{
    return m_flow->reviewResult().duplicateCandidates.isEmpty() ? ConfirmPageId : DuplicatesPageId;
}

// --- 3. Possible duplicates ------------------------------------------------------------------

DuplicatesPage::DuplicatesPage(SubmissionFlow *flow, Api::ApiClient *client, QWidget *parent)
    : QWizardPage(parent)
    , m_flow(flow)
    , m_client(client)
{
    setObjectName(QStringLiteral("duplicatesPage"));
    setTitle(tr("Possible duplicates"));
    setSubTitle(tr("Is one of these your problem? Then your description and attachments can be "
                   "added to it instead of filing a new ticket."));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("duplicateList"));
    m_list->setAccessibleName(tr("Possible duplicates"));
    m_list->setAccessibleDescription(tr("Existing tickets that may describe the same problem"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("duplicateDetail"));
    m_detail->setAccessibleName(tr("The selected ticket"));
    m_detail->setAccessibleDescription(tr("The selected possible duplicate in full"));
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_detail);
    split->setStretchFactor(1, 1);
    split->setSizes({340, 460});
    m_mine = new QPushButton(tr("This is &my problem"), this);
    m_mine->setObjectName(QStringLiteral("thisIsMineButton"));
    m_mine->setAccessibleDescription(
        tr("Add your description and attachments to the selected ticket instead of filing a "
           "new one"));
    m_different = new QPushButton(tr("&Different problem"), this);
    m_different->setObjectName(QStringLiteral("differentButton"));
    m_different->setAccessibleDescription(tr("File your ticket as a new one"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_mine);
    buttons->addWidget(m_different);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &DuplicatesPage::showCandidate);
    connect(m_mine, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        const auto &c = m_flow->reviewResult().duplicateCandidates;
        if (row < 0 || row >= c.size())
            return;
        m_link = true;
        m_flow->linkToExisting(c.at(row).candidateId);
        wizard()->next();
    });
    connect(m_different, &QPushButton::clicked, this, [this] {
        m_link = false;
        wizard()->next();
    });
}

void DuplicatesPage::initializePage()
{
    m_link = false;
    m_list->clear();
    for (const Wire::DuplicateCandidate &c : m_flow->reviewResult().duplicateCandidates) {
        QString line = tr("%1\n%2 · %3 confidence").arg(c.summary, c.statusLabel, c.confidence);
        if (c.alreadyResolved)
            line += tr(" · ✔ already resolved");
        m_list->addItem(line);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_list->setFocus();
}

void DuplicatesPage::showCandidate(int row)
{
    const auto &c = m_flow->reviewResult().duplicateCandidates;
    if (row < 0 || row >= c.size())
        return;
    m_detail->setPlainText(tr("Loading…"));
    auto *job = m_client->ticket(c.at(row).candidateId, this);
    connect(job, &Api::ApiJob::finished, this, [this, job, row] {
        job->deleteLater();
        if (m_list->currentRow() != row)
            return;
        if (!job->ok()) {
            m_detail->setPlainText(job->error().message);
            return;
        }
        const Wire::Ticket &t = job->ticket();
        m_detail->setMarkdown(QStringLiteral("## %1\n\n*%2*\n\n%3")
                                  .arg(t.subject, Wire::statusLabel(t.status), t.description));
    });
}

int DuplicatesPage::nextId() const
{
    return m_link ? SubmitPageId : ConfirmPageId;
}

// --- 4. Confirm ------------------------------------------------------------------------------

ConfirmPage::ConfirmPage(SubmissionFlow *flow, QWidget *parent)
    : QWizardPage(parent)
    , m_flow(flow)
{
    setObjectName(QStringLiteral("confirmPage"));
    setTitle(tr("Confirm"));
    setSubTitle(tr("The ticket as it will be filed."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Submit ticket"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("confirmView"));
    m_view->setAccessibleName(tr("The ticket as it will be filed"));
    m_view->setAccessibleDescription(tr("Read-only summary of everything that will be sent"));
    m_flagged = new QLabel(this);
    m_flagged->setObjectName(QStringLiteral("flaggedLabel"));
    m_flagged->setWordWrap(true);
    m_acknowledge = new QCheckBox(tr("&File it as it is"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeCheck"));
    m_acknowledge->setAccessibleDescription(
        tr("Confirm that the ticket is filed although the review flagged it"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_flagged);
    layout->addWidget(m_acknowledge);
    connect(m_acknowledge, &QCheckBox::toggled, this, [this](bool on) {
        m_flow->setAcknowledged(on);
        emit completeChanged();
    });
}

void ConfirmPage::initializePage()
{
    const Wire::ReviewResult &r = m_flow->reviewResult();
    const QLocale locale;
    QString html = QStringLiteral("<h3>%1</h3>").arg(m_flow->subject().toHtmlEscaped());
    html += QStringLiteral("<p>")
            + tr("Category: %1 · Severity: %2")
                  .arg(Wire::categoryLabel(m_flow->category()), severityLabel(m_flow->severity()))
            + QStringLiteral("</p>");
    if (!m_flow->cluster().id.isEmpty())
        html += QStringLiteral("<p>")
                + tr("Cluster: %1").arg(m_flow->cluster().name.toHtmlEscaped())
                + QStringLiteral("</p>");
    html += QStringLiteral("<pre style='white-space: pre-wrap'>%1</pre>")
                .arg(m_flow->description().toHtmlEscaped());
    QString answers;
    for (const QString &q : r.clarifyingQuestions) {
        if (!m_flow->answer(q).isEmpty())
            answers += QStringLiteral("<li><i>%1</i> %2</li>")
                           .arg(q.toHtmlEscaped(), m_flow->answer(q).toHtmlEscaped());
    }
    if (!answers.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(tr("Answers"), answers);
    QString files;
    for (const Review::StagedFile &f : m_flow->stagedFiles())
        files += QStringLiteral("<li>%1 (%2)</li>")
                     .arg(f.fileName.toHtmlEscaped(), locale.formattedDataSize(f.sizeBytes));
    if (!files.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(tr("Attachments"), files);
    html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                .arg(tr("Environment sent with it"),
                     QString::fromUtf8(QJsonDocument(m_flow->environment()).toJson())
                         .toHtmlEscaped());
    m_view->setHtml(html);

    const bool flagged = m_flow->needsAcknowledgement();
    m_acknowledge->setVisible(flagged);
    m_flagged->setVisible(flagged);
    m_flagged->setText(tr("The review flagged this ticket: %1. Filing it anyway needs your "
                          "confirmation.")
                           .arg(r.qualityFlags.join(QStringLiteral("; "))));
    m_acknowledge->setChecked(m_flow->isAcknowledged());
    if (flagged)
        m_acknowledge->setFocus();
}

bool ConfirmPage::isComplete() const
{
    return !m_flow->needsAcknowledgement() || m_acknowledge->isChecked();
}

QString ConfirmPage::text() const
{
    return m_view->toPlainText();
}

// --- 5. Submit -------------------------------------------------------------------------------

SubmitPage::SubmitPage(SubmissionFlow *flow, QWidget *parent)
    : QWizardPage(parent)
    , m_flow(flow)
{
    setObjectName(QStringLiteral("submitPage"));
    setTitle(tr("Submit"));
    setSubTitle(tr("Filing the ticket, then uploading each attachment."));
    setFinalPage(true);
    setButtonText(QWizard::FinishButton, tr("&Open ticket"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("submitStatus"));
    m_status->setWordWrap(true);
    m_files = new QListWidget(this);
    m_files->setObjectName(QStringLiteral("uploadList"));
    m_files->setAccessibleName(tr("Attachments"));
    m_files->setAccessibleDescription(tr("Each attachment and whether it was uploaded"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleDescription(tr("Try the failed step again"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_files, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_flow->state() == State::Failed)
            m_flow->retry();
        else
            m_flow->submit(); // after an acknowledgement was asked for
    });
    connect(flow, &SubmissionFlow::stateChanged, this, &SubmitPage::update);
    connect(flow, &SubmissionFlow::stagedFilesChanged, this, &SubmitPage::update);
    connect(flow, &SubmissionFlow::uploadProgress, this, [this](int, qint64 done, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(done * 1000 / total));
    });
    connect(flow, &SubmissionFlow::acknowledgementNeeded, this, [this] {
        if (!wizard() || wizard()->currentPage() != this)
            return;
        // The re-run review of the edited ticket flagged it: say so, and file on request.
        m_flow->setAcknowledged(true);
        m_status->setText(tr("The review of your changed ticket flagged it (%1). Press Retry to "
                             "file it as it is.")
                              .arg(m_flow->reviewResult().qualityFlags.join(QStringLiteral("; "))));
        m_retry->setVisible(true);
    });
}

void SubmitPage::initializePage()
{
    const State s = m_flow->state();
    if (m_flow->targetTicketId().isEmpty() && s != State::Submitting && s != State::Reviewing)
        m_flow->submit();
    update();
}

void SubmitPage::update()
{
    const auto &files = m_flow->stagedFiles();
    m_files->clear();
    int uploaded = 0;
    for (const Review::StagedFile &f : files) {
        QString state;
        switch (f.state) {
        case Review::StagedFile::State::Queued:
            state = tr("queued");
            break;
        case Review::StagedFile::State::Uploading:
            state = tr("uploading…");
            break;
        case Review::StagedFile::State::Uploaded:
            state = tr("uploaded");
            ++uploaded;
            break;
        case Review::StagedFile::State::Failed:
            state = tr("failed: %1").arg(f.error);
            break;
        }
        m_files->addItem(tr("%1 — %2").arg(f.fileName, state));
    }
    m_files->setVisible(!files.isEmpty());
    m_progress->setVisible(m_flow->state() == State::UploadingAttachments);
    m_retry->setVisible(m_flow->state() == State::Failed);
    const bool linking = m_flow->isLinking();
    switch (m_flow->state()) {
    case State::Reviewing:
        m_status->setText(tr("Checking the review again…"));
        break;
    case State::Submitting:
        m_status->setText(linking ? tr("Adding your description to the existing ticket…")
                                  : tr("Filing the ticket…"));
        break;
    case State::UploadingAttachments:
        m_status->setText(
            tr("Uploading attachments (%1 of %2 done)…").arg(uploaded).arg(files.size()));
        break;
    case State::Done: {
        const Wire::Ticket &t = m_flow->ticket();
        if (linking)
            m_status->setText(
                tr("Your description and attachments were added to “%1”.").arg(t.subject));
        else if (t.ticketNumber)
            m_status->setText(tr("Ticket #%1 “%2” is filed.").arg(*t.ticketNumber).arg(t.subject));
        else
            m_status->setText(tr("Ticket “%1” is filed.").arg(t.subject));
        break;
    }
    case State::Failed:
        m_status->setText(
            tr("%1\nNothing is lost: press Retry when the server is reachable again. Nothing is "
               "filed or uploaded twice.")
                .arg(errorText(m_flow->lastError())));
        break;
    default:
        break;
    }
    emit completeChanged();
}

bool SubmitPage::isComplete() const
{
    return m_flow->state() == State::Done;
}

QString SubmitPage::statusText() const
{
    return m_status->text();
}

} // namespace Ankra::Ui

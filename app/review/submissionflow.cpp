#include "review/submissionflow.h"

#include "models/attachmentcheck.h"
#include "triage/reviewengine.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QSysInfo>

namespace Ankra::Review {

namespace {

bool isUnreachable(const Api::ApiError &error)
{
    return error.kind == Api::ApiError::Kind::Offline || error.kind == Api::ApiError::Kind::Timeout;
}

} // namespace

SubmissionFlow::SubmissionFlow(Api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_limits(Api::contractDefaultLimits()) // until the server's arrive
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(800);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        if (m_state == State::Stale)
            review();
    });
}

SubmissionFlow::~SubmissionFlow() = default;

void SubmissionFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool SubmissionFlow::isBusy() const
{
    return m_state == State::Submitting || m_state == State::UploadingAttachments
           || m_state == State::Done;
}

void SubmissionFlow::markEdited()
{
    if (!m_targetId.isEmpty() || isBusy())
        return; // filed already: later edits change nothing on the server
    if (m_state == State::Reviewing) {
        if (m_job)
            m_job->cancel(); // answers for the old text
    }
    if (!hasReview() && m_state != State::Reviewing)
        return;
    setState(State::Stale);
    m_debounce.start();
}

void SubmissionFlow::setSubject(const QString &subject)
{
    if (subject == m_subject)
        return;
    m_subject = subject;
    markEdited();
    emit draftChanged();
}

void SubmissionFlow::setDescription(const QString &description)
{
    if (description == m_description)
        return;
    m_description = description;
    markEdited();
    emit draftChanged();
}

void SubmissionFlow::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    markEdited();
    emit draftChanged();
}

void SubmissionFlow::setCluster(const Wire::Cluster &cluster)
{
    if (cluster.id == m_cluster.id)
        return;
    m_cluster = cluster;
    markEdited();
    emit draftChanged();
}

void SubmissionFlow::setSeverity(const QString &severity)
{
    if (severity == m_severity)
        return;
    m_severity = severity; // not an input of the review: nothing to re-run
    emit draftChanged();
}

void SubmissionFlow::setAcknowledged(bool acknowledged)
{
    if (acknowledged == m_acknowledged)
        return;
    m_acknowledged = acknowledged;
    emit draftChanged();
}

void SubmissionFlow::setAnswer(const QString &question, const QString &answer)
{
    if (answer.trimmed().isEmpty()) {
        if (m_answers.remove(question) == 0)
            return;
    } else {
        if (m_answers.value(question) == answer)
            return;
        m_answers.insert(question, answer);
    }
    emit draftChanged();
}

QString SubmissionFlow::draftProblem() const
{
    if (m_subject.trimmed().isEmpty())
        return tr("Enter a subject.");
    if (m_subject.size() > MaxSubjectLength)
        return tr("The subject is longer than %n characters.", nullptr, MaxSubjectLength);
    if (m_description.trimmed().isEmpty())
        return tr("Describe the problem.");
    if (m_description.size() > MaxDescriptionLength)
        return tr("The description is longer than %n characters.", nullptr, MaxDescriptionLength);
    return {};
}

QJsonObject SubmissionFlow::environment() const
{
    QJsonObject env;
    if (!m_cluster.id.isEmpty()) {
        env.insert(QStringLiteral("cluster_name"), m_cluster.name);
        if (!m_cluster.kubernetesVersion.isEmpty())
            env.insert(QStringLiteral("kubernetes_version"), m_cluster.kubernetesVersion);
    }
    env.insert(QStringLiteral("client"),
               QJsonObject{{QStringLiteral("name"), QCoreApplication::applicationName()},
                           {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                           {QStringLiteral("os"), QSysInfo::prettyProductName()}});
    return env;
}

void SubmissionFlow::loadLimits()
{
    auto *job = m_client->limits(this);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (!job->ok())
            return; // the defaults stay; the server checks again on upload
        m_limits = job->limits();
        emit limitsChanged();
    });
}

void SubmissionFlow::loadClusters()
{
    auto *job = m_client->clusters(this);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (!job->ok())
            return; // the cluster is optional
        m_clusters = job->clusters();
        emit clustersChanged();
    });
}

QString SubmissionFlow::stageFile(const QString &path, const QByteArray &idempotencyKey)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return tr("%1 cannot be read.").arg(info.fileName());
    for (const StagedFile &f : std::as_const(m_staged)) {
        if (QFileInfo(f.path).canonicalFilePath() == info.canonicalFilePath()
            || (!f.sourcePath.isEmpty()
                && QFileInfo(f.sourcePath).canonicalFilePath() == info.canonicalFilePath()))
            return tr("%1 is already attached.").arg(info.fileName());
    }
    const QString refusal = Models::attachmentRefusal(info.fileName(),
                                                      info.size(),
                                                      int(m_staged.size()),
                                                      m_limits);
    if (!refusal.isEmpty())
        return refusal;
    StagedFile f;
    f.path = info.absoluteFilePath();
    f.sourcePath = f.path;
    if (m_fileKeeper) {
        QString why;
        f.path = m_fileKeeper(f.sourcePath, &why);
        if (f.path.isEmpty())
            return why.isEmpty() ? tr("%1 cannot be read.").arg(info.fileName()) : why;
    }
    f.fileName = info.fileName();
    f.sizeBytes = info.size();
    f.idempotencyKey = idempotencyKey.isEmpty() ? Api::ApiClient::newIdempotencyKey()
                                                : idempotencyKey;
    m_staged.append(f);
    emit stagedFilesChanged();
    emit draftChanged();
    return {};
}

void SubmissionFlow::unstage(int index)
{
    if (index < 0 || index >= m_staged.size())
        return;
    if (m_staged.at(index).state == StagedFile::State::Uploading
        || m_staged.at(index).state == StagedFile::State::Uploaded)
        return;
    m_staged.removeAt(index);
    emit stagedFilesChanged();
    emit draftChanged();
}

void SubmissionFlow::review()
{
    if (isBusy() || !m_targetId.isEmpty())
        return;
    m_debounce.stop();
    if (m_job)
        m_job->cancel();
    Api::ReviewRequest request;
    request.subject = m_subject;
    request.description = m_description;
    request.category = m_category;
    request.clusterId = m_cluster.id;
    auto *job = m_client->reviewTicket(request, this);
    m_job = job;
    setState(State::Reviewing);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        onReviewFinished(job);
    });
}

void SubmissionFlow::onReviewFinished(Api::ReviewJob *job)
{
    if (m_job == job)
        m_job = nullptr;
    const Api::ApiError &error = job->error();
    if (error.kind == Api::ApiError::Kind::Cancelled) {
        if (m_state == State::Reviewing) { // cancelled by the user, not replaced by an edit
            m_submitAfterReview = false;
            setState(hasReview() ? State::Stale : State::Editing);
        }
        return;
    }
    if (error.isError()) {
        if (isUnreachable(error) && !m_submitAfterReview) {
            runLocalReview();
            return;
        }
        if (m_submitAfterReview) {
            m_submitAfterReview = false;
            fail(error);
            return;
        }
        m_error = error;
        setState(hasReview() ? State::Stale : State::Editing);
        emit failed(error);
        return;
    }
    m_review = job->review();
    m_localReview = false;
    ++m_reviewCount;
    setState(State::Reviewed);
    emit reviewFinished();
    if (m_submitAfterReview) {
        m_submitAfterReview = false;
        if (needsAcknowledgement() && !m_acknowledged) {
            emit acknowledgementNeeded();
            return;
        }
        create();
    }
}

void SubmissionFlow::runLocalReview()
{
    if (!m_engine)
        m_engine = std::make_unique<Triage::ReviewEngine>();
    Triage::ReviewInput input;
    input.subject = m_subject;
    input.description = m_description;
    input.category = m_category;
    input.clusterId = m_cluster.id;
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it)
        input.answers.append({it.key(), it.value()});
    m_review = m_engine->review(input, m_candidates);
    m_review.reviewId.clear();
    m_review.expiresAt = {};
    m_localReview = true;
    ++m_reviewCount;
    setState(State::Reviewed);
    emit reviewFinished();
}

bool SubmissionFlow::needsAcknowledgement() const
{
    return m_review.quality == QLatin1String("flag");
}

bool SubmissionFlow::reviewExpired() const
{
    return m_review.expiresAt.isValid() && QDateTime::currentDateTimeUtc() >= m_review.expiresAt;
}

void SubmissionFlow::cancel()
{
    m_debounce.stop();
    if (m_job)
        m_job->cancel();
}

void SubmissionFlow::submit()
{
    if (isBusy() || m_state == State::Reviewing)
        return;
    if (!m_targetId.isEmpty()) { // filed already: only the uploads are left
        retry();
        return;
    }
    if (!draftProblem().isEmpty())
        return;
    m_reReviewedForSubmit = false;
    if (!hasReview() || m_localReview || m_state == State::Stale || reviewExpired()
        || (m_state == State::Failed && m_review.reviewId.isEmpty())) {
        m_submitAfterReview = true;
        review();
        return;
    }
    if (needsAcknowledgement() && !m_acknowledged) {
        emit acknowledgementNeeded();
        return;
    }
    create();
}

void SubmissionFlow::setCreateIdempotencyKey(const QByteArray &key)
{
    if (m_targetId.isEmpty() && !key.isEmpty())
        m_createKey = key;
}

void SubmissionFlow::create()
{
    if (m_createKey.isEmpty()) {
        m_createKey = Api::ApiClient::newIdempotencyKey();
        emit draftChanged();
    }
    Api::CreateTicketRequest request;
    request.reviewId = m_review.reviewId;
    request.subject = m_subject;
    request.description = m_description;
    request.category = m_category;
    request.clusterId = m_cluster.id;
    request.severity = m_severity.isEmpty() ? m_review.severity : m_severity;
    request.acknowledged = m_acknowledged;
    request.environment = environment();
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it)
        request.clarificationAnswers.append({it.key(), it.value()});
    auto *job = m_client->createTicket(request, this, m_createKey);
    m_job = job;
    setState(State::Submitting);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        onCreateFinished(job);
    });
}

void SubmissionFlow::onCreateFinished(Api::TicketJob *job)
{
    if (m_job == job)
        m_job = nullptr;
    const Api::ApiError &error = job->error();
    if (error.kind == Api::ApiError::Kind::Validation
        && error.fieldErrors.contains(QStringLiteral("review_id")) && !m_reReviewedForSubmit) {
        // Expired or forgotten by the server: review again (silently, once) and file then.
        // The 422 stored nothing under the key, so the same key is safe to reuse.
        m_reReviewedForSubmit = true;
        m_submitAfterReview = true;
        m_state = State::Reviewed; // not busy, so review() runs
        review();
        return;
    }
    if (error.isError()) {
        fail(error);
        return;
    }
    m_ticket = job->ticket();
    m_targetId = m_ticket.id;
    uploadNext();
}

void SubmissionFlow::linkToExisting(const QString &ticketId)
{
    if (isBusy() || ticketId.isEmpty() || !m_targetId.isEmpty())
        return;
    m_debounce.stop();
    if (m_job)
        m_job->cancel();
    m_linking = true;
    m_targetId = ticketId;
    m_commentKey = Api::ApiClient::newIdempotencyKey();
    postComment();
}

void SubmissionFlow::postComment()
{
    const QString body = QStringLiteral("**%1**\n\n%2").arg(m_subject.trimmed(), m_description);
    auto *job = m_client->addComment(m_targetId, body, this, m_commentKey);
    m_job = job;
    setState(State::Submitting);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (m_job == job)
            m_job = nullptr;
        if (!job->ok()) {
            fail(job->error());
            return;
        }
        m_commentPosted = true;
        m_ticket = job->ticket();
        uploadNext();
    });
}

void SubmissionFlow::uploadNext()
{
    int index = -1;
    for (int i = 0; i < m_staged.size(); ++i) {
        if (m_staged.at(i).state != StagedFile::State::Uploaded) {
            index = i;
            break;
        }
    }
    if (index < 0) {
        setState(State::Done);
        emit finished(m_targetId);
        return;
    }
    StagedFile &file = m_staged[index];
    file.state = StagedFile::State::Uploading;
    file.error.clear();
    auto *job = m_client->uploadAttachment(m_targetId, file.path, this, file.idempotencyKey);
    m_job = job;
    setState(State::UploadingAttachments);
    emit stagedFilesChanged();
    connect(job, &Api::ApiJob::progress, this, [this, index](qint64 done, qint64 total) {
        emit uploadProgress(index, done, total);
    });
    connect(job, &Api::ApiJob::finished, this, [this, job, index] {
        job->deleteLater();
        if (m_job == job)
            m_job = nullptr;
        StagedFile &f = m_staged[index];
        if (!job->ok()) {
            f.state = StagedFile::State::Failed;
            f.error = job->error().message;
            emit stagedFilesChanged();
            fail(job->error());
            return;
        }
        f.state = StagedFile::State::Uploaded;
        m_ticket = job->ticket();
        emit stagedFilesChanged();
        uploadNext();
    });
}

void SubmissionFlow::fail(const Api::ApiError &error)
{
    m_error = error;
    setState(State::Failed);
    emit failed(error);
}

void SubmissionFlow::retry()
{
    if (m_state != State::Failed)
        return;
    if (m_targetId.isEmpty()) {
        m_state = hasReview() && !m_localReview ? State::Reviewed : State::Stale;
        submit();
        return;
    }
    if (m_linking && !m_commentPosted) {
        postComment();
        return;
    }
    uploadNext();
}

} // namespace Ankra::Review

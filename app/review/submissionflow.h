#pragma once

// The "new ticket" flow as a state machine, without widgets: owns the draft (subject,
// description, category, cluster, severity, clarification answers, staged files,
// acknowledgement), runs the review, files the ticket and uploads the staged files.
//
// Contract:
// - review() asks the server; when it cannot be reached (Offline/Timeout) a local pre-check
//   (Triage::ReviewEngine, candidates from setCandidateSource()) answers instead and the result
//   is marked local (isLocalReview()). A local review is never used to file: submit() re-runs
//   the review against the server first.
// - Editing subject, description, category or cluster after a review makes it Stale and
//   re-runs it after a debounce (reviewDebounceMs). submit() re-runs a stale or expired review
//   (expires_at passed, or the server answers 422 for the review_id) silently, once.
// - Create carries one Idempotency-Key for the whole flow, each staged file its own: a failure
//   anywhere can be retried with submit()/retry() and creates or uploads nothing twice.
// - A failed upload stops the queue (state Failed, ticket() valid); retry() continues with the
//   files not uploaded yet.
// - linkToExisting() files nothing: the description and staged files go to an existing ticket
//   as a comment and attachments.
// - draftChanged() fires on every change of the draft (for autosaving, Store::Autosaver); a
//   file keeper (setFileKeeper) may copy each accepted file and have the copy staged instead.
// GUI thread only; never blocks.

#include "api/apiclient.h"
#include "wire/types.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace Ankra::Triage {
class CandidateSource;
class ReviewEngine;
} // namespace Ankra::Triage

namespace Ankra::Review {

struct StagedFile
{
    enum class State { Queued, Uploading, Uploaded, Failed };
    QString path;
    QString fileName;
    qint64 sizeBytes = 0;
    State state = State::Queued;
    QByteArray idempotencyKey; // stable for the file's whole life
    QString error;
    QString sourcePath; // what the user chose (path may be a kept copy of it)
};

class SubmissionFlow : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Editing,
        Reviewing,
        Reviewed,
        Stale, // edited after the review
        Submitting,
        UploadingAttachments,
        Done,
        Failed,
    };
    Q_ENUM(State)

    static constexpr int MaxSubjectLength = 200;
    static constexpr int MaxDescriptionLength = 10'000;

    explicit SubmissionFlow(Api::ApiClient *client, QObject *parent = nullptr);
    ~SubmissionFlow() override;

    State state() const { return m_state; }

    // --- the draft
    QString subject() const { return m_subject; }
    void setSubject(const QString &subject);
    QString description() const { return m_description; }
    void setDescription(const QString &description);
    QString category() const { return m_category; }
    void setCategory(const QString &category);
    const Wire::Cluster &cluster() const { return m_cluster; }
    void setCluster(const Wire::Cluster &cluster); // empty id: none
    QString severity() const { return m_severity; }
    void setSeverity(const QString &severity); // empty: leave it to the server
    QString answer(const QString &question) const { return m_answers.value(question); }
    void setAnswer(const QString &question, const QString &answer);
    const QMap<QString, QString> &answers() const { return m_answers; }
    bool isAcknowledged() const { return m_acknowledged; }
    void setAcknowledged(bool acknowledged);
    // Empty when the draft may be reviewed, else why not (translated).
    QString draftProblem() const;
    // The context sent as `environment`: the chosen cluster and this client.
    QJsonObject environment() const;

    // --- server data
    void loadLimits();
    void setLimits(const Wire::Limits &limits) { m_limits = limits; }
    const Wire::Limits &limits() const { return m_limits; }
    void loadClusters();
    const QList<Wire::Cluster> &clusters() const { return m_clusters; }

    // --- staged attachments
    // Empty when staged, else the reason it was refused (limits, unreadable, already staged).
    // `idempotencyKey`: the file's key from a saved draft (empty: a new one).
    QString stageFile(const QString &path, const QByteArray &idempotencyKey = {});
    void unstage(int index);
    const QList<StagedFile> &stagedFiles() const { return m_staged; }
    // Called for each accepted file: returns the path to stage (e.g. a copy kept with the
    // draft), or empty with *error set to refuse the file.
    using FileKeeper = std::function<QString(const QString &path, QString *error)>;
    void setFileKeeper(FileKeeper keeper) { m_fileKeeper = std::move(keeper); }

    // --- review
    void setCandidateSource(Triage::CandidateSource *source) { m_candidates = source; }
    void setReviewDebounceMs(int ms) { m_debounce.setInterval(ms); }
    void review();
    void cancel(); // cancels a running review or submission step
    bool hasReview() const { return !m_review.reviewId.isEmpty() || m_localReview; }
    const Wire::ReviewResult &reviewResult() const { return m_review; }
    bool isLocalReview() const { return m_localReview; }
    bool needsAcknowledgement() const;
    int reviewCount() const { return m_reviewCount; } // server and local reviews run so far
    // Test hook: pretend the server forgot the review (as after expiry).
    void setReviewIdForTesting(const QString &id) { m_review.reviewId = id; }

    // --- submission
    void submit();
    void linkToExisting(const QString &ticketId);
    void retry(); // after Failed: continues where it stopped
    const Wire::Ticket &ticket() const { return m_ticket; }
    QString targetTicketId() const { return m_targetId; }
    bool isLinking() const { return m_linking; }
    const Api::ApiError &lastError() const { return m_error; }
    QByteArray createIdempotencyKey() const { return m_createKey; }
    // A restored draft's key: a create that reached the server before a crash is not repeated.
    void setCreateIdempotencyKey(const QByteArray &key);

signals:
    void stateChanged(Ankra::Review::SubmissionFlow::State state);
    void reviewFinished();
    void acknowledgementNeeded(); // a re-review during submit flagged the ticket
    void clustersChanged();
    void limitsChanged();
    void stagedFilesChanged();
    void uploadProgress(int index, qint64 done, qint64 total);
    void failed(const Ankra::Api::ApiError &error);
    void finished(const QString &ticketId); // Done
    void draftChanged();

private:
    void setState(State state);
    bool isBusy() const;
    void markEdited();
    void onReviewFinished(Api::ReviewJob *job);
    void runLocalReview();
    void create();
    void onCreateFinished(Api::TicketJob *job);
    void postComment();
    void uploadNext();
    void fail(const Api::ApiError &error);
    bool reviewExpired() const;

    Api::ApiClient *m_client;
    State m_state = State::Editing;
    QString m_subject;
    QString m_description;
    QString m_category = QStringLiteral("technical");
    Wire::Cluster m_cluster;
    QString m_severity;
    QMap<QString, QString> m_answers;
    bool m_acknowledged = false;

    Wire::Limits m_limits;
    QList<Wire::Cluster> m_clusters;
    QList<StagedFile> m_staged;
    FileKeeper m_fileKeeper;

    Triage::CandidateSource *m_candidates = nullptr;
    std::unique_ptr<Triage::ReviewEngine> m_engine;
    Wire::ReviewResult m_review;
    bool m_localReview = false;
    int m_reviewCount = 0;
    QTimer m_debounce;
    bool m_submitAfterReview = false;
    bool m_reReviewedForSubmit = false;

    QPointer<Api::ApiJob> m_job;
    QByteArray m_createKey;
    QByteArray m_commentKey;
    QString m_targetId; // the new ticket, or the existing one linkToExisting() chose
    bool m_linking = false;
    bool m_commentPosted = false;
    Wire::Ticket m_ticket;
    Api::ApiError m_error;
};

} // namespace Ankra::Review

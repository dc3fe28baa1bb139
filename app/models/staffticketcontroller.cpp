#include "models/staffticketcontroller.h"

#include "wire/enums.h"

namespace Ankra::Models {

StaffTicketController::StaffTicketController(Api::ApiClient *client, QObject *parent)
    : TicketController(client, parent)
{
    connect(this, &TicketController::ticketChanged, this, [this] {
        // Being opened or closed: the previous ticket's fields no longer apply.
        if (!hasTicket() && !(m_team == Wire::TeamFields{})) {
            m_team = {};
            emit teamFieldsChanged();
        }
    });
}

void StaffTicketController::watch(Api::TeamTicketJob *job)
{
    // Connected before TicketController's own slot, so the fields are current when it emits
    // ticketChanged().
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        if (!job->ok() || job->ticket().id != ticketId())
            return;
        if (hasTicket() && job->ticket().updatedAt.isValid() && ticket().updatedAt.isValid()
            && job->ticket().updatedAt < ticket().updatedAt)
            return; // an older answer: TicketController ignores it too
        if (!(m_team == job->team())) {
            m_team = job->team();
            emit teamFieldsChanged();
        }
    });
}

Api::TicketJob *StaffTicketController::startLoad(const QString &ticketId)
{
    auto *job = Api::TeamApi(client()).ticket(ticketId, this);
    watch(job);
    return job;
}

Api::TicketJob *StaffTicketController::startReply(const QString &ticketId,
                                                  const QString &markdown,
                                                  const QByteArray &idempotencyKey)
{
    auto *job = Api::TeamApi(client()).addComment(ticketId,
                                                  markdown,
                                                  m_replyStatus,
                                                  this,
                                                  idempotencyKey);
    watch(job);
    return job;
}

Api::TicketJob *StaffTicketController::startClose(const QString &ticketId)
{
    // The team closes through the lifecycle (only a resolved ticket can be closed).
    Wire::TicketPatch p;
    p.status = QString::fromLatin1(Wire::Status::Closed);
    auto *job = Api::TeamApi(client()).patchTicket(ticketId, p, this);
    watch(job);
    return job;
}

Api::DownloadJob *StaffTicketController::startDownload(const QString &ticketId,
                                                       const QString &attachmentId,
                                                       const QString &targetPath)
{
    return Api::TeamApi(client()).downloadAttachment(ticketId, attachmentId, targetPath, this);
}

void StaffTicketController::sendTeamReply(const QString &markdown, const QString &setStatus)
{
    m_replyStatus = setStatus;
    sendReply(markdown);
    m_replyStatus.clear();
}

void StaffTicketController::setStatus(const QString &status)
{
    if (!hasTicket() || status.isEmpty() || status == ticket().status)
        return;
    Wire::TicketPatch p;
    p.status = status;
    patch(p);
}

void StaffTicketController::setSeverity(const QString &severity)
{
    if (!hasTicket() || severity == ticket().severity)
        return;
    Wire::TicketPatch p;
    p.severity = severity;
    patch(p);
}

void StaffTicketController::setCategory(const QString &category)
{
    if (!hasTicket() || category.isEmpty() || category == ticket().category)
        return;
    Wire::TicketPatch p;
    p.category = category;
    patch(p);
}

void StaffTicketController::assignToMe()
{
    Wire::TicketPatch p;
    p.assigneeId = QStringLiteral("me");
    patch(p);
}

void StaffTicketController::unassign()
{
    if (m_team.assigneeId.isEmpty())
        return;
    Wire::TicketPatch p;
    p.assigneeId = QString();
    patch(p);
}

void StaffTicketController::patch(const Wire::TicketPatch &patch)
{
    if (!hasTicket() || patch.isEmpty())
        return;
    if (m_patchJob) {
        // One change at a time: the next one starts from the answer of this one.
        m_patchJob->disconnect(this);
        m_patchJob->cancel();
        m_patchJob->deleteLater();
    }
    auto *job = Api::TeamApi(client()).patchTicket(ticketId(), patch, this);
    m_patchJob = job;
    watch(job);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (m_patchJob == job)
            m_patchJob = nullptr;
        if (!job->ok()) {
            if (job->error().kind != Api::ApiError::Kind::Cancelled)
                emit patchFailed(job->error());
            return;
        }
        applyTicket(job->ticket());
        emit patched();
    });
}

} // namespace Ankra::Models

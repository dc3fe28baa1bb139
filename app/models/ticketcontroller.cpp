#include "models/ticketcontroller.h"

#include "models/attachmentcheck.h"
#include "wire/enums.h"

#include <QFileInfo>

#include <utility>

namespace Ankra::Models {

TicketController::TicketController(Api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_conversation(this)
    , m_attachments(this)
    , m_limits(Api::contractDefaultLimits())
{}

bool TicketController::isClosed() const
{
    return m_ticket.status == QLatin1String(Wire::Status::Closed);
}

void TicketController::open(const QString &ticketId)
{
    if (ticketId == m_ticketId && hasTicket()) {
        reload();
        return;
    }
    if (m_loadJob) {
        m_loadJob->disconnect(this);
        m_loadJob->cancel();
        m_loadJob->deleteLater();
    }
    m_reloadAgain = false;
    m_ticketId = ticketId;
    m_ticket = {};
    m_replyKey.clear();
    m_replyText.clear();
    m_conversation.clear();
    m_attachments.setAttachments({});
    m_showingCache = false;
    emit ticketChanged();
    if (!ticketId.isEmpty() && m_cacheLookup) {
        if (std::optional<Wire::Ticket> cached = m_cacheLookup(ticketId)) {
            m_showingCache = true;
            m_applyingCache = true;
            applyTicket(*cached);
            m_applyingCache = false;
        }
    }
    if (!ticketId.isEmpty())
        reload();
}

void TicketController::reload()
{
    if (m_ticketId.isEmpty())
        return;
    // Asked again while loading: once more after it (the caller may know of a change the
    // running load was too early for, e.g. the outbox's reply just sent).
    if (m_loadJob) {
        m_reloadAgain = true;
        return;
    }
    auto *job = startLoad(m_ticketId);
    m_loadJob = job;
    emit loadingChanged(true);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (m_loadJob != job)
            return;
        m_loadJob = nullptr;
        emit loadingChanged(false);
        if (!job->ok()) {
            m_reloadAgain = false; // it would fail the same way now
            if (job->error().kind != Api::ApiError::Kind::Cancelled)
                emit errorOccurred(Operation::Load, job->error());
            return;
        }
        applyTicket(job->ticket());
        if (std::exchange(m_reloadAgain, false))
            reload();
    });
}

Api::TicketJob *TicketController::startLoad(const QString &ticketId)
{
    return m_client->ticket(ticketId, this);
}

Api::TicketJob *TicketController::startReply(const QString &ticketId,
                                             const QString &markdown,
                                             const QByteArray &idempotencyKey)
{
    return m_client->addComment(ticketId, markdown, this, idempotencyKey);
}

Api::TicketJob *TicketController::startClose(const QString &ticketId)
{
    return m_client->closeTicket(ticketId, this);
}

Api::DownloadJob *TicketController::startDownload(const QString &ticketId,
                                                  const QString &attachmentId,
                                                  const QString &targetPath)
{
    return m_client->downloadAttachment(ticketId, attachmentId, targetPath, this);
}

void TicketController::applyTicket(const Wire::Ticket &ticket)
{
    if (ticket.id != m_ticketId)
        return;
    if (m_showingCache && !m_applyingCache) {
        // The server's answer: it replaces the offline copy, whatever its timestamp says.
        m_showingCache = false;
        m_ticket.updatedAt = {};
    }
    // Answers may arrive out of order: a GET sent before an upload or reply finished must not
    // replace the newer ticket that the upload or reply returned.
    if (m_ticket.id == ticket.id && ticket.updatedAt.isValid() && m_ticket.updatedAt.isValid()
        && ticket.updatedAt < m_ticket.updatedAt)
        return;
    m_ticket = ticket;
    m_conversation.setTicket(ticket);
    m_attachments.setAttachments(ticket.attachments);
    emit ticketChanged();
}

void TicketController::loadLimits()
{
    auto *job = m_client->limits(this);
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->ok())
            m_limits = job->limits();
    });
}

void TicketController::sendReply(const QString &markdown)
{
    if (m_ticketId.isEmpty() || m_replyJob || markdown.trimmed().isEmpty()
        || markdown.size() > MaxReplyLength)
        return;
    // A different text is a different logical request: a new key.
    if (markdown != m_replyText) {
        m_replyText = markdown;
        m_replyKey = Api::ApiClient::newIdempotencyKey();
    }
    auto *job = startReply(m_ticketId, markdown, m_replyKey);
    m_replyJob = job;
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_replyJob = nullptr;
        if (!job->ok()) {
            emit errorOccurred(Operation::Reply, job->error());
            return;
        }
        m_replyKey.clear();
        m_replyText.clear();
        applyTicket(job->ticket());
        emit replySent();
    });
}

void TicketController::closeTicket()
{
    if (m_ticketId.isEmpty() || m_closeJob)
        return;
    auto *job = startClose(m_ticketId);
    m_closeJob = job;
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_closeJob = nullptr;
        if (!job->ok()) {
            emit errorOccurred(Operation::Close, job->error());
            return;
        }
        applyTicket(job->ticket());
        emit ticketClosed();
    });
}

QString TicketController::uploadRefusal(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile() || !info.isReadable())
        return tr("%1 is not a readable file.")
            .arg(info.fileName().isEmpty() ? path : info.fileName());
    if (isClosed())
        return tr("This ticket is closed: nothing can be attached any more.");
    return attachmentRefusal(info.fileName(),
                             info.size(),
                             int(m_ticket.attachments.size()) + runningUploads(),
                             m_limits);
}

Api::UploadJob *TicketController::upload(const QString &path)
{
    if (m_ticketId.isEmpty() || !uploadRefusal(path).isEmpty())
        return nullptr;
    auto *job = m_client->uploadAttachment(m_ticketId, path, this);
    m_uploads.append(job);
    const QString name = QFileInfo(path).fileName();
    connect(job, &Api::ApiJob::finished, this, [this, job, name] {
        job->deleteLater();
        m_uploads.removeAll(job);
        m_uploads.removeAll(nullptr);
        if (!job->ok()) {
            if (job->error().kind != Api::ApiError::Kind::Cancelled)
                emit errorOccurred(Operation::Upload, job->error());
            emit uploadFinished(name, false);
            return;
        }
        applyTicket(job->ticket());
        emit uploadFinished(name, true);
    });
    return job;
}

void TicketController::cancelTransfers()
{
    const auto uploads = std::exchange(m_uploads, {});
    const auto downloads = std::exchange(m_downloads, {});
    for (const QPointer<Api::UploadJob> &job : uploads)
        if (job)
            job->cancel();
    for (const QPointer<Api::DownloadJob> &job : downloads)
        if (job)
            job->cancel();
}

Api::DownloadJob *TicketController::download(const QString &attachmentId, const QString &targetPath)
{
    if (m_ticketId.isEmpty())
        return nullptr;
    auto *job = startDownload(m_ticketId, attachmentId, targetPath);
    m_downloads.append(job);
    connect(job, &Api::ApiJob::finished, this, [this, job, targetPath] {
        job->deleteLater();
        m_downloads.removeAll(job);
        m_downloads.removeAll(nullptr);
        if (!job->ok() && job->error().kind != Api::ApiError::Kind::Cancelled)
            emit errorOccurred(Operation::Download, job->error());
        emit downloadFinished(targetPath, job->ok());
    });
    return job;
}

} // namespace Ankra::Models

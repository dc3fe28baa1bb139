#include "store/outboxsender.h"

#include "api/apiclient.h"
#include "store/connectivity.h"

#include <QCoreApplication>

namespace Ankra::Store {

namespace {

bool isRetryable(const Api::ApiError &error)
{
    using Kind = Api::ApiError::Kind;
    if (error.isTransient())
        return true;
    switch (error.kind) {
    case Kind::Offline:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::Server: // every 5xx: the server may be restarting
        return true;
    default:
        return error.httpStatus == 408;
    }
}

} // namespace

OutboxSender::OutboxSender(Outbox *outbox,
                           Api::ApiClient *client,
                           Connectivity *connectivity,
                           QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_client(client)
    , m_connectivity(connectivity)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxSender::kick);
    connect(outbox, &Outbox::entryAdded, this, &OutboxSender::kick);
    if (connectivity)
        connect(connectivity, &Connectivity::onlineChanged, this, [this](bool online) {
            if (online)
                resumeWaiting();
        });
}

void OutboxSender::setBackoff(int baseDelayMs, int maxDelayMs)
{
    m_baseDelayMs = baseDelayMs;
    m_maxDelayMs = qMax(baseDelayMs, maxDelayMs);
}

void OutboxSender::start()
{
    m_running = true;
    // An entry left Sending by an earlier sender of this process: its answer will not come.
    for (const OutboxEntry &e : m_outbox->entries())
        if (e.state == OutboxEntry::State::Sending)
            m_outbox->setBackoff(e.id, {}, e.error);
    kick();
}

void OutboxSender::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_job) {
        Api::ApiJob *job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
        for (const OutboxEntry &e : m_outbox->entries())
            if (e.state == OutboxEntry::State::Sending)
                m_outbox->setBackoff(e.id, {}, e.error);
    }
}

void OutboxSender::resumeWaiting()
{
    // Back online: whatever waited for a backoff goes now, still in order.
    for (const OutboxEntry &e : m_outbox->entries())
        if (e.state == OutboxEntry::State::Waiting && e.nextAttemptAt.isValid())
            m_outbox->setBackoff(e.id, {}, e.error);
    m_timer.stop();
    kick();
}

void OutboxSender::kick()
{
    if (!m_running || m_job)
        return;
    if (m_connectivity && !m_connectivity->isOnline()) {
        emit idle();
        return; // onlineChanged(true) resumes
    }
    if (m_timer.isActive() && m_timer.property("pause").toBool())
        return; // a backoff pause for everything
    const auto next = m_outbox->nextSendable(QDateTime::currentDateTimeUtc());
    if (!next) {
        scheduleWakeUp();
        emit idle();
        return;
    }
    send(*next);
}

void OutboxSender::scheduleWakeUp()
{
    const QDateTime wake = m_outbox->nextWakeUp();
    if (!wake.isValid())
        return;
    const qint64 ms = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(wake));
    m_timer.setProperty("pause", false);
    m_timer.start(int(qMin<qint64>(ms + 5, m_maxDelayMs)));
}

void OutboxSender::send(const OutboxEntry &e)
{
    if (Outbox::isLocalTicketId(e.ticketId)) {
        // Its ticket was never created (cancelled meanwhile): nothing to send it to.
        m_outbox->setFailed(e.id, tr("The ticket this belongs to was not sent."), 0, true);
        emit entryFailed(e.id, tr("The ticket this belongs to was not sent."));
        QMetaObject::invokeMethod(this, &OutboxSender::kick, Qt::QueuedConnection);
        return;
    }
    if (!m_outbox->setSending(e.id))
        return;
    Api::ApiJob *job = nullptr;
    switch (e.kind) {
    case OutboxEntry::Kind::CreateTicket:
        job = m_client->createTicket(Outbox::createRequestFromJson(e.request),
                                     this,
                                     e.idempotencyKey);
        break;
    case OutboxEntry::Kind::Comment:
        job = m_client->addComment(e.ticketId,
                                   e.request.value(QLatin1String("body")).toString(),
                                   this,
                                   e.idempotencyKey);
        break;
    case OutboxEntry::Kind::Upload:
        job = m_client->uploadAttachment(e.ticketId, e.filePath, this, e.idempotencyKey);
        break;
    case OutboxEntry::Kind::Close:
        job = m_client->closeTicket(e.ticketId, this, e.idempotencyKey);
        break;
    }
    m_job = job;
    const qint64 id = e.id;
    connect(job, &Api::ApiJob::finished, this, [this, id] { onFinished(id); });
}

QString OutboxSender::failureReason(const OutboxEntry &entry, const Api::ApiError &error)
{
    const QString server = error.detail.isEmpty()
                               ? error.message
                               : tr("%1 (server: %2)").arg(error.message, error.detail);
    if (error.kind != Api::ApiError::Kind::Conflict)
        return server;
    switch (entry.kind) {
    case OutboxEntry::Kind::CreateTicket:
        return tr("The server's review flagged this ticket (%1). Check it, then choose "
                  "“Send anyway” or edit it.")
            .arg(error.detail.isEmpty() ? error.message : error.detail);
    case OutboxEntry::Kind::Comment:
        return tr("The ticket changed meanwhile (%1). Your reply is kept here: edit it and "
                  "retry, or cancel it.")
            .arg(error.detail.isEmpty() ? error.message : error.detail);
    case OutboxEntry::Kind::Upload:
        return tr("The attachment was refused because the ticket changed meanwhile (%1). The "
                  "file is kept here: retry or cancel it.")
            .arg(error.detail.isEmpty() ? error.message : error.detail);
    case OutboxEntry::Kind::Close:
        return tr("The ticket could not be closed (%1).")
            .arg(error.detail.isEmpty() ? error.message : error.detail);
    }
    return server;
}

void OutboxSender::onFinished(qint64 id)
{
    Api::ApiJob *job = m_job;
    m_job = nullptr;
    if (!job)
        return;
    job->deleteLater();
    const auto entry = m_outbox->entry(id);
    if (!entry) // cancelled while it was on its way
        return kick();
    if (job->ok()) {
        QString ticketId = entry->ticketId;
        if (auto *ticketJob = qobject_cast<Api::TicketJob *>(job))
            ticketId = ticketJob->ticket().id;
        m_outbox->setSent(id, entry->kind == OutboxEntry::Kind::CreateTicket ? ticketId : QString());
        emit entrySent(id, ticketId);
        kick();
        return;
    }
    const Api::ApiError &error = job->error();
    if (error.kind == Api::ApiError::Kind::Cancelled) {
        m_outbox->setBackoff(id, {}, {});
        return;
    }
    if (isRetryable(error)) {
        const int shift = qBound(0, entry->attempts - 1, 20);
        qint64 delay = qMin<qint64>(qint64(m_baseDelayMs) << shift, m_maxDelayMs);
        if (error.kind == Api::ApiError::Kind::RateLimited && error.retryAfterSeconds > 0)
            delay = qMax<qint64>(delay, qint64(error.retryAfterSeconds) * 1000);
        m_outbox->setBackoff(id, QDateTime::currentDateTimeUtc().addMSecs(delay), error.message);
        emit retryScheduled(id, int(delay));
        // The server as a whole is in trouble: pause everything, not just this ticket.
        m_timer.setProperty("pause", true);
        m_timer.start(int(delay));
        return;
    }
    const QString reason = failureReason(*entry, error);
    m_outbox->setFailed(id, reason, error.httpStatus, error.kind == Api::ApiError::Kind::Conflict);
    emit entryFailed(id, reason);
    kick();
}

} // namespace Ankra::Store

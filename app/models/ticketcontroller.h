#pragma once

// One open ticket: loads it, keeps its conversation and attachment models current, and runs the
// user's actions on it (reply, close, upload, download) through ApiClient. Multi-step flows
// live here, not in widgets. Never blocks; results arrive as signals. GUI thread only.
//
// A reply keeps its Idempotency-Key until it succeeds, so pressing Send again after a failure
// cannot post the same reply twice.

#include "api/apiclient.h"
#include "models/attachmentlistmodel.h"
#include "models/conversationmodel.h"
#include "wire/types.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Ankra::Models {

class TicketController : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Load, Reply, Close, Upload, Download };
    Q_ENUM(Operation)

    explicit TicketController(Api::ApiClient *client, QObject *parent = nullptr);

    void open(const QString &ticketId); // empty: nothing open
    void reload();
    QString ticketId() const { return m_ticketId; }
    bool hasTicket() const { return !m_ticket.id.isEmpty(); }
    const Wire::Ticket &ticket() const { return m_ticket; }
    bool isLoading() const { return m_loadJob != nullptr; }
    bool isClosed() const;

    // Offline copy (optional, e.g. Store::CacheSync): open() shows the saved ticket at once and
    // isShowingCache() stays true until the server's answer replaces it (even an older one).
    using CacheLookup = std::function<std::optional<Wire::Ticket>(const QString &ticketId)>;
    void setCacheLookup(CacheLookup lookup) { m_cacheLookup = std::move(lookup); }
    bool isShowingCache() const { return m_showingCache; }

    ConversationModel *conversation() { return &m_conversation; }
    AttachmentListModel *attachments() { return &m_attachments; }

    void loadLimits();
    void setLimits(const Wire::Limits &limits) { m_limits = limits; }
    const Wire::Limits &limits() const { return m_limits; }

    static constexpr int MaxReplyLength = 10'000;
    void sendReply(const QString &markdown);
    bool isSendingReply() const { return m_replyJob != nullptr; }
    void closeTicket();

    // Empty when `path` may be uploaded now, else the reason (type, size, per-ticket limit).
    QString uploadRefusal(const QString &path) const;
    // Starts an upload when the checks pass (returns nullptr and emits nothing otherwise: call
    // uploadRefusal() first to show why). The job is owned by the controller.
    Api::UploadJob *upload(const QString &path);
    int runningUploads() const { return int(m_uploads.size()); }
    Api::DownloadJob *download(const QString &attachmentId, const QString &targetPath);
    int runningDownloads() const { return int(m_downloads.size()); }
    // Stops every upload and download (each ends as Cancelled).
    void cancelTransfers();

signals:
    void ticketChanged();
    void loadingChanged(bool loading);
    void errorOccurred(Ankra::Models::TicketController::Operation operation,
                       const Ankra::Api::ApiError &error);
    void replySent();
    void ticketClosed();
    void uploadFinished(const QString &fileName, bool ok);
    void downloadFinished(const QString &targetPath, bool ok);

protected:
    // Where the requests go; each returns a started job parented to this. StaffTicketController
    // overrides them to use the team routes. The defaults are the customer endpoints.
    virtual Api::TicketJob *startLoad(const QString &ticketId);
    virtual Api::TicketJob *startReply(const QString &ticketId,
                                       const QString &markdown,
                                       const QByteArray &idempotencyKey);
    virtual Api::TicketJob *startClose(const QString &ticketId);
    virtual Api::DownloadJob *startDownload(const QString &ticketId,
                                            const QString &attachmentId,
                                            const QString &targetPath);
    void applyTicket(const Wire::Ticket &ticket);

    Api::ApiClient *client() const { return m_client; }

private:
    Api::ApiClient *m_client;
    QString m_ticketId;
    Wire::Ticket m_ticket;
    ConversationModel m_conversation;
    AttachmentListModel m_attachments;
    Wire::Limits m_limits;
    QPointer<Api::TicketJob> m_loadJob;
    bool m_reloadAgain = false; // reload() while loading: once more after it
    QPointer<Api::TicketJob> m_replyJob;
    QPointer<Api::TicketJob> m_closeJob;
    QList<QPointer<Api::UploadJob>> m_uploads;
    QList<QPointer<Api::DownloadJob>> m_downloads;
    QByteArray m_replyKey;
    QString m_replyText;
    CacheLookup m_cacheLookup;
    bool m_showingCache = false;
    bool m_applyingCache = false;
};

} // namespace Ankra::Models

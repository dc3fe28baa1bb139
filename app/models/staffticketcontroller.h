#pragma once

// The open ticket in staff mode: TicketController with its requests routed to the team API
// (load, reply, close across organisations), plus the team's actions: change status,
// severity, category and assignee (PATCH), and replies that also set waiting_customer or
// resolved. The ticket's team fields (organisation, assignee) are kept next to it.
// A refused change (409 for a transition the lifecycle forbids, 422 for a bad value) arrives as
// patchFailed() with the server's message; the ticket stays as it was. GUI thread only.

#include "api/teamjobs.h"
#include "models/ticketcontroller.h"

namespace Ankra::Models {

class StaffTicketController : public TicketController
{
    Q_OBJECT
public:
    explicit StaffTicketController(Api::ApiClient *client, QObject *parent = nullptr);

    const Wire::TeamFields &teamFields() const { return m_team; }

    // Sends only what differs from the open ticket; nothing when nothing differs.
    void setStatus(const QString &status);
    void setSeverity(const QString &severity); // empty: no severity
    void setCategory(const QString &category);
    void assignToMe();
    void unassign();
    void patch(const Wire::TicketPatch &patch);
    bool isPatching() const { return m_patchJob != nullptr; }

    // A team reply; `setStatus` empty, "waiting_customer" or "resolved". Emits replySent() or
    // errorOccurred(Reply, ...) like sendReply().
    void sendTeamReply(const QString &markdown, const QString &setStatus);

signals:
    void patched();
    void patchFailed(const Ankra::Api::ApiError &error);
    void teamFieldsChanged();

protected:
    Api::TicketJob *startLoad(const QString &ticketId) override;
    Api::TicketJob *startReply(const QString &ticketId,
                               const QString &markdown,
                               const QByteArray &idempotencyKey) override;
    Api::TicketJob *startClose(const QString &ticketId) override;
    // Other organisations' files: the customer route would answer 404.
    Api::DownloadJob *startDownload(const QString &ticketId,
                                    const QString &attachmentId,
                                    const QString &targetPath) override;

private:
    void watch(Api::TeamTicketJob *job);

    Wire::TeamFields m_team;
    QString m_replyStatus;
    QPointer<Api::TeamTicketJob> m_patchJob;
};

} // namespace Ankra::Models

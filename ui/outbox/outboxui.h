#pragma once

// The outbox in the main window, for one session: opens the account's outbox, sends it
// (OutboxSender) whenever Connectivity says the server is reachable, and shows it: an offline
// banner above the ticket list, an "Outbox (n)" toolbar button that opens the Outbox view, the
// tickets created offline on top of the list (marked "Not yet sent"). When a reply, upload or
// close of the open ticket, or a new ticket of the wizard, fails for want of network, the action
// is queued instead and the user is told so. Parented to the window.

#include <QObject>
#include <QPointer>

class QToolButton;

namespace Ankra::Api {
class ApiClient;
struct ApiError;
} // namespace Ankra::Api
namespace Ankra::Store {
class Connectivity;
class Outbox;
class OutboxSender;
class OutboxTicketsModel;
} // namespace Ankra::Store

namespace Ankra::Ui {

class MainWindow;
class OfflineBanner;
class OutboxView;
class SubmitWizard;

class OutboxUi : public QObject
{
    Q_OBJECT
public:
    // The outbox file of an account (`principal`: server URL, organisation and user).
    static QString defaultDatabasePath(const QString &principal);
    // Opens the outbox at `databasePath` and installs it in `window`. Null (with a note in the
    // status bar) when it cannot be opened: failed actions then only show their error.
    static OutboxUi *install(MainWindow *window,
                             Api::ApiClient *client,
                             const QString &databasePath,
                             int probeIntervalMs = 2'000);

    Store::Outbox *outbox() const { return m_outbox; }
    Store::OutboxSender *sender() const { return m_sender; }
    Store::Connectivity *connectivity() const { return m_connectivity; }
    Store::OutboxTicketsModel *pendingTickets() const { return m_pending; }
    OfflineBanner *banner() const { return m_banner; }
    QToolButton *toolButton() const { return m_button; }

    // Opens (or raises) the Outbox view, optionally on one entry.
    OutboxView *showOutbox(qint64 entryId = 0);
    // A submission of `wizard` that fails for want of network goes to the outbox.
    void attachWizard(SubmitWizard *wizard);

    static bool isNetworkFailure(const Api::ApiError &error);

signals:
    // Something was queued instead of sent (translated message, also in the status bar).
    void queued(const QString &message);

private:
    OutboxUi(MainWindow *window, Api::ApiClient *client, Store::Outbox *outbox, int probeMs);
    void attachDetail();
    void tell(const QString &message);
    void updateButton();

    MainWindow *m_window;
    Api::ApiClient *m_client;
    Store::Outbox *m_outbox;
    Store::Connectivity *m_connectivity;
    Store::OutboxSender *m_sender;
    Store::OutboxTicketsModel *m_pending;
    OfflineBanner *m_banner;
    QToolButton *m_button;
    QPointer<OutboxView> m_view;
};

} // namespace Ankra::Ui

#pragma once

// The main window: views sidebar, search field and the ticket list.
// Collaborators are injected by main.cpp; the window owns only widgets and the list model.

#include "detail/detailview.h"

#include <QMainWindow>

class QAbstractItemModel;
class QLabel;
class QSplitter;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolBar;
class QTreeView;

namespace Ankra::Api {
class ApiClient;
struct ApiError;
} // namespace Ankra::Api
namespace Ankra::Models {
class NotificationBatcher;
class ReadStateStore;
class TicketController;
class TicketListModel;
class UpdatePoller;
class ViewCounter;
} // namespace Ankra::Models
namespace KSyntaxHighlighting {
class Repository;
}

namespace Ankra::Ui {

class DetailView;
class MessageBanner;
class TicketProxyModel;
class TrayNotifier;
class ViewSidebar;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Api::ApiClient *client, QWidget *parent = nullptr);

    Models::TicketListModel *ticketModel() const { return m_model; }
    Models::TicketController *ticketController() const { return m_controller; }
    // The ticket's pane: built once the window has painted (a label stands in until then: it
    // took ~1.6 ms of the start, bench_client P2), or at once when asked for earlier.
    DetailView *detailView() const;
    void openTicket(const QString &ticketId);
    void showBanner(const QString &text, bool offerRetry);
    Models::UpdatePoller *poller() const { return m_poller; }
    Models::ViewCounter *viewCounter() const { return m_counter; }
    // Unread state (bold rows); opening a ticket marks it read. Optional, not owned.
    void setReadState(Models::ReadStateStore *store);
    // Enables attachment previews; owned by the composition root.
    void setSyntaxRepository(KSyntaxHighlighting::Repository *repository);
    // A widget for the right end of the toolbar, left of the account widget when there is one.
    void addToolBarWidget(QWidget *widget);
    // The account switcher: stays the rightmost widget of the toolbar, also when a widget is
    // added later (the outbox's button is, after the first paint).
    void setAccountWidget(QWidget *widget);
    // Shows the number of drafts on the "Drafts" action (0: just "Drafts").
    void setDraftCount(int count);
    // Rows shown above the server's tickets (tickets queued in the outbox and not sent yet),
    // with TicketListModel's columns and roles. Not owned.
    void setPendingTickets(QAbstractItemModel *pending);
    // A bar above the ticket list (e.g. the offline banner); the window takes ownership.
    void addBanner(QWidget *banner);
    // Whether a banner added above says the server cannot be reached (OfflineBanner): a failed
    // load for that same reason then shows no second banner, and the one shown goes.
    void setOfflineShown(bool shown);
    // Desktop notifications of the team's replies and status changes (Settings; on at first).
    void setNotificationsEnabled(bool enabled);
    // The tray icon and notifications: made when the first notification comes.
    TrayNotifier *trayNotifier();

    // True when nothing is being uploaded or downloaded, or the user agreed to stop it (asks).
    bool mayClose(DetailView::Ending ending = DetailView::Ending::CloseWindow);

public slots:
    void refresh();

signals:
    // Ctrl+N / "New ticket": the composition root opens the new-ticket wizard.
    void newTicketRequested();
    // "Drafts": the composition root shows the Drafts view (ui/drafts).
    void draftsRequested();
    // A row that is not a server ticket yet (an outbox id, "outbox:<n>") was opened.
    void localTicketActivated(const QString &localId);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override; // asks first while files are transferred

private:
    void applyQuery();
    void onError(const Api::ApiError &error);
    void updateCount();

    Api::ApiClient *m_client;
    Models::TicketListModel *m_model;
    Models::TicketController *m_controller;
    DetailView *m_detail = nullptr;
    QSplitter *m_listAndDetail;
    QWidget *m_detailStandIn; // in m_listAndDetail until the DetailView replaces it
    KSyntaxHighlighting::Repository *m_syntax = nullptr; // for the DetailView, once there
    ViewSidebar *m_sidebar;
    QLineEdit *m_search;
    QTreeView *m_list;
    MessageBanner *m_banner;
    bool m_offlineShown = false;
    bool m_bannerIsNetworkError = false; // m_banner shows an Offline/Timeout error
    QLabel *m_count;
    qint64 m_countShown = -1; // the total m_count shows
    QTimer *m_searchDebounce;
    TicketProxyModel *m_proxy;
    Models::UpdatePoller *m_poller;
    Models::ViewCounter *m_counter;
    Models::ReadStateStore *m_readState = nullptr;
    Models::NotificationBatcher *m_batcher;
    TrayNotifier *m_tray = nullptr;
    bool m_notificationsEnabled = true;
    QToolBar *m_toolbar;
    QAction *m_draftsAction = nullptr;
    QAction *m_accountAction = nullptr; // the account widget's place in the toolbar
};

} // namespace Ankra::Ui

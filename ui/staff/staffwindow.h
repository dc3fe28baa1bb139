#pragma once

// Staff mode's main window (a team token, docs/api-extensions.md): the queue across
// organisations with its views (Needs triage, Assigned to me, Waiting on customer, All), the
// open ticket with the team's actions (assign, status, severity, category), team replies that
// also set waiting on customer or resolve, canned replies, and notifications of new tickets and
// customer replies (tray icon when there is one). Every action is a QAction of this window with
// a shortcut, so the command palette lists them. main.cpp opens it instead of MainWindow when
// /support/me says "team"; a customer never gets here.

#include "detail/detailview.h"
#include "models/queueviews.h"
#include "widgets/menus.h"

#include <QMainWindow>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QToolBar;
class QTreeView;

namespace Ankra::Api {
class ApiClient;
struct ApiError;
} // namespace Ankra::Api
namespace Ankra::Models {
class ActivityWatcher;
class CannedReplyStore;
class NotificationBatcher;
class QueueModel;
class QueueViewCounter;
class ReadStateStore;
class StaffTicketController;
class UpdatePoller;
} // namespace Ankra::Models
namespace KSyntaxHighlighting {
class Repository;
}

namespace Ankra::Ui {

class CannedRepliesButton;
class DetailView;
class MessageBanner;
class ReplyEdit;
class StaffActionsPanel;
class TicketProxyModel;
class TrayNotifier;

class StaffWindow : public QMainWindow
{
    Q_OBJECT
public:
    StaffWindow(Api::ApiClient *client,
                Models::CannedReplyStore *cannedReplies,
                const QString &userName,
                QWidget *parent = nullptr);
    ~StaffWindow() override;

    Models::QueueModel *queueModel() const { return m_model; }
    Models::StaffTicketController *ticketController() const { return m_controller; }
    DetailView *detailView() const { return m_detail; }
    StaffActionsPanel *actionsPanel() const { return m_actions; }
    Models::UpdatePoller *poller() const { return m_poller; }
    Models::ActivityWatcher *activityWatcher() const { return m_watcher; }
    Models::NotificationBatcher *notificationBatcher() const { return m_batcher; }
    TrayNotifier *trayNotifier() const { return m_tray; }
    // Desktop notifications of new tickets and customer replies (Settings; on at first).
    void setNotificationsEnabled(bool enabled);
    void setReadState(Models::ReadStateStore *store);
    void setSyntaxRepository(KSyntaxHighlighting::Repository *repository);
    void addToolBarWidget(QWidget *widget);
    void openTicket(const QString &ticketId);
    void setView(int view);
    void showBanner(const QString &text, bool offerRetry);

    // True when nothing is being uploaded or downloaded, or the user agreed to stop it (asks).
    bool mayClose(DetailView::Ending ending = DetailView::Ending::CloseWindow);

public slots:
    void refresh();
    void replyAndSetStatus(const QString &status); // "waiting_customer" or "resolved"

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override; // asks first while files are transferred

private:
    // A window action with a shortcut, also in the menu bar's `menu`.
    QAction *addShortcutAction(Menus::Kind menu,
                               const QString &objectName,
                               const QString &text,
                               const QKeySequence &shortcut,
                               std::function<void()> run);
    void applyQuery();
    void onError(const Api::ApiError &error);
    void updateReplyButtons();

    Api::ApiClient *m_client;
    Models::QueueModel *m_model;
    Models::StaffTicketController *m_controller;
    QList<Models::QueueView> m_views;
    QListWidget *m_sidebar;
    QLineEdit *m_search;
    QTimer *m_searchDebounce;
    QTreeView *m_list;
    TicketProxyModel *m_proxy;
    DetailView *m_detail;
    ReplyEdit *m_reply;
    StaffActionsPanel *m_actions;
    CannedRepliesButton *m_canned;
    QPushButton *m_replyWait;
    QPushButton *m_replyResolve;
    MessageBanner *m_banner;
    QLabel *m_count;
    QToolBar *m_toolbar;
    Models::UpdatePoller *m_poller;
    Models::QueueViewCounter *m_counter;
    Models::ActivityWatcher *m_watcher;
    Models::NotificationBatcher *m_batcher;
    TrayNotifier *m_tray;
    Models::ReadStateStore *m_readState = nullptr;
};

} // namespace Ankra::Ui

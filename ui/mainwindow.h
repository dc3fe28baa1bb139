#pragma once

// The main window: views sidebar, search field and the ticket list.
// Collaborators are injected by main.cpp; the window owns only widgets and the list model.

#include <QMainWindow>

class QLabel;
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
class TicketProxyModel;
class ViewSidebar;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Api::ApiClient *client, QWidget *parent = nullptr);

    Models::TicketListModel *ticketModel() const { return m_model; }
    Models::TicketController *ticketController() const { return m_controller; }
    DetailView *detailView() const { return m_detail; }
    void openTicket(const QString &ticketId);
    void showBanner(const QString &text, bool offerRetry);
    Models::UpdatePoller *poller() const { return m_poller; }
    Models::ViewCounter *viewCounter() const { return m_counter; }
    // Unread state (bold rows); opening a ticket marks it read. Optional, not owned.
    void setReadState(Models::ReadStateStore *store);
    // Enables attachment previews; owned by the composition root.
    void setSyntaxRepository(KSyntaxHighlighting::Repository *repository);
    // A widget for the right end of the toolbar (the account switcher).
    void addToolBarWidget(QWidget *widget);

public slots:
    void refresh();

signals:
    // Ctrl+N / "New ticket": the composition root opens the new-ticket wizard.
    void newTicketRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyQuery();
    void onError(const Api::ApiError &error);
    void updateCount();

    Api::ApiClient *m_client;
    Models::TicketListModel *m_model;
    Models::TicketController *m_controller;
    DetailView *m_detail;
    ViewSidebar *m_sidebar;
    QLineEdit *m_search;
    QTreeView *m_list;
    QLabel *m_banner;
    QPushButton *m_retry;
    QWidget *m_bannerBox;
    QLabel *m_count;
    QTimer *m_searchDebounce;
    TicketProxyModel *m_proxy;
    Models::UpdatePoller *m_poller;
    Models::ViewCounter *m_counter;
    Models::ReadStateStore *m_readState = nullptr;
    QToolBar *m_toolbar;
};

} // namespace Ankra::Ui

#pragma once

// The main window: views sidebar, search field and the ticket list.
// Collaborators are injected by main.cpp; the window owns only widgets and the list model.

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;

namespace Ankra::Api {
class ApiClient;
struct ApiError;
} // namespace Ankra::Api
namespace Ankra::Models {
class TicketController;
class TicketListModel;
} // namespace Ankra::Models

namespace Ankra::Ui {

class DetailView;
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

public slots:
    void refresh();

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
};

} // namespace Ankra::Ui

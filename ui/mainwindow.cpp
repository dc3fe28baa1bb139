#include "mainwindow.h"

#include "detail/detailview.h"
#include "tickets/statusdelegate.h"
#include "tickets/viewsidebar.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Ankra::Ui {

MainWindow::MainWindow(Api::ApiClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_model(new Models::TicketListModel(client, this))
    , m_controller(new Models::TicketController(client, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Ankra Support"));
    resize(1200, 760);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    auto *refreshAction = toolbar->addAction(tr("Refresh"));
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Reload the ticket list (F5)"));
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search subject and description (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search tickets"));
    m_search->setAccessibleDescription(tr("Searches the subject and description on the server"));
    m_search->setMaximumWidth(420);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_search);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(findAction);

    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this, &MainWindow::applyQuery);

    m_sidebar = new ViewSidebar(this);
    connect(m_sidebar, &ViewSidebar::viewChanged, this, &MainWindow::applyQuery);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("ticketList"));
    m_list->setAccessibleName(tr("Tickets"));
    m_list->setAccessibleDescription(tr("The tickets of the chosen view"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setModel(m_model);
    m_list->setItemDelegateForColumn(Models::TicketListModel::StatusColumn,
                                     new StatusDelegate(StatusDelegate::Kind::Status, m_list));
    m_list->setItemDelegateForColumn(Models::TicketListModel::SeverityColumn,
                                     new StatusDelegate(StatusDelegate::Kind::Severity, m_list));
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(Models::TicketListModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(Models::TicketListModel::NumberColumn, 56);
    header->resizeSection(Models::TicketListModel::StatusColumn, 160);
    header->resizeSection(Models::TicketListModel::SeverityColumn, 100);
    header->resizeSection(Models::TicketListModel::CategoryColumn, 120);
    header->resizeSection(Models::TicketListModel::ClusterColumn, 140);
    header->resizeSection(Models::TicketListModel::UpdatedColumn, 150);

    m_bannerBox = new QWidget(this);
    m_bannerBox->setObjectName(QStringLiteral("errorBanner"));
    m_bannerBox->setAutoFillBackground(true);
    QPalette bannerPalette = m_bannerBox->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xf8, 0xe4, 0xe4));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x5c, 0x0a, 0x0a));
    m_bannerBox->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_bannerBox);
    m_banner = new QLabel(m_bannerBox);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Retry"), m_bannerBox);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleDescription(tr("Try loading the tickets again"));
    connect(m_retry, &QPushButton::clicked, this, &MainWindow::refresh);
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_retry);
    m_bannerBox->hide();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_bannerBox);
    rightLayout->addWidget(m_list, 1);

    m_detail = new DetailView(m_controller, this);
    auto *listAndDetail = new QSplitter(Qt::Horizontal, this);
    listAndDetail->setObjectName(QStringLiteral("listDetailSplitter"));
    listAndDetail->addWidget(right);
    listAndDetail->addWidget(m_detail);
    listAndDetail->setStretchFactor(0, 1);
    listAndDetail->setStretchFactor(1, 1);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(listAndDetail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 1020});
    setCentralWidget(splitter);

    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        openTicket(index.data(Models::IdRole).toString());
    });
    connect(m_detail, &DetailView::ticketUpdated, this, [this] { m_model->reload(); });
    auto *replyAction = new QAction(tr("Reply"), this);
    replyAction->setObjectName(QStringLiteral("replyAction"));
    replyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(replyAction, &QAction::triggered, m_detail, &DetailView::focusReply);
    addAction(replyAction);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("ticketCount"));
    statusBar()->addPermanentWidget(m_count);

    connect(m_model, &Models::TicketListModel::errorOccurred, this, &MainWindow::onError);
    connect(m_model, &Models::TicketListModel::pageLoaded, this, [this] {
        m_bannerBox->hide();
        updateCount();
    });
    connect(m_model, &Models::TicketListModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            statusBar()->showMessage(tr("Loading…"));
        else
            statusBar()->clearMessage();
    });

    if (m_client->hasToken()) {
        applyQuery();
        m_controller->loadLimits();
    } else
        showBanner(tr("Not signed in: no API token. Start with ANKRA_API_TOKEN set, or use "
                      "make run for the local demo server."),
                   false);
}

void MainWindow::applyQuery()
{
    Api::TicketQuery query;
    query.statuses = m_sidebar->currentStatuses();
    query.search = m_search->text().trimmed();
    query.pageSize = 100;
    m_model->setQuery(query);
}

void MainWindow::refresh()
{
    m_model->reload();
    m_controller->reload();
}

void MainWindow::openTicket(const QString &ticketId)
{
    if (ticketId.isEmpty())
        return;
    m_controller->open(ticketId);
}

void MainWindow::showBanner(const QString &text, bool offerRetry)
{
    m_banner->setText(text);
    m_retry->setVisible(offerRetry);
    m_bannerBox->show();
}

void MainWindow::onError(const Api::ApiError &error)
{
    showBanner(error.message, error.kind != Api::ApiError::Kind::Auth);
}

void MainWindow::updateCount()
{
    m_count->setText(tr("%n ticket(s)", nullptr, int(m_model->totalCount())));
}

} // namespace Ankra::Ui

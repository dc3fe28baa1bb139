#include "mainwindow.h"

#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "outbox/pendingticketsproxy.h"
#include "startup/afterfirstpaint.h"
#include "tickets/statusdelegate.h"
#include "tickets/ticketlistview.h"
#include "tickets/ticketproxymodel.h"
#include "tickets/viewsidebar.h"
#include "widgets/columnsmenu.h"
#include "widgets/menus.h"
#include "widgets/messagebanner.h"
#include "widgets/traynotifier.h"

#include "api/apiclient.h"
#include "models/notificationbatcher.h"
#include "models/readstate.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "models/updatepoller.h"
#include "models/viewcounter.h"
#include "wire/enums.h"

#include <QAction>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Ankra::Ui {

MainWindow::MainWindow(Api::ApiClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_model(new Models::TicketListModel(client, this))
    , m_controller(new Models::TicketController(client, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Ankra Support"));
    resize(1400, 860);

    auto *toolbar = addToolBar(tr("Main"));
    m_toolbar = toolbar;
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    auto *newTicketAction = toolbar->addAction(tr("New ticket"));
    newTicketAction->setObjectName(QStringLiteral("newTicketAction"));
    newTicketAction->setShortcut(QKeySequence::New);
    newTicketAction->setToolTip(tr("Describe a problem and file a ticket (Ctrl+N)"));
    connect(newTicketAction, &QAction::triggered, this, &MainWindow::newTicketRequested);
    m_draftsAction = toolbar->addAction(tr("Drafts"));
    m_draftsAction->setObjectName(QStringLiteral("draftsAction"));
    m_draftsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_draftsAction->setToolTip(tr("Unsent tickets and replies (Ctrl+Shift+D)"));
    connect(m_draftsAction, &QAction::triggered, this, &MainWindow::draftsRequested);
    auto *refreshAction = toolbar->addAction(tr("Refresh"));
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Check for updates (F5)"));
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
    auto *findAction = new QAction(tr("Search tickets"), this); // named: the palette lists it
    findAction->setObjectName(QStringLiteral("findAction"));
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

    auto *list = new TicketListView(this); // a QTreeView that skips needless repaints
    list->setMoreRowsToCome([this] { return m_model->hasMorePages(); });
    m_list = list;
    m_list->setObjectName(QStringLiteral("ticketList"));
    m_list->setAccessibleName(tr("Tickets"));
    m_list->setAccessibleDescription(tr("The tickets of the chosen view"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_proxy = new TicketProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_list->setModel(m_proxy);
    // No sort column: the server's order (most recently updated first). A header click sorts
    // the loaded rows on the client (TicketProxyModel); clicking through to "none" is not
    // offered by QHeaderView, F5 keeps the chosen order.
    m_list->header()->setSortIndicator(-1, Qt::DescendingOrder);
    m_list->setSortingEnabled(true);
    m_list->header()->setSortIndicatorShown(true);
    m_list->setItemDelegateForColumn(Models::TicketListModel::StatusColumn,
                                     new StatusDelegate(StatusDelegate::Kind::Status, m_list));
    m_list->setItemDelegateForColumn(Models::TicketListModel::SeverityColumn,
                                     new StatusDelegate(StatusDelegate::Kind::Severity, m_list));
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(Models::TicketListModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(Models::TicketListModel::NumberColumn, 48);
    // Sized for the widest status label in the current language; a saved width still wins.
    header->resizeSection(Models::TicketListModel::StatusColumn,
                          StatusDelegate::statusColumnWidth(m_list->font()));
    header->resizeSection(Models::TicketListModel::SeverityColumn, 96);
    header->resizeSection(Models::TicketListModel::CategoryColumn, 110);
    header->resizeSection(Models::TicketListModel::ClusterColumn, 120);
    header->resizeSection(Models::TicketListModel::UpdatedColumn, 90);

    m_banner = new MessageBanner(MessageBanner::Kind::Error, this);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    QPushButton *retry = m_banner->addRetryButton(tr("Try loading the tickets again"));
    retry->setObjectName(QStringLiteral("retryButton"));
    connect(retry, &QPushButton::clicked, this, &MainWindow::refresh);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_list, 1);

    // What the DetailView shows with no ticket open, until it is built (detailView()).
    auto *standIn = new QLabel(DetailView::noTicketText(), this);
    standIn->setAlignment(Qt::AlignCenter);
    m_detailStandIn = standIn;
    auto *listAndDetail = new QSplitter(Qt::Horizontal, this);
    m_listAndDetail = listAndDetail;
    listAndDetail->setObjectName(QStringLiteral("listDetailSplitter"));
    listAndDetail->addWidget(right);
    listAndDetail->addWidget(m_detailStandIn);
    listAndDetail->setStretchFactor(0, 3);
    listAndDetail->setStretchFactor(1, 2);
    // The list needs room for its seven columns; the subject column takes what is left.
    listAndDetail->setSizes({900, 500});

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(listAndDetail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1230});
    setCentralWidget(splitter);

    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        openTicket(index.data(Models::IdRole).toString());
    });
    auto *replyAction = new QAction(tr("Reply"), this);
    replyAction->setObjectName(QStringLiteral("replyAction"));
    replyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(replyAction, &QAction::triggered, this, [this] { detailView()->focusReply(); });
    addAction(replyAction);

    // The menu bar: every action of the window has its place there (ui/widgets/menus.h).
    Menus::add(this, Menus::Kind::File, newTicketAction);
    Menus::add(this, Menus::Kind::File, m_draftsAction);
    Menus::addStandardActions(this); // File → Quit, Help → About
    Menus::add(this, Menus::Kind::View, findAction);
    Menus::add(this, Menus::Kind::View, refreshAction);
    QMenu *viewMenu = Menus::menu(this, Menus::Kind::View);
    viewMenu->addSeparator();
    QList<QAction *> views;
    for (int row = 0; row < m_sidebar->count(); ++row) {
        auto *action = new QAction(m_sidebar->viewName(row), this);
        action->setObjectName(QStringLiteral("viewAction_%1").arg(row));
        views.append(action);
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, m_sidebar, [this, row] {
            m_sidebar->setCurrentRow(row);
        });
        viewMenu->addAction(action);
    }
    Menus::checkWithRow(m_sidebar, views);
    Menus::add(this, Menus::Kind::Ticket, replyAction);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("ticketCount"));
    statusBar()->addPermanentWidget(m_count);

    connect(m_model, &Models::TicketListModel::errorOccurred, this, &MainWindow::onError);
    connect(m_model, &Models::TicketListModel::pageLoaded, this, [this] {
        m_banner->hide();
        updateCount();
    });
    // "Loading…" only for a load that takes a while: a page read ahead arrives within
    // milliseconds, and the status bar flickered (and repainted) once per page.
    auto *loadingNote = new QTimer(this);
    loadingNote->setSingleShot(true);
    loadingNote->setInterval(300);
    connect(loadingNote, &QTimer::timeout, this, [this] {
        statusBar()->showMessage(tr("Loading…"));
    });
    connect(m_model,
            &Models::TicketListModel::loadingChanged,
            this,
            [this, loadingNote](bool loading) {
                if (loading) {
                    if (!loadingNote->isActive())
                        loadingNote->start();
                    return;
                }
                loadingNote->stop();
                if (statusBar()->currentMessage() == tr("Loading…"))
                    statusBar()->clearMessage();
            });

    m_counter = new Models::ViewCounter(m_client, m_sidebar->viewStatuses(), this);
    connect(m_counter, &Models::ViewCounter::countChanged, m_sidebar, &ViewSidebar::setCount);
    m_poller = new Models::UpdatePoller(m_model, m_controller, this);
    connect(m_poller, &Models::UpdatePoller::polled, m_counter, &Models::ViewCounter::refresh);
    // The team's replies and status changes: said in the status bar, and while the window is not
    // the active one also in a desktop notification (batched; Settings can turn them off).
    m_batcher = new Models::NotificationBatcher(this);
    connect(m_batcher,
            &Models::NotificationBatcher::batchReady,
            this,
            [this](const QList<Models::ActivityEvent> &events) { trayNotifier()->notify(events); });
    const auto tell = [this](Models::ActivityEvent::Kind kind,
                             const QString &ticketId,
                             const QString &detail) {
        const int row = m_model->rowOf(ticketId);
        Models::ActivityEvent event;
        event.kind = kind;
        event.ticketId = ticketId;
        event.subject = row >= 0 ? m_model->ticketAt(row).subject : m_controller->ticket().subject;
        event.detail = detail;
        event.at = QDateTime::currentDateTimeUtc();
        if (kind == Models::ActivityEvent::Kind::StatusChanged)
            statusBar()->showMessage(tr("“%1” is now: %2").arg(event.subject, detail), 15'000);
        if (m_notificationsEnabled && !isActiveWindow())
            m_batcher->add({event});
    };
    connect(m_poller,
            &Models::UpdatePoller::statusChanged,
            this,
            [tell](const QString &ticketId, const QString &, const QString &newStatus) {
                tell(Models::ActivityEvent::Kind::StatusChanged,
                     ticketId,
                     Wire::statusLabel(newStatus));
            });
    connect(m_poller,
            &Models::UpdatePoller::newReplies,
            this,
            [this, tell](const QString &ticketId, const QList<Wire::Comment> &comments) {
                statusBar()->showMessage(tr("%n new reply(s) on “%1”", nullptr, int(comments.size()))
                                             .arg(m_controller->ticket().subject),
                                         15'000);
                // A status change's own system note is told as the status change.
                const bool written = std::any_of(comments.cbegin(),
                                                 comments.cend(),
                                                 [](const auto &c) {
                                                     return c.authorType != QLatin1String("system");
                                                 });
                if (written)
                    tell(Models::ActivityEvent::Kind::TeamReply, ticketId, {});
            });
    // Whatever the user has open is read, including the answers to their own actions.
    connect(m_controller, &Models::TicketController::ticketChanged, this, [this] {
        if (m_readState && m_controller->hasTicket())
            m_readState->markRead(m_controller->ticket().id, m_controller->ticket().updatedAt);
    });

    AfterFirstPaint::run(this, [this] { detailView(); });
    // Not in the first picture: View → Columns and the header's menu.
    AfterFirstPaint::run(this, [this] {
        ColumnsMenu::install(this, m_list, Models::TicketListModel::SubjectColumn);
    });
    if (m_client->hasToken()) {
        applyQuery();
        // Not needed for the first picture (their answers would be handled before it): the
        // view counts and the server's limits are asked once the window has painted.
        AfterFirstPaint::run(this, [this] {
            m_controller->loadLimits();
            m_counter->refresh();
        });
        m_poller->start();
    } else
        showBanner(tr("Not signed in: no API token. Start with ANKRA_API_TOKEN set, or use "
                      "make run for the local demo server."),
                   false);
}

void MainWindow::setNotificationsEnabled(bool enabled)
{
    m_notificationsEnabled = enabled;
    if (m_tray)
        m_tray->setEnabled(enabled);
}

TrayNotifier *MainWindow::trayNotifier()
{
    // Made when the first notification comes: no tray icon for a user who never gets one, and
    // none to build at start.
    if (!m_tray) {
        m_tray = new TrayNotifier(this, tr("Ankra Support"));
        m_tray->setEnabled(m_notificationsEnabled);
        connect(m_tray, &TrayNotifier::ticketRequested, this, &MainWindow::openTicket);
    }
    return m_tray;
}

DetailView *MainWindow::detailView() const
{
    if (m_detail)
        return m_detail;
    auto *self = const_cast<MainWindow *>(this);
    self->m_detail = new DetailView(m_controller, self);
    // The user's own change (reply, close, upload): update the rows in place and the counts.
    connect(m_detail, &DetailView::ticketUpdated, self, [self] {
        self->m_model->refresh();
        self->m_counter->refresh();
    });
    if (m_syntax)
        m_detail->setSyntaxRepository(m_syntax);
    Menus::add(self, Menus::Kind::Ticket, m_detail->attachmentsPanel()->attachAction());
    Menus::add(self, Menus::Kind::Ticket, m_detail->closeTicketAction());
    // Same place, size and visibility in the splitter (also a restored splitter state).
    m_listAndDetail->replaceWidget(m_listAndDetail->indexOf(m_detailStandIn), m_detail);
    m_detailStandIn->deleteLater();
    self->m_detailStandIn = nullptr;
    return m_detail;
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
    // After an error there may be nothing to refresh incrementally: start over.
    if (m_model->lastError().isError() || m_model->rowCount() == 0) {
        m_model->reload();
        m_controller->reload();
        m_counter->refresh();
        return;
    }
    m_poller->poll();
}

void MainWindow::setReadState(Models::ReadStateStore *store)
{
    m_readState = store;
    m_model->setReadState(store);
}

void MainWindow::setSyntaxRepository(KSyntaxHighlighting::Repository *repository)
{
    m_syntax = repository;
    if (m_detail)
        m_detail->setSyntaxRepository(repository);
}

void MainWindow::addToolBarWidget(QWidget *widget)
{
    if (m_accountAction)
        m_toolbar->insertWidget(m_accountAction, widget);
    else
        m_toolbar->addWidget(widget);
}

void MainWindow::setAccountWidget(QWidget *widget)
{
    m_accountAction = m_toolbar->addWidget(widget);
}

void MainWindow::setDraftCount(int count)
{
    m_draftsAction->setText(count > 0 ? tr("Drafts (%1)").arg(count) : tr("Drafts"));
}

void MainWindow::setPendingTickets(QAbstractItemModel *pending)
{
    m_proxy->setSourceModel(new PendingTicketsProxy(pending, m_model, this));
}

void MainWindow::addBanner(QWidget *banner)
{
    auto *layout = qobject_cast<QVBoxLayout *>(m_banner->parentWidget()->layout());
    if (layout)
        layout->insertWidget(0, banner);
}

bool MainWindow::mayClose(DetailView::Ending ending)
{
    return !m_detail || m_detail->mayClose(ending);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!mayClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    // Coming back to the window is when the user wants to see what happened meanwhile.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_client->hasToken())
        m_poller->pollSoon();
    QMainWindow::changeEvent(event);
}

void MainWindow::openTicket(const QString &ticketId)
{
    if (ticketId.isEmpty())
        return;
    if (ticketId.startsWith(QLatin1String("outbox:"))) {
        emit localTicketActivated(ticketId);
        return;
    }
    m_controller->open(ticketId);
}

void MainWindow::showBanner(const QString &text, bool offerRetry)
{
    m_bannerIsNetworkError = false;
    m_banner->showMessage(text, offerRetry);
}

void MainWindow::onError(const Api::ApiError &error)
{
    const bool network = error.kind == Api::ApiError::Kind::Offline
                         || error.kind == Api::ApiError::Kind::Timeout;
    if (network && m_offlineShown)
        return; // the offline banner says so already, with its own "Try now"
    showBanner(error.message, error.kind != Api::ApiError::Kind::Auth);
    m_bannerIsNetworkError = network;
}

void MainWindow::setOfflineShown(bool shown)
{
    m_offlineShown = shown;
    if (shown && m_bannerIsNetworkError)
        m_banner->hide();
}

void MainWindow::updateCount()
{
    // Called for each page (a hundred times while a long list loads): translated only when the
    // count changed.
    const qint64 total = m_model->totalCount();
    if (total == m_countShown)
        return;
    m_countShown = total;
    m_count->setText(tr("%n ticket(s)", nullptr, int(total)));
}

} // namespace Ankra::Ui

#include "staff/staffwindow.h"

#include "detail/detailview.h"
#include "detail/replyedit.h"
#include "staff/cannedrepliesbutton.h"
#include "staff/staffactions.h"
#include "tickets/statusdelegate.h"
#include "tickets/ticketproxymodel.h"
#include "widgets/columnsmenu.h"
#include "widgets/menus.h"
#include "widgets/messagebanner.h"
#include "widgets/traynotifier.h"

#include "api/apiclient.h"
#include "models/activitywatcher.h"
#include "models/cannedreplies.h"
#include "models/notificationbatcher.h"
#include "models/queuemodel.h"
#include "models/readstate.h"
#include "models/roles.h"
#include "models/staffticketcontroller.h"
#include "models/updatepoller.h"
#include "wire/enums.h"

#include <QAction>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Ankra::Ui {

namespace {
constexpr int NameRole = Qt::UserRole + 1;
} // namespace

StaffWindow::StaffWindow(Api::ApiClient *client,
                         Models::CannedReplyStore *cannedReplies,
                         const QString &userName,
                         QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_model(new Models::QueueModel(client, this))
    , m_controller(new Models::StaffTicketController(client, this))
    , m_views(Models::standardQueueViews())
{
    setObjectName(QStringLiteral("staffWindow"));
    setWindowTitle(userName.isEmpty() ? tr("Ankra Support — Team")
                                      : tr("Ankra Support — Team — %1").arg(userName));
    resize(1500, 900);

    m_toolbar = addToolBar(tr("Main"));
    m_toolbar->setObjectName(QStringLiteral("staffToolBar"));
    m_toolbar->setMovable(false);

    // --- queue: views, search, list ---
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("queueViews"));
    m_sidebar->setAccessibleName(tr("Queue views"));
    m_sidebar->setAccessibleDescription(tr("Choose which tickets the queue shows"));
    m_sidebar->setSpacing(3);
    for (const Models::QueueView &view : std::as_const(m_views)) {
        auto *item = new QListWidgetItem(view.name, m_sidebar);
        item->setData(NameRole, view.name);
    }
    m_sidebar->setCurrentRow(0);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search subject and description (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search tickets"));
    m_search->setAccessibleDescription(
        tr("Filter the queue by words in the subject and description (Ctrl+F)"));
    m_search->setMaximumWidth(420);
    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this, &StaffWindow::applyQuery);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("queueList"));
    m_list->setAccessibleName(tr("Queue"));
    m_list->setAccessibleDescription(
        tr("The tickets of the chosen view. Enter opens the selected ticket."));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_proxy = new TicketProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_list->setModel(m_proxy);
    m_list->header()->setSortIndicator(-1, Qt::DescendingOrder);
    m_list->setSortingEnabled(true);
    m_list->setItemDelegateForColumn(Models::TicketListModel::StatusColumn,
                                     new StatusDelegate(StatusDelegate::Kind::Status, m_list));
    m_list->setItemDelegateForColumn(Models::TicketListModel::SeverityColumn,
                                     new StatusDelegate(StatusDelegate::Kind::Severity, m_list));
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(Models::TicketListModel::SubjectColumn, QHeaderView::Stretch);
    // Who and how bad first: organisation right after the subject, assignee before the time.
    header->moveSection(header->visualIndex(Models::QueueModel::OrganisationColumn),
                        header->visualIndex(Models::TicketListModel::SubjectColumn) + 1);
    header->moveSection(header->visualIndex(Models::QueueModel::AssigneeColumn),
                        header->visualIndex(Models::TicketListModel::UpdatedColumn));
    header->resizeSection(Models::TicketListModel::NumberColumn, 44);
    header->resizeSection(Models::QueueModel::OrganisationColumn, 110);
    header->resizeSection(Models::TicketListModel::StatusColumn,
                          StatusDelegate::statusColumnWidth(m_list->font()));
    header->resizeSection(Models::TicketListModel::SeverityColumn, 80);
    header->resizeSection(Models::TicketListModel::CategoryColumn, 100);
    header->resizeSection(Models::QueueModel::AssigneeColumn, 110);
    header->resizeSection(Models::TicketListModel::UpdatedColumn, 80);
    // Nine columns do not fit next to the ticket: the cluster is in the ticket's header.
    header->hideSection(Models::TicketListModel::ClusterColumn);

    m_banner = new MessageBanner(MessageBanner::Kind::Error, this);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    QPushButton *retry = m_banner->addRetryButton(tr("Try loading the queue again"));
    retry->setObjectName(QStringLiteral("retryButton"));
    connect(retry, &QPushButton::clicked, this, &StaffWindow::refresh);

    auto *queueBox = new QWidget(this);
    auto *queueLayout = new QVBoxLayout(queueBox);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->setSpacing(0);
    queueLayout->addWidget(m_banner);
    queueLayout->addWidget(m_list, 1);

    // --- the open ticket: team actions, detail, team reply buttons ---
    m_actions = new StaffActionsPanel(m_controller, this);
    m_detail = new DetailView(m_controller, this);
    m_detail->setTeamViewpoint(true);
    m_reply = m_detail->replyEdit();
    // The team changes the status through the lifecycle, not with the customer's close.
    if (auto *close = m_detail->findChild<QPushButton *>(QStringLiteral("closeTicketButton")))
        close->hide();
    // Uploads go to the customer's route, which refuses a team token (the extension has no team
    // attachment route).
    if (auto *attach = m_detail->findChild<QPushButton *>(QStringLiteral("attachButton")))
        attach->hide();
    m_canned = new CannedRepliesButton(cannedReplies, m_reply, this);
    connect(m_canned, &CannedRepliesButton::problem, this, [this](const QString &message) {
        m_detail->showBanner(message, false);
    });
    m_replyWait = new QPushButton(tr("Reply && wait on customer"), this);
    m_replyWait->setObjectName(QStringLiteral("replyWaitButton"));
    m_replyWait->setToolTip(tr("Send the reply and set the ticket to waiting on customer "
                               "(Ctrl+Shift+W)"));
    m_replyResolve = new QPushButton(tr("Reply && resolve"), this);
    m_replyResolve->setObjectName(QStringLiteral("replyResolveButton"));
    m_replyResolve->setToolTip(tr("Send the reply and resolve the ticket (Ctrl+Shift+R)"));
    connect(m_replyWait, &QPushButton::clicked, this, [this] {
        replyAndSetStatus(QString::fromLatin1(Wire::Status::WaitingCustomer));
    });
    connect(m_replyResolve, &QPushButton::clicked, this, [this] {
        replyAndSetStatus(QString::fromLatin1(Wire::Status::Resolved));
    });
    auto *teamReplyRow = new QHBoxLayout;
    teamReplyRow->setContentsMargins(8, 0, 8, 8);
    teamReplyRow->addWidget(m_canned);
    teamReplyRow->addStretch(1);
    teamReplyRow->addWidget(m_replyWait);
    teamReplyRow->addWidget(m_replyResolve);

    auto *ticketBox = new QWidget(this);
    auto *ticketLayout = new QVBoxLayout(ticketBox);
    ticketLayout->setContentsMargins(0, 0, 0, 0);
    ticketLayout->setSpacing(0);
    ticketLayout->addWidget(m_actions);
    ticketLayout->addWidget(m_detail, 1);
    ticketLayout->addLayout(teamReplyRow);

    auto *listAndDetail = new QSplitter(Qt::Horizontal, this);
    listAndDetail->setObjectName(QStringLiteral("listDetailSplitter")); // for WindowState
    listAndDetail->addWidget(queueBox);
    listAndDetail->addWidget(ticketBox);
    listAndDetail->setStretchFactor(0, 3);
    listAndDetail->setStretchFactor(1, 2);
    listAndDetail->setSizes({1000, 560});
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(listAndDetail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 1320});
    setCentralWidget(splitter);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("ticketCount"));
    statusBar()->addPermanentWidget(m_count);

    // --- actions: every one with a shortcut (the command palette lists them) ---
    QAction *refreshAction = addShortcutAction(Menus::Kind::View,
                                               QStringLiteral("refreshAction"),
                                               tr("Refresh"),
                                               QKeySequence::Refresh,
                                               [this] { refresh(); });
    m_toolbar->addAction(refreshAction);
    addShortcutAction(Menus::Kind::View,
                      QStringLiteral("findAction"),
                      tr("Search tickets"),
                      QKeySequence::Find,
                      [this] {
                          m_search->setFocus(Qt::ShortcutFocusReason);
                          m_search->selectAll();
                      });
    addShortcutAction(Menus::Kind::View,
                      QStringLiteral("focusQueueAction"),
                      tr("Go to the queue"),
                      QKeySequence(Qt::CTRL | Qt::Key_L),
                      [this] { m_list->setFocus(Qt::ShortcutFocusReason); });
    // The views, checked where the sidebar is (one at a time).
    QList<QAction *> views;
    for (int view = 0; view < m_views.size() && view < 9; ++view)
        views.append(addShortcutAction(Menus::Kind::View,
                                       QStringLiteral("viewAction_%1").arg(m_views.at(view).key),
                                       m_views.at(view).name,
                                       QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + view)),
                                       [this, view] { setView(view); }));
    Menus::checkWithRow(m_sidebar, views);
    ColumnsMenu::install(this, m_list, Models::TicketListModel::SubjectColumn); // View → Columns
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("replyAction"),
                      tr("Reply"),
                      QKeySequence(Qt::CTRL | Qt::Key_R),
                      [this] { m_detail->focusReply(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("replyWaitAction"),
                      tr("Reply and set waiting on customer"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                      [this] {
                          replyAndSetStatus(QString::fromLatin1(Wire::Status::WaitingCustomer));
                      });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("replyResolveAction"),
                      tr("Reply and resolve"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                      [this] { replyAndSetStatus(QString::fromLatin1(Wire::Status::Resolved)); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("assignToMeAction"),
                      tr("Assign to me"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                      [this] { m_controller->assignToMe(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("unassignAction"),
                      tr("Unassign"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                      [this] { m_controller->unassign(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("changeStatusAction"),
                      tr("Change status…"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                      [this] { m_actions->chooseStatus(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("changeSeverityAction"),
                      tr("Change severity…"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                      [this] { m_actions->chooseSeverity(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("changeCategoryAction"),
                      tr("Change category…"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                      [this] { m_actions->chooseCategory(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("insertCannedReplyAction"),
                      tr("Insert canned reply…"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                      [this] { m_canned->showChooser(); });
    addShortcutAction(Menus::Kind::Ticket,
                      QStringLiteral("saveCannedReplyAction"),
                      tr("Save reply as canned reply…"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                      [this] { m_canned->saveFromEditor(); });

    Menus::addStandardActions(this); // File → Quit, Help → About
    // The menus' groups: the views; replies, assignment, fields, canned replies.
    for (const QString &first : {QStringLiteral("viewAction_%1").arg(m_views.value(0).key),
                                 QStringLiteral("assignToMeAction"),
                                 QStringLiteral("changeStatusAction"),
                                 QStringLiteral("insertCannedReplyAction")}) {
        if (auto *action = findChild<QAction *>(first, Qt::FindDirectChildrenOnly))
            Menus::menuOf(action)->insertSeparator(action);
    }

    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolbar->addWidget(spacer);
    m_toolbar->addWidget(m_search);

    // --- wiring ---
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &StaffWindow::applyQuery);
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        openTicket(index.data(Models::IdRole).toString());
    });
    connect(m_model, &Models::TicketListModel::errorOccurred, this, &StaffWindow::onError);
    connect(m_model, &Models::TicketListModel::pageLoaded, this, [this] {
        m_banner->hide();
        m_count->setText(tr("%n ticket(s)", nullptr, int(m_model->totalCount())));
    });
    connect(m_model, &Models::TicketListModel::refreshed, this, [this] {
        m_count->setText(tr("%n ticket(s)", nullptr, int(m_model->totalCount())));
    });
    connect(m_controller, &Models::TicketController::ticketChanged, this, [this] {
        if (m_readState && m_controller->hasTicket())
            m_readState->markRead(m_controller->ticket().id, m_controller->ticket().updatedAt);
        updateReplyButtons();
    });
    connect(m_controller, &Models::StaffTicketController::teamFieldsChanged, this, [this] {
        if (m_controller->hasTicket())
            m_model->updateTeamFields(m_controller->ticket().id, m_controller->teamFields());
    });
    // The team's own changes: the queue and the counts follow at once.
    auto changed = [this] {
        m_model->refresh();
        m_counter->refresh();
        updateReplyButtons();
    };
    connect(m_controller, &Models::StaffTicketController::patched, this, changed);
    connect(m_detail, &DetailView::ticketUpdated, this, changed);
    connect(m_controller, &Models::TicketController::errorOccurred, this, [this] {
        updateReplyButtons();
    });
    connect(m_reply, &QPlainTextEdit::textChanged, this, &StaffWindow::updateReplyButtons);

    m_counter = new Models::QueueViewCounter(client, m_views, this);
    connect(m_counter, &Models::QueueViewCounter::countChanged, this, [this](int view, qint64 count) {
        QListWidgetItem *item = m_sidebar->item(view);
        if (!item)
            return;
        const QString name = item->data(NameRole).toString();
        item->setText(count < 0 ? name : tr("%1 (%2)").arg(name).arg(count));
    });
    m_poller = new Models::UpdatePoller(m_model, m_controller, this);
    connect(m_poller, &Models::UpdatePoller::polled, m_counter, &Models::QueueViewCounter::refresh);

    m_watcher = new Models::ActivityWatcher(client, this);
    m_batcher = new Models::NotificationBatcher(this);
    m_tray = new TrayNotifier(this, tr("Ankra Support (team)"));
    connect(m_watcher,
            &Models::ActivityWatcher::activity,
            m_batcher,
            &Models::NotificationBatcher::add);
    connect(m_watcher,
            &Models::ActivityWatcher::activity,
            m_poller,
            &Models::UpdatePoller::pollSoon);
    connect(m_batcher, &Models::NotificationBatcher::batchReady, m_tray, &TrayNotifier::notify);
    connect(m_tray, &TrayNotifier::ticketRequested, this, &StaffWindow::openTicket);

    updateReplyButtons();
    if (m_client->hasToken()) {
        applyQuery(); // no limits request: the team has no customer routes
        m_counter->refresh();
        m_poller->start();
        m_watcher->start();
    }
}

StaffWindow::~StaffWindow() = default;

void StaffWindow::setNotificationsEnabled(bool enabled)
{
    m_tray->setEnabled(enabled);
}

QAction *StaffWindow::addShortcutAction(Menus::Kind menu,
                                        const QString &objectName,
                                        const QString &text,
                                        const QKeySequence &shortcut,
                                        std::function<void()> run)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [run = std::move(run)] { run(); });
    addAction(action);
    Menus::add(this, menu, action);
    return action;
}

void StaffWindow::applyQuery()
{
    const int view = qBound(0, m_sidebar->currentRow(), int(m_views.size()) - 1);
    Api::TeamTicketQuery query = m_views.at(view).query;
    query.search = m_search->text().trimmed();
    query.pageSize = 100;
    m_model->setTeamQuery(query);
}

void StaffWindow::setView(int view)
{
    m_sidebar->setCurrentRow(view);
}

void StaffWindow::refresh()
{
    if (m_model->lastError().isError() || m_model->rowCount() == 0) {
        m_model->reload();
        m_controller->reload();
        m_counter->refresh();
        return;
    }
    m_poller->poll();
}

void StaffWindow::replyAndSetStatus(const QString &status)
{
    if (!m_replyWait->isEnabled()) {
        // Nothing to send yet: take the user to the reply box.
        m_detail->focusReply();
        return;
    }
    m_controller->sendTeamReply(m_reply->toPlainText(), status);
    updateReplyButtons();
}

void StaffWindow::updateReplyButtons()
{
    const QString text = m_reply->toPlainText();
    const bool can = m_controller->hasTicket() && !m_controller->isClosed()
                     && !m_controller->isSendingReply() && !text.trimmed().isEmpty()
                     && text.size() <= Models::TicketController::MaxReplyLength;
    m_replyWait->setEnabled(can);
    m_replyResolve->setEnabled(can);
}

void StaffWindow::setReadState(Models::ReadStateStore *store)
{
    m_readState = store;
    m_model->setReadState(store);
}

void StaffWindow::setSyntaxRepository(KSyntaxHighlighting::Repository *repository)
{
    m_detail->setSyntaxRepository(repository);
}

void StaffWindow::addToolBarWidget(QWidget *widget)
{
    m_toolbar->addWidget(widget);
}

void StaffWindow::openTicket(const QString &ticketId)
{
    if (!ticketId.isEmpty())
        m_controller->open(ticketId);
}

void StaffWindow::showBanner(const QString &text, bool offerRetry)
{
    m_banner->showMessage(text, offerRetry);
}

void StaffWindow::onError(const Api::ApiError &error)
{
    showBanner(error.message, error.kind != Api::ApiError::Kind::Auth);
}

bool StaffWindow::mayClose(DetailView::Ending ending)
{
    return !m_detail || m_detail->mayClose(ending);
}

void StaffWindow::closeEvent(QCloseEvent *event)
{
    if (!mayClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void StaffWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_client->hasToken())
        m_poller->pollSoon();
    QMainWindow::changeEvent(event);
}

} // namespace Ankra::Ui

#include "cache/cacheui.h"

#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "tickets/viewsidebar.h"
#include "widgets/menus.h"

#include "api/apiclient.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "store/cache.h"
#include "store/cachesync.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>

namespace Ankra::Ui {

CacheUi::CacheUi(MainWindow *window, Store::CacheSync *sync)
    : QObject(window)
    , m_window(window)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("cacheUi"));
    Models::TicketListModel *list = window->ticketModel();
    Models::TicketController *controller = window->ticketController();
    sync->attach(list);
    sync->attach(controller);
    if (auto *sidebar = window->findChild<ViewSidebar *>())
        sync->setPrefetchViews(sidebar->viewStatuses());
    window->detailView()->attachmentsPanel()->setAttachmentCache(sync->cache());

    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("cacheStatusLabel"));
    m_status->hide();
    window->statusBar()->addPermanentWidget(m_status);
    connect(list, &Models::TicketListModel::cacheStateChanged, this, &CacheUi::updateStatus);
    // Offline, another view or search shows other cached rows: the count follows.
    connect(list, &QAbstractItemModel::modelReset, this, &CacheUi::updateStatus);
    connect(list, &QAbstractItemModel::rowsInserted, this, &CacheUi::updateStatus);
    connect(controller, &Models::TicketController::ticketChanged, this, &CacheUi::updateStatus);
    // Runs after DetailView's own handler: the banner then says why an old copy is shown.
    connect(controller,
            &Models::TicketController::errorOccurred,
            this,
            [this, controller](Models::TicketController::Operation operation,
                               const Api::ApiError &error) {
                if (operation != Models::TicketController::Operation::Load
                    || !controller->isShowingCache())
                    return;
                m_window->detailView()->showBanner(
                    tr("The server could not be reached (%1). This is the copy saved on this "
                       "computer: it may be out of date.")
                        .arg(error.message),
                    true);
            });

    m_clear = new QAction(tr("Clear offline cache…"), window);
    Menus::add(window, Menus::Kind::Tools, m_clear);
    m_clear->setObjectName(QStringLiteral("clearCacheAction"));
    m_clear->setToolTip(tr("Remove the tickets and attachments this account saved on this "
                           "computer"));
    connect(m_clear, &QAction::triggered, this, &CacheUi::clearCache);
    catchUp(sync);
    updateStatus();
}

void CacheUi::catchUp(Store::CacheSync *sync)
{
    // Installed after the window's first paint (ui/main.cpp), the cache may come after the
    // first answers. The list's request still on its way: the model shows the cached rows now.
    Models::TicketListModel *list = m_window->ticketModel();
    if (!list->isLoading() && !list->isShowingCache()) {
        if (list->lastError().isError() && list->rowCount() == 0)
            list->reload(); // it failed (offline): the cached rows now, and another try
        else if (!list->lastError().isError())
            sync->prefetch(); // it answered before the cache could store it
    }
    // A ticket (a link) that failed to load: its cached copy, and another try.
    Models::TicketController *controller = m_window->ticketController();
    if (!controller->ticketId().isEmpty() && !controller->hasTicket() && !controller->isLoading())
        controller->open(controller->ticketId());
}

CacheUi *CacheUi::install(MainWindow *window,
                          Api::ApiClient *client,
                          const QString &principal,
                          const QString &directory)
{
    const QString key = Store::TicketCache::accountKey(client->serverUrl(),
                                                       client->organisationId(),
                                                       principal);
    auto *cache = new Store::TicketCache(directory.isEmpty()
                                             ? Store::TicketCache::defaultDirectory()
                                             : directory,
                                         key,
                                         window);
    QString error;
    if (!cache->open(&error)) {
        window->statusBar()->showMessage(tr("The offline cache is not available: %1").arg(error),
                                         15'000);
        delete cache;
        return nullptr;
    }
    return new CacheUi(window, new Store::CacheSync(cache, client, cache));
}

Store::TicketCache *CacheUi::cache() const
{
    return m_sync->cache();
}

void CacheUi::updateStatus()
{
    const Models::TicketListModel *list = m_window->ticketModel();
    const Models::TicketController *controller = m_window->ticketController();
    QString text;
    if (list->isShowingCache())
        text = tr("Offline copy: %n ticket(s) saved on this computer, possibly out of date",
                  nullptr,
                  list->rowCount());
    else if (controller->isShowingCache())
        text = tr("This ticket is the copy saved on this computer, possibly out of date");
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void CacheUi::clearCache()
{
    Store::TicketCache *cache = m_sync->cache();
    const QString size = QLocale().formattedDataSize(cache->attachmentBytes());
    const auto answer = MessageBox::question(
        m_window,
        tr("Clear offline cache"),
        tr("Remove the %n ticket(s) and the attachments (%1 in all accounts) this account saved "
           "on this computer? They are downloaded again when needed.",
           nullptr,
           int(cache->ticketCount()))
            .arg(size),
        QMessageBox::Yes | QMessageBox::No,
        QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (cache->clear())
        m_window->statusBar()->showMessage(tr("The offline cache was cleared."), 10'000);
    else
        m_window->statusBar()->showMessage(tr("The offline cache could not be cleared."), 10'000);
}

} // namespace Ankra::Ui

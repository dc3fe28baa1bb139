#pragma once

// The offline cache in the main window: attaches a Store::CacheSync to the window's ticket list,
// open ticket and attachment previews; says in the status bar (and in the ticket's banner when
// the server cannot be reached) that what is shown is the copy saved on this computer; offers
// Tools → "Clear offline cache…". Parented to the window; owns neither the window nor the sync.

#include <QObject>

class QAction;
class QLabel;

namespace Ankra::Api {
class ApiClient;
}
namespace Ankra::Store {
class CacheSync;
class TicketCache;
} // namespace Ankra::Store

namespace Ankra::Ui {

class MainWindow;

class CacheUi : public QObject
{
    Q_OBJECT
public:
    CacheUi(MainWindow *window, Store::CacheSync *sync);
    // Opens the cache of the account (`principal`: see Store::TicketCache::accountKey) in
    // `directory` (empty: the default) for the window's client and installs it. Null, with a
    // note in the status bar, when the cache cannot be opened: the window then works online only.
    static CacheUi *install(MainWindow *window,
                            Api::ApiClient *client,
                            const QString &principal,
                            const QString &directory = QString());

    Store::TicketCache *cache() const;

    QAction *clearAction() const { return m_clear; }
    QLabel *statusLabel() const { return m_status; }

public slots:
    void clearCache(); // asks first (MessageBox::question)

private:
    void catchUp(Store::CacheSync *sync);
    void updateStatus();

    MainWindow *m_window;
    Store::CacheSync *m_sync;
    QAction *m_clear;
    QLabel *m_status;
};

} // namespace Ankra::Ui

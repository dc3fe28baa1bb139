// The main window against the real local server, offscreen.

#include "mainwindow.h"
#include "testserver.h"

#include "api/apiclient.h"
#include "models/roles.h"
#include "models/ticketlistmodel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTreeView>

using namespace Ankra;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
    }

    void showsDemoTickets()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        Ui::MainWindow window(&client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
        QVERIFY(list);
        // The default view is "Open": every open status, none resolved or closed.
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 10'000);
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QString status = list->model()->index(row, 0).data(Models::StatusRole).toString();
            QVERIFY2(status != QLatin1String("closed") && status != QLatin1String("resolved"),
                     qPrintable(status));
        }
        auto *count = window.findChild<QLabel *>(QStringLiteral("ticketCount"));
        QTRY_VERIFY(count->text().contains(QLatin1String("ticket")));

        // "All" shows more, and typing in the search field filters on the server.
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("viewSidebar"));
        const int open = list->model()->rowCount();
        sidebar->setCurrentRow(sidebar->count() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > open, 10'000);
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        const int all = list->model()->rowCount();
        QTest::keyClicks(search, QStringLiteral("invoice"));
        // The search covers subject and description: fewer rows, one of them the invoice one.
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0 && list->model()->rowCount() < all,
                                 10'000);
        bool invoice = false;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            invoice = invoice
                      || list->model()
                             ->index(row, Models::TicketListModel::SubjectColumn)
                             .data()
                             .toString()
                             .contains(QLatin1String("Invoice"));
        QVERIFY(invoice);

        // The grab is what a user sees: not empty.
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        if (qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR")
                      + QStringLiteral("/tst-main-window.png"));
    }

    void errorBannerWhenServerIsDown()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        client.setToken(m_server.token());
        Ui::MainWindow window(&client);
        window.show();
        auto *banner = window.findChild<QWidget *>(QStringLiteral("errorBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15'000);
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("retryButton"))->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The command palette (Ctrl+K) on the customer's main window, offscreen, against the real
// local server: it lists the window's actions with their shortcuts, filters as you type, runs
// the chosen one with Enter, and opens from inside a text field too. A customer sees no staff
// action in it.

#include "mainwindow.h"
#include "palette/commandpalette.h"
#include "testserver.h"
#include "widgets/menus.h"

#include "api/apiclient.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Ankra;

namespace {

QStringList visibleTexts(QListWidget *list)
{
    QStringList out;
    for (int row = 0; row < list->count(); ++row)
        if (!list->item(row)->isHidden())
            out.append(list->item(row)->text());
    return out;
}

} // namespace

class TestCommandPalette : public QObject
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

    void cleanText()
    {
        QCOMPARE(Ui::CommandPalette::cleanText(QStringLiteral("&Refresh")),
                 QStringLiteral("Refresh"));
        QCOMPARE(Ui::CommandPalette::cleanText(QStringLiteral("Close ticket…")),
                 QStringLiteral("Close ticket"));
        QCOMPARE(Ui::CommandPalette::cleanText(QStringLiteral("Reply && resolve")),
                 QStringLiteral("Reply & resolve"));
    }

    void listsFiltersAndRuns()
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(m_server.url());
        client.setToken(m_server.token());
        Ui::MainWindow window(&client);
        QAction *paletteAction = Ui::CommandPalette::install(&window);
        QCOMPARE(paletteAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        // Found in Help (where one looks for what a window can do), above the About boxes.
        QMenu *help = Ui::Menus::menuOf(paletteAction);
        QVERIFY(help);
        QCOMPARE(help->objectName(), QStringLiteral("helpMenu"));
        const QList<QAction *> helpActions = help->actions();
        auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QVERIFY(helpActions.indexOf(paletteAction) < helpActions.indexOf(about));
        QVERIFY(helpActions.at(helpActions.indexOf(about) - 1)->isSeparator());
        QCOMPARE(paletteAction->text(), QStringLiteral("Find Action…"));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Ctrl+K from inside the search field, whose own Ctrl+K would delete to the line end.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setFocus();
        search->setText(QStringLiteral("keep me"));
        search->setCursorPosition(0);
        QTest::keyClick(search, Qt::Key_K, Qt::ControlModifier);
        auto *palette = window.findChild<Ui::CommandPalette *>(QStringLiteral("commandPalette"));
        QVERIFY(palette);
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(search->text(), QStringLiteral("keep me"));

        auto *filter = palette->findChild<QLineEdit *>(QStringLiteral("commandPaletteFilter"));
        auto *list = palette->findChild<QListWidget *>(QStringLiteral("commandPaletteList"));
        const QStringList all = visibleTexts(list);
        const QString refreshText
            = QStringLiteral("View › Refresh  ·  %1")
                  .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText));
        QVERIFY2(all.contains(refreshText), qPrintable(all.join(u'|')));
        QVERIFY2(all.contains(QStringLiteral("File › New ticket  ·  Ctrl+N")),
                 qPrintable(all.join(u'|')));
        QVERIFY2(all.contains(QStringLiteral("Ticket › Reply  ·  Ctrl+R")),
                 qPrintable(all.join(u'|')));
        // Every entry shows a shortcut (but Help's About boxes and Close ticket), and the palette
        // does not list itself.
        QVERIFY2(all.contains(QStringLiteral("File › Quit  ·  Ctrl+Q")), qPrintable(all.join(u'|')));
        // Each entry says where it is in the menu bar: a view is not a ticket's status.
        QVERIFY2(all.contains(QStringLiteral("View › Resolved  ·  Alt+4")),
                 qPrintable(all.join(u'|')));
        QVERIFY2(all.contains(QStringLiteral("Help › About Ankra Support")),
                 qPrintable(all.join(u'|')));
        for (const QString &text : all)
            QVERIFY2(text.contains(QStringLiteral("  ·  "))
                         || text.startsWith(QStringLiteral("Help › About"))
                         || text == QStringLiteral("Ticket › Close ticket"), // asks first
                     qPrintable(text));
        QVERIFY(!all.join(u'|').contains(QLatin1String("Command palette")));
        // A customer gets no staff actions.
        for (const QString &staff : {QStringLiteral("Assign"),
                                     QStringLiteral("and resolve"),
                                     QStringLiteral("canned"),
                                     QStringLiteral("Change status")})
            QVERIFY2(!all.join(u'|').contains(staff, Qt::CaseInsensitive),
                     qPrintable(staff + u':' + all.join(u'|')));

        // Typing filters; every word must match.
        QTest::keyClicks(filter, QStringLiteral("ref"));
        QCOMPARE(visibleTexts(list), QStringList{refreshText});
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("zzz"));
        QVERIFY(visibleTexts(list).isEmpty());
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("new tick"));
        QCOMPARE(visibleTexts(list).size(), 1);

        // Enter runs it (and closes the palette).
        QSignalSpy newTicket(&window, &Ui::MainWindow::newTicketRequested);
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE(newTicket.count(), 1);
        QVERIFY(!palette->isVisible());

        // Up/Down move over the visible entries; Esc closes without running anything.
        // The focus went back to the window (the search field had it).
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        QCOMPARE(QApplication::focusWidget(), search);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(filter->text(), QString()); // starts fresh
        const int first = list->currentRow();
        QTest::keyClick(filter, Qt::Key_Down);
        QCOMPARE(list->currentRow(), first + 1);
        QTest::keyClick(filter, Qt::Key_Up);
        QCOMPARE(list->currentRow(), first);
        QTest::keyClick(filter, Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
        QCOMPARE(newTicket.count(), 1);
    }
};

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"

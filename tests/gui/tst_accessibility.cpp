// Accessibility and layout of every window and dialog, offscreen against the real server:
//  - every keyboard-focusable control has an accessible name (its own, its text, or a label
//    buddy) and an accessible description (its own or its tooltip), offenders printed;
//  - Tab walks the main window and the first wizard page in reading order;
//  - under the pseudo-locale (every string accented and doubled) no label or button text in
//    the main window, the sign-in dialog and the wizard is cut off or elided.

#include "mainwindow.h"
#include "testserver.h"

#include "desktop/language.h"
#include "desktop/palette.h"
#include "detail/previewdialog.h"
#include "detail/statustimeline.h"
#include "settings/settingsdialog.h"
#include "signin/signindialog.h"
#include "staff/staffwindow.h"
#include "tickets/statusdelegate.h"
#include "widgets/errortext.h"
#include "widgets/messagebanner.h"
#include "wizard/submitwizard.h"
#include "wizard/wizardpages.h"

#include "api/apiclient.h"
#include "models/cannedreplies.h"
#include "models/queuemodel.h"
#include "models/roles.h"
#include "models/ticketlistmodel.h"
#include "secrets/accountstore.h"
#include "secrets/memorysecretstore.h"
#include "settings/appsettings.h"
#include "wire/enums.h"

#include <KSyntaxHighlighting/Repository>

#include <cmath>

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWizard>

using namespace Ankra;

namespace {

// WCAG 2 contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
               + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QString describe(const QWidget *w)
{
    QStringList path;
    for (const QObject *o = w; o; o = o->parent()) {
        const QString name = o->objectName();
        path.prepend(name.isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : name);
        if (o->isWidgetType() && static_cast<const QWidget *>(o)->isWindow())
            break;
    }
    return path.join(QLatin1Char('/'));
}

// Keyboard-focusable controls of `root`'s window without an accessible name. A control that
// is another's focus proxy (a spin box's line edit) is judged through its owner.
QStringList unnamedControls(QWidget *root, QStringList *noDescription = nullptr)
{
    QStringList offenders;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (w->window() != root->window() || !(w->focusPolicy() & Qt::TabFocus))
            continue;
        if (w->focusProxy() || (w->parentWidget() && w->parentWidget()->focusProxy() == w))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            offenders.append(describe(w));
        else if (noDescription && iface->text(QAccessible::Description).trimmed().isEmpty())
            noDescription->append(describe(w));
    }
    return offenders;
}

// Visible labels and buttons whose text does not fit: a single-line text wider than the widget,
// a wrapped text taller than the room it has, a tool button that fell into an overflow menu.
QStringList cutTexts(QWidget *root)
{
    QStringList cut;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        if (qobject_cast<QToolBar *>(label->parentWidget()))
            continue;
        const QSize hint = label->sizeHint();
        const bool fits = label->wordWrap()
                              ? label->height() + 1 >= label->heightForWidth(label->width())
                              : label->width() + 1 >= hint.width();
        if (!fits)
            cut.append(QStringLiteral("%1 \"%2\" has %3x%4, needs %5x%6")
                           .arg(describe(label), label->text().left(60))
                           .arg(label->width())
                           .arg(label->height())
                           .arg(hint.width())
                           .arg(label->wordWrap() ? label->heightForWidth(label->width())
                                                  : hint.height()));
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        if (button->width() + 1 < button->sizeHint().width())
            cut.append(QStringLiteral("%1 \"%2\" has width %3, needs %4")
                           .arg(describe(button), button->text().left(60))
                           .arg(button->width())
                           .arg(button->sizeHint().width()));
    }
    for (QToolBar *bar : root->findChildren<QToolBar *>()) {
        // QToolBar's overflow button ("»") is shown when actions do not fit.
        for (QToolButton *b :
             bar->findChildren<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
            if (b->isVisible())
                cut.append(describe(bar) + QStringLiteral(": actions overflow the toolbar"));
    }
    return cut;
}

// The objectNames of the widgets Tab visits from `start`, until it comes back or `max` steps.
QStringList tabWalk(QWidget *window, QWidget *start, int max = 60)
{
    QStringList visited;
    start->setFocus(Qt::TabFocusReason);
    QWidget *first = QApplication::focusWidget();
    if (!first)
        return visited;
    visited.append(first->objectName());
    for (int i = 0; i < max; ++i) {
        QTest::keyClick(window, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now || now == first)
            break;
        visited.append(now->objectName().isEmpty()
                           ? QString::fromLatin1(now->metaObject()->className())
                           : now->objectName());
    }
    return visited;
}

bool inOrder(const QStringList &walk, const QStringList &expected, QString *why)
{
    qsizetype last = -1;
    for (const QString &name : expected) {
        const qsizetype at = walk.indexOf(name);
        if (at < 0) {
            *why = name + QStringLiteral(" is not reachable with Tab: ")
                   + walk.join(QStringLiteral(", "));
            return false;
        }
        if (at < last) {
            *why = name + QStringLiteral(" comes too early: ") + walk.join(QStringLiteral(", "));
            return false;
        }
        last = at;
    }
    return true;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;
    Api::ApiClient *m_client = nullptr;

    std::unique_ptr<Ui::MainWindow> mainWindow()
    {
        auto window = std::make_unique<Ui::MainWindow>(m_client);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return {};
        auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
        if (!QTest::qWaitFor([&] { return list->model()->rowCount() > 0; }, 20'000))
            return {};
        return window;
    }

    void checkNamed(QWidget *root)
    {
        QStringList noDescription;
        const QStringList offenders = unnamedControls(root, &noDescription);
        for (const QString &o : offenders)
            qWarning().noquote() << "no accessible name:" << o;
        for (const QString &o : std::as_const(noDescription))
            qWarning().noquote() << "no accessible description (tooltip):" << o;
        QVERIFY2(offenders.isEmpty(),
                 qPrintable(QStringLiteral("%1 control(s) without an accessible name in %2")
                                .arg(offenders.size())
                                .arg(describe(root))));
        QVERIFY2(noDescription.isEmpty(),
                 qPrintable(QStringLiteral("%1 control(s) without an accessible description in %2")
                                .arg(noDescription.size())
                                .arg(describe(root))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_client = new Api::ApiClient(&m_nam, this);
        m_client->setServerUrl(m_server.url());
        m_client->setToken(m_server.token());
    }

    // The check itself must be able to fail.
    void detectsAnUnnamedControl()
    {
        QWidget w;
        auto *named = new QLineEdit(&w);
        named->setAccessibleName(QStringLiteral("Named"));
        auto *unnamed = new QLineEdit(&w);
        unnamed->setObjectName(QStringLiteral("unnamedEdit"));
        QCOMPARE(unnamedControls(&w), QStringList{QStringLiteral("QWidget/unnamedEdit")});
        auto *buddy = new QLabel(QStringLiteral("&Name:"), &w);
        buddy->setBuddy(unnamed);
        QStringList noDescription;
        QVERIFY(unnamedControls(&w, &noDescription).isEmpty());
        QCOMPARE(noDescription.size(), 2);
        named->setAccessibleDescription(QStringLiteral("Described"));
        unnamed->setToolTip(QStringLiteral("A tooltip describes too"));
        noDescription.clear();
        QVERIFY(unnamedControls(&w, &noDescription).isEmpty());
        QVERIFY(noDescription.isEmpty());
    }

    void detectsCutText()
    {
        QWidget w;
        auto *label = new QLabel(QStringLiteral("A label that is far too long for its width"), &w);
        label->setObjectName(QStringLiteral("tooLong"));
        label->setGeometry(0, 0, 40, 20);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(cutTexts(&w).size(), 1);
        label->resize(label->sizeHint());
        QVERIFY(cutTexts(&w).isEmpty());
    }

    void mainWindowControlsAreNamed()
    {
        auto window = mainWindow();
        QVERIFY(window);
        checkNamed(window.get());
        // With a ticket open: the detail view's controls too.
        auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
        list->setCurrentIndex(list->model()->index(0, 0));
        QTest::keyClick(list, Qt::Key_Return);
        auto *reply = window->findChild<QWidget *>(QStringLiteral("replyEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(reply && reply->isVisible(), 20'000);
        checkNamed(window.get());
    }

    void staffWindowControlsAreNamed()
    {
        QFile file(m_server.dataDir() + QStringLiteral("/demo-team-token"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "the server wrote no demo team token");
        auto *team = new Api::ApiClient(&m_nam, this);
        team->setServerUrl(m_server.url());
        team->setToken(QString::fromUtf8(file.readAll()).trimmed());
        Models::CannedReplyStore canned(m_home.filePath(QStringLiteral("canned.json")));
        Ui::StaffWindow window(team, &canned, {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->rowCount() > 0, 20'000);
        checkNamed(&window);
        // With a ticket open: the team actions and the team reply buttons too.
        window.openTicket(window.queueModel()->index(0, 0).data(Models::IdRole).toString());
        auto *reply = window.findChild<QWidget *>(QStringLiteral("replyEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(reply && reply->isVisible(), 20'000);
        checkNamed(&window);
    }

    void signInControlsAreNamed()
    {
        QSettings settings(m_home.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        Secrets::MemorySecretStore secrets;
        Ui::SignInDialog dialog(&m_nam, &secrets, &accounts);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        checkNamed(&dialog);
    }

    void wizardPagesAreNamed()
    {
        Ui::SubmitWizard wizard(m_client);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        // Every page, not only the current one: hidden controls must be named as well.
        checkNamed(&wizard);
        for (int id : wizard.pageIds())
            QVERIFY2(wizard.page(id)->findChildren<QWidget *>().size() > 0, "an empty page");
    }

    void settingsAndPreviewAreNamed()
    {
        QSettings raw(m_home.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings::AppSettings settings(&raw);
        Ui::SettingsDialog dialog(&settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        checkNamed(&dialog);

        KSyntaxHighlighting::Repository repository;
        Ui::PreviewDialog preview(repository);
        QFile file(m_home.filePath(QStringLiteral("a.log")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("line 1\nline 2\n");
        file.close();
        preview.showFile(file.fileName(), QStringLiteral("a.log"));
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        checkNamed(&preview);
    }

    void mainWindowTabOrder()
    {
        auto window = mainWindow();
        QVERIFY(window);
        QApplication::setActiveWindow(window.get());
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *search = window->findChild<QWidget *>(QStringLiteral("searchEdit"));
        const QStringList walk = tabWalk(window.get(), search);
        QString why;
        QVERIFY2(inOrder(walk,
                         {QStringLiteral("searchEdit"),
                          QStringLiteral("viewSidebar"),
                          QStringLiteral("ticketList")},
                         &why),
                 qPrintable(why));
    }

    void wizardTabOrder()
    {
        Ui::SubmitWizard wizard(m_client);
        wizard.loadServerData();
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        // The cluster choice is enabled once the organisation's clusters are loaded.
        auto *cluster = wizard.findChild<QWidget *>(QStringLiteral("clusterCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(cluster->isEnabled(), 20'000);
        QApplication::setActiveWindow(&wizard);
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        auto *subject = wizard.findChild<QWidget *>(QStringLiteral("subjectEdit"));
        const QStringList walk = tabWalk(&wizard, subject);
        QString why;
        QVERIFY2(inOrder(walk,
                         {QStringLiteral("subjectEdit"),
                          QStringLiteral("descriptionEdit"),
                          QStringLiteral("categoryCombo"),
                          QStringLiteral("clusterCombo"),
                          QStringLiteral("attachButton")},
                         &why),
                 qPrintable(why));
    }

    // German labels are long ("Wartet auf Sichtung"): the ticket list's status column and the
    // detail view's status timeline are sized from the labels, not from English pixel widths.
    void germanStatusLabelsFit()
    {
        // Before the pseudo-locale, which is installed later and then wins over German.
        QVERIFY(Ui::Language::install(qApp, QStringLiteral("de")));
        QVERIFY(Wire::statusLabel(QStringLiteral("open")) != QLatin1String("Awaiting triage"));
        QCOMPARE(Wire::aiReviewStatusLabel(QStringLiteral("passed")), QStringLiteral("Bestanden"));
        QCOMPARE(Wire::aiReviewStatusLabel(QStringLiteral("later")), QStringLiteral("later"));

        auto window = mainWindow();
        QVERIFY(window);
        auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
        QFont bold = list->font();
        bold.setBold(true);
        const int column = list->header()->sectionSize(Models::TicketListModel::StatusColumn);
        for (const QString &status : Wire::knownStatuses())
            QVERIFY2(column >= Ui::StatusDelegate::pillWidth(bold, Wire::statusLabel(status)) + 8,
                     qPrintable(QStringLiteral("\"%1\" does not fit %2 px")
                                    .arg(Wire::statusLabel(status))
                                    .arg(column)));

        list->setCurrentIndex(list->model()->index(0, 0));
        QTest::keyClick(list, Qt::Key_Return);
        auto *timeline = window->findChild<Ui::StatusTimeline *>(QStringLiteral("statusTimeline"));
        QTRY_VERIFY_WITH_TIMEOUT(timeline && timeline->isVisible(), 20'000);
        // The layout gives the newly shown timeline its width in a later event-loop pass.
        QTRY_VERIFY_WITH_TIMEOUT(timeline->width() >= timeline->minimumSizeHint().width(), 10'000);
        for (int step = 0; step < 5; ++step)
            for (const QString &line : timeline->visibleLines(step))
                QVERIFY2(!line.contains(QChar(0x2026)), qPrintable(line));
    }

    // The message banners (errors, offline) read well in the light and the dark palette: their
    // text has at least WCAG AA contrast (4.5:1) on them, they are tinted (not the window's own
    // colour), and a dark palette keeps them dark. A palette change while they exist recolours
    // them. (They were pale red and yellow with dark text whatever the palette.)
    void messageBannersFollowThePalette()
    {
        const QPalette appPalette = QApplication::palette();
        const QString appStyle = QApplication::style()->name();
        const auto restore = qScopeGuard([&] {
            QApplication::setStyle(appStyle);
            QApplication::setPalette(appPalette);
        });
        QWidget parent;
        auto *error = new Ui::MessageBanner(Ui::MessageBanner::Kind::Error, &parent);
        auto *warning = new Ui::MessageBanner(Ui::MessageBanner::Kind::Warning, &parent);
        for (const QString &name : {QStringLiteral("light"), QStringLiteral("dark")}) {
            QVERIFY(Ui::Appearance::applyPalette(qApp, name));
            QCoreApplication::sendPostedEvents(); // the widgets hear of it from the event loop
            const QColor window = parent.palette().color(QPalette::Window);
            QCOMPARE(window, QApplication::palette().color(QPalette::Window));
            for (Ui::MessageBanner *banner : {error, warning}) {
                const QColor background = banner->palette().color(QPalette::Window);
                const QColor text = banner->palette().color(QPalette::WindowText);
                QCOMPARE(background,
                         Ui::MessageBanner::background(banner == error
                                                           ? Ui::MessageBanner::Kind::Error
                                                           : Ui::MessageBanner::Kind::Warning,
                                                       parent.palette()));
                QVERIFY2(contrast(text, background) >= 4.5,
                         qPrintable(QStringLiteral("%1: %2 on %3, contrast %4")
                                        .arg(name, text.name(), background.name())
                                        .arg(contrast(text, background))));
                QVERIFY2(background != window, qPrintable(name));
                QCOMPARE(background.lightnessF() < 0.5, window.lightnessF() < 0.5);
            }
            // Error text beside a field (sign-in, counters, staff actions): red, and readable.
            const QColor red = Ui::errorTextColor(parent.palette());
            QVERIFY2(contrast(red, window) >= 4.5,
                     qPrintable(
                         QStringLiteral("%1: %2 on %3").arg(name, red.name(), window.name())));
            QVERIFY(red.hueF() < 0.05 || red.hueF() > 0.95);
            QSettings settings(m_home.filePath(QStringLiteral("s-%1.ini").arg(name)),
                               QSettings::IniFormat);
            Secrets::AccountStore accounts(&settings);
            Secrets::MemorySecretStore secrets;
            Ui::SignInDialog dialog(&m_nam, &secrets, &accounts);
            dialog.showKeychainProblem(QStringLiteral("no Secret Service provider"));
            auto *status = dialog.findChild<QLabel *>(QStringLiteral("signInStatus"));
            QVERIFY(status);
            QCOMPARE(status->palette().color(QPalette::WindowText), red);
            if (qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR")) {
                auto *layout = parent.layout() ? parent.layout() : new QVBoxLayout(&parent);
                layout->addWidget(error);
                layout->addWidget(warning);
                if (error->findChildren<QPushButton *>().isEmpty()) {
                    error->addButton(QStringLiteral("Retry"), {});
                    warning->addButton(QStringLiteral("Try now"), {});
                    warning->addButton(QStringLiteral("Outbox…"), {});
                }
                error->showMessage(QStringLiteral("The tickets could not be loaded: the server "
                                                  "answered 503 Service Unavailable."));
                warning->showMessage(
                    QStringLiteral("You are offline: the server cannot be reached. "
                                   "2 actions waiting."));
                parent.resize(720, 140);
                parent.show();
                QVERIFY(QTest::qWaitForWindowExposed(&parent));
                parent.grab().save(QDir(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR"))
                                       .filePath(QStringLiteral("banners-%1.png").arg(name)));
            }
        }
    }

    // The icon says error or warning beside the words; a hidden banner (each window makes its
    // banners at start) draws none until it is shown.
    void messageBannerDrawsItsIconWhenShown()
    {
        QWidget parent;
        auto *banner = new Ui::MessageBanner(Ui::MessageBanner::Kind::Error, &parent);
        auto *icon = banner->findChild<QLabel *>(QStringLiteral("messageIcon"));
        QVERIFY(icon);
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        QVERIFY(icon->pixmap().isNull());
        banner->showMessage(QStringLiteral("The tickets could not be loaded"));
        QVERIFY(!icon->pixmap().isNull());
        // A palette change while shown keeps it (the look is made again, the icon with it).
        const QPalette appPalette = QApplication::palette();
        const auto restore = qScopeGuard([&] { QApplication::setPalette(appPalette); });
        QVERIFY(Ui::Appearance::applyPalette(qApp, QStringLiteral("dark")));
        QCoreApplication::sendPostedEvents();
        QVERIFY(!icon->pixmap().isNull());
    }

    // A banner is announced to screen readers (QAccessible::Alert) when it appears and when its
    // message changes while it is shown; not when the same message is set again, nor while it
    // is hidden. (The offscreen platform has no accessibility bridge to listen on.)
    void messageBannerIsAnnounced()
    {
        QWidget parent;
        auto *banner = new Ui::MessageBanner(Ui::MessageBanner::Kind::Error, &parent);
        QSignalSpy announced(banner, &Ui::MessageBanner::announced);
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        banner->setText(QStringLiteral("hidden: not announced"));
        QCOMPARE(announced.size(), 0);
        banner->showMessage(QStringLiteral("The tickets could not be loaded"));
        QVERIFY(banner->isVisible());
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.at(0).at(0).toString(),
                 QStringLiteral("The tickets could not be loaded"));
        banner->showMessage(QStringLiteral("The tickets could not be loaded"));
        QCOMPARE(announced.size(), 1);
        banner->setText(QStringLiteral("The server answered with an error"));
        QCOMPARE(announced.size(), 2);
        banner->hide();
        banner->setText(QStringLiteral("hidden again"));
        QCOMPARE(announced.size(), 2);
    }

    void pseudoLocaleNothingIsCut()
    {
        // Last test of this file: the translator stays installed for the rest of the process.
        QVERIFY(Ui::Language::install(qApp, QStringLiteral("pseudo")));
        QCOMPARE(QCoreApplication::translate("Ankra::Ui::MainWindow", "Refresh"),
                 Ui::Language::pseudo(QStringLiteral("Refresh")));
        QStringList cut;

        auto window = mainWindow();
        QVERIFY(window);
        QTest::qWait(200);
        cut += cutTexts(window.get());

        QSettings settings(m_home.filePath(QStringLiteral("s2.ini")), QSettings::IniFormat);
        Secrets::AccountStore accounts(&settings);
        Secrets::MemorySecretStore secrets;
        Ui::SignInDialog dialog(&m_nam, &secrets, &accounts);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        cut += cutTexts(&dialog);

        Ui::SubmitWizard wizard(m_client);
        wizard.loadServerData();
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::qWait(500);
        cut += cutTexts(&wizard);

        if (qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR")) {
            const QDir dir(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR"));
            window->grab().save(dir.filePath(QStringLiteral("pseudo-main.png")));
            dialog.grab().save(dir.filePath(QStringLiteral("pseudo-signin.png")));
            wizard.grab().save(dir.filePath(QStringLiteral("pseudo-wizard.png")));
        }
        for (const QString &c : std::as_const(cut))
            qWarning().noquote() << "cut off:" << c;
        QVERIFY2(cut.isEmpty(), "text is cut off under the pseudo-locale");
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

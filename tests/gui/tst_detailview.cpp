// The ticket detail pane against the real local server, offscreen: open from the list with
// Enter, reply with Ctrl+Enter, close after a (pre-answered) confirmation, drag-and-drop upload
// including refused drops, download to a chosen file, and safe markdown.

#include "mainwindow.h"
#include "testserver.h"

#include "api/apiclient.h"
#include "detail/attachmentspanel.h"
#include "detail/detailview.h"
#include "detail/markdown.h"
#include "detail/markdownbrowser.h"
#include "detail/statustimeline.h"
#include "messagebox.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "widgets/messagebanner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>

using namespace Ankra;

namespace {

void dropFiles(QWidget *target, const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    mime->setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    delete mime;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

} // namespace

class TestDetailView : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    Api::ApiClient *m_client = nullptr;
    Ui::MainWindow *m_window = nullptr;
    QTreeView *m_list = nullptr;
    Ui::DetailView *m_detail = nullptr;

    // Selects the first row with `status` in the All view and presses Enter on it.
    bool openFirst(const QString &status)
    {
        // The list reloads after each change made from the detail pane.
        if (!QTest::qWaitFor(
                [&] {
                    return !m_window->ticketModel()->isLoading() && m_list->model()->rowCount() > 0;
                },
                10'000))
            return false;
        for (int row = 0; row < m_list->model()->rowCount(); ++row) {
            const QModelIndex index = m_list->model()->index(row, 0);
            if (index.data(Models::StatusRole).toString() != status)
                continue;
            m_list->setFocus();
            m_list->setCurrentIndex(index);
            QTest::keyClick(m_list, Qt::Key_Return);
            const QString id = index.data(Models::IdRole).toString();
            return QTest::qWaitFor([&] { return m_detail->controller()->ticket().id == id; },
                                   10'000);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        m_client = new Api::ApiClient(&m_nam, this);
        m_client->setServerUrl(m_server.url());
        m_client->setToken(m_server.token());
        m_window = new Ui::MainWindow(m_client);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_list = m_window->findChild<QTreeView *>(QStringLiteral("ticketList"));
        // The detail pane is built once the window has painted, without anyone asking for it
        // (a label stands in for it in the first picture).
        QTRY_VERIFY(m_window->findChild<Ui::DetailView *>(QStringLiteral("detailView")));
        m_detail = m_window->detailView();
        QCOMPARE(m_detail, m_window->findChild<Ui::DetailView *>(QStringLiteral("detailView")));
        QVERIFY(m_list && m_detail && m_detail->isVisible());
        auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("viewSidebar"));
        sidebar->setCurrentRow(sidebar->count() - 1); // All
        QTRY_VERIFY_WITH_TIMEOUT(m_list->model()->rowCount() > 10
                                     && !m_window->ticketModel()->isLoading(),
                                 10'000);
    }

    void cleanupTestCase() { delete m_window; }

    void modelsPassTheTester()
    {
        QAbstractItemModelTester conversation(m_detail->controller()->conversation(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester attachments(m_detail->controller()->attachments(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(openFirst(QStringLiteral("in_progress")));
        QVERIFY(m_detail->controller()->conversation()->rowCount() >= 1);
        QVERIFY(openFirst(QStringLiteral("resolved")));
    }

    void openShowsHeaderAndConversation()
    {
        QVERIFY(openFirst(QStringLiteral("waiting_customer")));
        const Wire::Ticket &t = m_detail->controller()->ticket();
        auto *title = m_detail->findChild<QLabel *>(QStringLiteral("ticketTitle"));
        QVERIFY(title->isVisible());
        QVERIFY(title->text().contains(t.subject));
        auto *fields = m_detail->findChild<QLabel *>(QStringLiteral("ticketFields"));
        QVERIFY(fields->text().contains(QLatin1String("Waiting on you")));
        auto *conversation = m_detail->findChild<QTextBrowser *>(
            QStringLiteral("conversationView"));
        QVERIFY(conversation->toPlainText().contains(QLatin1String("Description")));
        if (!t.comments.isEmpty())
            QVERIFY(conversation->toPlainText().contains(
                Models::ConversationModel::authorKindLabel(t.comments.last().authorType)));
    }

    void replyWithCtrlEnter()
    {
        QVERIFY(openFirst(QStringLiteral("waiting_customer")));
        const int before = int(m_detail->controller()->ticket().comments.size());
        auto *edit = m_detail->findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
        auto *send = m_detail->findChild<QPushButton *>(QStringLiteral("sendReplyButton"));
        auto *counter = m_detail->findChild<QLabel *>(QStringLiteral("replyCounter"));
        QVERIFY(!send->isEnabled()); // nothing typed yet
        QTest::keyClick(m_window, Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY(edit->hasFocus());
        QTest::keyClicks(edit, QStringLiteral("Here are the **logs** you asked for."));
        QVERIFY(counter->text().startsWith(QLatin1String("36 /")));
        QVERIFY(send->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(int(m_detail->controller()->ticket().comments.size()),
                                  before + 1,
                                  10'000);
        QCOMPARE(m_detail->controller()->ticket().status, QStringLiteral("in_progress"));
        QTRY_VERIFY(edit->toPlainText().isEmpty());
        auto *conversation = m_detail->findChild<QTextBrowser *>(
            QStringLiteral("conversationView"));
        QVERIFY(conversation->toPlainText().contains(
            QLatin1String("Here are the logs you asked for.")));

        // Over 10,000 characters: the counter says so and Send is disabled.
        edit->setPlainText(QString(10'001, u'a'));
        QVERIFY(!send->isEnabled());
        QVERIFY(counter->text().contains(QLatin1String("too long")));
        edit->clear();
    }

    void closeAfterConfirmation()
    {
        QVERIFY(openFirst(QStringLiteral("resolved")));
        auto *close = m_detail->findChild<QPushButton *>(QStringLiteral("closeTicketButton"));
        QVERIFY(close->isEnabled());
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(close, Qt::LeftButton);
        QTest::qWait(300);
        QCOMPARE(m_detail->controller()->ticket().status, QStringLiteral("resolved"));
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_detail->controller()->ticket().status,
                                  QStringLiteral("closed"),
                                  10'000);
        QVERIFY(!close->isEnabled());
        QVERIFY(!m_detail->findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"))->isEnabled());
    }

    void dropUploadsAndRefuses()
    {
        QVERIFY(openFirst(QStringLiteral("in_progress")));
        QTemporaryDir dir;
        const QString good = writeFile(dir,
                                       QStringLiteral("kubelet.log"),
                                       QByteArray("I1121 kubelet\n").repeated(1000));
        const QString bad = writeFile(dir, QStringLiteral("setup.exe"), QByteArray("MZ....", 6));
        const int before = int(m_detail->controller()->ticket().attachments.size());
        auto *bannerText = m_detail->findChild<Ui::MessageBanner *>(QStringLiteral("detailBanner"));
        auto *banner = bannerText;

        dropFiles(m_detail, {good, bad});
        // The refusal is shown at drop time, before anything is uploaded.
        QVERIFY(banner->isVisible());
        QVERIFY2(bannerText->text().contains(QLatin1String("setup.exe")),
                 qPrintable(bannerText->text()));
        QVERIFY(!bannerText->text().contains(QLatin1String("kubelet.log")));
        QTRY_COMPARE_WITH_TIMEOUT(int(m_detail->controller()->ticket().attachments.size()),
                                  before + 1,
                                  10'000);
        auto *list = m_detail->findChild<QTreeView *>(QStringLiteral("attachmentsList"));
        bool listed = false;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            listed = listed
                     || list->model()->index(row, 0).data().toString()
                            == QLatin1String("kubelet.log");
        QVERIFY(listed);

        // Too large for the server's limit: refused locally.
        Wire::Limits small = m_detail->controller()->limits();
        small.maxAttachmentBytes = 1000;
        m_detail->controller()->setLimits(small);
        dropFiles(m_detail, {good});
        QVERIFY(bannerText->text().contains(QLatin1String("at most")));
        QCOMPARE(m_detail->attachmentsPanel()->runningTransfers(), 0);
        small.maxAttachmentBytes = 25 * 1024 * 1024;
        small.maxAttachmentsPerTicket = int(m_detail->controller()->ticket().attachments.size());
        m_detail->controller()->setLimits(small);
        dropFiles(m_detail, {good});
        QVERIFY(bannerText->text().contains(QLatin1String("most attachments")));
        m_detail->controller()->setLimits(Api::contractDefaultLimits());
    }

    void pasteLargeTextAttachesALog()
    {
        QVERIFY(openFirst(QStringLiteral("in_progress")));
        const int before = int(m_detail->controller()->ticket().attachments.size());
        auto *edit = m_detail->findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
        QApplication::clipboard()->setText(QStringLiteral("E1121 panic: boom\n").repeated(300));
        edit->setFocus();
        edit->paste();
        QVERIFY(edit->toPlainText().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(int(m_detail->controller()->ticket().attachments.size()),
                                  before + 1,
                                  10'000);
        QVERIFY(m_detail->controller()->ticket().attachments.last().filename.endsWith(
            QLatin1String(".log")));
    }

    void downloadToChosenFile()
    {
        QVERIFY(openFirst(QStringLiteral("in_progress")));
        auto *list = m_detail->findChild<QTreeView *>(QStringLiteral("attachmentsList"));
        QTRY_VERIFY(list->model()->rowCount() > 0);
        list->setCurrentIndex(list->model()->index(0, 0));
        const qint64 size = list->model()->index(0, 0).data(Models::SizeRole).toLongLong();
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("saved.bin"));
        Ui::MessageBox::setNextSaveFileName(target);
        QTest::mouseClick(m_detail->findChild<QPushButton *>(QStringLiteral("downloadButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(target), 10'000);
        QCOMPARE(QFileInfo(target).size(), size);
    }

    // Step labels wrap onto two lines instead of being elided ("Being asse…") as long as the
    // timeline has its minimum width; only below it is text abbreviated.
    void timelineLabelsFit()
    {
        Ui::StatusTimeline timeline;
        timeline.setStatus(QStringLiteral("triaging"));
        QCOMPARE(timeline.currentStep(), 1);
        const QChar ellipsis(0x2026);
        auto elided = [&] {
            for (int step = 0; step < 5; ++step)
                for (const QString &line : timeline.visibleLines(step))
                    if (line.contains(ellipsis) || line.isEmpty())
                        return true;
            return false;
        };
        auto joined = [&](int step) { return timeline.visibleLines(step).join(QLatin1Char(' ')); };
        timeline.resize(timeline.sizeHint());
        QVERIFY(!elided());
        QCOMPARE(timeline.visibleLines(1), QStringList{QStringLiteral("Being assessed")});

        timeline.resize(timeline.minimumSizeHint());
        QVERIFY(!elided());
        QCOMPARE(joined(1), QStringLiteral("Being assessed"));
        QCOMPARE(joined(2), QStringLiteral("Being worked on"));
        QVERIFY(timeline.visibleLines(2).size() == 2); // "Being worked on" needs two lines here
        QVERIFY(timeline.minimumSizeHint().width() < timeline.sizeHint().width());
        QVERIFY(timeline.minimumSizeHint().height() >= 2 * timeline.fontMetrics().height());

        // Squeezed below its minimum the check can fail.
        timeline.resize(timeline.minimumSizeHint().width() / 2, timeline.height());
        QVERIFY(elided());
    }

    void markdownIsSafe()
    {
        QTextDocument doc;
        Ui::renderMarkdown(
            &doc,
            QStringLiteral(
                "Hello <script>alert(1)</script> **bold** <img src=\"http://evil/x.png\">\n\n"
                "![pixel](http://tracker.example/p.png)\n\n[ok](https://ankra.io) "
                "[bad](file:///etc/passwd) "
                "[js](javascript:alert(1))\n\n```\n<b>code stays</b>\n```\n"));
        const QString text = doc.toPlainText();
        QVERIFY(!text.contains(QLatin1String("<script>")));
        QVERIFY(!text.contains(QLatin1String("<img")));
        QVERIFY(text.contains(QLatin1String("<b>code stays</b>")));
        QStringList anchors;
        bool image = false;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isAnchor())
                    anchors.append(it.fragment().charFormat().anchorHref());
                image = image || it.fragment().charFormat().isImageFormat();
            }
        QCOMPARE(anchors, QStringList({QStringLiteral("https://ankra.io")}));
        QVERIFY(!image);

        Ui::MarkdownBrowser browser;
        QVERIFY(!browser
                     .loadResource(QTextDocument::ImageResource,
                                   QUrl(QStringLiteral("http://tracker.example/p.png")))
                     .isValid());
        QList<QUrl> opened;
        Ui::MessageBox::setUrlOpener([&](const QUrl &u) {
            opened.append(u);
            return true;
        });
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        emit browser.anchorClicked(QUrl(QStringLiteral("https://ankra.io")));
        QVERIFY(opened.isEmpty());
        Ui::MessageBox::setNextAnswer(QMessageBox::Open);
        emit browser.anchorClicked(QUrl(QStringLiteral("https://ankra.io")));
        QCOMPARE(opened.size(), 1);
        emit browser.anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
        QCOMPARE(opened.size(), 1);
        Ui::MessageBox::setUrlOpener({});
    }
};

QTEST_MAIN(TestDetailView)
#include "tst_detailview.moc"

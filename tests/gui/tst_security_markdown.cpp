// Markdown from the server is untrusted (issue 10): links with javascript:, file:, data: and
// other schemes are not clickable in the rendered conversation, and clicking one opens nothing.

#include "detail/markdown.h"
#include "detail/markdownbrowser.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>

using namespace Ankra;

namespace {

QStringList anchorsOf(const QTextDocument &doc)
{
    QStringList hrefs;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor())
                hrefs.append(it.fragment().charFormat().anchorHref());
    return hrefs;
}

} // namespace

class TestSecurityMarkdown : public QObject
{
    Q_OBJECT
private slots:
    void unsafeLinksAreNotClickable_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("javascript") << QStringLiteral("[click](javascript:alert(1))");
        QTest::newRow("mixed case") << QStringLiteral("[click](JaVaScRiPt:alert(1))");
        QTest::newRow("file") << QStringLiteral("[passwd](file:///etc/passwd)");
        QTest::newRow("data") << QStringLiteral("[x](data:text/html;base64,PHNjcmlwdD4=)");
        QTest::newRow("vbscript") << QStringLiteral("[x](vbscript:msgbox)");
        QTest::newRow("reference") << QStringLiteral("[x][1]\n\n[1]: javascript:alert(1)");
        QTest::newRow("autolink") << QStringLiteral("<javascript:alert(1)>");
        QTest::newRow("raw html anchor") << QStringLiteral("<a href=\"javascript:alert(1)\">x</a>");
        QTest::newRow("image link") << QStringLiteral("![x](file:///etc/passwd)");
    }

    void unsafeLinksAreNotClickable()
    {
        QFETCH(QString, markdown);
        QTextDocument doc;
        Ui::renderMarkdown(&doc, QStringLiteral("Before ") + markdown + QStringLiteral(" after"));
        QCOMPARE(anchorsOf(doc), QStringList());
        const QString html = doc.toHtml();
        QVERIFY2(!html.contains(QLatin1String("<img"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("href=\"javascript"), Qt::CaseInsensitive),
                 qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("href=\"file"), Qt::CaseInsensitive),
                 qPrintable(html));
    }

    void safeLinksStayClickable()
    {
        QTextDocument doc;
        Ui::renderMarkdown(&doc,
                           QStringLiteral("[docs](https://docs.ankra.io) <mailto:support@ankra.io> "
                                          "[plain](http://127.0.0.1:8080/x)"));
        QCOMPARE(anchorsOf(doc),
                 (QStringList{QStringLiteral("https://docs.ankra.io"),
                              QStringLiteral("mailto:support@ankra.io"),
                              QStringLiteral("http://127.0.0.1:8080/x")}));
    }

    void clickingAnUnsafeLinkOpensNothing()
    {
        Ui::MarkdownBrowser browser;
        QSignalSpy opened(&browser, &Ui::MarkdownBrowser::linkOpened);
        bool dialogShown = false;
        QTimer watchdog; // a confirmation dialog here would be a failure: close it, remember it
        connect(&watchdog, &QTimer::timeout, this, [&] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                dialogShown = true;
                modal->close();
            }
        });
        watchdog.start(100);
        for (const QString &url : {QStringLiteral("javascript:alert(1)"),
                                   QStringLiteral("file:///etc/passwd"),
                                   QStringLiteral("data:text/html,x"),
                                   QStringLiteral("ankra-support://evil")})
            emit browser.anchorClicked(QUrl(url));
        QTest::qWait(300);
        QCOMPARE(opened.count(), 0);
        QVERIFY(!dialogShown);
        // Nothing is ever loaded as a resource either (remote images, local files).
        QVERIFY(!browser
                     .loadResource(QTextDocument::ImageResource,
                                   QUrl(QStringLiteral("http://evil/x.png")))
                     .isValid());
        QVERIFY(!browser
                     .loadResource(QTextDocument::ImageResource,
                                   QUrl(QStringLiteral("file:///etc/passwd")))
                     .isValid());
    }
};

QTEST_MAIN(TestSecurityMarkdown)
#include "tst_security_markdown.moc"

// Fuzzes the client's markdown-to-display path (ui/detail/markdown.cpp) under QGuiApplication
// with the offscreen platform (no display needed).
// Invariants on the rendered document: no image survives, no resource is ever loaded, every
// remaining link is http, https or mailto, and the HTML the document would show carries no tag
// outside Qt's own rich-text vocabulary (so no raw tag from the input, no <img src=...>).

#include "detail/markdown.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

QString g_input;

[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr,
                 "INVARIANT BROKEN: %s: %s\ninput:\n%s\n",
                 what,
                 qPrintable(detail.left(500)),
                 qPrintable(g_input.left(2000)));
    std::abort();
}

class WatchedDocument : public QTextDocument
{
protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        broken("the document tried to load a resource",
               QString::number(type) + u' ' + name.toString());
    }
};

bool safeHref(const QString &href)
{
    // Independent of the renderer's own check: the scheme as a browser would read it.
    QString compact;
    for (const QChar c : href)
        if (c.unicode() > 0x20)
            compact.append(c.toLower());
    for (const char *bad : {"javascript:", "file:", "data:", "vbscript:", "qrc:"})
        if (compact.startsWith(QLatin1String(bad)))
            return false;
    const QString scheme = QUrl(href).scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
           || scheme == QLatin1String("mailto");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "*.debug=false;qt.*=false");
    new QGuiApplication(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    WatchedDocument document;
    Ankra::Ui::renderMarkdown(&document, g_input);

    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                broken("an image survived", format.toImageFormat().name());
            if (format.isAnchor() && !format.anchorHref().isEmpty()
                && !safeHref(format.anchorHref()))
                broken("an unsafe link is clickable", format.anchorHref());
        }
    }

    // Tags in the HTML Qt would show: only its own vocabulary. Text from the input is escaped.
    static const QSet<QString> allowed{QStringLiteral("!doctype"), QStringLiteral("html"),
                                       QStringLiteral("head"),     QStringLiteral("meta"),
                                       QStringLiteral("style"),    QStringLiteral("body"),
                                       QStringLiteral("p"),        QStringLiteral("span"),
                                       QStringLiteral("a"),        QStringLiteral("br"),
                                       QStringLiteral("ul"),       QStringLiteral("ol"),
                                       QStringLiteral("li"),       QStringLiteral("table"),
                                       QStringLiteral("tr"),       QStringLiteral("td"),
                                       QStringLiteral("th"),       QStringLiteral("thead"),
                                       QStringLiteral("tbody"),    QStringLiteral("pre"),
                                       QStringLiteral("hr"),       QStringLiteral("h1"),
                                       QStringLiteral("h2"),       QStringLiteral("h3"),
                                       QStringLiteral("h4"),       QStringLiteral("h5"),
                                       QStringLiteral("h6"),       QStringLiteral("blockquote"),
                                       QStringLiteral("code"),     QStringLiteral("div"),
                                       QStringLiteral("title")};
    static const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*([!A-Za-z][A-Za-z0-9-]*)"));
    static const QRegularExpression href(QStringLiteral("<a [^>]*href=\"([^\"]*)\""));
    const QString html = document.toHtml();
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QString name = it.next().captured(1).toLower();
        if (!allowed.contains(name))
            broken("a raw tag reached the HTML", name);
    }
    for (auto it = href.globalMatch(html); it.hasNext();) {
        const QString target = it.next().captured(1);
        if (!target.isEmpty() && !safeHref(target))
            broken("an unsafe href reached the HTML", target);
    }
    return 0;
}

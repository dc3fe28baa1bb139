#include "detail/markdown.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace Ankra::Ui {

namespace {

// Strips tags from one line's text outside `code spans`.
QString stripInline(const QString &line)
{
    static const QRegularExpression tag(
        QStringLiteral(R"(<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>)"));
    QString out;
    qsizetype pos = 0;
    bool inCode = false;
    while (pos < line.size()) {
        const qsizetype tick = line.indexOf(u'`', pos);
        const qsizetype end = tick < 0 ? line.size() : tick;
        const QString segment = line.mid(pos, end - pos);
        out += inCode ? segment : QString(segment).remove(tag);
        if (tick < 0)
            break;
        out += u'`';
        inCode = !inCode;
        pos = tick + 1;
    }
    return out;
}

} // namespace

QString stripRawHtml(const QString &markdown)
{
    QStringList lines = markdown.split(u'\n');
    bool inFence = false;
    bool inComment = false;
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        if (inComment) {
            const qsizetype close = line.indexOf(QLatin1String("-->"));
            if (close < 0) {
                line.clear();
                continue;
            }
            line = line.mid(close + 3);
            inComment = false;
        }
        const qsizetype open = line.indexOf(QLatin1String("<!--"));
        if (open >= 0 && line.indexOf(QLatin1String("-->"), open) < 0) {
            line.truncate(open);
            inComment = true;
        }
        line = stripInline(line);
    }
    return lines.join(u'\n');
}

bool isClickableLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid()
           && (scheme == QLatin1String("http") || scheme == QLatin1String("https")
               || scheme == QLatin1String("mailto"));
}

void renderMarkdown(QTextDocument *document, const QString &markdown)
{
    document->setMarkdown(stripRawHtml(markdown),
                          QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub)
                              | QTextDocument::MarkdownNoHTML);
    // Walk every fragment: images become "[image: alt]" text, and links with other schemes
    // (file:, javascript:, data:, custom handlers) lose their anchor.
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QList<QTextFragment> fragments;
        for (auto it = block.begin(); !it.atEnd(); ++it)
            fragments.append(it.fragment());
        for (auto f = fragments.crbegin(); f != fragments.crend(); ++f) {
            QTextCharFormat format = f->charFormat();
            QTextCursor cursor(document);
            cursor.setPosition(f->position());
            cursor.setPosition(f->position() + f->length(), QTextCursor::KeepAnchor);
            if (format.isImageFormat()) {
                const QString name = format.toImageFormat().name();
                QTextCharFormat plain;
                cursor.insertText(QStringLiteral("[%1]").arg(name), plain);
                continue;
            }
            if (format.isAnchor() && !isClickableLink(QUrl(format.anchorHref()))) {
                format.setAnchor(false);
                format.setAnchorHref(QString());
                format.setFontUnderline(false);
                format.clearForeground();
                cursor.setCharFormat(format);
            }
        }
    }
}

} // namespace Ankra::Ui

#pragma once

// Safe rendering of untrusted markdown (ticket descriptions and comments): raw HTML is removed
// before parsing and disabled in the parser, images become their text, and only http, https
// and mailto links stay links. Nothing here loads remote content.

#include <QString>
#include <QUrl>

class QTextDocument;

namespace Ankra::Ui {

// Removes raw HTML tags and comments outside code blocks and code spans.
QString stripRawHtml(const QString &markdown);

bool isClickableLink(const QUrl &url);

// Replaces the content of `document` with the rendered, sanitised markdown.
void renderMarkdown(QTextDocument *document, const QString &markdown);

} // namespace Ankra::Ui

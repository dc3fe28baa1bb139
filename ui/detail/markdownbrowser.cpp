#include "detail/markdownbrowser.h"

#include "detail/markdown.h"
#include "messagebox.h"

namespace Ankra::Ui {

MarkdownBrowser::MarkdownBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    connect(this, &QTextBrowser::anchorClicked, this, &MarkdownBrowser::onAnchorClicked);
}

QVariant MarkdownBrowser::loadResource(int, const QUrl &)
{
    return {};
}

void MarkdownBrowser::onAnchorClicked(const QUrl &url)
{
    if (!isClickableLink(url))
        return;
    const auto answer = MessageBox::question(this,
                                             tr("Open link?"),
                                             tr("Open this link in your browser?\n\n%1")
                                                 .arg(url.toDisplayString()),
                                             QMessageBox::Open | QMessageBox::Cancel,
                                             QMessageBox::Cancel);
    if (answer != QMessageBox::Open)
        return;
    if (MessageBox::openUrl(url))
        emit linkOpened(url);
}

} // namespace Ankra::Ui

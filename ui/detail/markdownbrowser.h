#pragma once

// A read-only text browser for untrusted content: it never loads a resource (remote or local)
// and opens a link only for http/https/mailto, after the user confirmed it.

#include <QTextBrowser>

namespace Ankra::Ui {

class MarkdownBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MarkdownBrowser(QWidget *parent = nullptr);
    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void linkOpened(const QUrl &url);

private:
    void onAnchorClicked(const QUrl &url);
};

} // namespace Ankra::Ui

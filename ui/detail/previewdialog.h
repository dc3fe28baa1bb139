#pragma once

// A non-modal window showing one file in a PreviewWidget: an attachment downloaded to the
// cache, or a local file. Reused for the next file; closing it only hides it.

#include <QDialog>

namespace KSyntaxHighlighting {
class Repository;
}

namespace Ankra::Ui {

class PreviewWidget;

class PreviewDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreviewDialog(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);

    // Shows `path` under the title `name`; returns false when it cannot be read (the dialog
    // then shows why).
    bool showFile(const QString &path, const QString &name);
    PreviewWidget *preview() const { return m_preview; }

private:
    PreviewWidget *m_preview;
};

} // namespace Ankra::Ui

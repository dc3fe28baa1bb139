#include "detail/previewdialog.h"

#include "preview/previewwidget.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Ankra::Ui {

PreviewDialog::PreviewDialog(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QDialog(parent)
    , m_preview(new PreviewWidget(repository, this))
{
    setObjectName(QStringLiteral("previewDialog"));
    setModal(false);
    resize(900, 640);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    layout->addWidget(buttons);
}

bool PreviewDialog::showFile(const QString &path, const QString &name)
{
    setWindowTitle(tr("Preview: %1").arg(name));
    const bool ok = m_preview->openFile(path);
    show();
    raise();
    activateWindow();
    return ok;
}

} // namespace Ankra::Ui

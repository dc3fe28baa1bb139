#pragma once

// The attachments of the open ticket: the list (name, type, size, date), Download (streamed to
// a chosen file, with progress and cancel) and Attach. Files to attach are checked against the
// server's limits first; refusals are reported with their reason before anything is sent.
// Preview (button, double-click, Enter) downloads the attachment once to
// CacheLocation/attachments/<id>/<file name> (reused while its size matches) and shows it in a
// PreviewDialog; it needs the application's syntax repository (setSyntaxRepository()).

#include <QTemporaryDir>
#include <QWidget>

class QAction;
class QPushButton;
class QTreeView;
class QVBoxLayout;

namespace Ankra::Api {
class ApiJob;
}
namespace KSyntaxHighlighting {
class Repository;
}
namespace Ankra::Models {
class TicketController;
}
namespace Ankra::Store {
class TicketCache;
}

namespace Ankra::Ui {

class PreviewDialog;

class AttachmentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentsPanel(Models::TicketController *controller, QWidget *parent = nullptr);

    // Checks each file and uploads the acceptable ones; returns the refusals (also emitted).
    QStringList attachFiles(const QStringList &paths);
    // Attaches pasted text as a .log file.
    QStringList attachText(const QString &text);
    void downloadSelected();
    void setSyntaxRepository(KSyntaxHighlighting::Repository *repository);
    void previewSelected();
    // Where previewSelected() keeps the attachment `attachmentId` called `fileName`.
    static QString cachePath(const QString &attachmentId, const QString &fileName);
    // With an offline cache, previews are kept there instead (per account, size-capped).
    void setAttachmentCache(Store::TicketCache *cache) { m_cache = cache; }
    PreviewDialog *previewDialog() const { return m_previewDialog; }
    int runningTransfers() const;
    // "Attach files…" (Ctrl+Shift+A) for a menu: what the Attach button does, enabled with it.
    QAction *attachAction() const { return m_attachAction; }

signals:
    void refused(const QString &reasons);

private:
    void chooseFiles();
    void addTransferRow(Api::ApiJob *job, const QString &label);
    void updateButtons();
    void showPreview(const QString &path, const QString &name);

    Models::TicketController *m_controller;
    QTreeView *m_list;
    QPushButton *m_download;
    QPushButton *m_preview;
    KSyntaxHighlighting::Repository *m_repository = nullptr;
    PreviewDialog *m_previewDialog = nullptr;
    Store::TicketCache *m_cache = nullptr;
    QPushButton *m_attach;
    QAction *m_attachAction;
    QWidget *m_transfers;
    QVBoxLayout *m_transfersLayout;
    QTemporaryDir m_pasteDir;
    int m_pasteCount = 0;
};

} // namespace Ankra::Ui

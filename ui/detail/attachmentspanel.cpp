#include "detail/attachmentspanel.h"

#include "detail/previewdialog.h"
#include "messagebox.h"

#include "models/attachmentlistmodel.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "store/cache.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTreeView>
#include <QVBoxLayout>

namespace Ankra::Ui {

AttachmentsPanel::AttachmentsPanel(Models::TicketController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("attachmentsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *title = new QLabel(tr("Attachments"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("attachmentsList"));
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setAccessibleDescription(tr("Files attached to this ticket. Drop files on the ticket "
                                        "to attach them."));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setModel(controller->attachments());
    m_list->header()->setSectionResizeMode(Models::AttachmentListModel::NameColumn,
                                           QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setMinimumHeight(60);

    m_download = new QPushButton(tr("Download…"), this);
    m_download->setObjectName(QStringLiteral("downloadButton"));
    m_download->setAccessibleDescription(tr("Save the selected attachment to a file"));
    m_preview = new QPushButton(tr("Preview"), this);
    m_preview->setObjectName(QStringLiteral("previewButton"));
    m_preview->setAccessibleDescription(tr("Show the selected attachment"));
    m_preview->setVisible(false); // until a syntax repository is set
    m_attach = new QPushButton(tr("Attach…"), this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setAccessibleDescription(tr("Choose files to attach to this ticket"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(title);
    buttons->addStretch(1);
    buttons->addWidget(m_preview);
    buttons->addWidget(m_download);
    buttons->addWidget(m_attach);

    m_transfers = new QWidget(this);
    m_transfers->setObjectName(QStringLiteral("transfersBox"));
    m_transfersLayout = new QVBoxLayout(m_transfers);
    m_transfersLayout->setContentsMargins(0, 0, 0, 0);

    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_transfers);

    connect(m_download, &QPushButton::clicked, this, &AttachmentsPanel::downloadSelected);
    connect(m_preview, &QPushButton::clicked, this, &AttachmentsPanel::previewSelected);
    // Double-click or Enter: preview when previews are available, otherwise download.
    connect(m_list, &QTreeView::activated, this, [this] {
        if (m_repository)
            previewSelected();
        else
            downloadSelected();
    });
    connect(m_attach, &QPushButton::clicked, this, &AttachmentsPanel::chooseFiles);
    m_attachAction = new QAction(tr("Attach files…"), this);
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_attachAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attachAction->setShortcutContext(Qt::WindowShortcut);
    m_attachAction->setToolTip(tr("Choose files to attach to this ticket (Ctrl+Shift+A)"));
    connect(m_attachAction, &QAction::triggered, this, &AttachmentsPanel::chooseFiles);
    connect(m_list->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &AttachmentsPanel::updateButtons);
    connect(controller,
            &Models::TicketController::ticketChanged,
            this,
            &AttachmentsPanel::updateButtons);
    updateButtons();
}

void AttachmentsPanel::updateButtons()
{
    m_download->setEnabled(m_list->selectionModel()->hasSelection()
                           || m_list->currentIndex().isValid());
    m_preview->setEnabled(m_download->isEnabled());
    m_attach->setEnabled(m_controller->hasTicket() && !m_controller->isClosed());
    m_attachAction->setEnabled(m_attach->isEnabled());
}

int AttachmentsPanel::runningTransfers() const
{
    return m_transfersLayout->count();
}

QStringList AttachmentsPanel::attachFiles(const QStringList &paths)
{
    QStringList refusals;
    for (const QString &path : paths) {
        const QString reason = m_controller->uploadRefusal(path);
        if (!reason.isEmpty()) {
            refusals.append(reason);
            continue;
        }
        if (auto *job = m_controller->upload(path))
            addTransferRow(job, tr("Uploading %1").arg(QFileInfo(path).fileName()));
    }
    if (!refusals.isEmpty())
        emit refused(refusals.join(u'\n'));
    return refusals;
}

QStringList AttachmentsPanel::attachText(const QString &text)
{
    if (!m_pasteDir.isValid())
        return {tr("No temporary folder for the pasted text.")};
    ++m_pasteCount;
    const QString name = QStringLiteral("pasted-%1-%2.log")
                             .arg(QDateTime::currentDateTime().toString(
                                 QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(m_pasteCount);
    QFile file(m_pasteDir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
        const QString reason = tr("The pasted text could not be saved for upload: %1")
                                   .arg(file.errorString());
        emit refused(reason);
        return {reason};
    }
    file.close();
    return attachFiles({file.fileName()});
}

void AttachmentsPanel::chooseFiles()
{
    const QStringList files = MessageBox::getOpenFileNames(this, tr("Attach files"));
    if (!files.isEmpty())
        attachFiles(files);
}

void AttachmentsPanel::downloadSelected()
{
    QModelIndex index = m_list->currentIndex();
    if (!index.isValid() && m_list->model()->rowCount() == 1)
        index = m_list->model()->index(0, 0);
    if (!index.isValid())
        return;
    const QString id = index.data(Models::IdRole).toString();
    const QString name = index.siblingAtColumn(0).data(Models::FileNameRole).toString();
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString target = MessageBox::getSaveFileName(this,
                                                       tr("Save attachment"),
                                                       QDir(dir).filePath(
                                                           QFileInfo(name).fileName()));
    if (target.isEmpty())
        return;
    if (auto *job = m_controller->download(id, target))
        addTransferRow(job, tr("Downloading %1").arg(name));
}

void AttachmentsPanel::setSyntaxRepository(KSyntaxHighlighting::Repository *repository)
{
    m_repository = repository;
    m_preview->setVisible(repository != nullptr);
}

QString AttachmentsPanel::cachePath(const QString &attachmentId, const QString &fileName)
{
    // The id comes from the server: keep only what is safe as a directory name. The file name
    // is kept (its last component only) because the preview picks the syntax by name.
    QString safeId = attachmentId;
    safeId.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    QString name = QFileInfo(fileName).fileName();
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(QStringLiteral("attachment"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("attachments/%1/%2").arg(safeId, name));
}

void AttachmentsPanel::previewSelected()
{
    if (!m_repository)
        return;
    QModelIndex index = m_list->currentIndex();
    if (!index.isValid() && m_list->model()->rowCount() == 1)
        index = m_list->model()->index(0, 0);
    if (!index.isValid())
        return;
    const QString id = index.data(Models::IdRole).toString();
    const QString name = index.siblingAtColumn(0).data(Models::FileNameRole).toString();
    const qint64 size = index.data(Models::SizeRole).toLongLong();
    if (m_cache) {
        const QString kept = m_cache->cachedAttachment(id, name, size);
        if (!kept.isEmpty()) {
            showPreview(kept, name);
            return;
        }
    }
    const QString path = m_cache ? m_cache->attachmentPath(id, name) : cachePath(id, name);
    const QFileInfo cached(path);
    if (!m_cache && cached.isFile() && cached.size() == size) {
        showPreview(path, name);
        return;
    }
    if (!QDir().mkpath(cached.absolutePath())) {
        emit refused(tr("The cache folder %1 cannot be created.").arg(cached.absolutePath()));
        return;
    }
    auto *job = m_controller->download(id, path);
    if (!job)
        return;
    addTransferRow(job, tr("Downloading %1").arg(name));
    const QPointer<Store::TicketCache> cache = m_cache;
    const QString ticketId = m_controller->ticketId();
    connect(job, &Api::ApiJob::finished, this, [this, job, path, name, cache, ticketId, id] {
        if (!job->ok())
            return;
        if (cache)
            cache->addAttachment(ticketId, id, name);
        showPreview(path, name);
    });
}

void AttachmentsPanel::showPreview(const QString &path, const QString &name)
{
    if (!m_previewDialog)
        m_previewDialog = new PreviewDialog(*m_repository, this);
    m_previewDialog->showFile(path, name);
}

void AttachmentsPanel::addTransferRow(Api::ApiJob *job, const QString &label)
{
    auto *row = new QWidget(m_transfers);
    row->setObjectName(QStringLiteral("transferRow"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *text = new QLabel(label, row);
    auto *bar = new QProgressBar(row);
    bar->setObjectName(QStringLiteral("transferProgress"));
    bar->setAccessibleName(label);
    bar->setRange(0, 0);
    auto *cancel = new QPushButton(tr("Cancel"), row);
    cancel->setObjectName(QStringLiteral("cancelTransferButton"));
    cancel->setAccessibleDescription(tr("Stop this transfer"));
    layout->addWidget(text);
    layout->addWidget(bar, 1);
    layout->addWidget(cancel);
    m_transfersLayout->addWidget(row);
    connect(cancel, &QPushButton::clicked, job, &Api::ApiJob::cancel);
    connect(job, &Api::ApiJob::progress, bar, [bar](qint64 done, qint64 total) {
        if (total <= 0)
            return;
        // Scale to int range for files over 2 GiB.
        bar->setRange(0, 1000);
        bar->setValue(int(done * 1000 / total));
    });
    connect(job, &Api::ApiJob::finished, row, [this, row] {
        m_transfersLayout->removeWidget(row);
        row->deleteLater();
    });
}

} // namespace Ankra::Ui

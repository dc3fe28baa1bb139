#include "compose/composeform.h"

#include "messagebox.h"
#include "preview/previewwidget.h"
#include "widgets/errortext.h"

#include "review/submissionflow.h"
#include "wire/enums.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace Ankra::Ui {

using Review::SubmissionFlow;

QString ComposeForm::categoryExplanation(const QString &category)
{
    if (category == QLatin1String("technical"))
        return tr("Something in your clusters or deployments does not work as expected.");
    if (category == QLatin1String("bug"))
        return tr("Ankra itself behaves wrongly: an error, a crash, a wrong result.");
    if (category == QLatin1String("feature_request"))
        return tr("Something Ankra cannot do yet that you would like it to.");
    if (category == QLatin1String("account"))
        return tr("Sign-in, users, organisations, tokens and permissions.");
    if (category == QLatin1String("billing"))
        return tr("Invoices, plans, payments and usage charges.");
    if (category == QLatin1String("other"))
        return tr("Anything that fits none of the above.");
    return {};
}

ComposeForm::ComposeForm(SubmissionFlow *flow, QWidget *parent)
    : QWidget(parent)
    , m_flow(flow)
{
    setAcceptDrops(true);

    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("subjectEdit"));
    m_subject->setMaxLength(SubmissionFlow::MaxSubjectLength);
    m_subject->setPlaceholderText(tr("One line: what is wrong, where"));
    m_subject->setAccessibleName(tr("Subject"));
    m_subject->setAccessibleDescription(tr("A one-line summary of the problem"));
    m_subject->setText(flow->subject());
    m_subjectCounter = new QLabel(this);
    m_subjectCounter->setObjectName(QStringLiteral("subjectCounter"));

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setTabChangesFocus(
        true); // Tab leaves the field: the wizard stays keyboard-usable
    m_description->setPlaceholderText(
        tr("What happened, what you expected, the exact error message and what you tried "
           "(Markdown)"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setAccessibleDescription(
        tr("What happened, what you expected, the exact error and what you tried, in Markdown. "
           "Tab moves to the next field."));
    m_description->setPlainText(flow->description());
    m_descriptionCounter = new QLabel(this);
    m_descriptionCounter->setObjectName(QStringLiteral("descriptionCounter"));

    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryCombo"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setAccessibleDescription(tr("The kind of request this ticket is"));
    for (const QString &c : Wire::knownCategories()) {
        m_category->addItem(Wire::categoryLabel(c), c);
        m_category->setItemData(m_category->count() - 1, categoryExplanation(c), Qt::ToolTipRole);
    }
    m_category->setCurrentIndex(qMax(0, m_category->findData(flow->category())));
    m_categoryHelp = new QLabel(this);
    m_categoryHelp->setObjectName(QStringLiteral("categoryHelp"));
    m_categoryHelp->setWordWrap(true);

    m_cluster = new QComboBox(this);
    m_cluster->setObjectName(QStringLiteral("clusterCombo"));
    m_cluster->setAccessibleName(tr("Cluster"));
    m_cluster->setAccessibleDescription(tr("The cluster the problem occurs on, if any"));
    m_environment = new QLabel(this);
    m_environment->setObjectName(QStringLiteral("environmentLabel"));
    m_environment->setWordWrap(true);
    m_environment->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_attachments = new QListWidget(this);
    m_attachments->setObjectName(QStringLiteral("stagedList"));
    m_attachments->setAccessibleName(tr("Attachments"));
    m_attachments->setAccessibleDescription(
        tr("Files to attach. Drop files here, use Attach…, or paste with Ctrl+V."));
    m_attachments->setMaximumHeight(90);
    m_attach = new QPushButton(tr("&Attach…"), this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setAccessibleDescription(tr("Choose files to attach to the ticket"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setAccessibleDescription(tr("Remove the selected attachment"));
    m_preview = new QPushButton(tr("Pre&view"), this);
    m_preview->setObjectName(QStringLiteral("previewButton"));
    m_preview->setAccessibleDescription(tr("Show the selected attachment"));
    auto *paste = new QPushButton(tr("&Paste"), this);
    paste->setObjectName(QStringLiteral("pasteButton"));
    paste->setAccessibleDescription(
        tr("Attach the clipboard's image or text as a file (Ctrl+V in the list)"));
    m_attachmentMessage = new QLabel(this);
    m_attachmentMessage->setObjectName(QStringLiteral("attachmentMessage"));
    m_attachmentMessage->setWordWrap(true);

    auto *subjectRow = new QHBoxLayout;
    subjectRow->addWidget(m_subject, 1);
    subjectRow->addWidget(m_subjectCounter);
    auto *descriptionBox = new QVBoxLayout;
    descriptionBox->addWidget(m_description, 1);
    descriptionBox->addWidget(m_descriptionCounter, 0, Qt::AlignRight);
    auto *categoryBox = new QVBoxLayout;
    categoryBox->addWidget(m_category);
    categoryBox->addWidget(m_categoryHelp);
    auto *clusterBox = new QVBoxLayout;
    clusterBox->addWidget(m_cluster);
    clusterBox->addWidget(m_environment);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(paste);
    buttons->addWidget(m_preview);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *attachBox = new QVBoxLayout;
    attachBox->addWidget(m_attachments);
    attachBox->addLayout(buttons);
    attachBox->addWidget(m_attachmentMessage);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    auto addRow = [form](const QString &label, QWidget *buddy, QLayout *field) {
        auto *l = new QLabel(label);
        l->setBuddy(buddy);
        form->addRow(l, field);
    };
    addRow(tr("&Subject:"), m_subject, subjectRow);
    addRow(tr("&Description:"), m_description, descriptionBox);
    addRow(tr("Ca&tegory:"), m_category, categoryBox);
    addRow(tr("C&luster:"), m_cluster, clusterBox);
    addRow(tr("Attach&ments:"), m_attachments, attachBox);

    connect(m_subject, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_flow->setSubject(text);
        updateCounters();
        emit changed();
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        m_flow->setDescription(m_description->toPlainText());
        updateCounters();
        emit changed();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_flow->setCategory(m_category->currentData().toString());
        m_categoryHelp->setText(categoryExplanation(m_category->currentData().toString()));
        emit changed();
    });
    connect(m_cluster, &QComboBox::currentIndexChanged, this, [this] {
        const int i = m_cluster->currentIndex() - 1;
        m_flow->setCluster(i >= 0 && i < m_flow->clusters().size() ? m_flow->clusters().at(i)
                                                                   : Wire::Cluster{});
        updateEnvironment();
        emit changed();
    });
    connect(m_flow, &SubmissionFlow::clustersChanged, this, &ComposeForm::updateClusters);
    connect(m_flow, &SubmissionFlow::stagedFilesChanged, this, &ComposeForm::updateAttachments);
    connect(m_flow, &SubmissionFlow::stateChanged, this, [this] {
        // The category may also be changed from the review page.
        const int i = m_category->findData(m_flow->category());
        if (i >= 0 && i != m_category->currentIndex())
            m_category->setCurrentIndex(i);
        if (m_subject->text() != m_flow->subject())
            m_subject->setText(m_flow->subject());
    });
    connect(m_attach, &QPushButton::clicked, this, [this] {
        stageFiles(MessageBox::getOpenFileNames(this, tr("Attach files")));
    });
    connect(paste, &QPushButton::clicked, this, &ComposeForm::pasteFromClipboard);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_flow->unstage(m_attachments->currentRow());
    });
    connect(m_preview, &QPushButton::clicked, this, &ComposeForm::previewCurrent);
    connect(m_attachments, &QListWidget::itemActivated, this, &ComposeForm::previewCurrent);
    auto *pasteShortcut = new QShortcut(QKeySequence::Paste, m_attachments);
    pasteShortcut->setContext(Qt::WidgetShortcut);
    connect(pasteShortcut, &QShortcut::activated, this, &ComposeForm::pasteFromClipboard);
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, m_attachments);
    deleteShortcut->setContext(Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, m_remove, &QPushButton::click);

    m_categoryHelp->setText(categoryExplanation(m_category->currentData().toString()));
    updateCounters();
    updateClusters();
    updateAttachments();
}

ComposeForm::~ComposeForm() = default;

void ComposeForm::reloadFromFlow()
{
    if (m_subject->text() != m_flow->subject())
        m_subject->setText(m_flow->subject());
    if (m_description->toPlainText() != m_flow->description())
        m_description->setPlainText(m_flow->description());
    m_category->setCurrentIndex(qMax(0, m_category->findData(m_flow->category())));
    updateClusters();
    updateAttachments();
    updateCounters();
    emit changed();
}

void ComposeForm::updateCounters()
{
    const QLocale locale;
    m_subjectCounter->setText(tr("%1 / %2").arg(locale.toString(m_subject->text().size()),
                                                locale.toString(SubmissionFlow::MaxSubjectLength)));
    const int n = int(m_description->toPlainText().size());
    m_descriptionCounter->setText(
        tr("%1 / %2").arg(locale.toString(n),
                          locale.toString(SubmissionFlow::MaxDescriptionLength)));
    // Over the limit is shown, not cut: the user decides what to drop.
    const bool tooLong = n > SubmissionFlow::MaxDescriptionLength;
    setErrorLook(m_descriptionCounter, tooLong);
    QFont font = m_descriptionCounter->font();
    font.setBold(tooLong);
    m_descriptionCounter->setFont(font);
}

void ComposeForm::updateClusters()
{
    const QSignalBlocker blocker(m_cluster);
    m_cluster->clear();
    m_cluster->addItem(tr("No cluster"));
    int current = 0;
    for (const Wire::Cluster &c : m_flow->clusters()) {
        m_cluster->addItem(c.kubernetesVersion.isEmpty()
                               ? c.name
                               : tr("%1 (Kubernetes %2)").arg(c.name, c.kubernetesVersion),
                           c.id);
        if (c.id == m_flow->cluster().id)
            current = m_cluster->count() - 1;
    }
    m_cluster->setCurrentIndex(current);
    m_cluster->setEnabled(!m_flow->clusters().isEmpty());
    updateEnvironment();
}

void ComposeForm::updateEnvironment()
{
    const QJsonObject env = m_flow->environment();
    const QJsonObject client = env.value(QLatin1String("client")).toObject();
    QString text;
    if (!m_flow->cluster().id.isEmpty()) {
        text = tr("Sent with the ticket: cluster %1, Kubernetes %2, %3 %4 on %5.")
                   .arg(m_flow->cluster().name,
                        m_flow->cluster().kubernetesVersion.isEmpty()
                            ? tr("version unknown")
                            : m_flow->cluster().kubernetesVersion,
                        client.value(QLatin1String("name")).toString(),
                        client.value(QLatin1String("version")).toString(),
                        client.value(QLatin1String("os")).toString());
    } else {
        text = tr("Sent with the ticket: %1 %2 on %3. Choose a cluster to add its context.")
                   .arg(client.value(QLatin1String("name")).toString(),
                        client.value(QLatin1String("version")).toString(),
                        client.value(QLatin1String("os")).toString());
    }
    m_environment->setText(text);
}

void ComposeForm::updateAttachments()
{
    const int row = m_attachments->currentRow();
    m_attachments->clear();
    const QLocale locale;
    for (const Review::StagedFile &f : m_flow->stagedFiles())
        m_attachments->addItem(tr("%1 (%2)").arg(f.fileName, locale.formattedDataSize(f.sizeBytes)));
    if (m_attachments->count() > 0)
        m_attachments->setCurrentRow(qBound(0, row, m_attachments->count() - 1));
    m_remove->setEnabled(m_attachments->count() > 0);
    m_preview->setEnabled(m_attachments->count() > 0);
}

int ComposeForm::stageFiles(const QStringList &paths)
{
    QStringList refusals;
    int staged = 0;
    for (const QString &p : paths) {
        const QString why = m_flow->stageFile(p);
        if (why.isEmpty())
            ++staged;
        else
            refusals.append(why);
    }
    m_attachmentMessage->setText(refusals.join(QLatin1Char('\n')));
    return staged;
}

QString ComposeForm::attachmentMessage() const
{
    return m_attachmentMessage->text();
}

void ComposeForm::pasteFromClipboard()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    if (mime->hasUrls()) {
        QStringList paths;
        for (const QUrl &u : mime->urls()) {
            if (u.isLocalFile())
                paths.append(u.toLocalFile());
        }
        stageFiles(paths);
        return;
    }
    if (mime->hasImage()) {
        // A pasted screenshot becomes a PNG file next to the other staged files.
        if (!m_pasteDir)
            m_pasteDir = std::make_unique<QTemporaryDir>();
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        const QString path = m_pasteDir->filePath(
            QStringLiteral("pasted-%1.png").arg(m_flow->stagedFiles().size() + 1));
        if (image.isNull() || !image.save(path, "PNG")) {
            m_attachmentMessage->setText(tr("The pasted image could not be saved."));
            return;
        }
        stageFiles({path});
        return;
    }
    m_attachmentMessage->setText(tr("The clipboard holds no file or image to attach."));
}

void ComposeForm::previewCurrent()
{
    const int row = m_attachments->currentRow();
    if (row < 0 || row >= m_flow->stagedFiles().size())
        return;
    if (!m_repository) {
        if (!m_ownRepository)
            m_ownRepository = std::make_unique<KSyntaxHighlighting::Repository>();
        m_repository = m_ownRepository.get();
    }
    const Review::StagedFile &f = m_flow->stagedFiles().at(row);
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("previewDialog"));
    dialog.setWindowTitle(tr("Preview of %1").arg(f.fileName));
    auto *preview = new PreviewWidget(*m_repository, &dialog);
    preview->openFile(f.path);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(preview, 1);
    layout->addWidget(box);
    dialog.resize(720, 520);
    dialog.exec();
}

void ComposeForm::focusField(Field field)
{
    QWidget *w = nullptr;
    switch (field) {
    case Field::Subject:
        w = m_subject;
        break;
    case Field::Description:
        w = m_description;
        break;
    case Field::Category:
        w = m_category;
        break;
    case Field::Cluster:
        w = m_cluster;
        break;
    case Field::Attachments:
        w = m_attachments;
        break;
    }
    w->setFocus(Qt::OtherFocusReason);
}

void ComposeForm::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ComposeForm::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &u : event->mimeData()->urls()) {
        if (u.isLocalFile())
            paths.append(u.toLocalFile());
    }
    stageFiles(paths);
    event->acceptProposedAction();
}

} // namespace Ankra::Ui

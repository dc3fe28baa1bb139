#include "previewwidget.h"

#include "contentsniffer.h"
#include "imageview.h"
#include "textpreview.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Ankra::Ui {

PreviewWidget::PreviewWidget(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_text(new TextPreview(repository, m_stack))
    , m_image(new ImageView(m_stack))
    , m_message(new QLabel(m_stack))
{
    setObjectName(QStringLiteral("previewWidget"));
    setAccessibleName(tr("File preview"));
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_image);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

LargeTextView *PreviewWidget::textView() const
{
    return m_text->view();
}

QString PreviewWidget::message() const
{
    return (m_kind == Kind::Unsupported || m_kind == Kind::Error) ? m_message->text() : QString();
}

void PreviewWidget::clear()
{
    m_text->clear();
    m_image->setImage(QImage(), QString());
    showMessage(Kind::Empty, tr("Nothing to preview."));
}

void PreviewWidget::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

bool PreviewWidget::openFile(const QString &path, QString *error)
{
    m_text->clear();
    const QFileInfo info(path);
    QString why;
    QFile file(path);
    if (!info.exists()) {
        why = tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(path));
    } else if (!info.isFile()) {
        why = tr("%1 is not a file.").arg(QDir::toNativeSeparators(path));
    } else if (!file.open(QIODevice::ReadOnly)) {
        why = tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    if (why.isEmpty()) {
        const QByteArray head = file.read(SniffBytes);
        QByteArray format;
        switch (sniffContent(head, &format)) {
        case ContentKind::Image:
            file.seek(0);
            if (showImage(&file, info.fileName(), &why))
                return true;
            break;
        case ContentKind::Text:
            file.close();
            if (m_text->openFile(path, head, &why)) {
                m_kind = Kind::Text;
                m_stack->setCurrentWidget(m_text);
                return true;
            }
            break;
        case ContentKind::Binary:
            showUnsupported(info.fileName(), head, info.size());
            return true;
        }
    }
    showMessage(Kind::Error, why);
    if (error)
        *error = why;
    return false;
}

void PreviewWidget::setData(const QByteArray &bytes, const QString &fileName)
{
    m_text->clear();
    const QByteArray head = bytes.first(std::min<qsizetype>(bytes.size(), SniffBytes));
    switch (sniffContent(head)) {
    case ContentKind::Image: {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QString why;
        if (!showImage(&buffer, fileName, &why))
            showMessage(Kind::Error, why);
        return;
    }
    case ContentKind::Text:
        m_text->setBytes(bytes, fileName);
        m_kind = Kind::Text;
        m_stack->setCurrentWidget(m_text);
        return;
    case ContentKind::Binary:
        showUnsupported(fileName, head, bytes.size());
        return;
    }
}

bool PreviewWidget::showImage(QIODevice *device, const QString &fileName, QString *error)
{
    QImageReader reader(device);
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();
    const QImage image = reader.read();
    if (image.isNull()) {
        *error = tr("Cannot show the image %1: %2").arg(fileName, reader.errorString());
        return false;
    }
    m_image->setImage(image, QString::fromLatin1(format.toUpper()));
    m_kind = Kind::Image;
    m_stack->setCurrentWidget(m_image);
    return true;
}

void PreviewWidget::showUnsupported(const QString &fileName, const QByteArray &head, qint64 size)
{
    const QMimeType mime = QMimeDatabase().mimeTypeForFileNameAndData(fileName, head);
    const QString type = mime.isValid() && !mime.isDefault() ? mime.comment() : tr("binary data");
    showMessage(Kind::Unsupported,
                tr("No preview for this type of file (%1, %2).")
                    .arg(type, QLocale().formattedDataSize(size)));
}

} // namespace Ankra::Ui

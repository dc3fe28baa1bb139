#pragma once

// Preview of a text attachment or of a local file about to be attached: text with syntax
// highlighting (files of any size, see LargeTextView), images, or a clear message when the
// type has no preview. The KSyntaxHighlighting::Repository is expensive to create: the
// composition root owns one for the whole application and passes it in (tests make their own).

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Ankra::Ui {

class ImageView;
class LargeTextView;
class TextPreview;

class PreviewWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Empty, Text, Image, Unsupported, Error };

    explicit PreviewWidget(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);

    // A local file (an attachment downloaded to the cache, or one about to be attached). Text is
    // memory-mapped, not read. Returns false, with a message shown and in *error, when the file
    // cannot be read; an unsupported type is not an error.
    bool openFile(const QString &path, QString *error = nullptr);
    // Small in-memory content; fileName helps choose the syntax.
    void setData(const QByteArray &bytes, const QString &fileName);
    void clear();

    Kind kind() const { return m_kind; }
    // The message shown for Unsupported and Error.
    QString message() const;
    TextPreview *textPreview() const { return m_text; }
    LargeTextView *textView() const;
    ImageView *imageView() const { return m_image; }

private:
    void showMessage(Kind kind, const QString &text);
    bool showImage(QIODevice *device, const QString &fileName, QString *error);
    void showUnsupported(const QString &fileName, const QByteArray &head, qint64 size);

    QStackedWidget *m_stack;
    TextPreview *m_text;
    ImageView *m_image;
    QLabel *m_message;
    Kind m_kind = Kind::Empty;
};

} // namespace Ankra::Ui

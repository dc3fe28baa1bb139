#include "detail/replyedit.h"

#include <QKeyEvent>
#include <QMimeData>

namespace Ankra::Ui {

ReplyEdit::ReplyEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

bool ReplyEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void ReplyEdit::insertFromMimeData(const QMimeData *source)
{
    if (source->hasUrls()) {
        QStringList files;
        for (const QUrl &url : source->urls())
            if (url.isLocalFile())
                files.append(url.toLocalFile());
        if (!files.isEmpty()) {
            emit filesPasted(files);
            return;
        }
    }
    if (source->hasText()) {
        const QString text = source->text();
        if (text.size() >= LargePasteChars || text.count(u'\n') >= LargePasteLines) {
            emit largeTextPasted(text);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void ReplyEdit::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & Qt::ControlModifier)) {
        emit sendRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Ankra::Ui

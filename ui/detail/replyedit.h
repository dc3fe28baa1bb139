#pragma once

// The reply box: plain markdown text. Pasting files, or a large block of text (a log), does not
// insert it: the edit hands it on so the detail view can attach it instead.

#include <QPlainTextEdit>

namespace Ankra::Ui {

class ReplyEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int LargePasteChars = 4'000;
    static constexpr int LargePasteLines = 60;

    explicit ReplyEdit(QWidget *parent = nullptr);

signals:
    void filesPasted(const QStringList &paths);
    void largeTextPasted(const QString &text);
    void sendRequested();

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Ankra::Ui

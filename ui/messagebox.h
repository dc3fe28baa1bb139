#pragma once

// Modal questions and file choosers behind one seam so GUI tests can pre-answer them
// (KeePassXC's MessageBox::setNextAnswer): a pre-set answer is used once, without showing UI.

#include <QMessageBox>
#include <QStringList>

namespace Ankra::Ui {

class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent,
                                                const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last question asked (shown or pre-answered), for tests.
    static QString lastQuestionText();

    // Empty result: the user cancelled.
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &path);
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption);
    static void setNextSaveFileName(const QString &path);
    static void setNextOpenFileNames(const QStringList &paths);

    // Hands a URL to the desktop; tests replace it to see what would be opened.
    static bool openUrl(const QUrl &url);
    static void setUrlOpener(std::function<bool(const QUrl &)> opener);
};

} // namespace Ankra::Ui

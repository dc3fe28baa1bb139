#include "messagebox.h"

#include <QDesktopServices>
#include <QFileDialog>
#include <QUrl>

#include <optional>

namespace Ankra::Ui {

namespace {
std::optional<QMessageBox::StandardButton> s_nextAnswer;
QString s_lastQuestionText;
std::optional<QString> s_nextSaveFileName;
std::optional<QStringList> s_nextOpenFileNames;
std::function<bool(const QUrl &)> s_urlOpener;
} // namespace

QMessageBox::StandardButton MessageBox::question(QWidget *parent,
                                                 const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastQuestionText = text;
    if (s_nextAnswer) {
        const auto answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

QString MessageBox::lastQuestionText()
{
    return s_lastQuestionText;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

QString MessageBox::getSaveFileName(QWidget *parent, const QString &caption, const QString &path)
{
    if (s_nextSaveFileName) {
        const QString answer = *s_nextSaveFileName;
        s_nextSaveFileName.reset();
        return answer;
    }
    return QFileDialog::getSaveFileName(parent, caption, path);
}

QStringList MessageBox::getOpenFileNames(QWidget *parent, const QString &caption)
{
    if (s_nextOpenFileNames) {
        const QStringList answer = *s_nextOpenFileNames;
        s_nextOpenFileNames.reset();
        return answer;
    }
    return QFileDialog::getOpenFileNames(parent, caption);
}

void MessageBox::setNextSaveFileName(const QString &path)
{
    s_nextSaveFileName = path;
}

void MessageBox::setNextOpenFileNames(const QStringList &paths)
{
    s_nextOpenFileNames = paths;
}

bool MessageBox::openUrl(const QUrl &url)
{
    if (s_urlOpener)
        return s_urlOpener(url);
    return QDesktopServices::openUrl(url);
}

void MessageBox::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    s_urlOpener = std::move(opener);
}

} // namespace Ankra::Ui

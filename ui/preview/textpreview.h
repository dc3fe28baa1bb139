#pragma once

// The text page of the preview: a LargeTextView with a header (syntax, line count, wrap
// toggle), a find bar (Ctrl+F, F3 / Shift+F3) and a go-to-line bar (Ctrl+G).

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace KSyntaxHighlighting {
class Definition;
class Repository;
} // namespace KSyntaxHighlighting

namespace Ankra::Ui {

class LargeTextView;

class TextPreview : public QWidget
{
    Q_OBJECT
public:
    explicit TextPreview(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);

    // head: the file's first bytes, for choosing the syntax definition.
    bool openFile(const QString &path, const QByteArray &head, QString *error);
    void setBytes(const QByteArray &bytes, const QString &fileName);
    void clear();

    LargeTextView *view() const { return m_view; }

    void showFindBar();
    void showGoToLineBar();
    void findNext(bool forward);

private:
    void pickDefinition(const QString &fileName, const QByteArray &head);
    void updateInfo();
    void goToLine();

    KSyntaxHighlighting::Repository &m_repository;
    LargeTextView *m_view;
    QLabel *m_info;
    QToolButton *m_wrap;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QCheckBox *m_matchCase;
    QLabel *m_findStatus;
    QWidget *m_goToBar;
    QLineEdit *m_goToEdit;
};

} // namespace Ankra::Ui

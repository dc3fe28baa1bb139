#pragma once

// Staff mode's canned replies next to the reply box: a menu to insert one at the cursor, to
// save the reply box's text as one (named in a small non-modal dialog) and to delete one.
// The texts live in the injected CannedReplyStore (a local JSON file), never on the server.

#include <QInputDialog>
#include <QPointer>
#include <QToolButton>

class QMenu;
class QPlainTextEdit;

namespace Ankra::Models {
class CannedReplyStore;
}

namespace Ankra::Ui {

class CannedRepliesButton : public QToolButton
{
    Q_OBJECT
public:
    CannedRepliesButton(Models::CannedReplyStore *store,
                        QPlainTextEdit *editor,
                        QWidget *parent = nullptr);

    void showChooser();     // the menu, opened under the button, keyboard-ready
    void saveFromEditor();  // asks for a title; the reply box's text is the body
    void insert(int index); // at the editor's cursor
    QInputDialog *saveDialog() const { return m_dialog; }

signals:
    void problem(const QString &message);

private:
    void rebuild();

    Models::CannedReplyStore *m_store;
    QPlainTextEdit *m_editor;
    QMenu *m_menu;
    QPointer<QInputDialog> m_dialog;
};

} // namespace Ankra::Ui

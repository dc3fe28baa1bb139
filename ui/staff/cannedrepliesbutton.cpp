#include "staff/cannedrepliesbutton.h"

#include "models/cannedreplies.h"

#include <QInputDialog>
#include <QMenu>
#include <QPlainTextEdit>

namespace Ankra::Ui {

CannedRepliesButton::CannedRepliesButton(Models::CannedReplyStore *store,
                                         QPlainTextEdit *editor,
                                         QWidget *parent)
    : QToolButton(parent)
    , m_store(store)
    , m_editor(editor)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("cannedRepliesButton"));
    setText(tr("Canned replies"));
    setToolTip(tr("Insert a saved reply (Ctrl+Shift+I) or save this one (Ctrl+Shift+K)"));
    setPopupMode(QToolButton::InstantPopup);
    m_menu->setObjectName(QStringLiteral("cannedRepliesMenu"));
    setMenu(m_menu);
    connect(store, &Models::CannedReplyStore::changed, this, &CannedRepliesButton::rebuild);
    rebuild();
}

void CannedRepliesButton::rebuild()
{
    m_menu->clear();
    const QList<Models::CannedReply> &replies = m_store->replies();
    if (replies.isEmpty()) {
        QAction *none = m_menu->addAction(tr("No canned replies yet"));
        none->setEnabled(false);
    }
    for (int i = 0; i < replies.size(); ++i) {
        // The first nine get a digit: menu open, digit, done.
        const QString label = i < 9 ? tr("&%1 %2").arg(i + 1).arg(replies.at(i).title)
                                    : replies.at(i).title;
        QAction *a = m_menu->addAction(label);
        a->setObjectName(QStringLiteral("cannedReply_%1").arg(i));
        a->setToolTip(replies.at(i).body.left(300));
        connect(a, &QAction::triggered, this, [this, i] { insert(i); });
    }
    m_menu->addSeparator();
    QAction *save = m_menu->addAction(tr("Save reply as canned reply…"));
    save->setObjectName(QStringLiteral("saveCannedReplyAction"));
    connect(save, &QAction::triggered, this, &CannedRepliesButton::saveFromEditor);
    if (!replies.isEmpty()) {
        QMenu *remove = m_menu->addMenu(tr("Delete canned reply"));
        for (const Models::CannedReply &r : replies) {
            QAction *a = remove->addAction(r.title);
            const QString title = r.title;
            connect(a, &QAction::triggered, this, [this, title] {
                if (!m_store->remove(title) && !m_store->lastError().isEmpty())
                    emit problem(m_store->lastError());
            });
        }
    }
}

void CannedRepliesButton::showChooser()
{
    m_menu->popup(mapToGlobal(QPoint(0, height())));
    // Keyboard-ready: the first entry is active, Enter inserts it.
    if (!m_menu->actions().isEmpty())
        m_menu->setActiveAction(m_menu->actions().constFirst());
}

void CannedRepliesButton::insert(int index)
{
    const QList<Models::CannedReply> &replies = m_store->replies();
    if (index < 0 || index >= replies.size() || !m_editor->isEnabled())
        return;
    m_editor->insertPlainText(replies.at(index).body);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void CannedRepliesButton::saveFromEditor()
{
    const QString body = m_editor->toPlainText();
    if (body.trimmed().isEmpty()) {
        emit problem(tr("Write the reply first, then save it as a canned reply."));
        return;
    }
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new QInputDialog(window());
    m_dialog = dialog;
    dialog->setObjectName(QStringLiteral("cannedReplyTitleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save canned reply"));
    dialog->setLabelText(tr("Name of the canned reply (an existing one with this name is "
                            "replaced):"));
    dialog->setTextValue(body.simplified().left(40));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, body](const QString &title) {
        if (!m_store->save({title, body}))
            emit problem(m_store->lastError());
    });
    dialog->open();
}

} // namespace Ankra::Ui

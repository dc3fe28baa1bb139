#pragma once

// Ctrl+K: a searchable list of every action of a main window (its own actions, its toolbars'
// and menus'), each with its shortcut. Typing filters (every word must match), Up/Down move,
// Enter runs the chosen action, Esc closes. The list is collected when the palette opens, so
// actions added later (staff mode) are included. install() adds the Ctrl+K action (Help → Find
// Action… in a main window); it works from inside text fields too, whose own Ctrl+K (delete to
// end of line) it takes over.

#include <QDialog>
#include <QPointer>

class QAction;
class QLineEdit;
class QListWidget;

namespace Ankra::Ui {

class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    // Adds the "Command palette" action (Ctrl+K) to `window`; returns it.
    static QAction *install(QWidget *window);

    explicit CommandPalette(QWidget *window);

    // The actions the palette offers for `window`, in order, without duplicates.
    static QList<QAction *> collectActions(QWidget *window);
    // "&Refresh…" -> "Refresh"
    static QString cleanText(const QString &text);

    void popup(); // refills the list and shows the palette over the window

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refill();
    void filter(const QString &text);
    void runCurrent();

    QPointer<QWidget> m_window;
    QPointer<QWidget> m_previousFocus; // gets the focus back when the palette closes
    QLineEdit *m_filter;
    QListWidget *m_list;
};

} // namespace Ankra::Ui

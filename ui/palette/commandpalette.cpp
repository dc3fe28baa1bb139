#include "palette/commandpalette.h"

#include "widgets/menus.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace Ankra::Ui {

namespace {

constexpr int ActionRole = Qt::UserRole + 1;
const char PaletteActionName[] = "commandPaletteAction";

QKeySequence paletteKey()
{
    return QKeySequence(Qt::CTRL | Qt::Key_K);
}

// Takes Ctrl+K away from text fields inside the window (their "delete to end of line") so the
// window's shortcut fires wherever the focus is.
class ShortcutKeeper : public QObject
{
public:
    ShortcutKeeper(QWidget *window)
        : QObject(window)
        , m_window(window)
    {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ShortcutOverride)
            return false;
        auto *key = static_cast<QKeyEvent *>(event);
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget || widget->window() != m_window
            || QKeySequence(key->keyCombination()) != paletteKey())
            return false;
        event->ignore();
        return true;
    }

private:
    QWidget *m_window;
};

void addUnique(QList<QAction *> &out, QAction *action)
{
    if (!action || action->isSeparator() || qobject_cast<QWidgetAction *>(action)
        || action->objectName() == QLatin1String(PaletteActionName) || out.contains(action))
        return;
    if (QMenu *menu = action->menu()) {
        for (QAction *sub : menu->actions())
            addUnique(out, sub);
        return;
    }
    if (CommandPalette::cleanText(action->text()).isEmpty() || !action->isVisible())
        return;
    out.append(action);
}

} // namespace

QAction *CommandPalette::install(QWidget *window)
{
    // "Find Action", as KDE's applications call their command bar, in Help: where a user who
    // does not know Ctrl+K looks for the list of what the window can do and its shortcuts.
    auto *action = new QAction(tr("Find Action…"), window);
    action->setObjectName(QLatin1String(PaletteActionName));
    action->setShortcut(paletteKey());
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(tr("Search every action of this window and see its shortcut (Ctrl+K)"));
    if (auto *mainWindow = qobject_cast<QMainWindow *>(window))
        Menus::add(mainWindow, Menus::Kind::Help, action);
    else
        window->addAction(action);
    auto *palette = new CommandPalette(window);
    connect(action, &QAction::triggered, palette, &CommandPalette::popup);
    qApp->installEventFilter(new ShortcutKeeper(window));
    return action;
}

CommandPalette::CommandPalette(QWidget *window)
    : QDialog(window, Qt::Popup | Qt::FramelessWindowHint)
    , m_window(window)
{
    setObjectName(QStringLiteral("commandPalette"));
    setAccessibleName(tr("Command palette"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("commandPaletteFilter"));
    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->setAccessibleName(tr("Command"));
    m_filter->installEventFilter(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("commandPaletteList"));
    m_list->setAccessibleName(tr("Commands"));
    m_list->setUniformItemSizes(true);
    auto *hint = new QLabel(tr("Enter runs · Esc closes"), this);
    hint->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    resize(520, 360);
}

QString CommandPalette::cleanText(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("&&"), QLatin1String("\x01"));
    t.remove(u'&');
    t.replace(u'\x01', u'&');
    t = t.trimmed();
    while (t.endsWith(u'…') || t.endsWith(u'.'))
        t.chop(1);
    return t.trimmed();
}

QList<QAction *> CommandPalette::collectActions(QWidget *window)
{
    QList<QAction *> out;
    if (!window)
        return out;
    for (QAction *a : window->actions())
        addUnique(out, a);
    for (QToolBar *bar : window->findChildren<QToolBar *>())
        for (QAction *a : bar->actions())
            addUnique(out, a);
    for (QMenuBar *bar : window->findChildren<QMenuBar *>())
        for (QAction *a : bar->actions())
            addUnique(out, a);
    return out;
}

void CommandPalette::refill()
{
    m_list->clear();
    for (QAction *action : collectActions(m_window)) {
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        QString text = cleanText(action->text());
        // Where it is in the menu bar says what it is ("View › Resolved", "Ticket › Reply").
        if (const QMenu *menu = Menus::menuOf(action))
            text = tr("%1 › %2").arg(cleanText(menu->title()), text);
        auto *item = new QListWidgetItem(shortcut.isEmpty() ? text
                                                            : tr("%1  ·  %2").arg(text, shortcut),
                                         m_list);
        item->setData(ActionRole, QVariant::fromValue(QPointer<QAction>(action)));
        item->setData(Qt::AccessibleTextRole,
                      shortcut.isEmpty() ? text : tr("%1, shortcut %2").arg(text, shortcut));
        item->setToolTip(action->toolTip());
        if (!action->isEnabled())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
}

void CommandPalette::filter(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    int first = -1;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        bool match = true;
        for (const QString &w : words)
            match = match && item->text().contains(w, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && first < 0 && (item->flags() & Qt::ItemIsEnabled))
            first = row;
    }
    m_list->setCurrentRow(first);
}

void CommandPalette::popup()
{
    m_previousFocus = QApplication::focusWidget();
    refill();
    m_filter->clear();
    filter({});
    if (m_window) {
        const QRect area = m_window->geometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 6);
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::runCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden() || !(item->flags() & Qt::ItemIsEnabled))
        return;
    const QPointer<QAction> action = item->data(ActionRole).value<QPointer<QAction>>();
    hide();
    // Queued: the action may open a dialog or move the focus, after the popup is gone.
    if (action)
        QMetaObject::invokeMethod(
            action,
            [action] {
                if (action && action->isEnabled())
                    action->trigger();
            },
            Qt::QueuedConnection);
}

void CommandPalette::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    // Back to where the user was (not every platform hands the activation back by itself).
    if (m_window) {
        m_window->activateWindow();
        if (m_previousFocus && m_previousFocus->window() == m_window)
            m_previousFocus->setFocus(Qt::PopupFocusReason);
    }
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        auto step = [this](int delta) {
            int row = m_list->currentRow();
            for (int i = 0; i < m_list->count(); ++i) {
                row = (row + delta + m_list->count()) % m_list->count();
                QListWidgetItem *item = m_list->item(row);
                if (!item->isHidden() && (item->flags() & Qt::ItemIsEnabled)) {
                    m_list->setCurrentRow(row);
                    return;
                }
            }
        };
        switch (key->key()) {
        case Qt::Key_Down:
            step(1);
            return true;
        case Qt::Key_Up:
            step(-1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Ankra::Ui

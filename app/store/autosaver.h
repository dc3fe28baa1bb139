#pragma once

// Debounced saving for anything the user types into: touch() on every change; the save
// function runs once typing pauses for delay() ms, and at the latest maxDelay() ms after the
// first unsaved change, so steady typing without a pause still reaches disk more than once a
// second (the bound on what a crash can lose). flush() saves a pending change at once (close,
// "Save as draft", switching tickets). The save function is called on the owner's thread, never
// re-entrantly, and never from the destructor: call flush() before tearing down what it uses.

#include <QObject>
#include <QTimer>

#include <functional>

namespace Ankra::Store {

class Autosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultDelayMs = 500;
    static constexpr int DefaultMaxDelayMs = 750;

    explicit Autosaver(std::function<bool()> save, QObject *parent = nullptr);

    void setDelay(int ms) { m_debounce.setInterval(ms); }
    int delay() const { return m_debounce.interval(); }
    void setMaxDelay(int ms) { m_deadline.setInterval(ms); }
    int maxDelay() const { return m_deadline.interval(); }

    void touch();
    bool flush();  // false when the save function failed (the change stays pending)
    void cancel(); // forgets a pending change (after a discard)
    bool isPending() const { return m_pending; }
    int saveCount() const { return m_saves; }

signals:
    void saved();
    void saveFailed();

private:
    std::function<bool()> m_save;
    QTimer m_debounce;
    QTimer m_deadline;
    bool m_pending = false;
    bool m_saving = false;
    int m_saves = 0;
};

} // namespace Ankra::Store

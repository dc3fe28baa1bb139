#include "store/autosaver.h"

namespace Ankra::Store {

Autosaver::Autosaver(std::function<bool()> save, QObject *parent)
    : QObject(parent)
    , m_save(std::move(save))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DefaultDelayMs);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(DefaultMaxDelayMs);
    connect(&m_debounce, &QTimer::timeout, this, &Autosaver::flush);
    connect(&m_deadline, &QTimer::timeout, this, &Autosaver::flush);
}

void Autosaver::touch()
{
    if (m_saving)
        return; // the save itself changed something it is writing anyway
    m_debounce.start();
    if (!m_pending) {
        m_pending = true;
        m_deadline.start(); // not restarted by later changes: the upper bound
    }
}

bool Autosaver::flush()
{
    m_debounce.stop();
    m_deadline.stop();
    if (!m_pending || m_saving)
        return true;
    m_saving = true;
    const bool ok = m_save();
    m_saving = false;
    if (!ok) {
        // Try again later rather than spin: the next change or the deadline retries.
        m_deadline.start();
        emit saveFailed();
        return false;
    }
    m_pending = false;
    ++m_saves;
    emit saved();
    return true;
}

void Autosaver::cancel()
{
    m_debounce.stop();
    m_deadline.stop();
    m_pending = false;
}

} // namespace Ankra::Store

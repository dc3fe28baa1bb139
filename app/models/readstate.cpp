#include "models/readstate.h"

namespace Ankra::Models {

namespace {
const QString BaselineKey = QStringLiteral("baseline");
QString ticketKey(const QString &ticketId)
{
    return QStringLiteral("seen/") + ticketId;
}
} // namespace

ReadStateStore::ReadStateStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(filePath, QSettings::IniFormat)
{
    m_baseline = QDateTime::fromString(m_settings.value(BaselineKey).toString(), Qt::ISODateWithMs);
    if (!m_baseline.isValid()) {
        m_baseline = QDateTime::currentDateTimeUtc();
        m_settings.setValue(BaselineKey, m_baseline.toString(Qt::ISODateWithMs));
    }
}

QDateTime ReadStateStore::lastSeen(const QString &ticketId) const
{
    return QDateTime::fromString(m_settings.value(ticketKey(ticketId)).toString(),
                                 Qt::ISODateWithMs);
}

bool ReadStateStore::isUnread(const QString &ticketId, const QDateTime &updatedAt) const
{
    if (ticketId.isEmpty() || !updatedAt.isValid())
        return false;
    const QDateTime seen = lastSeen(ticketId);
    return updatedAt > (seen.isValid() ? seen : m_baseline);
}

void ReadStateStore::markRead(const QString &ticketId, const QDateTime &updatedAt)
{
    if (ticketId.isEmpty() || !updatedAt.isValid())
        return;
    const QDateTime seen = lastSeen(ticketId);
    if (seen.isValid() && seen >= updatedAt)
        return;
    m_settings.setValue(ticketKey(ticketId), updatedAt.toUTC().toString(Qt::ISODateWithMs));
    emit changed(ticketId);
}

} // namespace Ankra::Models

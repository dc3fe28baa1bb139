#pragma once

// Which tickets the user has seen: ticket id -> the updated_at they last saw. Kept locally in an
// INI file (QSettings) that holds nothing else: never a token, never ticket content.
// A ticket is unread when the server's updated_at is newer than the last one seen. Tickets
// never seen count as read unless they changed after the store was first created (otherwise
// the very first start would show every ticket in bold). Changes the user makes are marked
// read by the caller with the ticket the server answered (reply, close, upload).
// GUI thread only.

#include <QDateTime>
#include <QObject>
#include <QSettings>

namespace Ankra::Models {

class ReadStateStore : public QObject
{
    Q_OBJECT
public:
    // `filePath`: the INI file, e.g. AppDataLocation/read-state.ini. Created on first write.
    explicit ReadStateStore(const QString &filePath, QObject *parent = nullptr);

    bool isUnread(const QString &ticketId, const QDateTime &updatedAt) const;
    QDateTime lastSeen(const QString &ticketId) const; // invalid when never seen
    void markRead(const QString &ticketId, const QDateTime &updatedAt);
    QDateTime baseline() const { return m_baseline; }

signals:
    void changed(const QString &ticketId);

private:
    mutable QSettings m_settings;
    QDateTime m_baseline;
};

} // namespace Ankra::Models

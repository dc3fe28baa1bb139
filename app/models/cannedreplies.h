#pragma once

// The team's canned replies: short named texts a staff member saves once and inserts into a
// reply. Kept locally in one small JSON file (e.g. AppDataLocation/canned-replies.json) that
// holds nothing else: never a token, never ticket content the user did not save. Written
// atomically (QSaveFile) on every change; a missing file is an empty list, an unreadable one is
// reported by lastError() and left untouched until the next successful save. GUI thread only.

#include <QList>
#include <QObject>
#include <QString>

namespace Ankra::Models {

struct CannedReply
{
    QString title;
    QString body;

    friend bool operator==(const CannedReply &, const CannedReply &) = default;
};

class CannedReplyStore : public QObject
{
    Q_OBJECT
public:
    explicit CannedReplyStore(const QString &filePath, QObject *parent = nullptr);

    const QList<CannedReply> &replies() const { return m_replies; }
    QString lastError() const { return m_error; }
    QString filePath() const { return m_path; }

    // Adds or, when a reply with this title (case-insensitive) exists, replaces it. Empty titles
    // or bodies are refused (false, lastError() says why).
    bool save(const CannedReply &reply);
    bool remove(const QString &title);

signals:
    void changed();

private:
    void load();
    bool write();

    QString m_path;
    QList<CannedReply> m_replies;
    QString m_error;
};

} // namespace Ankra::Models

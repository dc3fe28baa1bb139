#pragma once

// The bytes of one previewed text (a memory-mapped file or an in-memory copy) and its line
// index. The index is built incrementally on the GUI thread: open() indexes a first chunk so
// the first screen can be painted at once, the rest follows in chunks of IndexChunk bytes, one
// per event-loop turn, so a 100 MB file never blocks the window. find() works the same way.
// A mapped file must not be truncated while it is open (the mapping would fault): previews are
// of attachment cache files and of files about to be attached, both left alone meanwhile.

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>

#include <memory>
#include <vector>

class QFile;
class QTimer;

namespace Ankra::Ui {

class TextBuffer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 FirstChunk = 1 << 20;
    static constexpr qint64 IndexChunk = 4 << 20;
    static constexpr qint64 FindChunk = 8 << 20;

    explicit TextBuffer(QObject *parent = nullptr);
    ~TextBuffer() override;

    bool openFile(const QString &path, QString *error);
    void setBytes(const QByteArray &bytes);
    void clear();

    qint64 size() const { return m_size; }
    QByteArrayView bytes() const { return QByteArrayView(m_data, m_size); }

    // Lines known so far; grows until isIndexComplete(). A final '\n' does not start a line.
    qint64 lineCount() const;
    bool isIndexComplete() const { return m_complete; }
    qint64 indexedBytes() const { return m_indexed; }
    qint64 lineStart(qint64 line) const;
    // The line's bytes without its "\n" or "\r\n".
    QByteArrayView lineBytes(qint64 line) const;
    // The line containing offset, or -1 when that part of the file is not indexed yet.
    qint64 lineForOffset(qint64 offset) const;

    // Looks for needle from offset `from` (forward: matches starting at or after it; backward:
    // matches starting before it), wrapping around once. Case-insensitive matching folds ASCII
    // letters only. Reports through found()/notFound(); a new find() replaces a running one.
    void find(const QByteArray &needle, bool caseSensitive, bool forward, qint64 from);
    void cancelFind();
    bool isFinding() const { return m_find.active; }

signals:
    void linesAdded();
    void indexCompleted();
    void found(qint64 offset, qint64 length, bool wrapped);
    void notFound();

private:
    void startIndexing();
    void indexStep(qint64 budget);
    void findStep();
    qint64 searchFirst(qint64 begin, qint64 end) const;
    qint64 searchLast(qint64 begin, qint64 end) const;

    struct FindState
    {
        QByteArray needle;
        bool caseSensitive = true;
        bool forward = true;
        bool wrapped = false;
        bool active = false;
        qint64 from = 0;
        qint64 pos = 0;
    };

    std::unique_ptr<QFile> m_file;
    QByteArray m_owned;
    const char *m_data = nullptr;
    qint64 m_size = 0;
    std::vector<qint64> m_starts;
    qint64 m_indexed = 0;
    bool m_complete = true;
    FindState m_find;
    QTimer *m_indexTimer;
    QTimer *m_findTimer;
};

} // namespace Ankra::Ui

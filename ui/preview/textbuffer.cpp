#include "textbuffer.h"

#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <functional>

namespace Ankra::Ui {

namespace {

unsigned char foldAscii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

struct FoldHash
{
    std::size_t operator()(char c) const { return foldAscii(static_cast<unsigned char>(c)); }
};

struct FoldEqual
{
    bool operator()(char a, char b) const
    {
        return foldAscii(static_cast<unsigned char>(a)) == foldAscii(static_cast<unsigned char>(b));
    }
};

// Offsets of every match start in [begin, end) are passed to onHit until it returns false.
template<typename Searcher, typename OnHit>
void searchRange(const Searcher &searcher,
                 const char *data,
                 qint64 begin,
                 qint64 end,
                 qint64 needleSize,
                 OnHit onHit)
{
    const char *first = data + begin;
    const char *last = data + end;
    while (last - first >= needleSize) {
        const char *hit = std::search(first, last, searcher);
        if (hit == last || !onHit(hit - data))
            return;
        first = hit + 1;
    }
}

} // namespace

TextBuffer::TextBuffer(QObject *parent)
    : QObject(parent)
    , m_indexTimer(new QTimer(this))
    , m_findTimer(new QTimer(this))
{
    m_indexTimer->setInterval(0);
    m_findTimer->setInterval(0);
    connect(m_indexTimer, &QTimer::timeout, this, [this] { indexStep(IndexChunk); });
    connect(m_findTimer, &QTimer::timeout, this, &TextBuffer::findStep);
    m_starts.push_back(0);
}

TextBuffer::~TextBuffer() = default;

bool TextBuffer::openFile(const QString &path, QString *error)
{
    clear();
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file->errorString());
        return false;
    }
    const qint64 size = file->size();
    if (size > 0) {
        uchar *mapped = file->map(0, size);
        if (mapped) {
            m_data = reinterpret_cast<const char *>(mapped);
        } else {
            // Some file systems cannot map; read instead (fine for what they hold).
            m_owned = file->readAll();
            if (m_owned.size() != size) {
                if (error)
                    *error = tr("Cannot read %1: %2").arg(path, file->errorString());
                m_owned.clear();
                return false;
            }
            m_data = m_owned.constData();
        }
    }
    m_size = size;
    m_file = std::move(file);
    startIndexing();
    return true;
}

void TextBuffer::setBytes(const QByteArray &bytes)
{
    clear();
    m_owned = bytes;
    m_data = m_owned.constData();
    m_size = m_owned.size();
    startIndexing();
}

void TextBuffer::clear()
{
    cancelFind();
    m_indexTimer->stop();
    m_data = nullptr;
    m_size = 0;
    m_owned.clear();
    m_file.reset(); // unmaps
    m_starts.assign(1, 0);
    m_indexed = 0;
    m_complete = true;
}

void TextBuffer::startIndexing()
{
    m_complete = false;
    indexStep(FirstChunk);
    if (!m_complete)
        m_indexTimer->start();
}

void TextBuffer::indexStep(qint64 budget)
{
    const qint64 end = std::min(m_size, m_indexed + budget);
    qint64 pos = m_indexed;
    while (pos < end) {
        const void *nl = std::memchr(m_data + pos, '\n', static_cast<size_t>(end - pos));
        if (!nl)
            break;
        pos = static_cast<const char *>(nl) - m_data + 1;
        m_starts.push_back(pos);
    }
    m_indexed = end;
    if (m_indexed >= m_size) {
        if (m_starts.size() > 1 && m_starts.back() == m_size)
            m_starts.pop_back();
        m_complete = true;
        m_indexTimer->stop();
        emit linesAdded();
        emit indexCompleted();
        return;
    }
    emit linesAdded();
}

qint64 TextBuffer::lineCount() const
{
    // While indexing, the last start begins a line whose end has not been seen yet.
    return m_complete ? qint64(m_starts.size()) : qint64(m_starts.size()) - 1;
}

qint64 TextBuffer::lineStart(qint64 line) const
{
    if (line < 0 || line >= qint64(m_starts.size()))
        return -1;
    return m_starts[size_t(line)];
}

QByteArrayView TextBuffer::lineBytes(qint64 line) const
{
    if (line < 0 || line >= lineCount())
        return {};
    const qint64 begin = m_starts[size_t(line)];
    qint64 end = (line + 1 < qint64(m_starts.size())) ? m_starts[size_t(line + 1)] - 1 : m_size;
    if (end == m_size && end > begin && m_data[end - 1] == '\n')
        --end; // the last line's newline
    if (end > begin && m_data[end - 1] == '\r')
        --end;
    return QByteArrayView(m_data + begin, end - begin);
}

qint64 TextBuffer::lineForOffset(qint64 offset) const
{
    if (offset < 0 || offset > m_size || (!m_complete && offset >= m_starts.back()))
        return -1;
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    return qint64(it - m_starts.begin()) - 1;
}

void TextBuffer::find(const QByteArray &needle, bool caseSensitive, bool forward, qint64 from)
{
    cancelFind();
    if (needle.isEmpty() || m_size == 0) {
        QTimer::singleShot(0, this, &TextBuffer::notFound);
        return;
    }
    m_find.needle = needle;
    m_find.caseSensitive = caseSensitive;
    m_find.forward = forward;
    m_find.wrapped = false;
    m_find.from = std::clamp<qint64>(from, 0, m_size);
    m_find.pos = m_find.from;
    m_find.active = true;
    // The first step runs from the event loop too: results always arrive asynchronously.
    m_findTimer->start();
}

void TextBuffer::cancelFind()
{
    m_find.active = false;
    m_findTimer->stop();
}

qint64 TextBuffer::searchFirst(qint64 begin, qint64 end) const
{
    const QByteArray &n = m_find.needle;
    qint64 result = -1;
    auto onHit = [&result](qint64 hit) {
        result = hit;
        return false;
    };
    if (m_find.caseSensitive) {
        const std::boyer_moore_horspool_searcher searcher(n.cbegin(), n.cend());
        searchRange(searcher, m_data, begin, end, n.size(), onHit);
    } else {
        const std::boyer_moore_horspool_searcher searcher(n.cbegin(),
                                                          n.cend(),
                                                          FoldHash(),
                                                          FoldEqual());
        searchRange(searcher, m_data, begin, end, n.size(), onHit);
    }
    return result;
}

qint64 TextBuffer::searchLast(qint64 begin, qint64 end) const
{
    const QByteArray &n = m_find.needle;
    qint64 result = -1;
    auto onHit = [&result](qint64 hit) {
        result = hit;
        return true;
    };
    if (m_find.caseSensitive) {
        const std::boyer_moore_horspool_searcher searcher(n.cbegin(), n.cend());
        searchRange(searcher, m_data, begin, end, n.size(), onHit);
    } else {
        const std::boyer_moore_horspool_searcher searcher(n.cbegin(),
                                                          n.cend(),
                                                          FoldHash(),
                                                          FoldEqual());
        searchRange(searcher, m_data, begin, end, n.size(), onHit);
    }
    return result;
}

void TextBuffer::findStep()
{
    if (!m_find.active)
        return;
    const qint64 n = m_find.needle.size();
    auto finish = [this](qint64 hit) {
        cancelFind();
        if (hit >= 0)
            emit found(hit, m_find.needle.size(), m_find.wrapped);
        else
            emit notFound();
    };
    if (m_find.forward) {
        // Pass 1 covers match starts in [from, size), pass 2 (wrapped) those in [0, from).
        const qint64 limit = m_find.wrapped ? m_find.from : m_size;
        const qint64 chunkEnd = std::min(m_find.pos + FindChunk, limit);
        const qint64 hit = searchFirst(m_find.pos, std::min(m_size, chunkEnd + n - 1));
        if (hit >= 0 && hit < limit)
            return finish(hit);
        m_find.pos = chunkEnd;
        if (m_find.pos >= limit) {
            if (m_find.wrapped || m_find.from == 0)
                return finish(-1);
            m_find.wrapped = true;
            m_find.pos = 0;
        }
    } else {
        // Pass 1 covers match starts in [0, from), pass 2 (wrapped) those in [from, size).
        const qint64 low = m_find.wrapped ? m_find.from : 0;
        const qint64 chunkBegin = std::max(low, m_find.pos - FindChunk);
        const qint64 hit = searchLast(chunkBegin, std::min(m_size, m_find.pos + n - 1));
        if (hit >= 0)
            return finish(hit);
        m_find.pos = chunkBegin;
        if (m_find.pos <= low) {
            if (m_find.wrapped || m_find.from == m_size)
                return finish(-1);
            m_find.wrapped = true;
            m_find.pos = m_size;
        }
    }
}

} // namespace Ankra::Ui

#include "wire/pagereader.h"

#include "wire/json.h"
#include "wire/timestamp_p.h"

#include <array>
#include <cstring>
#include <limits>

namespace Ankra::Wire {

namespace {

constexpr int MaxDepth = 32; // deeper unknown values go to the general path (limit 1024 there)

// Strict UTF-8 (RFC 3629). Noncharacters are refused too: whatever the general parser makes of
// them, the fast path leaves it to it.
bool isPlainUtf8(const uchar *p, const uchar *end)
{
    while (p < end) {
        const uint c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int more;
        char32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= more)
            return false;
        for (int i = 1; i <= more; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF)
            || (cp & 0xFFFE) == 0xFFFE)
            return false;
        p += more + 1;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The bytes between a string's quotes.
struct Token
{
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escaped = false;
    bool ascii = true;

    QByteArrayView bytes() const { return QByteArrayView(begin, end - begin); }
};

// Decodes a string token; false when the fast path does not take it.
bool decode(const Token &t, QString &out)
{
    if (!t.escaped) {
        if (t.ascii) {
            out = QString::fromLatin1(t.bytes());
            return true;
        }
        if (!isPlainUtf8(reinterpret_cast<const uchar *>(t.begin),
                         reinterpret_cast<const uchar *>(t.end)))
            return false;
        out = QString::fromUtf8(t.bytes());
        return true;
    }
    out.clear();
    out.reserve(t.end - t.begin);
    const char *p = t.begin;
    while (p < t.end) {
        const char *run = p;
        while (p < t.end && *p != '\\')
            ++p;
        if (p > run) {
            if (!isPlainUtf8(reinterpret_cast<const uchar *>(run),
                             reinterpret_cast<const uchar *>(p)))
                return false;
            out += QString::fromUtf8(run, p - run);
        }
        if (p == t.end)
            break;
        if (t.end - p < 2)
            return false;
        const char e = p[1];
        p += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out += QLatin1Char(e);
            break;
        case 'b':
            out += QChar(0x08);
            break;
        case 'f':
            out += QChar(0x0C);
            break;
        case 'n':
            out += QChar(0x0A);
            break;
        case 'r':
            out += QChar(0x0D);
            break;
        case 't':
            out += QChar(0x09);
            break;
        case 'u': {
            const auto unit = [&p, &t](char16_t &value) {
                if (t.end - p < 4)
                    return false;
                value = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(p[i]);
                    if (h < 0)
                        return false;
                    value = char16_t(value * 16 + h);
                }
                p += 4;
                return true;
            };
            char16_t high;
            if (!unit(high) || high == 0 || QChar::isLowSurrogate(high))
                return false;
            if (QChar::isHighSurrogate(high)) {
                char16_t low;
                if (t.end - p < 2 || p[0] != '\\' || p[1] != 'u')
                    return false;
                p += 2;
                if (!unit(low) || !QChar::isLowSurrogate(low))
                    return false;
                const char32_t cp = QChar::surrogateToUcs4(high, low);
                if ((cp & 0xFFFE) == 0xFFFE)
                    return false;
                out += QChar(high);
                out += QChar(low);
            } else {
                if ((high >= 0xFDD0 && high <= 0xFDEF) || (high & 0xFFFE) == 0xFFFE)
                    return false;
                out += QChar(high);
            }
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

// Short values that repeat from row to row (status, category, ...) share one QString.
class Interner
{
public:
    bool get(const Token &t, QString &out)
    {
        if (t.escaped || !t.ascii || t.end - t.begin > 64)
            return decode(t, out);
        const QByteArrayView bytes = t.bytes();
        for (const Entry &e : m_entries) {
            if (!e.text.isNull() && e.bytes == bytes) {
                out = e.text;
                return true;
            }
        }
        out = QString::fromLatin1(bytes);
        Entry &slot = m_entries[m_next++ % m_entries.size()];
        slot.bytes = bytes.toByteArray();
        slot.text = out;
        return true;
    }

private:
    struct Entry
    {
        QByteArray bytes;
        QString text;
    };
    std::array<Entry, 8> m_entries;
    size_t m_next = 0;
};

class PageReader
{
public:
    explicit PageReader(QByteArrayView body)
        : m_p(body.data())
        , m_end(body.data() + body.size())
    {}

    std::optional<TicketPage> read();

private:
    enum Field {
        Id,
        TicketNumber,
        ClusterId,
        ClusterName,
        Source,
        Category,
        Subject,
        Status,
        Severity,
        AiReviewStatus,
        Tracked,
        CreatedAt,
        UpdatedAt,
        FieldCount
    };

    void space()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(char c)
    {
        space();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    bool next(char c)
    {
        space();
        return m_p < m_end && *m_p == c;
    }

    bool literal(QByteArrayView word)
    {
        space();
        const qsizetype n = word.size();
        if (m_end - m_p < n || std::memcmp(m_p, word.data(), size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    }

    // Whether one of the 8 bytes at p is '"', '\\', a control character or not ASCII: a string's
    // bytes are scanned a word at a time (byte by byte, scanning was a fifth of the parse). May
    // say yes for a plain byte that follows one that needs a look (a borrow), never no for one.
    static bool needsALook(const char *p)
    {
        constexpr quint64 Ones = 0x0101010101010101ULL;
        constexpr quint64 Highs = 0x8080808080808080ULL;
        quint64 w;
        std::memcpy(&w, p, sizeof w);
        const auto hasZeroByte = [](quint64 v) { return (v - Ones) & ~v & Highs; };
        const quint64 control = (w - 0x20 * Ones) & ~w & Highs; // bytes below 0x20
        return ((w & Highs) | control | hasZeroByte(w ^ ('"' * Ones))
                | hasZeroByte(w ^ ('\\' * Ones)))
               != 0;
    }

    bool string(Token &t)
    {
        space();
        if (m_p >= m_end || *m_p != '"')
            return false;
        ++m_p;
        t = Token{m_p, nullptr, false, true};
        while (m_p < m_end) {
            // Eight plain bytes at a time; the first that needs a look is taken one by one.
            while (m_end - m_p >= 8 && !needsALook(m_p))
                m_p += 8;
            if (m_p >= m_end)
                break;
            const uchar c = uchar(*m_p);
            if (c == '"') {
                t.end = m_p++;
                return true;
            }
            if (c == '\\') {
                if (m_end - m_p < 2)
                    return false;
                t.escaped = true;
                m_p += 2; // the escaped character is checked by decode()
                continue;
            }
            if (c < 0x20)
                return false;
            if (c >= 0x80)
                t.ascii = false;
            ++m_p;
        }
        return false;
    }

    // A key; escaped keys go to the general path (they could spell a known name).
    bool key(Token &t)
    {
        if (!string(t) || t.escaped || !consume(':'))
            return false;
        return t.ascii
               || isPlainUtf8(reinterpret_cast<const uchar *>(t.begin),
                              reinterpret_cast<const uchar *>(t.end));
    }

    // A non-negative integer written as plain digits (at most 15: exact as a double).
    bool integer(qint64 &value)
    {
        space();
        const char *start = m_p;
        value = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            if (m_p - start == 15)
                return false; // more digits than a double holds exactly (and no overflow)
            value = value * 10 + (*m_p - '0');
            ++m_p;
        }
        const qsizetype digits = m_p - start;
        if (digits == 0 || (digits > 1 && *start == '0'))
            return false;
        return m_p == m_end || (*m_p != '.' && *m_p != 'e' && *m_p != 'E');
    }

    // A number anywhere else: validated, not converted. No exponents, at most 15 integer digits.
    bool skipNumber()
    {
        space();
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        const char *start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        const qsizetype digits = m_p - start;
        if (digits == 0 || digits > 15 || (digits > 1 && *start == '0'))
            return false;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            const char *fraction = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == fraction || m_p - fraction > 30)
                return false;
        }
        return m_p == m_end || (*m_p != 'e' && *m_p != 'E');
    }

    bool skipValue(int depth)
    {
        if (depth > MaxDepth)
            return false;
        space();
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '"': {
            Token t;
            QString ignored;
            return string(t) && (t.ascii && !t.escaped ? true : decode(t, ignored));
        }
        case '{': {
            ++m_p;
            if (consume('}'))
                return true;
            do {
                Token k;
                QString ignored;
                if (!string(k) || !consume(':') || ((k.escaped || !k.ascii) && !decode(k, ignored))
                    || !skipValue(depth + 1))
                    return false;
            } while (consume(','));
            return consume('}');
        }
        case '[': {
            ++m_p;
            if (consume(']'))
                return true;
            do {
                if (!skipValue(depth + 1))
                    return false;
            } while (consume(','));
            return consume(']');
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return skipNumber();
        }
    }

    // null -> empty, as Reader::optionalString.
    bool optionalString(Interner *interner, QString &out)
    {
        if (next('n'))
            return literal("null");
        Token t;
        if (!string(t))
            return false;
        return interner ? interner->get(t, out) : decode(t, out);
    }

    bool requiredString(Interner *interner, QString &out)
    {
        Token t;
        if (!string(t))
            return false;
        return interner ? interner->get(t, out) : decode(t, out);
    }

    bool time(QDateTime &out)
    {
        Token t;
        if (!string(t))
            return false;
        if (!t.escaped && t.ascii) {
            // A ticket nobody changed was updated when created: the same text twice in a row.
            const QByteArrayView bytes = t.bytes();
            if (bytes == m_lastTimeText && m_lastTime.isValid()) {
                out = m_lastTime;
                return true;
            }
            if (std::optional<QDateTime> fast = Detail::parseUtcTimestampFast(bytes)) {
                out = *fast;
                m_lastTimeText = bytes;
                m_lastTime = out;
                return true;
            }
        }
        QString text;
        if (!decode(t, text))
            return false;
        out = parseTimestamp(text);
        return out.isValid();
    }

    // Lengths known at compile time (a const char * table cost a strlen per try: 14 % of the
    // parse).
    static constexpr std::array<QByteArrayView, FieldCount> FieldNames
        = {QByteArrayView("id"),
           QByteArrayView("ticket_number"),
           QByteArrayView("cluster_id"),
           QByteArrayView("cluster_name"),
           QByteArrayView("source"),
           QByteArrayView("category"),
           QByteArrayView("subject"),
           QByteArrayView("status"),
           QByteArrayView("severity"),
           QByteArrayView("ai_review_status"),
           QByteArrayView("is_tracked_by_team"),
           QByteArrayView("created_at"),
           QByteArrayView("updated_at")};

    // The field named `name`, or -1; `expected` is tried first.
    static int fieldOf(QByteArrayView name, int expected);
    // Whether the next key is exactly `field`'s name, unescaped, and its colon: read then (1).
    // 0 when it is anything else (nothing read), -1 when the colon is missing. The server
    // writes the fields of every row in one order: the key the previous row had at this place
    // is compared in place, without scanning it as a string first.
    int expectKey(int field);
    bool readTicket(TicketSummary &t);
    bool readRows(QList<TicketSummary> &rows, qint64 expected);
    bool readPagination(std::array<std::optional<qint64>, 4> &values);

    // For each field (and the start of an object, FieldCount), the field that followed it in
    // the previous row: the one tried first.
    std::array<int, FieldCount + 1> m_follows{};
    const char *m_p;
    const char *m_end;
    QByteArrayView m_lastTimeText; // the last timestamp read fast, and its value
    QDateTime m_lastTime;
    Interner m_status;
    Interner m_source;
    Interner m_category;
    Interner m_severity;
    Interner m_review;
    Interner m_clusterId;
    Interner m_clusterName;
};

int PageReader::fieldOf(QByteArrayView name, int expected)
{
    if (expected >= 0 && expected < FieldCount && name == FieldNames[size_t(expected)])
        return expected;
    for (int i = 0; i < FieldCount; ++i)
        if (name == FieldNames[size_t(i)])
            return i;
    return -1;
}

int PageReader::expectKey(int field)
{
    if (field < 0 || field >= FieldCount)
        return 0;
    space();
    const QByteArrayView name = FieldNames[size_t(field)];
    const qsizetype n = name.size();
    if (m_end - m_p < n + 2 || m_p[0] != '"' || m_p[n + 1] != '"'
        || std::memcmp(m_p + 1, name.data(), size_t(n)) != 0)
        return 0;
    m_p += n + 2;
    return consume(':') ? 1 : -1;
}

bool PageReader::readTicket(TicketSummary &t)
{
    if (!consume('{'))
        return false;
    uint seen = 0;
    int previous = FieldCount; // the start of the object
    if (!consume('}')) {
        do {
            const int guess = m_follows[size_t(previous)];
            int field = guess;
            if (const int expected = expectKey(guess); expected < 0) {
                return false;
            } else if (expected == 0) {
                Token k;
                if (!key(k))
                    return false;
                field = fieldOf(k.bytes(), guess);
            }
            if (field < 0) {
                if (!skipValue(3))
                    return false;
                continue;
            }
            if (seen & (1u << field))
                return false; // a repeated field: which one counts is the general path's call
            seen |= 1u << field;
            m_follows[size_t(previous)] = field; // this server's order of the fields
            previous = field;
            bool ok = false;
            switch (Field(field)) {
            case Id:
                ok = requiredString(nullptr, t.id);
                break;
            case TicketNumber:
                if (next('n')) {
                    ok = literal("null");
                } else {
                    qint64 n = 0;
                    ok = integer(n);
                    t.ticketNumber = n;
                }
                break;
            case ClusterId:
                ok = optionalString(&m_clusterId, t.clusterId);
                break;
            case ClusterName:
                ok = optionalString(&m_clusterName, t.clusterName);
                break;
            case Source:
                ok = optionalString(&m_source, t.source);
                break;
            case Category:
                ok = optionalString(&m_category, t.category);
                break;
            case Subject:
                ok = requiredString(nullptr, t.subject);
                break;
            case Status:
                ok = requiredString(&m_status, t.status);
                break;
            case Severity:
                ok = optionalString(&m_severity, t.severity);
                break;
            case AiReviewStatus:
                ok = optionalString(&m_review, t.aiReviewStatus);
                break;
            case Tracked:
                if (next('t')) {
                    ok = literal("true");
                    t.trackedByTeam = true;
                } else if (next('f')) {
                    ok = literal("false");
                } else {
                    ok = literal("null");
                }
                break;
            case CreatedAt:
                ok = time(t.createdAt);
                break;
            case UpdatedAt:
                ok = time(t.updatedAt);
                break;
            case FieldCount:
                break;
            }
            if (!ok)
                return false;
        } while (consume(','));
        if (!consume('}'))
            return false;
    }
    constexpr uint required = (1u << Id) | (1u << Subject) | (1u << Status) | (1u << CreatedAt)
                              | (1u << UpdatedAt);
    return (seen & required) == required;
}

bool PageReader::readRows(QList<TicketSummary> &rows, qint64 expected)
{
    if (!consume('['))
        return false;
    // The page size from the pagination when the server sent it first (ours does): the rows
    // are not moved as the list grows. Never more than the body could hold (a row takes well
    // over 64 bytes): a bogus page size reserves nothing much.
    constexpr qint64 LeastRowBytes = 64;
    rows.reserve(qMin(expected, (m_end - m_p) / LeastRowBytes));
    if (consume(']'))
        return true;
    do {
        TicketSummary &t = rows.emplace_back();
        if (!readTicket(t))
            return false;
    } while (consume(','));
    return consume(']');
}

bool PageReader::readPagination(std::array<std::optional<qint64>, 4> &values)
{
    if (next('n'))
        return literal("null");
    if (!consume('{'))
        return false;
    if (consume('}'))
        return true;
    static constexpr std::array<QByteArrayView, 4> names = {QByteArrayView("page"),
                                                            QByteArrayView("page_size"),
                                                            QByteArrayView("total_pages"),
                                                            QByteArrayView("total_count")};
    uint seen = 0;
    do {
        Token k;
        if (!key(k))
            return false;
        int field = -1;
        for (int i = 0; i < 4; ++i)
            if (k.bytes() == names[size_t(i)])
                field = i;
        if (field < 0) {
            if (!skipValue(2))
                return false;
            continue;
        }
        if (seen & (1u << field))
            return false;
        seen |= 1u << field;
        if (next('n')) {
            if (!literal("null"))
                return false;
            continue;
        }
        qint64 n = 0;
        if (!integer(n) || (field < 3 && n > std::numeric_limits<int>::max()))
            return false;
        values[size_t(field)] = n;
    } while (consume(','));
    return consume('}');
}

std::optional<TicketPage> PageReader::read()
{
    if (!consume('{'))
        return std::nullopt;
    TicketPage page;
    std::array<std::optional<qint64>, 4> pagination; // page, page_size, total_pages, total_count
    bool haveResult = false;
    bool havePagination = false;
    if (!consume('}')) {
        do {
            Token k;
            if (!key(k))
                return std::nullopt;
            const QByteArrayView name = k.bytes();
            if (name == QByteArrayView("result")) {
                if (haveResult || !readRows(page.result, pagination[1].value_or(0)))
                    return std::nullopt;
                haveResult = true;
            } else if (name == QByteArrayView("pagination")) {
                if (havePagination || !readPagination(pagination))
                    return std::nullopt;
                havePagination = true;
            } else if (!skipValue(1)) {
                return std::nullopt;
            }
        } while (consume(','));
        if (!consume('}'))
            return std::nullopt;
    }
    space();
    if (m_p != m_end || !haveResult)
        return std::nullopt;
    const qint64 rows = page.result.size();
    page.pagination.page = int(pagination[0].value_or(1));
    page.pagination.pageSize = int(pagination[1].value_or(rows));
    page.pagination.totalPages = int(pagination[2].value_or(1));
    page.pagination.totalCount = pagination[3].value_or(rows);
    return page;
}

} // namespace

std::optional<TicketPage> readTicketPageFast(QByteArrayView body)
{
    return PageReader(body).read();
}

} // namespace Ankra::Wire

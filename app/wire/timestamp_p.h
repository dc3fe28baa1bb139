#pragma once

// Internal to app/wire: the common case of RFC 3339 timestamps, UTC with "Z" and zero or three
// fractional digits ("2026-11-26T23:05:39.462Z"), read directly. QDateTime::fromString was a
// tenth of parsing a list page (bench_client P1). Anything else (offsets, other precisions)
// returns nullopt and the caller takes the general path (parseTimestamp). One template for
// QStringView (json.cpp) and the bytes of a body (pagereader.cpp).

#include <QDateTime>

#include <optional>

namespace Ankra::Wire::Detail {

inline char16_t codeUnit(QChar c)
{
    return c.unicode();
}

inline char16_t codeUnit(char c)
{
    return char16_t(uchar(c));
}

template<typename View>
std::optional<QDateTime> parseUtcTimestampFast(View s)
{
    if ((s.size() != 20 && s.size() != 24) || codeUnit(s[s.size() - 1]) != u'Z')
        return std::nullopt;
    const auto number = [&](qsizetype at, qsizetype digits, int &out) {
        out = 0;
        for (qsizetype i = at; i < at + digits; ++i) {
            const char16_t c = codeUnit(s[i]);
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    const auto is = [&](qsizetype at, char16_t c) { return codeUnit(s[at]) == c; };
    int year, month, day, hour, minute, second, ms = 0;
    if (!is(4, u'-') || !is(7, u'-') || !is(10, u'T') || !is(13, u':') || !is(16, u':')
        || !number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day) || !number(11, 2, hour)
        || !number(14, 2, minute) || !number(17, 2, second))
        return std::nullopt;
    if (s.size() == 24 && (!is(19, u'.') || !number(20, 3, ms)))
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace Ankra::Wire::Detail

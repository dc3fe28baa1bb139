#include "linehighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Theme>

#include <QColor>
#include <QFont>

namespace Ankra::Ui {

namespace {
// Beyond this many cached lines the cache starts over; checkpoints are kept.
constexpr qsizetype MaxCachedLines = 20'000;
} // namespace

LineHighlighter::LineHighlighter(LineText lineText)
    : m_lineText(std::move(lineText))
{}

void LineHighlighter::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    AbstractHighlighter::setDefinition(definition);
    reset();
}

void LineHighlighter::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    AbstractHighlighter::setTheme(theme);
    m_charFormats.clear();
    m_lines.clear(); // the states stay valid, the colours do not
}

void LineHighlighter::reset()
{
    m_lines.clear();
    m_checkpoints.clear();
}

QList<QTextLayout::FormatRange> LineHighlighter::formats(qint64 line)
{
    if (line < 0 || !definition().isValid())
        return {};
    const auto cached = m_lines.constFind(line);
    if (cached != m_lines.cend())
        return cached->formats;
    if (m_lines.size() > MaxCachedLines)
        m_lines.clear();

    // Start after the nearest cached line, else at the checkpoint at or before `line`.
    const qint64 checkpoint = line - line % CheckpointInterval;
    qint64 start = line;
    while (start > checkpoint && !m_lines.contains(start - 1))
        --start;
    KSyntaxHighlighting::State state = start > checkpoint ? m_lines.value(start - 1).endState
                                                          : m_checkpoints.value(checkpoint);
    if (start == checkpoint)
        m_checkpoints.insert(checkpoint, state);

    QList<QTextLayout::FormatRange> result;
    for (qint64 current = start; current <= line; ++current) {
        Line entry;
        m_collecting = &entry.formats;
        entry.endState = highlightLine(m_lineText(current), state);
        m_collecting = nullptr;
        state = entry.endState;
        if ((current + 1) % CheckpointInterval == 0)
            m_checkpoints.insert(current + 1, state);
        if (current == line)
            result = entry.formats;
        m_lines.insert(current, std::move(entry));
    }
    return result;
}

void LineHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!m_collecting || length <= 0 || !format.isValid() || format.isDefaultTextStyle(theme()))
        return;
    m_collecting->append({offset, length, charFormat(format)});
}

QTextCharFormat LineHighlighter::charFormat(const KSyntaxHighlighting::Format &format)
{
    const auto cached = m_charFormats.constFind(format.id());
    if (cached != m_charFormats.cend())
        return *cached;
    const KSyntaxHighlighting::Theme t = theme();
    QTextCharFormat result;
    if (format.hasTextColor(t))
        result.setForeground(format.textColor(t));
    if (format.hasBackgroundColor(t))
        result.setBackground(format.backgroundColor(t));
    if (format.isBold(t))
        result.setFontWeight(QFont::Bold);
    if (format.isItalic(t))
        result.setFontItalic(true);
    if (format.isUnderline(t))
        result.setFontUnderline(true);
    if (format.isStrikeThrough(t))
        result.setFontStrikeOut(true);
    m_charFormats.insert(format.id(), result);
    return result;
}

} // namespace Ankra::Ui

#pragma once

// Highlights single lines of a large text on demand (only what is painted), with
// KSyntaxHighlighting. Results are cached per line together with the state at the line's end,
// and the state at the start of every CheckpointInterval-th line is kept, so scrolling
// highlights from the nearest known state. Trade-off: when the view jumps far ahead (go to
// line, find, dragging the scroll bar) and the checkpoint there was never reached, highlighting
// restarts from a default state at that checkpoint instead of running through every line
// before it. For logs, YAML and JSON documents of that size the state rarely spans lines;
// a multi-line construct open across the checkpoint may be coloured wrongly until then.

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/State>

#include <QHash>
#include <QList>
#include <QTextCharFormat>
#include <QTextLayout>

#include <functional>

namespace Ankra::Ui {

class LineHighlighter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    static constexpr qint64 CheckpointInterval = 250;
    using LineText = std::function<QString(qint64 line)>;

    explicit LineHighlighter(LineText lineText);

    void setDefinition(const KSyntaxHighlighting::Definition &definition) override;
    void setTheme(const KSyntaxHighlighting::Theme &theme) override;

    // Formats of the line's non-default text; empty for plain text.
    QList<QTextLayout::FormatRange> formats(qint64 line);
    // Forgets every cached result (the text changed).
    void reset();

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    struct Line
    {
        QList<QTextLayout::FormatRange> formats;
        KSyntaxHighlighting::State endState;
    };

    QTextCharFormat charFormat(const KSyntaxHighlighting::Format &format);

    LineText m_lineText;
    QHash<qint64, Line> m_lines;
    QHash<qint64, KSyntaxHighlighting::State> m_checkpoints;
    QHash<quint16, QTextCharFormat> m_charFormats;
    QList<QTextLayout::FormatRange> *m_collecting = nullptr;
};

} // namespace Ankra::Ui

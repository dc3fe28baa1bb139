#include "largetextview.h"

#include "linehighlighter.h"
#include "textbuffer.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cmath>

namespace Ankra::Ui {

namespace {
constexpr int TextMargin = 4;
constexpr int GutterPadding = 6;
constexpr int TabWidth = 4;
constexpr qreal NoWrapWidth = 1e7;

QColor editorColor(const KSyntaxHighlighting::Theme &theme,
                   KSyntaxHighlighting::Theme::EditorColorRole role)
{
    return QColor::fromRgba(theme.editorColor(role));
}
} // namespace

LargeTextView::LargeTextView(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_repository(repository)
    , m_buffer(new TextBuffer(this))
    , m_highlighter(
          std::make_unique<LineHighlighter>([this](qint64 line) { return lineText(line); }))
{
    setObjectName(QStringLiteral("previewTextView"));
    setAccessibleName(tr("File contents"));
    setAccessibleDescription(tr("Read-only view of the file with line numbers"));
    setFocusPolicy(Qt::StrongFocus);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewport()->setCursor(Qt::IBeamCursor);
    updateMetrics();
    applyTheme();
    connect(m_buffer, &TextBuffer::linesAdded, this, &LargeTextView::onLinesAdded);
    connect(m_buffer, &TextBuffer::found, this, &LargeTextView::onFound);
    connect(m_buffer, &TextBuffer::notFound, this, [this] { emit findFinished(false, false); });
}

LargeTextView::~LargeTextView() = default;

bool LargeTextView::openFile(const QString &path, QString *error)
{
    reset();
    const bool ok = m_buffer->openFile(path, error);
    onLinesAdded();
    return ok;
}

void LargeTextView::setBytes(const QByteArray &bytes)
{
    reset();
    m_buffer->setBytes(bytes);
    onLinesAdded();
}

void LargeTextView::clear()
{
    reset();
    m_buffer->clear();
    onLinesAdded();
}

void LargeTextView::reset()
{
    m_highlighter->reset();
    m_selectionAnchor = m_selectionCursor = -1;
    m_match = m_pendingMatch = Match();
    m_maxLineWidth = 0;
    m_lastLineCount = -1;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
}

void LargeTextView::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    m_definition = definition;
    m_highlighter->setDefinition(definition);
    viewport()->update();
}

void LargeTextView::setWordWrap(bool on)
{
    if (m_wrap == on)
        return;
    m_wrap = on;
    setHorizontalScrollBarPolicy(on ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

qint64 LargeTextView::lineCount() const
{
    return m_buffer->lineCount();
}

qint64 LargeTextView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

qint64 LargeTextView::lastVisibleLine()
{
    const qint64 lines = lineCount();
    qint64 line = firstVisibleLine();
    int y = 0;
    while (line < lines) {
        y += lineHeight(line);
        if (y >= viewport()->height())
            break;
        ++line;
    }
    return std::min(line, lines - 1);
}

bool LargeTextView::isLineFullyVisible(qint64 line)
{
    const qint64 first = firstVisibleLine();
    if (line < first || line >= lineCount())
        return false;
    int bottom = 0;
    for (qint64 current = first; current <= line; ++current) {
        bottom += lineHeight(current);
        if (bottom > viewport()->height())
            return current == first; // a line taller than the view counts when it is on top
    }
    return true;
}

int LargeTextView::visualRowCount(qint64 line)
{
    QTextLayout layout;
    layoutLine(layout, line, false);
    return std::max(1, layout.lineCount());
}

int LargeTextView::lineNumberAreaWidth() const
{
    int digits = 1;
    for (qint64 n = std::max<qint64>(lineCount(), 1); n >= 10; n /= 10)
        ++digits;
    digits = std::max(digits, 3);
    return int(m_charWidth * digits + 0.5) + 2 * GutterPadding;
}

int LargeTextView::textLeft() const
{
    return lineNumberAreaWidth() + TextMargin;
}

int LargeTextView::textWidth() const
{
    return std::max(int(m_charWidth * 8), viewport()->width() - textLeft() - TextMargin);
}

QString LargeTextView::lineText(qint64 line) const
{
    QByteArrayView bytes = m_buffer->lineBytes(line);
    if (bytes.size() <= MaxDisplayedLineBytes)
        return QString::fromUtf8(bytes);
    qint64 cut = MaxDisplayedLineBytes;
    while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 sequence
    return QString::fromUtf8(bytes.first(cut)) + QChar(0x2026);
}

QList<QTextLayout::FormatRange> LargeTextView::lineFormats(qint64 line)
{
    return m_highlighter->formats(line);
}

void LargeTextView::layoutLine(QTextLayout &layout, qint64 line, bool withFormats)
{
    layout.setText(lineText(line));
    layout.setFont(font());
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(m_charWidth * TabWidth);
    layout.setTextOption(option);
    if (withFormats) {
        QList<QTextLayout::FormatRange> formats = m_highlighter->formats(line);
        if (line == m_match.line && m_match.columns > 0) {
            QTextCharFormat found;
            found.setBackground(editorColor(m_theme, KSyntaxHighlighting::Theme::SearchHighlight));
            formats.append({m_match.column, m_match.columns, found});
        }
        layout.setFormats(formats);
    }
    const qreal width = m_wrap ? textWidth() : NoWrapWidth;
    layout.beginLayout();
    int y = 0;
    for (QTextLine row = layout.createLine(); row.isValid(); row = layout.createLine()) {
        row.setLineWidth(width);
        row.setPosition(QPointF(0, y));
        y += m_rowHeight;
    }
    layout.endLayout();
}

int LargeTextView::lineHeight(qint64 line)
{
    return m_wrap ? visualRowCount(line) * m_rowHeight : m_rowHeight;
}

qint64 LargeTextView::lineAt(int y)
{
    const qint64 lines = lineCount();
    qint64 line = firstVisibleLine();
    if (y < 0)
        return std::max<qint64>(0, line - 1);
    int bottom = 0;
    while (line < lines) {
        bottom += lineHeight(line);
        if (y < bottom)
            return line;
        ++line;
    }
    return lines - 1;
}

void LargeTextView::updateMetrics()
{
    const QFontMetricsF metrics(font());
    m_rowHeight = std::max(1, int(std::ceil(metrics.lineSpacing())));
    m_charWidth = std::max<qreal>(1, metrics.horizontalAdvance(QLatin1Char('0')));
}

void LargeTextView::applyTheme()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_theme = m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                             : KSyntaxHighlighting::Repository::LightTheme);
    m_highlighter->setTheme(m_theme);
    viewport()->update();
}

void LargeTextView::onLinesAdded()
{
    const qint64 lines = lineCount();
    if (lines != m_lastLineCount) {
        // Lines appended below the screen change nothing on it unless the gutter widens.
        const bool onScreen = m_lastLineCount < 0 || m_lastLineCount <= lastVisibleLine() + 1
                              || m_lastGutterWidth != lineNumberAreaWidth();
        m_lastLineCount = lines;
        m_lastGutterWidth = lineNumberAreaWidth();
        updateScrollBars();
        if (onScreen)
            viewport()->update();
        emit lineCountChanged(lines);
    }
    // A match found beyond the indexed part is shown once its line is known.
    if (m_pendingMatch.offset >= 0) {
        const qint64 line = m_buffer->lineForOffset(m_pendingMatch.offset);
        if (line >= 0) {
            Match match = m_pendingMatch;
            match.line = line;
            m_pendingMatch = Match();
            showMatch(match);
        }
    }
}

void LargeTextView::updateScrollBars()
{
    // The largest top line that still fills the view, found by laying out lines from the end.
    const qint64 lines = lineCount();
    const int height = viewport()->height();
    qint64 top = lines;
    int used = 0;
    while (top > 0) {
        const int h = lineHeight(top - 1);
        if (used + h > height)
            break;
        used += h;
        --top;
    }
    const qint64 maxTop = std::min<qint64>(top, std::max<qint64>(0, lines - 1));
    verticalScrollBar()->setRange(0, int(std::min<qint64>(maxTop, INT_MAX)));
    verticalScrollBar()->setSingleStep(1);
    verticalScrollBar()->setPageStep(std::max(1, height / m_rowHeight - 1));
    if (m_wrap) {
        horizontalScrollBar()->setRange(0, 0);
    } else {
        const int extra = int(std::ceil(m_maxLineWidth)) + TextMargin - textWidth();
        horizontalScrollBar()->setRange(0, std::max(0, extra));
        horizontalScrollBar()->setPageStep(textWidth());
        horizontalScrollBar()->setSingleStep(int(m_charWidth * 4));
    }
}

void LargeTextView::paintEvent(QPaintEvent *)
{
    using Theme = KSyntaxHighlighting::Theme;
    QPainter painter(viewport());
    const QRect area = viewport()->rect();
    const int gutter = lineNumberAreaWidth();
    const int left = textLeft();
    painter.fillRect(area, editorColor(m_theme, Theme::BackgroundColor));
    painter.fillRect(QRect(0, 0, gutter, area.height()), editorColor(m_theme, Theme::IconBorder));

    const QRect textArea(gutter, 0, area.width() - gutter, area.height());
    const qreal x = left - (m_wrap ? 0 : horizontalScrollBar()->value());
    const QColor textColor = QColor::fromRgba(m_theme.textColor(Theme::Normal));
    const qint64 firstSelected = std::min(m_selectionAnchor, m_selectionCursor);
    const qint64 lastSelected = std::max(m_selectionAnchor, m_selectionCursor);
    const qint64 lines = lineCount();
    qreal widest = m_maxLineWidth;
    int y = 0;
    for (qint64 line = firstVisibleLine(); line < lines && y < area.height(); ++line) {
        QTextLayout layout;
        layoutLine(layout, line, true);
        const int height = std::max(1, layout.lineCount()) * m_rowHeight;
        const bool selected = firstSelected >= 0 && line >= firstSelected && line <= lastSelected;
        if (selected)
            painter.fillRect(QRect(gutter, y, textArea.width(), height),
                             editorColor(m_theme, Theme::TextSelection));
        painter.save();
        painter.setClipRect(textArea);
        painter.setPen(textColor);
        layout.draw(&painter, QPointF(x, y));
        painter.restore();
        painter.setPen(
            editorColor(m_theme, selected ? Theme::CurrentLineNumber : Theme::LineNumbers));
        painter.drawText(QRect(0, y, gutter - GutterPadding, m_rowHeight),
                         Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(line + 1));
        if (!m_wrap && layout.lineCount() > 0)
            widest = std::max(widest, layout.lineAt(0).naturalTextWidth());
        y += height;
    }
    if (widest > m_maxLineWidth) {
        m_maxLineWidth = widest;
        QTimer::singleShot(0, this, &LargeTextView::updateScrollBars);
    }
    emit painted();
}

void LargeTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LargeTextView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LargeTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
    } else if (event->type() == QEvent::FontChange) {
        updateMetrics();
        m_maxLineWidth = 0;
        updateScrollBars();
    }
}

void LargeTextView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *vertical = verticalScrollBar();
    QScrollBar *horizontal = horizontalScrollBar();
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::Copy)) {
        copy();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->key() == Qt::Key_Up) {
        vertical->triggerAction(QAbstractSlider::SliderSingleStepSub);
    } else if (event->key() == Qt::Key_Down) {
        vertical->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    } else if (event->key() == Qt::Key_PageUp) {
        vertical->triggerAction(QAbstractSlider::SliderPageStepSub);
    } else if (event->key() == Qt::Key_PageDown) {
        vertical->triggerAction(QAbstractSlider::SliderPageStepAdd);
    } else if (event->key() == Qt::Key_Left) {
        horizontal->triggerAction(QAbstractSlider::SliderSingleStepSub);
    } else if (event->key() == Qt::Key_Right) {
        horizontal->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    } else if (event->key() == Qt::Key_Home) {
        (control ? vertical : horizontal)->triggerAction(QAbstractSlider::SliderToMinimum);
    } else if (event->key() == Qt::Key_End) {
        (control ? vertical : horizontal)->triggerAction(QAbstractSlider::SliderToMaximum);
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void LargeTextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || lineCount() == 0)
        return QAbstractScrollArea::mousePressEvent(event);
    const qint64 line = lineAt(event->position().toPoint().y());
    if (!(event->modifiers() & Qt::ShiftModifier) || m_selectionAnchor < 0)
        m_selectionAnchor = line;
    m_selectionCursor = line;
    viewport()->update();
}

void LargeTextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_selectionAnchor < 0)
        return QAbstractScrollArea::mouseMoveEvent(event);
    const int y = event->position().toPoint().y();
    if (y < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (y >= viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    m_selectionCursor = lineAt(std::clamp(y, 0, viewport()->height() - 1));
    viewport()->update();
}

void LargeTextView::selectLines(qint64 first, qint64 last)
{
    m_selectionAnchor = first;
    m_selectionCursor = last;
    viewport()->update();
}

void LargeTextView::selectAll()
{
    if (lineCount() > 0)
        selectLines(0, lineCount() - 1);
}

QString LargeTextView::selectedText() const
{
    if (m_selectionAnchor < 0 || m_selectionCursor < 0)
        return {};
    const qint64 first = std::min(m_selectionAnchor, m_selectionCursor);
    const qint64 last = std::min(std::max(m_selectionAnchor, m_selectionCursor), lineCount() - 1);
    const QByteArrayView lastBytes = m_buffer->lineBytes(last);
    const qint64 begin = m_buffer->lineStart(first);
    const qint64 end = (lastBytes.data() - m_buffer->bytes().data()) + lastBytes.size();
    if (first > last || end - begin > MaxCopyBytes)
        return {};
    QByteArray bytes;
    bytes.reserve(end - begin);
    for (qint64 line = first; line <= last; ++line) {
        bytes.append(m_buffer->lineBytes(line));
        if (line < last)
            bytes.append('\n');
    }
    return QString::fromUtf8(bytes);
}

void LargeTextView::copy()
{
    if (m_selectionAnchor < 0)
        return;
    const QString text = selectedText();
    if (text.isEmpty() && m_selectionAnchor != m_selectionCursor) {
        emit message(tr("The selection is too large to copy (more than %1).")
                         .arg(QLocale().formattedDataSize(MaxCopyBytes)));
        return;
    }
    QApplication::clipboard()->setText(text);
}

void LargeTextView::goToLine(qint64 line)
{
    if (lineCount() == 0)
        return;
    line = std::clamp<qint64>(line, 0, lineCount() - 1);
    selectLines(line, line);
    ensureLineVisible(line, true);
}

void LargeTextView::ensureLineVisible(qint64 line, bool center)
{
    if (isLineFullyVisible(line))
        return;
    qint64 top = line;
    if (center) {
        int above = (viewport()->height() - lineHeight(line)) / 2;
        while (top > 0) {
            above -= lineHeight(top - 1);
            if (above < 0)
                break;
            --top;
        }
    }
    verticalScrollBar()->setValue(int(top));
    viewport()->update();
}

void LargeTextView::find(const QString &text, bool caseSensitive, bool forward)
{
    qint64 from = m_buffer->lineStart(firstVisibleLine());
    if (m_match.offset >= 0)
        from = forward ? m_match.offset + 1 : m_match.offset;
    m_pendingMatch = Match();
    m_buffer->find(text.toUtf8(), caseSensitive, forward, std::max<qint64>(0, from));
}

void LargeTextView::onFound(qint64 offset, qint64 length, bool wrapped)
{
    Match match;
    match.offset = offset;
    match.length = length;
    match.wrapped = wrapped;
    match.line = m_buffer->lineForOffset(offset);
    if (match.line < 0) {
        m_pendingMatch = match; // shown by onLinesAdded() once indexing reaches it
        return;
    }
    showMatch(match);
}

void LargeTextView::showMatch(const Match &found)
{
    Match match = found;
    const QByteArrayView line = m_buffer->lineBytes(match.line);
    const qint64 start = match.offset - m_buffer->lineStart(match.line);
    // A match past the shown part of a cut line is scrolled to but not marked.
    if (start + match.length <= std::min(line.size(), MaxDisplayedLineBytes)) {
        match.column = int(QString::fromUtf8(line.first(start)).size());
        match.columns = int(
            QString::fromUtf8(m_buffer->bytes().sliced(match.offset, match.length)).size());
    }
    m_match = match;
    m_selectionAnchor = m_selectionCursor = -1;
    ensureLineVisible(match.line, true);
    if (!m_wrap && match.columns > 0) {
        QTextLayout layout;
        layoutLine(layout, match.line, false);
        if (layout.lineCount() > 0) {
            const QTextLine row = layout.lineAt(0);
            const int begin = int(row.cursorToX(match.column));
            const int end = int(row.cursorToX(match.column + match.columns));
            QScrollBar *horizontal = horizontalScrollBar();
            if (end > m_maxLineWidth) {
                m_maxLineWidth = row.naturalTextWidth();
                updateScrollBars();
            }
            if (begin < horizontal->value() || end > horizontal->value() + textWidth())
                horizontal->setValue(std::max(0, begin - textWidth() / 3));
        }
    }
    viewport()->update();
    emit findFinished(true, match.wrapped);
}

} // namespace Ankra::Ui

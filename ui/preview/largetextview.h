#pragma once

// A read-only viewer for texts of any size: it paints and highlights only the visible lines of
// a TextBuffer (memory-mapped), with a line-number gutter, whole-line selection and copy,
// find and go-to-line. The vertical scroll bar counts lines, not pixels, so wrapping (when on)
// lays out only the visible lines: no pass over the whole file is ever needed.

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractScrollArea>
#include <QTextLayout>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
}

namespace Ankra::Ui {

class LineHighlighter;
class TextBuffer;

class LargeTextView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // Lines longer than this are shown cut (copy still copies them whole).
    static constexpr qint64 MaxDisplayedLineBytes = 64 * 1024;
    static constexpr qint64 MaxCopyBytes = 64 << 20;

    explicit LargeTextView(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~LargeTextView() override;

    bool openFile(const QString &path, QString *error);
    void setBytes(const QByteArray &bytes);
    void clear();
    TextBuffer *buffer() const { return m_buffer; }

    void setDefinition(const KSyntaxHighlighting::Definition &definition);
    KSyntaxHighlighting::Definition definition() const { return m_definition; }
    KSyntaxHighlighting::Theme theme() const { return m_theme; }

    void setWordWrap(bool on);
    bool wordWrap() const { return m_wrap; }

    qint64 lineCount() const;
    qint64 firstVisibleLine() const;
    // The last line that is at least partly visible.
    qint64 lastVisibleLine();
    bool isLineFullyVisible(qint64 line);
    // Rows the line takes with the current width and wrap mode.
    int visualRowCount(qint64 line);
    int lineNumberAreaWidth() const;
    QString lineText(qint64 line) const;
    QList<QTextLayout::FormatRange> lineFormats(qint64 line);

    // Lines are 0-based here; the UI shows them 1-based.
    void goToLine(qint64 line);
    void find(const QString &text, bool caseSensitive, bool forward);
    qint64 matchLine() const { return m_match.line; }

    void selectLines(qint64 first, qint64 last);
    void selectAll();
    QString selectedText() const;
    void copy();

signals:
    void findFinished(bool found, bool wrapped);
    void lineCountChanged(qint64 lines);
    void painted();
    void message(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Match
    {
        qint64 offset = -1;
        qint64 length = 0;
        qint64 line = -1;
        int column = 0;
        int columns = 0;
        bool wrapped = false;
    };

    void reset();
    void applyTheme();
    void updateMetrics();
    void updateScrollBars();
    void onLinesAdded();
    void onFound(qint64 offset, qint64 length, bool wrapped);
    void showMatch(const Match &match);
    void ensureLineVisible(qint64 line, bool center);
    void layoutLine(QTextLayout &layout, qint64 line, bool withFormats);
    int lineHeight(qint64 line);
    qint64 lineAt(int y);
    int textLeft() const;
    int textWidth() const;

    KSyntaxHighlighting::Repository &m_repository;
    TextBuffer *m_buffer;
    std::unique_ptr<LineHighlighter> m_highlighter;
    KSyntaxHighlighting::Definition m_definition;
    KSyntaxHighlighting::Theme m_theme;
    bool m_wrap = false;
    int m_rowHeight = 1;
    qreal m_charWidth = 1;
    qreal m_maxLineWidth = 0;
    qint64 m_selectionAnchor = -1;
    qint64 m_selectionCursor = -1;
    Match m_match;
    Match m_pendingMatch;
    qint64 m_lastLineCount = -1;
    int m_lastGutterWidth = 0;
};

} // namespace Ankra::Ui

#include "textpreview.h"

#include "contentsniffer.h"
#include "largetextview.h"
#include "textbuffer.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

namespace Ankra::Ui {

namespace {
QToolButton *makeButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setAccessibleDescription(toolTip);
    return button;
}

QShortcut *addShortcut(const QKeySequence &keys, QWidget *parent)
{
    auto *shortcut = new QShortcut(keys, parent);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    return shortcut;
}
} // namespace

TextPreview::TextPreview(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_view(new LargeTextView(repository, this))
    , m_info(new QLabel(this))
    , m_wrap(makeButton(tr("Wrap Lines"), tr("Wrap long lines at the window edge"), this))
    , m_findBar(new QWidget(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_matchCase(new QCheckBox(tr("Match case"), m_findBar))
    , m_findStatus(new QLabel(m_findBar))
    , m_goToBar(new QWidget(this))
    , m_goToEdit(new QLineEdit(m_goToBar))
{
    setObjectName(QStringLiteral("textPreview"));
    m_info->setObjectName(QStringLiteral("textInfo"));
    m_wrap->setObjectName(QStringLiteral("wrapToggle"));
    m_wrap->setCheckable(true);
    auto *findButton = makeButton(tr("Find…"), tr("Find text in the file (Ctrl+F)"), this);
    auto *goToButton = makeButton(tr("Go to Line…"), tr("Jump to a line number (Ctrl+G)"), this);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 2);
    header->addWidget(m_info, 1);
    header->addWidget(findButton);
    header->addWidget(goToButton);
    header->addWidget(m_wrap);

    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setAccessibleName(tr("Find text"));
    m_findEdit->setAccessibleDescription(tr("Press Enter or F3 for the next match, Shift+F3 for "
                                            "the previous one"));
    m_matchCase->setObjectName(QStringLiteral("matchCaseCheck"));
    m_matchCase->setAccessibleName(tr("Match case"));
    m_matchCase->setAccessibleDescription(tr("Find only text with the same upper and lower case"));
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    auto *previous = makeButton(tr("Previous"), tr("Find the previous match (Shift+F3)"), m_findBar);
    auto *next = makeButton(tr("Next"), tr("Find the next match (F3)"), m_findBar);
    auto *closeFind = makeButton(tr("Close"), tr("Close the find bar (Esc)"), m_findBar);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(4, 2, 4, 2);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_matchCase);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(closeFind);
    m_findBar->hide();

    m_goToBar->setObjectName(QStringLiteral("goToLineBar"));
    m_goToEdit->setObjectName(QStringLiteral("goToLineEdit"));
    m_goToEdit->setAccessibleName(tr("Line number"));
    m_goToEdit->setAccessibleDescription(tr("Type a line number and press Enter"));
    m_goToEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,12}")),
                                        m_goToEdit));
    auto *goToLabel = new QLabel(tr("Go to line:"), m_goToBar);
    goToLabel->setBuddy(m_goToEdit);
    auto *closeGoTo = makeButton(tr("Close"), tr("Close the go to line bar (Esc)"), m_goToBar);
    auto *goToLayout = new QHBoxLayout(m_goToBar);
    goToLayout->setContentsMargins(4, 2, 4, 2);
    goToLayout->addWidget(goToLabel);
    goToLayout->addWidget(m_goToEdit, 1);
    goToLayout->addWidget(closeGoTo);
    m_goToBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_goToBar);

    connect(m_wrap, &QToolButton::toggled, m_view, &LargeTextView::setWordWrap);
    connect(findButton, &QToolButton::clicked, this, &TextPreview::showFindBar);
    connect(goToButton, &QToolButton::clicked, this, &TextPreview::showGoToLineBar);
    connect(next, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { findNext(true); });
    connect(closeFind, &QToolButton::clicked, this, [this] {
        m_findBar->hide();
        m_view->setFocus();
    });
    connect(m_goToEdit, &QLineEdit::returnPressed, this, &TextPreview::goToLine);
    connect(closeGoTo, &QToolButton::clicked, this, [this] {
        m_goToBar->hide();
        m_view->setFocus();
    });
    connect(m_view, &LargeTextView::findFinished, this, [this](bool found, bool wrapped) {
        if (!found)
            m_findStatus->setText(tr("Not found"));
        else
            m_findStatus->setText(wrapped ? tr("Search wrapped around") : QString());
    });
    connect(m_view, &LargeTextView::message, m_findStatus, &QLabel::setText);
    connect(m_view, &LargeTextView::lineCountChanged, this, &TextPreview::updateInfo);
    connect(m_view->buffer(), &TextBuffer::indexCompleted, this, &TextPreview::updateInfo);

    connect(addShortcut(QKeySequence::Find, this),
            &QShortcut::activated,
            this,
            &TextPreview::showFindBar);
    connect(addShortcut(QKeySequence(Qt::CTRL | Qt::Key_G), this),
            &QShortcut::activated,
            this,
            &TextPreview::showGoToLineBar);
    connect(addShortcut(QKeySequence::FindNext, this), &QShortcut::activated, this, [this] {
        findNext(true);
    });
    connect(addShortcut(QKeySequence::FindPrevious, this), &QShortcut::activated, this, [this] {
        findNext(false);
    });
    connect(addShortcut(QKeySequence(Qt::Key_Escape), m_findBar),
            &QShortcut::activated,
            closeFind,
            &QToolButton::click);
    connect(addShortcut(QKeySequence(Qt::Key_Escape), m_goToBar),
            &QShortcut::activated,
            closeGoTo,
            &QToolButton::click);
}

bool TextPreview::openFile(const QString &path, const QByteArray &head, QString *error)
{
    if (!m_view->openFile(path, error))
        return false;
    pickDefinition(path, head);
    return true;
}

void TextPreview::setBytes(const QByteArray &bytes, const QString &fileName)
{
    m_view->setBytes(bytes);
    pickDefinition(fileName, bytes.first(std::min<qsizetype>(bytes.size(), SniffBytes)));
}

void TextPreview::clear()
{
    m_view->clear();
    m_findStatus->clear();
}

void TextPreview::pickDefinition(const QString &fileName, const QByteArray &head)
{
    const QString name = fileName.section(QLatin1Char('/'), -1);
    m_view->setDefinition(Ui::pickDefinition(m_repository, name, head));
    m_findStatus->clear();
    updateInfo();
}

void TextPreview::updateInfo()
{
    const KSyntaxHighlighting::Definition definition = m_view->definition();
    const QString syntax = definition.isValid() ? definition.translatedName() : tr("Plain text");
    const qint64 lines = m_view->lineCount();
    const QString count = tr("%Ln line(s)", nullptr, int(std::min<qint64>(lines, INT_MAX)));
    const bool indexing = !m_view->buffer()->isIndexComplete();
    m_info->setText(indexing ? tr("%1 · %2 so far (reading the file…)").arg(syntax, count)
                             : tr("%1 · %2").arg(syntax, count));
    m_goToEdit->setPlaceholderText(tr("1 to %1").arg(QLocale().toString(lines)));
}

void TextPreview::showFindBar()
{
    m_goToBar->hide();
    m_findBar->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void TextPreview::showGoToLineBar()
{
    m_findBar->hide();
    m_goToBar->show();
    m_goToEdit->setFocus();
    m_goToEdit->selectAll();
}

void TextPreview::findNext(bool forward)
{
    if (m_findEdit->text().isEmpty()) {
        showFindBar();
        return;
    }
    m_findStatus->setText(tr("Searching…"));
    m_view->find(m_findEdit->text(), m_matchCase->isChecked(), forward);
}

void TextPreview::goToLine()
{
    bool ok = false;
    const qint64 line = m_goToEdit->text().toLongLong(&ok);
    if (!ok || line < 1)
        return;
    m_view->goToLine(line - 1);
    m_goToBar->hide();
    m_view->setFocus();
}

} // namespace Ankra::Ui

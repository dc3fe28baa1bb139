#include "startup/syntaxrepositoryloader.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace Ankra::Ui {

SyntaxRepositoryLoader::SyntaxRepositoryLoader(QObject *parent)
    : QObject(parent)
{
    // A timer, not a queued call: it fires only after the events already posted (the rest of
    // the paint pass, the first answers) were handled.
    m_idle.setSingleShot(true);
    m_idle.setInterval(0);
    connect(&m_idle, &QTimer::timeout, this, &SyntaxRepositoryLoader::lendNow);
}

SyntaxRepositoryLoader::~SyntaxRepositoryLoader() = default;

void SyntaxRepositoryLoader::lendAfterFirstPaint(QWidget *window, Lend lend)
{
    m_window = window;
    m_lend = std::move(lend);
    if (m_repository) {
        lendNow();
        return;
    }
    qApp->removeEventFilter(this);
    qApp->installEventFilter(this);
}

KSyntaxHighlighting::Repository *SyntaxRepositoryLoader::repository()
{
    if (!m_repository)
        m_repository = std::make_unique<KSyntaxHighlighting::Repository>();
    return m_repository.get();
}

bool SyntaxRepositoryLoader::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_window && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window() == m_window) {
        qApp->removeEventFilter(this);
        m_idle.start();
    }
    return false;
}

void SyntaxRepositoryLoader::lendNow()
{
    if (!m_window || !m_lend)
        return;
    m_lend(repository());
    m_lend = {};
}

} // namespace Ankra::Ui

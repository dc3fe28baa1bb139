#include "startup/syntaxrepositoryloader.h"

#include "startup/afterfirstpaint.h"

#include <KSyntaxHighlighting/Repository>

#include <QWidget>

namespace Ankra::Ui {

SyntaxRepositoryLoader::SyntaxRepositoryLoader(QObject *parent)
    : QObject(parent)
{}

SyntaxRepositoryLoader::~SyntaxRepositoryLoader() = default;

void SyntaxRepositoryLoader::lendAfterFirstPaint(QWidget *window, Lend lend)
{
    m_window = window;
    m_lend = std::move(lend);
    if (m_repository) {
        lendNow();
        return;
    }
    AfterFirstPaint::run(window, [self = QPointer<SyntaxRepositoryLoader>(this), window] {
        if (self && self->m_window == window)
            self->lendNow();
    });
}

KSyntaxHighlighting::Repository *SyntaxRepositoryLoader::repository()
{
    if (!m_repository)
        m_repository = std::make_unique<KSyntaxHighlighting::Repository>();
    return m_repository.get();
}

void SyntaxRepositoryLoader::lendNow()
{
    if (!m_window || !m_lend)
        return;
    m_lend(repository());
    m_lend = {};
}

} // namespace Ankra::Ui

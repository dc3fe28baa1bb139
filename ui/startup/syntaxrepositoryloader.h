#pragma once

// Loads the KSyntaxHighlighting repository (every syntax definition: 30-100 ms) only once a
// window has painted, instead of before the first window is shown (bench_client P2: cold start
// to the painted main window). A window is lent the repository through a callback when it is
// there; until then it offers no preview, exactly as without a repository.

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;
namespace KSyntaxHighlighting {
class Repository;
}

namespace Ankra::Ui {

class SyntaxRepositoryLoader : public QObject
{
    Q_OBJECT
public:
    using Lend = std::function<void(KSyntaxHighlighting::Repository *repository)>;

    explicit SyntaxRepositoryLoader(QObject *parent = nullptr);
    ~SyntaxRepositoryLoader() override;

    // Calls `lend` once `window` has painted for the first time and the event loop is idle
    // again, after the work given to AfterFirstPaint::run() for it before; at once when the
    // repository is already loaded. Replaces an earlier window.
    void lendAfterFirstPaint(QWidget *window, Lend lend);
    // The repository, loaded now when it is not yet.
    KSyntaxHighlighting::Repository *repository();

private:
    void lendNow();

    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
    QPointer<QWidget> m_window;
    Lend m_lend;
};

} // namespace Ankra::Ui

#pragma once

// The compose form of a new ticket: subject and description with counters, category with
// one-line explanations, the organisation's clusters (and the context a cluster attaches),
// and staged attachments (drop, Attach…, paste), checked against the server's limits at once
// and previewable. Every value goes straight into the SubmissionFlow; the form keeps none.

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTemporaryDir;

namespace KSyntaxHighlighting {
class Repository;
}
namespace Ankra::Review {
class SubmissionFlow;
}

namespace Ankra::Ui {

class ComposeForm : public QWidget
{
    Q_OBJECT
public:
    enum class Field { Subject, Description, Category, Cluster, Attachments };

    explicit ComposeForm(Review::SubmissionFlow *flow, QWidget *parent = nullptr);
    ~ComposeForm() override;

    void focusField(Field field);
    // Shows what the flow holds now (after a draft was restored into it).
    void reloadFromFlow();
    // Stages files, showing the reasons of refused ones; returns how many were staged.
    int stageFiles(const QStringList &paths);
    void pasteFromClipboard();
    // The message under the attachments (last refusal), empty when none.
    QString attachmentMessage() const;
    void setRepository(KSyntaxHighlighting::Repository *repository) { m_repository = repository; }
    static QString categoryExplanation(const QString &category);

signals:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateCounters();
    void updateClusters();
    void updateEnvironment();
    void updateAttachments();
    void previewCurrent();

    Review::SubmissionFlow *m_flow;
    QLineEdit *m_subject;
    QLabel *m_subjectCounter;
    QPlainTextEdit *m_description;
    QLabel *m_descriptionCounter;
    QComboBox *m_category;
    QLabel *m_categoryHelp;
    QComboBox *m_cluster;
    QLabel *m_environment;
    QListWidget *m_attachments;
    QLabel *m_attachmentMessage;
    QPushButton *m_attach;
    QPushButton *m_remove;
    QPushButton *m_preview;
    KSyntaxHighlighting::Repository *m_repository = nullptr;
    std::unique_ptr<KSyntaxHighlighting::Repository> m_ownRepository;
    std::unique_ptr<QTemporaryDir> m_pasteDir;
};

} // namespace Ankra::Ui

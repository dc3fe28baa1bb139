#pragma once

// The attachments of the open ticket: the list (name, type, size, date), Download (streamed to
// a chosen file, with progress and cancel) and Attach. Files to attach are checked against the
// server's limits first; refusals are reported with their reason before anything is sent.

#include <QTemporaryDir>
#include <QWidget>

class QPushButton;
class QTreeView;
class QVBoxLayout;

namespace Ankra::Api {
class ApiJob;
}
namespace Ankra::Models {
class TicketController;
}

namespace Ankra::Ui {

class AttachmentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentsPanel(Models::TicketController *controller, QWidget *parent = nullptr);

    // Checks each file and uploads the acceptable ones; returns the refusals (also emitted).
    QStringList attachFiles(const QStringList &paths);
    // Attaches pasted text as a .log file.
    QStringList attachText(const QString &text);
    void downloadSelected();
    int runningTransfers() const;

signals:
    void refused(const QString &reasons);

private:
    void chooseFiles();
    void addTransferRow(Api::ApiJob *job, const QString &label);
    void updateButtons();

    Models::TicketController *m_controller;
    QTreeView *m_list;
    QPushButton *m_download;
    QPushButton *m_attach;
    QWidget *m_transfers;
    QVBoxLayout *m_transfersLayout;
    QTemporaryDir m_pasteDir;
    int m_pasteCount = 0;
};

} // namespace Ankra::Ui

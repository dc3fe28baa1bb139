#pragma once

// Staff mode, above the open ticket: organisation and assignee, "Assign to me", and the
// status, severity and category choosers. Every change goes through the injected
// StaffTicketController; a refused change shows the server's reason here. The status chooser
// offers only the transitions the lifecycle allows from the current status.

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Ankra::Api {
struct ApiError;
}
namespace Ankra::Models {
class StaffTicketController;
}

namespace Ankra::Ui {

class StaffActionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StaffActionsPanel(Models::StaffTicketController *controller, QWidget *parent = nullptr);

    // Keyboard entry points: focus the chooser and open its list.
    void chooseStatus();
    void chooseSeverity();
    void chooseCategory();
    QString errorText() const;

private:
    void render();
    void showError(const Api::ApiError &error);

    Models::StaffTicketController *m_controller;
    QLabel *m_organisation;
    QLabel *m_assignee;
    QPushButton *m_assign;
    QComboBox *m_status;
    QComboBox *m_severity;
    QComboBox *m_category;
    QLabel *m_error;
};

} // namespace Ankra::Ui

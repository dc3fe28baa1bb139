#include "staff/staffactions.h"

#include "widgets/errortext.h"

#include "api/apierror.h"
#include "models/staffticketcontroller.h"
#include "wire/enums.h"
#include "wire/team.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace Ankra::Ui {

StaffActionsPanel::StaffActionsPanel(Models::StaffTicketController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("staffActions"));
    setAccessibleName(tr("Team actions"));
    m_organisation = new QLabel(this);
    m_organisation->setObjectName(QStringLiteral("staffOrganisation"));
    m_organisation->setTextFormat(Qt::PlainText);
    m_assignee = new QLabel(this);
    m_assignee->setObjectName(QStringLiteral("staffAssignee"));
    m_assignee->setTextFormat(Qt::PlainText);
    m_assign = new QPushButton(tr("Assign to me"), this);
    m_assign->setObjectName(QStringLiteral("assignToMeButton"));
    m_assign->setToolTip(tr("Take this ticket (Ctrl+Shift+M)"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setToolTip(tr("Change the status (Ctrl+Shift+S)"));
    m_status->setMinimumContentsLength(18); // "→ Waiting on customer" must stay readable
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("severityCombo"));
    m_severity->setAccessibleName(tr("Severity"));
    m_severity->setToolTip(tr("Change the severity (Ctrl+Shift+V)"));
    m_severity->addItem(tr("No severity"), QString());
    for (const QString &s : Wire::knownSeverities())
        m_severity->addItem(Wire::severityLabel(s), s);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryCombo"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setToolTip(tr("Change the category (Ctrl+Shift+C)"));
    for (const QString &c : Wire::knownCategories())
        m_category->addItem(Wire::categoryLabel(c), c);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("staffError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    setErrorLook(m_error, true);
    m_error->hide();

    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto *severityLabel = new QLabel(tr("Se&verity:"), this);
    severityLabel->setBuddy(m_severity);
    auto *categoryLabel = new QLabel(tr("Cate&gory:"), this);
    categoryLabel->setBuddy(m_category);

    auto *top = new QHBoxLayout;
    top->addWidget(m_organisation);
    top->addSpacing(12);
    top->addWidget(m_assignee, 1);
    top->addWidget(m_assign);
    // Two rows: the pane next to the queue stays narrow enough for the queue's columns.
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(statusLabel);
    statusRow->addWidget(m_status, 1);
    auto *choosers = new QHBoxLayout;
    choosers->addWidget(severityLabel);
    choosers->addWidget(m_severity, 1);
    choosers->addWidget(categoryLabel);
    choosers->addWidget(m_category, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 0);
    layout->addLayout(top);
    layout->addLayout(statusRow);
    layout->addLayout(choosers);
    layout->addWidget(m_error);

    connect(m_assign, &QPushButton::clicked, controller, [this] {
        m_error->hide();
        m_controller->assignToMe();
    });
    connect(m_status, &QComboBox::activated, this, [this](int index) {
        m_error->hide();
        m_controller->setStatus(m_status->itemData(index).toString());
    });
    connect(m_severity, &QComboBox::activated, this, [this](int index) {
        m_error->hide();
        m_controller->setSeverity(m_severity->itemData(index).toString());
    });
    connect(m_category, &QComboBox::activated, this, [this](int index) {
        m_error->hide();
        m_controller->setCategory(m_category->itemData(index).toString());
    });
    connect(controller, &Models::TicketController::ticketChanged, this, &StaffActionsPanel::render);
    connect(controller,
            &Models::StaffTicketController::teamFieldsChanged,
            this,
            &StaffActionsPanel::render);
    connect(controller,
            &Models::StaffTicketController::patchFailed,
            this,
            &StaffActionsPanel::showError);
    render();
}

void StaffActionsPanel::render()
{
    const bool has = m_controller->hasTicket();
    setEnabled(has);
    const Wire::TeamFields &team = m_controller->teamFields();
    m_organisation->setText(
        tr("Organisation: %1")
            .arg(team.organisationName.isEmpty() ? tr("unknown") : team.organisationName));
    m_assignee->setText(
        team.assigneeId.isEmpty()
            ? tr("Unassigned")
            : tr("Assigned to %1")
                  .arg(team.assigneeName.isEmpty() ? tr("someone") : team.assigneeName));
    const Wire::Ticket &t = m_controller->ticket();
    {
        // The current status first, then where it may go.
        const QSignalBlocker block(m_status);
        m_status->clear();
        if (has) {
            m_status->addItem(Wire::teamStatusLabel(t.status), t.status);
            for (const QString &next : Wire::allowedNextStatuses(t.status))
                m_status->addItem(tr("→ %1").arg(Wire::teamStatusLabel(next)), next);
        }
        m_status->setEnabled(m_status->count() > 1);
    }
    {
        const QSignalBlocker block(m_severity);
        int index = m_severity->findData(t.severity);
        if (index < 0 && !t.severity.isEmpty()) { // a value this client does not know
            m_severity->addItem(t.severity, t.severity);
            index = m_severity->count() - 1;
        }
        m_severity->setCurrentIndex(qMax(0, index));
    }
    {
        const QSignalBlocker block(m_category);
        int index = m_category->findData(t.category);
        if (index < 0 && !t.category.isEmpty()) {
            m_category->addItem(t.category, t.category);
            index = m_category->count() - 1;
        }
        m_category->setCurrentIndex(qMax(0, index));
    }
}

void StaffActionsPanel::showError(const Api::ApiError &error)
{
    m_error->setText(tr("The change was not made: %1").arg(error.message));
    m_error->show();
    render(); // the choosers go back to what the ticket really is
}

QString StaffActionsPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StaffActionsPanel::chooseStatus()
{
    m_status->setFocus(Qt::ShortcutFocusReason);
    if (m_status->isEnabled())
        m_status->showPopup();
}

void StaffActionsPanel::chooseSeverity()
{
    m_severity->setFocus(Qt::ShortcutFocusReason);
    m_severity->showPopup();
}

void StaffActionsPanel::chooseCategory()
{
    m_category->setFocus(Qt::ShortcutFocusReason);
    m_category->showPopup();
}

} // namespace Ankra::Ui

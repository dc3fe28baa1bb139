#pragma once

// A small picture of where a ticket is in its life: Open → Being assessed → Being worked on →
// Resolved → Closed, with "Waiting on you" shown on the worked-on step. Each step carries its
// label as text, so the state is never shown by colour alone.

#include <QWidget>

namespace Ankra::Ui {

class StatusTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit StatusTimeline(QWidget *parent = nullptr);

    void setStatus(const QString &status);
    QString status() const { return m_status; }
    int currentStep() const; // -1 for an unknown status

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The lines the label of `step` is painted as at the current width: one, or two when it
    // does not fit on one; elided ("…") only below minimumSizeHint().
    QStringList visibleLines(int step) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList stepLabels() const;
    static QStringList allStepLabels();
    QFont labelFont() const;
    int labelTop() const;
    QString m_status;
};

} // namespace Ankra::Ui

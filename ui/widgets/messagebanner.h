#pragma once

// An inline message strip above a view (the idea of KMessageWidget, without KDE Frameworks):
// an icon, the message (plain, selectable, wrapped) and buttons at the right. Its colours come
// from the palette: the kind's colour blended into the window colour, with the palette's own
// text colour on it, so that it reads in light and dark palettes alike and follows a palette
// change. Screen readers hear it as an alert when it appears or its message changes while shown.
// Used for errors (the ticket lists, the ticket view) and the offline notice. Hidden at first.

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace Ankra::Ui {

class MessageBanner : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning };

    explicit MessageBanner(Kind kind, QWidget *parent = nullptr);

    // A button at the right, after the ones added before; `description` is its accessible
    // description (what it does).
    QPushButton *addButton(const QString &text, const QString &description);
    // The "Retry" button the views' error banners have; `description` says what it tries again.
    QPushButton *addRetryButton(const QString &description);
    void setText(const QString &text);
    QString text() const;
    // Sets the message and shows the banner, with its Retry button or without.
    void showMessage(const QString &text, bool offerRetry = true);

    // The strip's background over `palette`'s window colour, and the colour of its edge.
    static QColor background(Kind kind, const QPalette &palette);
    static QColor accent(Kind kind);

signals:
    // The message was announced to screen readers (QAccessible::Alert): shown, or changed while
    // shown.
    void announced(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updateLook();
    void updateIcon(); // when shown: a hidden banner (most of them, most of the time) needs none
    void announce();

    Kind m_kind;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_layout;
    QPushButton *m_retry = nullptr;
    bool m_updatingLook = false;
    bool m_iconStale = true;
};

} // namespace Ankra::Ui

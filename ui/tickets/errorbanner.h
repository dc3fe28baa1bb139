#pragma once

// The inline error banner above a ticket list (customer and staff window): a light red strip
// with the message (plain, selectable text) and a Retry button. Hidden until a window shows it.
// Object names for tests: "errorBanner", "errorBannerText", "retryButton".

class QLabel;
class QPushButton;
class QString;
class QWidget;

namespace Ankra::Ui {

struct ErrorBanner
{
    QWidget *box = nullptr;
    QLabel *text = nullptr;
    QPushButton *retry = nullptr;

    // `retryDescription` is the Retry button's accessible description (what it tries again).
    static ErrorBanner create(QWidget *parent, const QString &retryDescription);
};

} // namespace Ankra::Ui

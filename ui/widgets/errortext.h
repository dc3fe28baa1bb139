#pragma once

// Text that reports a problem next to where it happened (a field over its limit, a refused
// sign-in, a failed staff action): red with at least WCAG AA contrast (4.5:1) on the palette's
// window colour - a dark red on light palettes, a light red on dark ones. Never colour alone:
// the text says what is wrong.

class QColor;
class QPalette;
class QWidget;

namespace Ankra::Ui {

QColor errorTextColor(const QPalette &palette);
// The palette `widget` inherits (its parent's; the application's for a window), whatever roles
// it sets itself: what its own colours are worked out from (here and in MessageBanner).
QPalette inheritedPalette(const QWidget *widget);
// Shows `widget`'s text in errorTextColor() of the palette it inherits, or in that palette's
// own text colour again.
void setErrorLook(QWidget *widget, bool error);

} // namespace Ankra::Ui

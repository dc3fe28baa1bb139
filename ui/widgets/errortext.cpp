#include "widgets/errortext.h"

#include <QApplication>
#include <QColor>
#include <QPalette>
#include <QWidget>

namespace Ankra::Ui {

QColor errorTextColor(const QPalette &palette)
{
    // 5.3:1 on Fusion's light window (#efefef), 5.6:1 on the dark palette's (#2b2d31).
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? QColor(0xff, 0x85, 0x85)
                                                              : QColor(0xc0, 0x1c, 0x28);
}

QPalette inheritedPalette(const QWidget *widget)
{
    return widget->parentWidget() ? widget->parentWidget()->palette()
                                  : QApplication::palette(widget);
}

void setErrorLook(QWidget *widget, bool error)
{
    const QPalette inherited = inheritedPalette(widget);
    QPalette own = widget->palette();
    own.setColor(QPalette::WindowText,
                 error ? errorTextColor(inherited) : inherited.color(QPalette::WindowText));
    widget->setPalette(own);
}

} // namespace Ankra::Ui

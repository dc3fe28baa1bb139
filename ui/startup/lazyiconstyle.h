#pragma once

// The application's style (whichever it is), except that a few standard icons are read when
// first drawn instead of when made. Qt reads a standard icon's PNG files as soon as the icon is
// made, and the first image read loads every image format plugin (jpeg, tiff, webp, ...: 5 to
// 30 ms on a cold start, bench_client P2) - before the first paint, for icons the first paint
// does not even show: the toolbar's and menu bar's extension arrows and the search field's
// clear button. The icons look exactly the same.

#include <QProxyStyle>

namespace Ankra::Ui {

class LazyIconStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // `key`: the base style (QStyleFactory), e.g. QApplication::style()->name().
    explicit LazyIconStyle(const QString &key);

    QIcon standardIcon(StandardPixmap standardIcon,
                       const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace Ankra::Ui

#include "tickets/errorbanner.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>

namespace Ankra::Ui {

ErrorBanner ErrorBanner::create(QWidget *parent, const QString &retryDescription)
{
    ErrorBanner banner;
    banner.box = new QWidget(parent);
    banner.box->setObjectName(QStringLiteral("errorBanner"));
    banner.box->setAutoFillBackground(true);
    QPalette palette = banner.box->palette();
    palette.setColor(QPalette::Window, QColor(0xf8, 0xe4, 0xe4));
    palette.setColor(QPalette::WindowText, QColor(0x5c, 0x0a, 0x0a));
    banner.box->setPalette(palette);
    auto *layout = new QHBoxLayout(banner.box);
    banner.text = new QLabel(banner.box);
    banner.text->setObjectName(QStringLiteral("errorBannerText"));
    banner.text->setWordWrap(true);
    banner.text->setTextFormat(Qt::PlainText);
    banner.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner.retry = new QPushButton(QCoreApplication::translate("Ankra::Ui::MainWindow", "Retry"),
                                   banner.box);
    banner.retry->setObjectName(QStringLiteral("retryButton"));
    banner.retry->setAccessibleDescription(retryDescription);
    layout->addWidget(banner.text, 1);
    layout->addWidget(banner.retry);
    banner.box->hide();
    return banner;
}

} // namespace Ankra::Ui

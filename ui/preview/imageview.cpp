#include "imageview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace Ankra::Ui {

class ImageCanvas : public QWidget
{
public:
    using QWidget::QWidget;

    QImage image;
    bool fit = true;

    QRect imageRect() const
    {
        if (image.isNull())
            return {};
        QSize size = image.size();
        if (fit && (size.width() > width() || size.height() > height()))
            size.scale(this->size(), Qt::KeepAspectRatio);
        const QPoint topLeft((width() - size.width()) / 2, (height() - size.height()) / 2);
        return QRect(fit ? topLeft : QPoint(0, 0), size);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(imageRect(), image);
    }
};

ImageView::ImageView(QWidget *parent)
    : QWidget(parent)
    , m_canvas(new ImageCanvas)
    , m_scroll(new QScrollArea)
    , m_info(new QLabel)
    , m_zoom(new QToolButton)
{
    setObjectName(QStringLiteral("previewImage"));
    m_info->setObjectName(QStringLiteral("imageInfo"));
    m_zoom->setObjectName(QStringLiteral("zoomToggle"));
    m_zoom->setCheckable(true);
    m_zoom->setText(tr("Actual Size"));
    m_zoom->setToolTip(tr("Show the image at 100% instead of fitting it to the window"));
    m_zoom->setAccessibleName(tr("Actual size"));
    m_zoom->setAccessibleDescription(tr("Switches between 100% zoom and fit to window"));
    m_canvas->setAccessibleName(tr("Image preview"));
    m_scroll->setAccessibleName(tr("Image preview")); // focusable: arrow keys scroll
    m_scroll->setAccessibleDescription(tr("The image; arrow keys scroll it"));
    m_scroll->setWidget(m_canvas);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidgetResizable(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_info, 1);
    header->addWidget(m_zoom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_scroll, 1);

    connect(m_zoom, &QToolButton::toggled, this, [this](bool actual) { setFitToWindow(!actual); });
}

void ImageView::setImage(const QImage &image, const QString &description)
{
    m_canvas->image = image;
    m_info->setText(
        tr("%1, %2 × %3 pixels").arg(description).arg(image.width()).arg(image.height()));
    setFitToWindow(true);
    m_canvas->update();
}

QImage ImageView::image() const
{
    return m_canvas->image;
}

void ImageView::setFitToWindow(bool fit)
{
    m_fit = fit;
    m_canvas->fit = fit;
    {
        const QSignalBlocker blocker(m_zoom);
        m_zoom->setChecked(!fit);
    }
    m_scroll->setWidgetResizable(fit);
    if (!fit)
        m_canvas->resize(m_canvas->image.size());
    m_canvas->update();
}

QRect ImageView::displayedRect() const
{
    return m_canvas->imageRect();
}

} // namespace Ankra::Ui

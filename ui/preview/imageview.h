#pragma once

// Shows one image either scaled down to fit the view (aspect ratio kept, never enlarged) or
// at 100% inside scroll bars; the zoom toggle switches between the two.

#include <QImage>
#include <QWidget>

class QLabel;
class QScrollArea;
class QToolButton;

namespace Ankra::Ui {

class ImageCanvas;

class ImageView : public QWidget
{
    Q_OBJECT
public:
    explicit ImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QString &description);
    QImage image() const;
    void setFitToWindow(bool fit);
    bool fitToWindow() const { return m_fit; }
    // Where the image is drawn, in canvas coordinates.
    QRect displayedRect() const;

private:
    ImageCanvas *m_canvas;
    QScrollArea *m_scroll;
    QLabel *m_info;
    QToolButton *m_zoom;
    bool m_fit = true;
};

} // namespace Ankra::Ui

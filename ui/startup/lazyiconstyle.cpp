#include "startup/lazyiconstyle.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Ankra::Ui {

namespace {

// Makes the real icon on the first request that needs its pixels or sizes. Clones share it.
class LazyIconEngine : public QIconEngine
{
public:
    struct Shared
    {
        std::function<QIcon()> make;
        QIcon icon;
        bool made = false;
    };

    explicit LazyIconEngine(std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size,
                         QIcon::Mode mode,
                         QIcon::State state,
                         qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // The icons made lazily are Qt's own standard icons: they exist.
    bool isNull() override { return m_shared->made && m_shared->icon.isNull(); }
    QString key() const override { return QStringLiteral("ankra-lazy-standard-icon"); }
    QIconEngine *clone() const override { return new LazyIconEngine(m_shared); }

private:
    const QIcon &icon()
    {
        if (!m_shared->made) {
            m_shared->made = true;
            m_shared->icon = m_shared->make();
        }
        return m_shared->icon;
    }

    std::shared_ptr<Shared> m_shared;
};

bool madeLazily(QStyle::StandardPixmap icon)
{
    switch (icon) {
    case QStyle::SP_ToolBarHorizontalExtensionButton:
    case QStyle::SP_ToolBarVerticalExtensionButton:
    case QStyle::SP_LineEditClearButton:
        return true;
    default:
        return false;
    }
}

} // namespace

LazyIconStyle::LazyIconStyle(const QString &key)
    : QProxyStyle(key)
{}

QIcon LazyIconStyle::standardIcon(StandardPixmap standardIcon,
                                  const QStyleOption *option,
                                  const QWidget *widget) const
{
    if (!madeLazily(standardIcon))
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    // The option does not outlive the call: its common part is kept (these icons depend on
    // its direction only; the search field passes a QStyleOptionFrame).
    std::optional<QStyleOption> copy;
    if (option)
        copy = *option;
    auto shared = std::make_shared<LazyIconEngine::Shared>();
    shared->make = [style = QPointer<const QStyle>(baseStyle()),
                    widget = QPointer<const QWidget>(widget),
                    copy,
                    standardIcon] {
        // The application's style may have been replaced meanwhile: then it answers.
        const QStyle *from = style ? style.data() : QApplication::style();
        return from->standardIcon(standardIcon, copy ? &*copy : nullptr, widget);
    };
    return QIcon(new LazyIconEngine(std::move(shared)));
}

} // namespace Ankra::Ui

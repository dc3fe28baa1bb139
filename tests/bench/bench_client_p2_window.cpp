// P2's reference (run by bench_client, not by `make bench` itself): the smallest comparable
// Qt Widgets program, a QMainWindow with a QTreeView. Prints the same marker as the client's
// ANKRA_BENCH_EXIT_AFTER_PAINT hook once the first paint pass of the window is done, then quits.

#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTreeView>

#include <cstdio>

namespace {

class ExitAfterFirstPaint : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!m_seen && event->type() == QEvent::Paint && widget
            && qobject_cast<QMainWindow *>(widget->window())) {
            m_seen = true;
            // As the client does: when the event loop is back after the paint pass.
            QCoreApplication::postEvent(this, new QEvent(Painted), Qt::HighEventPriority);
        }
        return false;
    }

    bool event(QEvent *event) override
    {
        if (event->type() != Painted)
            return QObject::event(event);
        std::fputs("ankra-bench: painted\n", stdout);
        std::fflush(stdout);
        QCoreApplication::quit();
        return true;
    }

private:
    static constexpr QEvent::Type Painted = QEvent::User;
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    app.installEventFilter(new ExitAfterFirstPaint(&app));
    QMainWindow window;
    window.resize(1400, 860);
    QStandardItemModel model(0, 7);
    auto *view = new QTreeView(&window);
    view->setModel(&model);
    window.setCentralWidget(view);
    window.show();
    return app.exec();
}

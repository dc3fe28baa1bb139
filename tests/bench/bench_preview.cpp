// P4: time from PreviewWidget::openFile() to the first painted, highlighted screen, for a
// 100 KB and a 100 MB log (goal: the 100 MB one takes at most twice as long). Offscreen; the
// files are generated into a temporary directory and are in the page cache when measured.

#include "preview/largetextview.h"
#include "preview/linehighlighter.h"
#include "preview/previewwidget.h"
#include "preview/textbuffer.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace Ankra;

namespace {

bool writeLog(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    static const char *const levels[] = {"INFO", "WARN", "ERROR", "DEBUG"};
    QByteArray block;
    char line[256];
    qint64 written = 0;
    for (qint64 i = 0; written < bytes; ++i) {
        const int n = std::snprintf(line,
                                    sizeof line,
                                    "2024-05-01T10:%02d:%02d.%03dZ %s [worker-%d] request id=%lld "
                                    "path=/api/v1/tickets status=200 duration=%dms\n",
                                    int(i / 60000 % 60),
                                    int(i / 1000 % 60),
                                    int(i % 1000),
                                    levels[i % 4],
                                    int(i % 7),
                                    static_cast<long long>(i),
                                    int(i % 500));
        block.append(line, n);
        written += n;
        if (block.size() > (1 << 20) || written >= bytes) {
            if (file.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return true;
}

// Opens the file and paints the widget once; returns the elapsed milliseconds.
double firstScreen(Ui::PreviewWidget &widget, const QString &path, QImage *screen)
{
    widget.clear();
    QCoreApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    if (!widget.openFile(path))
        return -1;
    *screen = widget.grab().toImage();
    return timer.nsecsElapsed() / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString small = dir.filePath(QStringLiteral("small.log"));
    const QString large = dir.filePath(QStringLiteral("large.log"));
    if (!dir.isValid() || !writeLog(small, 100 * 1024) || !writeLog(large, 100 << 20)) {
        std::fprintf(stderr, "cannot write the test logs\n");
        return 1;
    }

    KSyntaxHighlighting::Repository repository; // long-lived in the app: not measured
    Ui::PreviewWidget widget(repository);
    widget.resize(1200, 900);
    widget.show();
    if (!QTest::qWaitForWindowExposed(&widget))
        return 1;

    QImage screen;
    // Warm-up: loads the log definition once, as the application's first preview would.
    const double warmUp = firstScreen(widget, small, &screen);
    const auto formats = widget.textView()->lineFormats(0).size();
    if (formats < 2 || distinctColours(screen) < 8) {
        std::fprintf(stderr, "the first screen is not highlighted (%d formats)\n", int(formats));
        return 1;
    }

    const int runs = 9;
    QList<double> smallTimes;
    QList<double> largeTimes;
    for (int run = 0; run < runs; ++run) {
        smallTimes.append(firstScreen(widget, small, &screen));
        largeTimes.append(firstScreen(widget, large, &screen));
    }
    if (std::min(*std::min_element(smallTimes.cbegin(), smallTimes.cend()),
                 *std::min_element(largeTimes.cbegin(), largeTimes.cend()))
        < 0) {
        std::fprintf(stderr, "cannot open the test logs\n");
        return 1;
    }
    // Indexing the rest of the 100 MB file, then a jump to an unhighlighted place: the worst
    // case highlights CheckpointInterval - 1 lines before the target.
    QElapsedTimer indexTimer;
    indexTimer.start();
    widget.openFile(large);
    auto *view = widget.textView();
    while (!view->buffer()->isIndexComplete())
        QCoreApplication::processEvents();
    const double indexMs = indexTimer.nsecsElapsed() / 1e6;
    const qint64 interval = Ui::LineHighlighter::CheckpointInterval;
    const qint64 target = view->lineCount() / 2 / interval * interval + interval - 1;
    QElapsedTimer jumpTimer;
    jumpTimer.start();
    view->goToLine(target);
    screen = widget.grab().toImage();
    const double jumpMs = jumpTimer.nsecsElapsed() / 1e6;

    // ANKRA_BENCH_SCREENSHOT=file.png keeps the last first screen, to look at.
    if (const QString shot = qEnvironmentVariable("ANKRA_BENCH_SCREENSHOT"); !shot.isEmpty())
        screen.save(shot);
    const double smallMedian = median(smallTimes);
    const double largeMedian = median(largeTimes);
    const double ratio = largeMedian / smallMedian;
    std::printf("P4 first screen 100KB: %.1f ms (median of %d; first ever: %.1f ms)\n",
                smallMedian,
                runs,
                warmUp);
    std::printf("P4 first screen 100MB: %.1f ms (median of %d)\n", largeMedian, runs);
    std::printf("P4 ratio: %.2f (goal <= 2)\n", ratio);
    std::printf("P4 info: whole 100MB line index: %.0f ms, in 4 MB steps between events\n", indexMs);
    std::printf("P4 info: go to line %lld of %lld and paint it highlighted: %.1f ms\n",
                static_cast<long long>(target + 1),
                static_cast<long long>(view->lineCount()),
                jumpMs);
    return ratio <= 2 ? 0 : 1;
}

#pragma once

// Work that is not needed for the first picture of a window (opening databases, loading
// plugins, syntax definitions) runs once the window has painted for the first time and the
// event loop has handled what was posted meanwhile (bench_client P2: cold start to the painted
// main window). The work is dropped when the window goes away first.

#include <functional>

class QWidget;

namespace Ankra::Ui::AfterFirstPaint {

// Calls `work` after the first paint of `window` (at the next idle moment when it has painted
// already), or 2 s after the first call when the window has not painted by then. Several calls
// run in the order they were made, one per idle moment.
void run(QWidget *window, std::function<void()> work);

} // namespace Ankra::Ui::AfterFirstPaint

#pragma once

// ANKRA_STARTUP_TRACE=1: prints "ankra-startup: <ms> ms <milestone>" to stderr at the
// milestones of a start (bench_client P2 measures the whole of it), counted from the static
// initialisation of the executable (the libraries are loaded by then); the first line says
// roughly (in the kernel's 10 ms ticks) how long after exec that was. Costs one environment
// lookup when the variable is not set.

class QWidget;

namespace Ankra::Ui::StartupTrace {

bool enabled();
// `milestone` is a plain ASCII literal.
void mark(const char *milestone);
// Marks the start of the first paint event of `window` (when tracing).
void markFirstPaint(QWidget *window);

} // namespace Ankra::Ui::StartupTrace

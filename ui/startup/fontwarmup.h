#pragma once

#include <thread>

namespace Ankra::Ui {

// The first font the application asks for has fontconfig read its configuration (some thirty
// XML files on a desktop): ~4 ms on the main thread, which the first window waits for.
// FontWarmUp has a worker thread read it while the main thread starts Qt (QApplication,
// arguments, settings, the session), so it is ready when the first widget is made.
//
// Made first thing in main(); wait() before the first widget. A widget made before wait()
// costs time, not correctness: fontconfig is thread-safe and would read its configuration on
// both threads, keeping one. Where Qt draws text without fontconfig it does nothing.
class FontWarmUp
{
public:
    FontWarmUp();
    ~FontWarmUp(); // waits
    FontWarmUp(const FontWarmUp &) = delete;
    FontWarmUp &operator=(const FontWarmUp &) = delete;

    // Returns once fontconfig has its configuration (at once after the first call).
    void wait();

private:
    std::thread m_worker;
};

} // namespace Ankra::Ui

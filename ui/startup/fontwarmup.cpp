#include "startup/fontwarmup.h"

#include "startup/startuptrace.h"

#ifdef ANKRA_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace Ankra::Ui {

FontWarmUp::FontWarmUp()
{
#ifdef ANKRA_HAVE_FONTCONFIG
    m_worker = std::thread([] {
        // What Qt's font database calls first (QFontconfigDatabase::populateFontDatabase); a
        // second call finds the configuration loaded and returns.
        FcInit();
        StartupTrace::mark("fontconfig loaded (worker thread)");
    });
#endif
}

FontWarmUp::~FontWarmUp()
{
    wait();
}

void FontWarmUp::wait()
{
    if (!m_worker.joinable())
        return;
    m_worker.join();
    StartupTrace::mark("fontconfig ready");
}

} // namespace Ankra::Ui

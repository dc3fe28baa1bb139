#include "serverlog.h"

#include <cstdio>
#include <mutex>

namespace Ankra::Server {

namespace {
std::mutex g_mutex;
bool g_quiet = false;
} // namespace

void setQuiet(bool quiet)
{
    std::lock_guard lock(g_mutex);
    g_quiet = quiet;
}

void logLine(const std::string &line)
{
    std::lock_guard lock(g_mutex);
    if (g_quiet)
        return;
    std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
}

} // namespace Ankra::Server

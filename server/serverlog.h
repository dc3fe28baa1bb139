#pragma once

// The server's log: one line per request to stderr. Never a token, never a body.
#include <string>

namespace Ankra::Server {

void logLine(const std::string &line);
void setQuiet(bool quiet);

} // namespace Ankra::Server

// Fuzzes the server's request handling in-process: request line, headers, query strings, JSON
// bodies and multipart uploads go through the real hooks, router and handlers.
// Placeholders in an input are replaced first, so that mutations reach past authentication:
// @A = org A's token, @B = org B's token, @T = A's private ticket, @X = its attachment,
// @O = A's organisation id.
// Invariants: never a 5xx, every error is JSON with "detail", and nothing of A's private ticket
// reaches a request that does not carry A's token.

#include "fuzz_inprocess.h"

#include <cctype>
#include <cstdint>

using namespace Ankra;

namespace {

Fuzz::InProcessServer *g_server = nullptr;

void replaceAll(std::string &text, std::string_view from, const std::string &to)
{
    for (size_t pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_server = new Fuzz::InProcessServer;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string raw(reinterpret_cast<const char *>(data), size);
    replaceAll(raw, "@A", g_server->tokenA);
    replaceAll(raw, "@B", g_server->tokenB);
    replaceAll(raw, "@T", g_server->ticketA);
    replaceAll(raw, "@X", g_server->attachmentA);
    replaceAll(raw, "@O", g_server->orgA);

    std::string written;
    const Fuzz::Reply reply = g_server->send(raw, &written);
    if (written.empty())
        return 0; // no request line could be read: nothing to answer
    if (reply.status == 0)
        Fuzz::failure("the answer is not an HTTP/1.1 response", raw, reply);
    if (reply.status >= 500)
        Fuzz::failure("a request produced a 5xx", raw, reply);
    // A HEAD answer has no body, also when the request line is malformed ("HEAD\r\n").
    const bool head = raw.rfind("HEAD", 0) == 0
                      && (raw.size() == 4 || std::isspace(static_cast<unsigned char>(raw[4])));
    if (reply.status >= 400 && !head) {
        const QJsonValue detail
            = QJsonDocument::fromJson(reply.body).object().value(QLatin1String("detail"));
        if (!detail.isString() && !detail.isArray())
            Fuzz::failure("an error without a JSON detail", raw, reply);
    }
    if (raw.find(g_server->tokenA) == std::string::npos
        && reply.body.contains(QByteArray::fromStdString(g_server->secret)))
        Fuzz::failure("org A's private data reached a request without A's token", raw, reply);
    return 0;
}

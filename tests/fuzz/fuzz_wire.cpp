// Fuzzes every wire parser: arbitrary bytes must never crash, and whatever parses must survive
// a round trip through toJson() unchanged. The list page's direct reader (pagereader.h) is
// checked against the general path: whatever it reads, the general path reads the same.

#include "wire/json.h"
#include "wire/pagereader.h"

#include <QJsonArray>

#include <cstdint>
#include <cstdlib>

using namespace Ankra::Wire;

namespace {

template<typename T, typename Parse>
void roundTrip(const QJsonObject &object, Parse parse)
{
    Parsed<T> first = parse(object);
    if (isError(first))
        return;
    const T &value = std::get<T>(first);
    Parsed<T> second = parse(toJson(value));
    if (isError(second) || !(std::get<T>(second) == value))
        std::abort(); // toJson() produced something its own parser reads differently
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                    qsizetype(size));
    const std::optional<TicketPage> fast = readTicketPageFast(body);
    Parsed<QJsonObject> object = parseObject(body);
    if (isError(object)) {
        if (fast)
            std::abort(); // the direct reader took a body that is not valid JSON
        return 0;
    }
    if (fast) {
        const Parsed<TicketPage> general = parseTicketPage(std::get<QJsonObject>(object));
        if (isError(general) || !(std::get<TicketPage>(general) == *fast))
            std::abort(); // the direct reader and the general path disagree
    }
    const QJsonObject &o = std::get<QJsonObject>(object);
    roundTrip<TicketPage>(o, parseTicketPage);
    roundTrip<Ticket>(o, parseTicket);
    roundTrip<TicketSummary>(o, parseTicketSummary);
    roundTrip<Comment>(o, parseComment);
    roundTrip<Attachment>(o, parseAttachment);
    roundTrip<ReviewResult>(o, parseReviewResult);
    roundTrip<Limits>(o, parseLimits);
    (void) parseClusters(o);
    (void) parseClusters(o.value(QLatin1String("result")));
    return 0;
}

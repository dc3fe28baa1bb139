// Fuzzes every wire parser: arbitrary bytes must never crash, and whatever parses must survive
// a round trip through toJson() unchanged.

#include "wire/json.h"

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
    Parsed<QJsonObject> object = parseObject(body);
    if (isError(object))
        return 0;
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

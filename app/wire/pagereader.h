#pragma once

// A direct reader for the ticket list page (GET /support/tickets), the one response the client
// receives by the hundred: it reads the body's bytes straight into TicketSummary values, with
// no QJsonDocument in between, and shares the QString of repeated short values (status,
// category, ...) between rows. Parsing a page through QJsonDocument was most of the client's
// cost of loading 10,000 tickets (bench_client P1).
//
// Contract: when it returns a page, parseObject() + parseTicketPage() return an equal page for
// the same body (fuzz_wire checks this on every input). It returns nullopt for anything it does
// not read itself - invalid JSON, a wrong type, a missing field, escaped keys, exponents,
// duplicate fields, deep nesting, unusual Unicode - and the caller then takes the general
// path, which also gives the exact error message.

#include "wire/types.h"

#include <QByteArrayView>

#include <optional>

namespace Ankra::Wire {

std::optional<TicketPage> readTicketPageFast(QByteArrayView body);

} // namespace Ankra::Wire

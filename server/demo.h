#pragma once

// Demo data for `serve --demo`: on first use, an organisation with clusters, a customer token
// and realistic Kubernetes support tickets with conversations (resources/demo/tickets.json).

#include "database.h"

#include <QString>

#include <optional>

namespace Ankra::Server {

struct DemoSeed
{
    bool created = false;  // false when the data directory was already seeded
    QString customerToken; // only when created
    QString organisationId;
};

std::optional<DemoSeed> seedDemo(Database &db, QString *error);

} // namespace Ankra::Server

#pragma once

// Demo data for `serve --demo`: on first use, an organisation with clusters, a customer token
// and realistic Kubernetes support tickets with conversations (resources/demo/tickets.json);
// for staff mode a team token and more organisations (seedDemoTeam).

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

struct DemoTeam
{
    QString userId;
    QString userName;
    QString token;     // only when issued in this run
    QString tokenFile; // <data-dir>/demo-team-token, mode 0600
};

// Staff mode demo (docs/api-extensions.md): the team user "Ankra Support (demo)" with a token
// in `tokenFile` (issued again when the file is missing) and, once, more organisations with
// tickets (resources/demo/organisations.json). Also upgrades directories seeded before.
std::optional<DemoTeam> seedDemoTeam(Database &db, QString *error);

} // namespace Ankra::Server

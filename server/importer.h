#pragma once

// `import`: loads tickets from JSON Lines into one organisation, all or nothing, in one
// transaction with one prepared statement (100k lines in a few seconds). Each line is
// {"subject", "description", "category"?, "severity"?, "status"?, "created_at"?}.

#include "database.h"

#include <QIODevice>
#include <QString>

#include <optional>

namespace Ankra::Server {

// Returns the number of imported tickets, or nullopt with `error` naming the bad line.
std::optional<qint64> importTickets(Database &db,
                                    const QString &organisationId,
                                    QIODevice &input,
                                    QString *error);

} // namespace Ankra::Server

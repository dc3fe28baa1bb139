#pragma once

// Checks a file against the server's attachment limits before anything is uploaded, so the user
// sees the reason at drop time. Pure: no I/O beyond what the caller passes in.

#include "wire/types.h"

#include <QString>

namespace Ankra::Models {

// The extension the limits are keyed on: "tar.gz" for "logs.tar.gz", else the last suffix,
// lowercased; empty when there is none.
QString attachmentExtension(const QString &fileName);

// Empty when the file may be uploaded; otherwise a translated reason. `alreadyAttached` counts
// the ticket's attachments plus uploads still running.
QString attachmentRefusal(const QString &fileName,
                          qint64 sizeBytes,
                          int alreadyAttached,
                          const Wire::Limits &limits);

} // namespace Ankra::Models

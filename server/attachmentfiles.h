#pragma once

// Attachment files: type checks by content (not only by name), filename sanitising, the
// Content-Disposition header, and the start-up sweep of the attachments directory.
// Files are named by attachment id under <data-dir>/attachments; the client's filename is
// metadata only and never becomes a path.

#include "database.h"

#include <QString>
#include <QStringList>

#include <string>

namespace Ankra::Server {

// Bytes looked at before deciding on the type (text needs a look at the first 8 KiB).
inline constexpr size_t SniffBytes = 8192;

const QStringList &allowedExtensions();

// The allowed extension of `filename` ("tar.gz" counts as one), lowercased; empty if none.
QString attachmentExtension(const QString &filename);

// Base name only, no control characters, no separators, at most 255 UTF-8 bytes; Unicode kept.
QString sanitizeFilename(const QString &filename);

struct SniffResult
{
    bool accepted = false;
    QString contentType; // when accepted
    QString reason;      // when refused
};

// Executables refused as soon as their magic is visible (the first bytes are enough).
bool looksExecutable(const std::string &head);
// Decides from the extension and the first bytes (`head`, up to SniffBytes; `complete` when
// the file is shorter). Content and extension must agree.
SniffResult sniffAttachment(const QString &extension, const std::string &head, bool complete);

// attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded
std::string contentDisposition(const QString &filename);

// Removes *.part files (uploads cut short) and files without a database row (a crash between
// the rename and the commit). Returns how many files were removed.
int sweepAttachments(Database &db);

} // namespace Ankra::Server

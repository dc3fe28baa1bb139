// Upload (streamed to disk, sniffed, capped) and download (streamed) of attachments.

#include "httpapi.h"

#include "attachmentfiles.h"
#include "jsonbody.h"
#include "serverlog.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <fstream>
#include <unistd.h>

namespace Ankra::Server {

namespace {
// Form fields other than "file" are read and ignored, up to this many bytes in total.
constexpr size_t MaxOtherFieldBytes = 16 * 1024;
} // namespace

void HttpApi::handleUpload(const httplib::Request &req,
                           httplib::Response &res,
                           const httplib::ContentReader &reader,
                           const RequestContext &ctx)
{
    const QString ticketId = QString::fromStdString(req.matches[1]).toLower();
    // Answers that come before the body still read it (see DrainBytes).
    auto refuseEarly = [&](int code, const QString &detail) {
        readBody(req, reader, 0, nullptr, nullptr);
        sendDetail(res, code, detail);
    };
    const auto status = isUuid(ticketId) ? m_tickets.status(ctx.organisationId, ticketId)
                                         : std::nullopt;
    if (!status)
        return refuseEarly(404, QStringLiteral("Ticket not found"));
    QString key;
    if (replayIdempotent(req, res, ctx, &key)) {
        const httplib::Response replay = res;
        readBody(req, reader, 0, nullptr, nullptr);
        res = replay;
        return;
    }
    // Cheap refusals before reading the body; repeated inside the transaction below (races).
    const QString limitReached = QStringLiteral("This ticket already has the maximum of %1 "
                                                "attachments")
                                     .arg(m_options.maxAttachmentsPerTicket);
    if (*status == QLatin1String(Wire::Status::Closed))
        return refuseEarly(409, QStringLiteral("ticket is closed"));
    if (m_tickets.attachmentCount(ticketId) >= m_options.maxAttachmentsPerTicket)
        return refuseEarly(409, limitReached);
    if (!req.is_multipart_form_data())
        return refuseEarly(415,
                           QStringLiteral("Send multipart/form-data with one part named "
                                          "\"file\""));

    const QString id = newUuid();
    const QDir dir(m_db.attachmentsDir());
    const QString partPath = dir.filePath(id + QStringLiteral(".part"));
    const QString finalPath = dir.filePath(id);
    QFile out(partPath);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    std::string current;
    std::string head;
    qint64 size = 0;
    size_t otherBytes = 0;
    int fileParts = 0;
    QString filename;
    QString extension;
    std::optional<SniffResult> sniff;
    int failStatus = 0;
    QString failDetail;
    qint64 drained = 0;
    // After a refusal the rest of the body is drained (up to DrainBytes), not stored.
    auto fail = [&](int code, const QString &detail) {
        failStatus = code;
        failDetail = detail;
        if (out.isOpen())
            out.close();
        return true;
    };

    const bool ok = reader(
        [&](const httplib::MultipartFormData &part) {
            if (failStatus)
                return true;
            current = part.name;
            if (current != "file")
                return true;
            if (++fileParts > 1)
                return fail(422, QStringLiteral("Send one file per request"));
            filename = sanitizeFilename(QString::fromStdString(part.filename));
            extension = attachmentExtension(filename);
            if (extension.isEmpty())
                return fail(415,
                            QStringLiteral("File type not allowed; allowed: %1")
                                .arg(allowedExtensions().join(QStringLiteral(", "))));
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(500, QStringLiteral("cannot write %1").arg(partPath));
            return true;
        },
        [&](const char *data, size_t length) {
            if (failStatus) {
                drained += qint64(length);
                return drained <= DrainBytes;
            }
            if (current != "file") {
                otherBytes += length;
                return otherBytes <= MaxOtherFieldBytes
                       || fail(413, QStringLiteral("Form fields besides \"file\" are too large"));
            }
            if (size + qint64(length) > m_options.maxAttachmentBytes)
                return fail(413,
                            QStringLiteral("File too large: the limit is %1 bytes")
                                .arg(m_options.maxAttachmentBytes));
            if (head.size() < SniffBytes) {
                // Chunks can be 2 bytes long: the magic is buffered across them.
                head.append(data, std::min(length, SniffBytes - head.size()));
                if (looksExecutable(head))
                    return fail(415, QStringLiteral("Executable files are not accepted"));
                if (head.size() >= SniffBytes) {
                    sniff = sniffAttachment(extension, head, false);
                    if (!sniff->accepted)
                        return fail(415, sniff->reason);
                }
            }
            if (out.write(data, qint64(length)) != qint64(length))
                return fail(500,
                            QStringLiteral("cannot write %1: %2").arg(partPath, out.errorString()));
            sha.addData(QByteArrayView(data, qsizetype(length)));
            size += qint64(length);
            return true;
        });

    if (out.isOpen()) {
        // The row must never point at bytes still in the page cache, nor at a file cut short
        // by a full disk (the last buffered bytes are only written here).
        const bool flushed = out.flush() && ::fsync(out.handle()) == 0;
        if (!flushed && !failStatus)
            fail(500, QStringLiteral("cannot write %1: %2").arg(partPath, out.errorString()));
        out.close();
    }
    auto refuse = [&](int code, const QString &detail) {
        QFile::remove(partPath);
        if (code >= 500)
            return internalError(res, detail);
        sendDetail(res, code, detail);
    };
    if (failStatus)
        return refuse(failStatus, failDetail);
    if (!ok)
        return refuse(res.status == 413 ? 413 : 400,
                      res.status == 413 ? QStringLiteral("Request body too large")
                                        : QStringLiteral("Malformed multipart body"));
    if (fileParts == 0) {
        QFile::remove(partPath);
        return sendValidation(res,
                              QStringLiteral("body"),
                              QStringLiteral("file"),
                              QStringLiteral("field required"),
                              QStringLiteral("value_error.missing"));
    }
    if (!sniff) {
        sniff = sniffAttachment(extension, head, true);
        if (!sniff->accepted)
            return refuse(415, sniff->reason);
    }

    // Row and rename in one transaction: a crash before COMMIT leaves a file without a row,
    // which the start-up sweep removes; a row never points at a missing file.
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return refuse(500, QStringLiteral("cannot begin a transaction"));
    const auto nowStatus = m_tickets.status(ctx.organisationId, ticketId);
    if (!nowStatus)
        return refuse(404, QStringLiteral("Ticket not found"));
    if (*nowStatus == QLatin1String(Wire::Status::Closed))
        return refuse(409, QStringLiteral("ticket is closed"));
    if (m_tickets.attachmentCount(ticketId) >= m_options.maxAttachmentsPerTicket)
        return refuse(409, limitReached);
    QString error;
    const AttachmentRow row{id,
                            ticketId,
                            filename,
                            sniff->contentType,
                            size,
                            QString::fromLatin1(sha.result().toHex())};
    if (!m_tickets.insertAttachment(row, &error) || !m_tickets.touch(ticketId, &error))
        return refuse(500, QStringLiteral("storing an attachment: ") + error);
    const auto ticket = m_tickets.get(ctx.organisationId, ticketId);
    if (!ticket)
        return refuse(500, QStringLiteral("the ticket cannot be read back"));
    if (!QFile::rename(partPath, finalPath))
        return refuse(500, QStringLiteral("cannot rename %1").arg(partPath));
    if (!finishWrite(tx, req, res, ctx, key, 201, Wire::toJson(*ticket)))
        QFile::remove(finalPath);
}

void HttpApi::handleDownload(const httplib::Request &req,
                             httplib::Response &res,
                             const RequestContext &ctx)
{
    sendAttachment(res,
                   ctx.organisationId,
                   QString::fromStdString(req.matches[1]).toLower(),
                   QString::fromStdString(req.matches[2]).toLower());
}

void HttpApi::handleTeamDownload(const httplib::Request &req,
                                 httplib::Response &res,
                                 const RequestContext &)
{
    // A team token reads every organisation's files: the ticket's own organisation is used.
    const QString ticketId = QString::fromStdString(req.matches[1]).toLower();
    const auto ticket = isUuid(ticketId) ? m_team.get(ticketId) : std::nullopt;
    if (!ticket)
        return sendDetail(res, 404, QStringLiteral("Attachment not found"));
    sendAttachment(res,
                   ticket->team.organisationId,
                   ticketId,
                   QString::fromStdString(req.matches[2]).toLower());
}

void HttpApi::sendAttachment(httplib::Response &res,
                             const QString &organisationId,
                             const QString &ticketId,
                             const QString &attachmentId)
{
    const auto row = isUuid(ticketId) && isUuid(attachmentId)
                         ? m_tickets.attachment(organisationId, ticketId, attachmentId)
                         : std::nullopt;
    if (!row)
        return sendDetail(res, 404, QStringLiteral("Attachment not found"));
    const std::string path = QDir(m_db.attachmentsDir()).filePath(row->id).toStdString();
    auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
    if (!*file) {
        logLine("attachment file missing: " + row->id.toStdString());
        return sendDetail(res, 404, QStringLiteral("Attachment not found"));
    }
    const std::string type = row->contentType.toStdString();
    res.set_header("Content-Disposition", contentDisposition(row->filename));
    res.set_header("X-Content-Type-Options", "nosniff");
    res.status = 200;
    if (row->sizeBytes == 0) {
        res.set_content("", type); // a provider of length 0 sends no Content-Length
        return;
    }
    res.set_content_provider(
        size_t(row->sizeBytes),
        type,
        [file](size_t offset, size_t length, httplib::DataSink &sink) {
            // An exception escaping a provider terminates the process (not covered by the
            // exception handler).
            try {
                static thread_local std::vector<char> buffer(256 * 1024);
                file->seekg(std::streamoff(offset));
                file->read(buffer.data(), std::streamsize(std::min(length, buffer.size())));
                const auto n = file->gcount();
                return n > 0 && sink.write(buffer.data(), size_t(n));
            } catch (...) {
                return false;
            }
        },
        [](bool) {});
}

} // namespace Ankra::Server

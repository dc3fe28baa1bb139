// Fuzzes attachment uploads with hostile file names and contents, in-process.
// Input: one flags byte, the file name (up to the first newline), then the content.
// Flags pick an allowed extension to append and whether to prepend the matching magic bytes,
// so that mutations reach the storing and downloading code, not only the refusals.
// Invariants: never a 5xx; a stored name has no path, no control characters and at most 255
// UTF-8 bytes; files appear only as <data-dir>/attachments/<uuid> (no .part left behind);
// the download returns the same bytes with a Content-Disposition that cannot be broken out of.

#include "fuzz_inprocess.h"

#include <QDir>
#include <QSet>
#include <QUrl>
#include <QUuid>

#include <cstdint>

using namespace Ankra;

namespace {

Fuzz::InProcessServer *g_server = nullptr;
std::string g_ticket;
int g_uploadsOnTicket = 0;
QSet<QString> g_known; // attachment ids already on g_ticket
int g_iteration = 0;

const char *const Boundary = "fuzzBoundary0123456789";

struct Kind
{
    const char *suffix;
    std::string_view magic;
};
const Kind Kinds[] = {{"", ""},
                      {".log", ""},
                      {".txt", ""},
                      {".json", ""},
                      {".png", "\x89PNG\r\n\x1a\n"},
                      {".yaml", ""},
                      {".tar.gz", "\x1f\x8b"},
                      {".pdf", "%PDF-"}};

void newTicket()
{
    const Fuzz::Reply r = g_server->send(
        Fuzz::InProcessServer::request("POST",
                                       "/api/v1/org/support/tickets",
                                       g_server->tokenA,
                                       "{\"subject\":\"Uploads\",\"acknowledged\":true}"));
    g_ticket = QJsonDocument::fromJson(r.body)
                   .object()
                   .value(QLatin1String("id"))
                   .toString()
                   .toStdString();
    if (r.status != 201 || g_ticket.empty()) {
        std::fprintf(stderr, "cannot create a ticket: %s\n", r.body.constData());
        std::exit(1);
    }
    g_uploadsOnTicket = 0;
    g_known.clear();
}

bool isUuidName(const QString &name)
{
    return name.size() == 36 && !QUuid::fromString(name).isNull();
}

// The data directory holds the database files and attachments/<uuid> only.
bool dataDirClean(QString *what)
{
    const QDir dir(g_server->dataDir());
    for (const QFileInfo &info :
         dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        const QString name = info.fileName();
        if (name == QLatin1String("attachments") && info.isDir())
            continue;
        if (!name.startsWith(QLatin1String("support.sqlite3"))) {
            *what = name;
            return false;
        }
    }
    const QDir attachments(dir.filePath(QStringLiteral("attachments")));
    for (const QFileInfo &info : attachments.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot
                                                           | QDir::Hidden | QDir::System)) {
        if (!info.isFile() || !isUuidName(info.fileName())) {
            *what = QStringLiteral("attachments/") + info.fileName();
            return false;
        }
    }
    return true;
}

bool storedNameSafe(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u'.') || name.toUtf8().size() > 255)
        return false;
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f
            || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

// attachment; filename="ascii"; filename*=UTF-8''percent-encoded  ->  the decoded UTF-8 name
bool dispositionMatches(const QByteArray &header, const QString &stored)
{
    static const QByteArray start = "attachment; filename=\"";
    static const QByteArray middle = "\"; filename*=UTF-8''";
    if (!header.startsWith(start))
        return false;
    const qsizetype mid = header.indexOf(middle, start.size());
    if (mid < 0)
        return false;
    const QByteArray ascii = header.mid(start.size(), mid - start.size());
    for (const char c : ascii)
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
            return false;
    const QByteArray encoded = header.mid(mid + middle.size());
    for (const char c : encoded)
        if (!(std::isalnum(static_cast<unsigned char>(c))
              || std::string_view("!#$&+-.^_`|~%").find(c) != std::string_view::npos))
            return false;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded)) == stored;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_server = new Fuzz::InProcessServer;
    newTicket();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const std::string_view input(reinterpret_cast<const char *>(data + 1), size - 1);
    const Kind &kind = Kinds[data[0] & 7];
    const size_t newline = input.find('\n');
    std::string filename(input.substr(0, newline));
    std::string content(newline == std::string_view::npos ? std::string_view()
                                                          : input.substr(newline + 1));
    filename.erase(std::remove(filename.begin(), filename.end(), '\r'), filename.end());
    filename += kind.suffix;
    if (data[0] & 8)
        content.insert(0, kind.magic);

    if (g_uploadsOnTicket >= 20) // keeps the ticket JSON, answered on every upload, small
        newTicket();
    const std::string body = std::string("--") + Boundary
                             + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                             + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                             + content + "\r\n--" + Boundary + "--\r\n";
    const std::string raw = Fuzz::InProcessServer::request("POST",
                                                           "/api/v1/org/support/tickets/" + g_ticket
                                                               + "/attachments",
                                                           g_server->tokenA,
                                                           body,
                                                           std::string("multipart/form-data; "
                                                                       "boundary=")
                                                               + Boundary);
    const Fuzz::Reply reply = g_server->send(raw);
    if (reply.status == 0 || reply.status >= 500)
        Fuzz::failure("an upload got no answer or a 5xx", raw, reply);

    QString what;
    if ((++g_iteration % 32 == 0 || reply.status != 201) && !dataDirClean(&what))
        Fuzz::failure(qPrintable(QStringLiteral("unexpected entry in the data directory: ") + what),
                      raw,
                      reply);
    if (reply.status != 201)
        return 0;

    ++g_uploadsOnTicket;
    const QJsonArray attachments
        = QJsonDocument::fromJson(reply.body).object().value(QLatin1String("attachments")).toArray();
    QJsonObject added;
    for (const QJsonValue &a : attachments)
        if (!g_known.contains(a.toObject().value(QLatin1String("id")).toString()))
            added = a.toObject();
    const QString id = added.value(QLatin1String("id")).toString();
    const QString stored = added.value(QLatin1String("filename")).toString();
    if (!isUuidName(id) || attachments.size() != g_known.size() + 1)
        Fuzz::failure("not exactly one new attachment with a uuid", raw, reply);
    g_known.insert(id);
    if (!storedNameSafe(stored))
        Fuzz::failure("the stored file name is not sanitised", raw, reply);
    if (QFileInfo(QDir(g_server->dataDir()).filePath(QStringLiteral("attachments/") + id)).size()
        != qint64(content.size()))
        Fuzz::failure("the stored file does not have the uploaded size", raw, reply);

    const Fuzz::Reply download = g_server->send(
        "GET /api/v1/org/support/tickets/" + g_ticket + "/attachments/" + id.toStdString()
        + " HTTP/1.1\r\nHost: fuzz\r\nAuthorization: Bearer " + g_server->tokenA + "\r\n\r\n");
    if (download.status != 200 || download.body != QByteArray::fromStdString(content))
        Fuzz::failure("the download differs from the upload", raw, download);
    if (!dispositionMatches(download.header("Content-Disposition"), stored))
        Fuzz::failure(qPrintable(QStringLiteral("bad Content-Disposition: ")
                                 + QString::fromUtf8(download.header("Content-Disposition"))),
                      raw,
                      download);
    return 0;
}

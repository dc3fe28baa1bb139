#include "attachmentfiles.h"

#include "wire/enums.h"

#include <QDir>
#include <QSet>
#include <QSqlQuery>

namespace Ankra::Server {

namespace {

bool startsWith(const std::string &head, std::string_view magic)
{
    return head.size() >= magic.size() && head.compare(0, magic.size(), magic) == 0;
}

// Valid UTF-8 without NUL; a sequence cut by the end of the sniff window is fine.
bool looksLikeText(const std::string &head, bool complete)
{
    size_t i = 0;
    while (i < head.size()) {
        const auto c = static_cast<unsigned char>(head[i]);
        if (c == 0)
            return false;
        int follow = 0;
        if (c < 0x80)
            follow = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            follow = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            follow = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            follow = 3;
        else
            return false;
        if (i + follow >= head.size() && follow > 0)
            return !complete; // truncated at the window's end
        for (int k = 1; k <= follow; ++k)
            if ((static_cast<unsigned char>(head[i + k]) & 0xC0) != 0x80)
                return false;
        i += follow + 1;
    }
    return true;
}

} // namespace

const QStringList &allowedExtensions()
{
    return Wire::defaultAllowedExtensions();
}

QString attachmentExtension(const QString &filename)
{
    const QString lower = filename.toLower();
    if (lower.endsWith(QLatin1String(".tar.gz")))
        return QStringLiteral("tar.gz");
    const qsizetype dot = lower.lastIndexOf(u'.');
    if (dot < 0)
        return {};
    const QString ext = lower.mid(dot + 1);
    return allowedExtensions().contains(ext) ? ext : QString();
}

QString sanitizeFilename(const QString &filename)
{
    QString name = filename;
    const qsizetype slash = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    if (slash >= 0)
        name = name.mid(slash + 1);
    QString clean;
    for (const QChar c : std::as_const(name))
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f && c.category() != QChar::Other_Format)
            clean.append(c);
    clean = clean.trimmed();
    while (clean.startsWith(u'.'))
        clean.remove(0, 1);
    // Keep the extension when shortening to 255 UTF-8 bytes.
    while (clean.toUtf8().size() > 255) {
        const qsizetype dot = clean.lastIndexOf(u'.');
        if (dot > 0 && clean.size() - dot < 16)
            clean.remove(dot - 1, 1);
        else
            clean.chop(1);
    }
    return clean.isEmpty() ? QStringLiteral("attachment") : clean;
}

bool looksExecutable(const std::string &head)
{
    return startsWith(head,
                      "\x7f"
                      "ELF")
           || startsWith(head, "MZ") || startsWith(head, "#!")
           || startsWith(head, "\xcf\xfa\xed\xfe") || startsWith(head, "\xca\xfe\xba\xbe");
}

SniffResult sniffAttachment(const QString &ext, const std::string &head, bool complete)
{
    auto refuse = [](const QString &why) { return SniffResult{false, {}, why}; };
    if (looksExecutable(head))
        return refuse(QStringLiteral("Executable files are not accepted"));
    if (ext.isEmpty())
        return refuse(QStringLiteral("File type not allowed; allowed: %1")
                          .arg(allowedExtensions().join(QStringLiteral(", "))));
    struct Magic
    {
        const char *ext;
        std::string_view magic;
        const char *type;
    };
    static const Magic binary[] = {
        {"png", "\x89PNG\r\n\x1a\n", "image/png"},
        {"jpg", "\xff\xd8\xff", "image/jpeg"},
        {"jpeg", "\xff\xd8\xff", "image/jpeg"},
        {"gif", "GIF8", "image/gif"},
        {"pdf", "%PDF-", "application/pdf"},
        {"tar.gz", "\x1f\x8b", "application/gzip"},
        {"tgz", "\x1f\x8b", "application/gzip"},
        {"zip", "PK\x03\x04", "application/zip"},
    };
    for (const Magic &m : binary) {
        if (ext != QLatin1String(m.ext))
            continue;
        if (startsWith(head, m.magic))
            return {true, QString::fromLatin1(m.type), {}};
        return refuse(QStringLiteral("The content is not a %1 file").arg(ext));
    }
    if (ext == QLatin1String("webp")) {
        if (head.size() >= 12 && startsWith(head, "RIFF") && head.compare(8, 4, "WEBP") == 0)
            return {true, QStringLiteral("image/webp"), {}};
        return refuse(QStringLiteral("The content is not a webp file"));
    }
    if (!looksLikeText(head, complete))
        return refuse(QStringLiteral("The content of a .%1 file must be UTF-8 text").arg(ext));
    static const QHash<QString, QString> textTypes{
        {QStringLiteral("yaml"), QStringLiteral("application/yaml")},
        {QStringLiteral("yml"), QStringLiteral("application/yaml")},
        {QStringLiteral("json"), QStringLiteral("application/json")},
        {QStringLiteral("toml"), QStringLiteral("application/toml")},
        {QStringLiteral("xml"), QStringLiteral("application/xml")},
        {QStringLiteral("diff"), QStringLiteral("text/x-diff")},
        {QStringLiteral("patch"), QStringLiteral("text/x-diff")},
    };
    return {true, textTypes.value(ext, QStringLiteral("text/plain; charset=utf-8")), {}};
}

std::string contentDisposition(const QString &filename)
{
    std::string ascii;
    std::string encoded;
    for (const QChar c : filename) {
        const ushort u = c.unicode();
        const bool plain = u >= 0x20 && u < 0x7f && u != '"' && u != '\\' && u != '%';
        ascii += plain ? char(u) : '_';
    }
    for (const char byte : filename.toUtf8()) {
        const auto b = static_cast<unsigned char>(byte);
        if (std::isalnum(b)
            || std::string_view("!#$&+-.^_`|~").find(char(b)) != std::string_view::npos) {
            encoded += char(b);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", b);
            encoded += hex;
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

int sweepAttachments(Database &db)
{
    QSet<QString> known;
    QSqlDatabase conn = db.connection();
    QSqlQuery q(conn);
    if (!q.exec(QStringLiteral("SELECT id FROM attachments")))
        return 0; // never delete files when the rows cannot be read
    while (q.next())
        known.insert(q.value(0).toString());
    QDir dir(db.attachmentsDir());
    int removed = 0;
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : files) {
        if (known.contains(name))
            continue;
        if (dir.remove(name))
            ++removed;
    }
    return removed;
}

} // namespace Ankra::Server

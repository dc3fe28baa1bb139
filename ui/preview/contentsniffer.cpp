#include "contentsniffer.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QBuffer>
#include <QImageReader>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStringList>

namespace Ankra::Ui {

namespace {

// Length of the UTF-8 sequence starting with lead byte c, or 0 when c cannot start one.
int utf8SequenceLength(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

bool looksLikeText(QByteArrayView head)
{
    qint64 bad = 0;
    const qint64 size = head.size();
    for (qint64 i = 0; i < size;) {
        const auto c = static_cast<unsigned char>(head[i]);
        if (c == 0)
            return false;
        const int len = utf8SequenceLength(c);
        if (len == 0) {
            ++bad;
            ++i;
            continue;
        }
        if (len == 1) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
                ++bad;
            ++i;
            continue;
        }
        if (i + len > size)
            break; // a sequence cut by the end of the head
        for (int k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(head[i + k]) & 0xC0) != 0x80) {
                ++bad;
                break;
            }
        }
        i += len;
    }
    // Tolerate a little Latin-1 or stray bytes in logs; they show as replacement characters.
    return bad * 100 <= size;
}

QStringList firstLines(QByteArrayView head, int count)
{
    QStringList lines;
    const QString text = QString::fromUtf8(head.first(std::min<qint64>(head.size(), 8192)));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString trimmed = line;
        if (trimmed.endsWith(QLatin1Char('\r')))
            trimmed.chop(1);
        if (trimmed.trimmed().isEmpty())
            continue;
        lines.append(trimmed);
        if (lines.size() >= count)
            break;
    }
    return lines;
}

bool isLogLine(const QString &line)
{
    static const QRegularExpression timestamp(QStringLiteral(
        R"(^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|^\[?\d{2}:\d{2}:\d{2}[.,]\d|)"
        R"(^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}|^[IWEF]\d{4} \d{2}:\d{2}:\d{2})"));
    static const QRegularExpression
        keyValue(QStringLiteral(
                     R"(\b(level|lvl|severity)=\"?(debug|info|warn|warning|error|fatal|trace))"),
                 QRegularExpression::CaseInsensitiveOption);
    return timestamp.match(line).hasMatch() || keyValue.match(line).hasMatch();
}

bool isYamlLine(const QString &line)
{
    static const QRegularExpression yaml(
        QStringLiteral(R"(^\s*(- )?[A-Za-z_][\w.\-/]*:(\s|$)|^\s*- |^\s*#|^---\s*$)"));
    return yaml.match(line).hasMatch();
}

} // namespace

ContentKind sniffContent(QByteArrayView head, QByteArray *imageFormat)
{
    const QByteArray bytes = head.toByteArray();
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format();
    static const QByteArrayList imageFormats = {"png", "jpeg", "jpg", "gif", "webp", "bmp"};
    if (!format.isEmpty() && imageFormats.contains(format.toLower())) {
        if (imageFormat)
            *imageFormat = format;
        return ContentKind::Image;
    }
    return looksLikeText(head) ? ContentKind::Text : ContentKind::Binary;
}

QString definitionNameForContent(QByteArrayView head)
{
    const QStringList lines = firstLines(head, 10);
    if (lines.isEmpty())
        return {};
    const QString &first = lines.first();

    if (first.startsWith(QLatin1String("#!"))) {
        static const QRegularExpression shell(QStringLiteral(R"(^#!.*\b(ba|z|k|da)?sh\b)"));
        if (shell.match(first).hasMatch())
            return QStringLiteral("Bash");
        if (first.contains(QLatin1String("python")))
            return QStringLiteral("Python");
    }
    if (first.startsWith(QLatin1String("diff --git ")) || first.startsWith(QLatin1String("Index: "))
        || (first.startsWith(QLatin1String("--- ")) && lines.size() > 1
            && lines.at(1).startsWith(QLatin1String("+++ ")))) {
        return QStringLiteral("Diff");
    }

    int logLines = 0;
    for (const QString &line : lines)
        logLines += isLogLine(line) ? 1 : 0;
    if (logLines * 2 > lines.size())
        return QLatin1String(LogDefinitionName);

    const QString trimmed = first.trimmed();
    static const QRegularExpression jsonStart(
        QStringLiteral(R"(^(\{\s*("|\}|$)|\[\s*(\{|\[|"|\]|$)))"));
    if (jsonStart.match(trimmed).hasMatch())
        return QStringLiteral("JSON");

    static const QRegularExpression kubernetes(QStringLiteral(R"(^(apiVersion|kind|metadata):)"));
    if (kubernetes.match(first).hasMatch() || trimmed == QLatin1String("---"))
        return QStringLiteral("YAML");
    int yamlLines = 0;
    for (const QString &line : lines)
        yamlLines += isYamlLine(line) ? 1 : 0;
    if (lines.size() >= 2 && yamlLines * 10 >= lines.size() * 8)
        return QStringLiteral("YAML");
    return {};
}

KSyntaxHighlighting::Definition pickDefinition(const KSyntaxHighlighting::Repository &repository,
                                               const QString &fileName,
                                               QByteArrayView head)
{
    if (!fileName.isEmpty()) {
        // "app.log.1" would otherwise be taken for a man page.
        static const QRegularExpression rotatedLog(QStringLiteral(R"(\.log\.\d+$)"));
        const QString name = rotatedLog.match(fileName).hasMatch() ? QStringLiteral("rotated.log")
                                                                   : fileName;
        const KSyntaxHighlighting::Definition byName = repository.definitionForFileName(name);
        if (byName.isValid() && byName.name().startsWith(QLatin1String("Log File"))) {
            const auto advanced = repository.definitionForName(QLatin1String(LogDefinitionName));
            return advanced.isValid() ? advanced : byName;
        }
        if (byName.isValid())
            return byName;
    }
    const QString contentName = definitionNameForContent(head);
    if (!contentName.isEmpty()) {
        const KSyntaxHighlighting::Definition byContent = repository.definitionForName(contentName);
        if (byContent.isValid())
            return byContent;
    }
    const QMimeType mime = QMimeDatabase().mimeTypeForFileNameAndData(fileName, head.toByteArray());
    if (mime.isValid() && mime.name() != QLatin1String("text/plain"))
        return repository.definitionForMimeType(mime.name());
    return {};
}

} // namespace Ankra::Ui

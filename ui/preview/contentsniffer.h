#pragma once

// Decides how a file is previewed from its name and its first bytes: as an image, as text
// (and with which KSyntaxHighlighting definition), or not at all. Pure functions, no I/O.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace KSyntaxHighlighting {
class Definition;
class Repository;
} // namespace KSyntaxHighlighting

namespace Ankra::Ui {

enum class ContentKind { Text, Image, Binary };

// How many leading bytes the sniffers look at.
inline constexpr qint64 SniffBytes = 64 * 1024;

// Image when Qt can read it as png/jpeg/gif/webp/bmp (imageFormat receives the format), text
// when the head has no NUL byte and is nearly all valid UTF-8 without control characters.
ContentKind sniffContent(QByteArrayView head, QByteArray *imageFormat = nullptr);

// Logs get the "advanced" log definition: it colours dates, levels and numbers separately
// where the "simplified" one paints each line in a single colour.
inline constexpr char LogDefinitionName[] = "Log File (advanced)";

// The definition name suggested by the content alone ("YAML", "JSON", "Diff", "Bash",
// LogDefinitionName), or an empty string.
QString definitionNameForContent(QByteArrayView head);

// By file name first (rotated logs such as app.log.1 count as .log), then by content, then by
// the MIME type guessed from name and content. An invalid Definition means plain text.
KSyntaxHighlighting::Definition pickDefinition(const KSyntaxHighlighting::Repository &repository,
                                               const QString &fileName,
                                               QByteArrayView head);

} // namespace Ankra::Ui

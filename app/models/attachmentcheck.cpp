#include "models/attachmentcheck.h"

#include <QCoreApplication>
#include <QLocale>

namespace Ankra::Models {

QString attachmentExtension(const QString &fileName)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".tar.gz")))
        return QStringLiteral("tar.gz");
    const qsizetype dot = lower.lastIndexOf(u'.');
    if (dot <= 0 || dot == lower.size() - 1)
        return {};
    return lower.mid(dot + 1);
}

QString attachmentRefusal(const QString &fileName,
                          qint64 sizeBytes,
                          int alreadyAttached,
                          const Wire::Limits &limits)
{
    // The context lupdate gives tr() calls at namespace scope: the two must match.
    auto tr = [](const char *text) { return QCoreApplication::translate("Ankra::Models", text); };
    const QString ext = attachmentExtension(fileName);
    if (!limits.allowedExtensions.isEmpty() && !limits.allowedExtensions.contains(ext)) {
        return tr("%1: this type of file is not accepted. Attach logs, manifests, diffs, "
                  "screenshots, PDFs or archives (%2).")
            .arg(fileName, limits.allowedExtensions.join(QStringLiteral(", ")));
    }
    if (sizeBytes > limits.maxAttachmentBytes) {
        const QLocale locale;
        return tr("%1 is %2; files may be at most %3.")
            .arg(fileName,
                 locale.formattedDataSize(sizeBytes, 1, QLocale::DataSizeIecFormat),
                 locale.formattedDataSize(limits.maxAttachmentBytes, 1, QLocale::DataSizeIecFormat));
    }
    if (alreadyAttached >= limits.maxAttachmentsPerTicket) {
        return QCoreApplication::translate("Ankra::Models::Attachments",
                                           "%1: this ticket already has the most attachments "
                                           "allowed (%n).",
                                           nullptr,
                                           limits.maxAttachmentsPerTicket)
            .arg(fileName);
    }
    if (sizeBytes == 0)
        return tr("%1 is empty.").arg(fileName);
    return {};
}

} // namespace Ankra::Models

#include "models/cannedreplies.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Ankra::Models {

CannedReplyStore::CannedReplyStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
    load();
}

void CannedReplyStore::load()
{
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("The canned replies could not be read: %1").arg(file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonArray array = doc.object().value(QLatin1String("replies")).toArray();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_error = tr("The canned replies file %1 is damaged.").arg(m_path);
        return;
    }
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        CannedReply reply{o.value(QLatin1String("title")).toString(),
                          o.value(QLatin1String("body")).toString()};
        if (!reply.title.trimmed().isEmpty() && !reply.body.trimmed().isEmpty())
            m_replies.append(reply);
    }
}

bool CannedReplyStore::write()
{
    QJsonArray array;
    for (const CannedReply &r : std::as_const(m_replies))
        array.append(
            QJsonObject{{QStringLiteral("title"), r.title}, {QStringLiteral("body"), r.body}});
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                {QStringLiteral("replies"), array}})
                          .toJson())
               < 0
        || !file.commit()) {
        m_error = tr("The canned replies could not be saved: %1").arg(file.errorString());
        return false;
    }
    m_error.clear();
    return true;
}

bool CannedReplyStore::save(const CannedReply &reply)
{
    CannedReply clean{reply.title.trimmed(), reply.body};
    if (clean.title.isEmpty()) {
        m_error = tr("A canned reply needs a title.");
        return false;
    }
    if (clean.body.trimmed().isEmpty()) {
        m_error = tr("A canned reply needs some text.");
        return false;
    }
    const QList<CannedReply> before = m_replies;
    auto it = std::find_if(m_replies.begin(), m_replies.end(), [&](const CannedReply &r) {
        return r.title.compare(clean.title, Qt::CaseInsensitive) == 0;
    });
    if (it != m_replies.end())
        *it = clean;
    else
        m_replies.append(clean);
    if (!write()) {
        m_replies = before;
        return false;
    }
    emit changed();
    return true;
}

bool CannedReplyStore::remove(const QString &title)
{
    const QList<CannedReply> before = m_replies;
    m_replies.removeIf([&](const CannedReply &r) {
        return r.title.compare(title.trimmed(), Qt::CaseInsensitive) == 0;
    });
    if (m_replies.size() == before.size())
        return false;
    if (!write()) {
        m_replies = before;
        return false;
    }
    emit changed();
    return true;
}

} // namespace Ankra::Models

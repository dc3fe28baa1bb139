#include "api/jobs.h"

#include "wire/enums.h"

#include "wire/json.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>

namespace Ankra::Api {

namespace {

// Parses a JSON object body with `parse`, or fails the job as malformed.
template<typename T, typename F>
bool parseInto(const QByteArray &body, F parse, T &out, QString &why)
{
    auto object = Wire::parseObject(body);
    if (auto *e = std::get_if<Wire::ParseError>(&object)) {
        why = e->message;
        return false;
    }
    auto parsed = parse(std::get<QJsonObject>(object));
    if (auto *e = std::get_if<Wire::ParseError>(&parsed)) {
        why = e->message;
        return false;
    }
    out = std::get<T>(std::move(parsed));
    return true;
}

void insertIfSet(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

} // namespace

QJsonObject toJson(const ReviewRequest &request)
{
    QJsonObject o{{QStringLiteral("subject"), request.subject},
                  {QStringLiteral("description"), request.description},
                  {QStringLiteral("category"), request.category},
                  {QStringLiteral("source"), request.source}};
    insertIfSet(o, "cluster_id", request.clusterId);
    return o;
}

QJsonObject toJson(const CreateTicketRequest &request)
{
    QJsonObject o{{QStringLiteral("category"), request.category},
                  {QStringLiteral("source"), request.source},
                  {QStringLiteral("acknowledged"), request.acknowledged}};
    insertIfSet(o, "review_id", request.reviewId);
    insertIfSet(o, "subject", request.subject);
    insertIfSet(o, "description", request.description);
    insertIfSet(o, "cluster_id", request.clusterId);
    insertIfSet(o, "severity", request.severity);
    if (!request.environment.isEmpty())
        o.insert(QStringLiteral("environment"), request.environment);
    if (!request.clarificationAnswers.isEmpty()) {
        QJsonArray answers;
        for (const ClarificationAnswer &a : request.clarificationAnswers)
            answers.append(QJsonObject{{QStringLiteral("question"), a.question},
                                       {QStringLiteral("answer"), a.answer}});
        o.insert(QStringLiteral("clarification_answers"), answers);
    }
    return o;
}

Wire::Limits contractDefaultLimits()
{
    Wire::Limits limits;
    limits.maxAttachmentBytes = 25 * 1024 * 1024;
    limits.maxAttachmentsPerTicket = 10;
    limits.allowedExtensions = Wire::defaultAllowedExtensions();
    return limits;
}

void ListTicketsJob::parseResponse(const QByteArray &body)
{
    QString why;
    if (!parseInto(body, Wire::parseTicketPage, m_page, why))
        failMalformed(why);
}

void TicketJob::parseResponse(const QByteArray &body)
{
    QString why;
    if (!parseInto(body, Wire::parseTicket, m_ticket, why))
        failMalformed(why);
}

UploadJob::UploadJob(QNetworkAccessManager *nam,
                     QNetworkRequest request,
                     QString filePath,
                     QObject *parent)
    : TicketJob(nam, std::move(request), Method::Post, {}, parent)
    , m_filePath(std::move(filePath))
{}

QNetworkReply *UploadJob::sendRequest(QNetworkAccessManager *nam, const QNetworkRequest &request)
{
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    auto *file = new QFile(m_filePath, multiPart);
    if (!file->open(QIODevice::ReadOnly)) {
        failLocally(ApiError::Kind::LocalFile,
                    tr("The file %1 could not be read: %2")
                        .arg(QFileInfo(m_filePath).fileName(), file->errorString()));
        delete multiPart;
        return nullptr;
    }
    QString name = QFileInfo(m_filePath).fileName();
    name.replace(u'"', u'_').replace(u'\\', u'_').replace(u'\r', u'_').replace(u'\n', u'_');
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(name));
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(m_filePath,
                                                           QMimeDatabase::MatchExtension);
    part.setHeader(QNetworkRequest::ContentTypeHeader,
                   mime.isValid() && !mime.isDefault()
                       ? mime.name()
                       : QStringLiteral("application/octet-stream"));
    part.setBodyDevice(file);
    multiPart->append(part);
    QNetworkReply *reply = nam->post(request, multiPart);
    multiPart->setParent(reply);
    return reply;
}

DownloadJob::DownloadJob(QNetworkAccessManager *nam,
                         QNetworkRequest request,
                         QString targetPath,
                         QObject *parent)
    : ApiJob(nam, std::move(request), Method::Get, {}, parent)
    , m_targetPath(std::move(targetPath))
{}

DownloadJob::~DownloadJob()
{
    if (m_file)
        m_file->cancelWriting();
}

bool DownloadJob::consumeBody(QNetworkReply *reply)
{
    // Qt buffers an unread reply without limit: when the disk or the GUI thread is slower than
    // loopback, a 200 MB download grew the process by up to 122 MB (bench_client P3). Bounded,
    // the network thread waits for us instead.
    if (reply->readBufferSize() == 0)
        reply->setReadBufferSize(1024 * 1024);
    if (!m_file) {
        m_contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        m_file = std::make_unique<QSaveFile>(m_targetPath);
        if (!m_file->open(QIODevice::WriteOnly)) {
            failLocally(ApiError::Kind::LocalFile,
                        tr("Cannot write %1: %2").arg(m_targetPath, m_file->errorString()));
            reply->abort();
            return true;
        }
    }
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(qMin<qint64>(reply->bytesAvailable(), 256 * 1024));
        if (chunk.isEmpty())
            break;
        if (m_file->write(chunk) != chunk.size()) {
            failLocally(ApiError::Kind::LocalFile,
                        tr("Cannot write %1: %2").arg(m_targetPath, m_file->errorString()));
            reply->abort();
            return true;
        }
        m_written += chunk.size();
    }
    return true;
}

void DownloadJob::parseResponse(const QByteArray &)
{
    if (!m_file) { // an empty file: no readyRead came
        m_file = std::make_unique<QSaveFile>(m_targetPath);
        if (!m_file->open(QIODevice::WriteOnly)) {
            failLocally(ApiError::Kind::LocalFile,
                        tr("Cannot write %1: %2").arg(m_targetPath, m_file->errorString()));
            return;
        }
    }
    if (!m_file->commit())
        failLocally(ApiError::Kind::LocalFile,
                    tr("Cannot write %1: %2").arg(m_targetPath, m_file->errorString()));
    m_file.reset();
}

void DownloadJob::discardPartialResult()
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
}

void ReviewJob::parseResponse(const QByteArray &body)
{
    QString why;
    if (!parseInto(body, Wire::parseReviewResult, m_review, why))
        failMalformed(why);
}

void LimitsJob::parseResponse(const QByteArray &body)
{
    QString why;
    Wire::Limits limits;
    if (!parseInto(body, Wire::parseLimits, limits, why))
        return failMalformed(why);
    // Accept ".log" as well as "log"; a server that names none gets the contract's list.
    for (QString &ext : limits.allowedExtensions) {
        ext = ext.trimmed().toLower();
        while (ext.startsWith(u'.'))
            ext.remove(0, 1);
    }
    limits.allowedExtensions.removeAll(QString());
    if (limits.allowedExtensions.isEmpty())
        limits.allowedExtensions = contractDefaultLimits().allowedExtensions;
    m_limits = limits;
}

void LimitsJob::recoverFromError()
{
    if (m_error.kind != ApiError::Kind::NotFound)
        return;
    m_error = {};
    m_limits = contractDefaultLimits();
    m_fallback = true;
}

void ClustersJob::parseResponse(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    auto parsed = Wire::parseClusters(value);
    if (auto *e = std::get_if<Wire::ParseError>(&parsed))
        return failMalformed(e->message);
    m_clusters = std::get<QList<Wire::Cluster>>(std::move(parsed));
}

void ClustersJob::recoverFromError()
{
    // Clusters only help to filter and to fill a form: a backend without the route has none.
    if (m_error.kind == ApiError::Kind::NotFound)
        m_error = {};
}

} // namespace Ankra::Api

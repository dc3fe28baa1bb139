#include "api/jobs.h"

#include "wire/pagereader.h"

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
#include <QRandomGenerator>
#include <QThreadPool>

#include <cstdio>
#include <memory>

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

ListTicketsJob::~ListTicketsJob()
{
    if (m_handBack)
        m_handBack->revoke();
}

void ListTicketsJob::parseResponse(const QByteArray &body)
{
    // A page of 100 rows takes ~1-2 ms to parse: on the pool, not in the GUI thread, so that
    // pages read ahead are parsed in parallel while the list paints (bench_client P1). The ids'
    // hashes too (TicketListModel's index of its rows). The outcome comes back through a
    // HandBack, not QFuture::then(this): the job may be deleted while the pool parses (a page
    // dropped, the application quitting), and Qt 6.4's continuation then posts to freed memory.
    struct Outcome
    {
        Wire::Parsed<Wire::TicketPage> parsed;
        QList<size_t> hashes;
    };
    deferFinish();
    if (!m_handBack)
        m_handBack = std::make_shared<HandBack>(this);
    QThreadPool::globalInstance()->start([handBack = m_handBack, job = this, body] {
        auto outcome = std::make_shared<Outcome>();
        // The direct reader takes the server's pages; anything unusual goes the general way.
        if (std::optional<Wire::TicketPage> page = Wire::readTicketPageFast(body)) {
            outcome->parsed = std::move(*page);
        } else {
            auto object = Wire::parseObject(body);
            if (auto *e = std::get_if<Wire::ParseError>(&object))
                outcome->parsed = *e;
            else
                outcome->parsed = Wire::parseTicketPage(std::get<QJsonObject>(object));
        }
        if (auto *page = std::get_if<Wire::TicketPage>(&outcome->parsed)) {
            outcome->hashes.reserve(page->result.size());
            for (const Wire::TicketSummary &t : std::as_const(page->result))
                outcome->hashes.append(Wire::ticketIdHash(t.id));
        }
        // Runs only while the job lives (the job is the call's context).
        handBack->post([job, outcome] {
            if (job->isFinished())
                return;
            if (auto *e = std::get_if<Wire::ParseError>(&outcome->parsed)) {
                job->failMalformed(e->message);
            } else {
                job->m_page = std::get<Wire::TicketPage>(std::move(outcome->parsed));
                job->m_idHashes = std::move(outcome->hashes);
            }
            job->finishDeferred();
        });
    });
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
    discardPartialResult();
}

bool DownloadJob::openPartFile()
{
    // A name of our own next to the target (same file system, so the final rename is atomic),
    // created exclusively and with the usual permissions (0666 & ~umask, unlike QTemporaryFile's
    // 0600), as QSaveFile does.
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QString part = QStringLiteral("%1.%2.part")
                                 .arg(m_targetPath)
                                 .arg(qulonglong(QRandomGenerator::global()->generate()),
                                      8,
                                      16,
                                      QChar(u'0'));
        m_file = std::make_unique<QFile>(part);
        if (m_file->open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
            return true;
        if (m_file->error() != QFileDevice::OpenError || !QFileInfo::exists(part))
            break; // not a name clash
    }
    failLocally(ApiError::Kind::LocalFile,
                tr("Cannot write %1: %2").arg(m_targetPath, m_file->errorString()));
    m_file.reset();
    return false;
}

bool DownloadJob::commitPartFile()
{
    const QString part = m_file->fileName();
    m_file->close();
    bool renamed = m_file->error() == QFileDevice::NoError
                   && std::rename(QFile::encodeName(part).constData(),
                                  QFile::encodeName(m_targetPath).constData())
                          == 0;
    if (!renamed && m_file->error() == QFileDevice::NoError) {
        // rename() over an existing file is atomic on POSIX; elsewhere replace it explicitly.
        QFile::remove(m_targetPath);
        renamed = QFile::rename(part, m_targetPath);
    }
    if (!renamed) {
        failLocally(ApiError::Kind::LocalFile,
                    tr("Cannot write %1: %2")
                        .arg(m_targetPath,
                             m_file->error() != QFileDevice::NoError
                                 ? m_file->errorString()
                                 : tr("the file could not be moved into place")));
        QFile::remove(part);
    }
    m_file.reset();
    return renamed;
}

bool DownloadJob::consumeBody(QNetworkReply *reply)
{
    // Qt buffers an unread reply without limit: when the disk or the GUI thread is slower than
    // loopback, a 200 MB download grew the process by up to 122 MB (bench_client P3). Bounded,
    // the network thread waits for us instead. (4 MB was no faster and grew it by 48 MB.)
    constexpr qint64 ReadBuffer = 1024 * 1024;
    constexpr qint64 Chunk = 256 * 1024;
    if (reply->readBufferSize() == 0)
        reply->setReadBufferSize(ReadBuffer);
    if (!m_file) {
        m_contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        if (!openPartFile()) {
            reply->abort();
            return true;
        }
    }
    if (m_chunk.size() < Chunk)
        m_chunk.resize(Chunk);
    while (reply->bytesAvailable() > 0) {
        const qint64 n = reply->read(m_chunk.data(), Chunk);
        if (n <= 0)
            break;
        if (m_file->write(m_chunk.constData(), n) != n) {
            failLocally(ApiError::Kind::LocalFile,
                        tr("Cannot write %1: %2").arg(m_targetPath, m_file->errorString()));
            reply->abort();
            return true;
        }
        m_written += n;
    }
    return true;
}

void DownloadJob::parseResponse(const QByteArray &)
{
    m_chunk = QByteArray();
    if (!m_file && !openPartFile()) // an empty file: no readyRead came
        return;
    commitPartFile();
}

void DownloadJob::discardPartialResult()
{
    m_chunk = QByteArray();
    if (!m_file)
        return;
    const QString part = m_file->fileName();
    m_file->close();
    QFile::remove(part);
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

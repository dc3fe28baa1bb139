#pragma once

// The jobs of the Support API, one per endpoint of ../shared/api/support-api.md, and the request
// values they are built from. Jobs are created by ApiClient; results are valid once finished()
// was emitted with ok() true.

#include "api/apijob.h"
#include "api/handback.h"
#include "wire/types.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

class QFile;

namespace Ankra::Api {

struct TicketQuery
{
    QStringList statuses; // empty: every status
    QString clusterId;
    QString search;
    int page = 1;
    int pageSize = 25;

    friend bool operator==(const TicketQuery &, const TicketQuery &) = default;
};

struct ReviewRequest // endpoint 1
{
    QString subject;
    QString description;
    QString category = QStringLiteral("technical");
    QString clusterId; // empty: none
    QString source = QStringLiteral("api");
};

struct ClarificationAnswer
{
    QString question;
    QString answer;
};

struct CreateTicketRequest // endpoint 2
{
    QString reviewId; // with it the server takes subject/description/category/cluster from the review
    QString subject;
    QString description;
    QString category = QStringLiteral("technical");
    QString clusterId;
    QString severity;
    QString source = QStringLiteral("api");
    bool acknowledged = false;
    QJsonObject environment;
    QList<ClarificationAnswer> clarificationAnswers;
};

// Pure request-body builders (tested without a network).
QJsonObject toJson(const ReviewRequest &request);
QJsonObject toJson(const CreateTicketRequest &request);

// The attachment limits the contract gives as server defaults (§7), used when the server has
// no limits endpoint (404).
Wire::Limits contractDefaultLimits();

class ListTicketsJob : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    ~ListTicketsJob() override;
    const Wire::TicketPage &page() const { return m_page; }
    Wire::TicketPage takePage() { return std::exchange(m_page, {}); } // page() is empty after
    // Wire::ticketIdHash() of each row's id, in the rows' order, computed with the parse.
    const QList<size_t> &idHashes() const { return m_idHashes; }

protected:
    void parseResponse(const QByteArray &body) override;

private:
    Wire::TicketPage m_page;
    QList<size_t> m_idHashes;
    std::shared_ptr<HandBack> m_handBack; // the parsing thread's way back to this job
};

// Get, comment, close, upload and create all answer with a Ticket.
class TicketJob : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const Wire::Ticket &ticket() const { return m_ticket; }

protected:
    void parseResponse(const QByteArray &body) override;

private:
    Wire::Ticket m_ticket;
};

// Streams one local file as multipart/form-data (part "file") from disk: the file is never
// read into memory as a whole. Each attempt reopens the file.
class UploadJob : public TicketJob
{
    Q_OBJECT
public:
    UploadJob(QNetworkAccessManager *nam,
              QNetworkRequest request,
              QString filePath,
              QObject *parent);
    QString filePath() const { return m_filePath; }

protected:
    QNetworkReply *sendRequest(QNetworkAccessManager *nam, const QNetworkRequest &request) override;

private:
    QString m_filePath;
};

// Streams an attachment's bytes to `targetPath` through a partial file next to it, renamed over
// the target once the whole file arrived: the target appears (atomically) only then; a failed or
// cancelled download leaves nothing. Not fsynced (unlike QSaveFile): a download can be repeated,
// and the sync cost as much as the whole transfer (bench_client P3).
class DownloadJob : public ApiJob
{
    Q_OBJECT
public:
    DownloadJob(QNetworkAccessManager *nam,
                QNetworkRequest request,
                QString targetPath,
                QObject *parent);
    ~DownloadJob() override;
    QString targetPath() const { return m_targetPath; }
    qint64 bytesWritten() const { return m_written; }
    QString contentType() const { return m_contentType; }

protected:
    bool consumeBody(QNetworkReply *reply) override;
    void parseResponse(const QByteArray &body) override;
    void discardPartialResult() override;
    bool canRetry() const override { return m_written == 0; }

private:
    bool openPartFile();
    bool commitPartFile();

    QString m_targetPath;
    std::unique_ptr<QFile> m_file; // the partial file, renamed over m_targetPath on success
    QByteArray m_chunk;            // reused for every read: no allocation per chunk
    qint64 m_written = 0;
    QString m_contentType;
};

class ReviewJob : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const Wire::ReviewResult &review() const { return m_review; }

protected:
    void parseResponse(const QByteArray &body) override;

private:
    Wire::ReviewResult m_review;
};

class LimitsJob : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const Wire::Limits &limits() const { return m_limits; }
    // True when the server has no limits endpoint and the contract defaults are used.
    bool isFallback() const { return m_fallback; }

protected:
    void parseResponse(const QByteArray &body) override;
    void recoverFromError() override;

private:
    Wire::Limits m_limits = contractDefaultLimits();
    bool m_fallback = false;
};

class ClustersJob : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const QList<Wire::Cluster> &clusters() const { return m_clusters; }

protected:
    void parseResponse(const QByteArray &body) override;
    void recoverFromError() override;

private:
    QList<Wire::Cluster> m_clusters;
};

} // namespace Ankra::Api

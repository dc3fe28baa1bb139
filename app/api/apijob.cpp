#include "api/apijob.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Ankra::Api {

namespace {
constexpr int TransferTimeoutMs = 30'000; // without any progress
constexpr int MaxAttempts = 3;
} // namespace

ApiJob::ApiJob(QNetworkAccessManager *nam,
               QNetworkRequest request,
               Method method,
               QByteArray body,
               QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_request(std::move(request))
    , m_method(method)
    , m_body(std::move(body))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(TransferTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, &ApiJob::onTimeout);
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &ApiJob::send);
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::start()
{
    // Queued so a caller can connect to finished() after the job is returned.
    QMetaObject::invokeMethod(this, &ApiJob::send, Qt::QueuedConnection);
}

void ApiJob::send()
{
    if (m_finished)
        return;
    ++m_attempts;
    m_timedOut = false;
    switch (m_method) {
    case Method::Get:
        m_reply = m_nam->get(m_request);
        break;
    case Method::Post:
        m_reply = m_nam->post(m_request, m_body);
        break;
    case Method::Patch:
        m_reply = m_nam->sendCustomRequest(m_request, QByteArrayLiteral("PATCH"), m_body);
        break;
    }
    auto restartTimer = [this](qint64 done, qint64 total) {
        m_timeout.start();
        emit progress(done, total);
    };
    connect(m_reply, &QNetworkReply::downloadProgress, this, restartTimer);
    connect(m_reply, &QNetworkReply::uploadProgress, this, restartTimer);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    m_timeout.start();
}

void ApiJob::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    m_backoff.stop();
    m_timeout.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    m_error = errorFromResponse(QNetworkReply::OperationCanceledError, 0, {}, {});
    finish();
}

void ApiJob::onReplyFinished()
{
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QNetworkReply::NetworkError netError = reply->error();
    if (m_timedOut)
        netError = QNetworkReply::TimeoutError;

    m_error = errorFromResponse(status ? QNetworkReply::NoError : netError,
                                status,
                                body,
                                reply->rawHeader("Retry-After"),
                                reply->errorString());
    if (m_error.isError()) {
        const bool idempotent = m_method == Method::Get;
        if (idempotent && m_error.isTransient() && m_attempts < MaxAttempts) {
            int delayMs = 500 * (1 << (m_attempts - 1));
            if (m_error.kind == ApiError::Kind::RateLimited)
                delayMs = qMax(delayMs, m_error.retryAfterSeconds * 1000);
            if (delayMs <= 10'000) {
                m_backoff.start(delayMs);
                return;
            }
        }
        finish();
        return;
    }
    parseResponse(body);
    finish();
}

void ApiJob::failMalformed(const QString &why)
{
    m_error = ApiError{};
    m_error.kind = ApiError::Kind::Malformed;
    m_error.message = tr("The server's answer could not be read.");
    m_error.detail = why;
}

void ApiJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

} // namespace Ankra::Api

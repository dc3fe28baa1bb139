#include "api/apijob.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Ankra::Api {

ApiJob::ApiJob(QNetworkAccessManager *nam,
               QNetworkRequest request,
               Method method,
               QByteArray body,
               QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_nam(nam)
    , m_method(method)
    , m_body(std::move(body))
{
    m_timeout.setSingleShot(true);
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
    m_idempotencyKey = m_request.rawHeader("Idempotency-Key");
    // Queued so a caller can connect to finished() after the job is returned.
    if (m_failedLocally) // refused before sending (e.g. an insecure server URL)
        QMetaObject::invokeMethod(this, &ApiJob::finish, Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(this, &ApiJob::send, Qt::QueuedConnection);
}

bool ApiJob::isIdempotent() const
{
    return m_method == Method::Get || !m_idempotencyKey.isEmpty();
}

QNetworkReply *ApiJob::sendRequest(QNetworkAccessManager *nam, const QNetworkRequest &request)
{
    switch (m_method) {
    case Method::Get:
        return nam->get(request);
    case Method::Post:
        return nam->post(request, m_body);
    case Method::Patch:
        return nam->sendCustomRequest(request, QByteArrayLiteral("PATCH"), m_body);
    }
    return nullptr;
}

bool ApiJob::consumeBody(QNetworkReply *)
{
    return false;
}

void ApiJob::send()
{
    if (m_finished)
        return;
    ++m_attempts;
    m_timedOut = false;
    QNetworkReply *reply = sendRequest(m_nam, m_request);
    m_reply = reply;
    if (!reply) {
        if (!m_failedLocally)
            failLocally(ApiError::Kind::Malformed, tr("The request could not be sent."));
        discardPartialResult();
        finish();
        return;
    }
    // Progress only notes the time: the timer, when it fires, waits for the rest of the time
    // since the last progress (restarting it at every progress signal re-registered a timer
    // with the event loop several times per response; bench_client P1 sends 100).
    auto restartTimer = [this](qint64 done, qint64 total) {
        m_sinceProgress.start();
        emit progress(done, total);
    };
    connect(reply, &QNetworkReply::downloadProgress, this, restartTimer);
    connect(reply, &QNetworkReply::uploadProgress, this, restartTimer);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            consumeBody(reply);
    });
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    m_sinceProgress.start();
    m_timeout.start(m_policy.transferTimeoutMs);
}

void ApiJob::onTimeout()
{
    if (!m_reply)
        return;
    if (const qint64 left = m_policy.transferTimeoutMs - m_sinceProgress.elapsed(); left > 0) {
        m_timeout.start(int(left)); // progress came meanwhile
        return;
    }
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
    discardPartialResult();
    finish();
}

void ApiJob::onReplyFinished()
{
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->disconnect(this);
    reply->deleteLater();
    if (m_failedLocally) {
        discardPartialResult();
        finish();
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_httpStatus = status;
    QNetworkReply::NetworkError netError = reply->error();
    if (m_timedOut)
        netError = QNetworkReply::TimeoutError;
    const bool success = status >= 200 && status < 300 && !m_timedOut
                         && (netError == QNetworkReply::NoError
                             || netError >= QNetworkReply::ContentAccessDenied);
    bool consumed = false;
    if (success)
        consumed = consumeBody(reply);
    const QByteArray body = consumed ? QByteArray() : reply->readAll();

    // A transfer cut mid-body (timeout, connection reset) is a transport error even when the
    // status line had arrived.
    const bool cutShort = status && netError != QNetworkReply::NoError
                          && netError < QNetworkReply::ContentAccessDenied;
    m_error = errorFromResponse(status && !cutShort ? QNetworkReply::NoError : netError,
                                cutShort ? 0 : status,
                                body,
                                reply->rawHeader("Retry-After"),
                                reply->errorString());
    if (m_error.isError()) {
        if (isIdempotent() && canRetry() && m_error.isTransient()
            && m_attempts < m_policy.maxAttempts) {
            int delayMs = m_policy.baseDelayMs * (1 << (m_attempts - 1));
            if (m_error.kind == ApiError::Kind::RateLimited)
                delayMs = qMax(delayMs, m_error.retryAfterSeconds * 1000);
            if (delayMs <= m_policy.maxDelayMs) {
                m_backoff.start(delayMs);
                return;
            }
        }
        recoverFromError();
        if (m_error.isError())
            discardPartialResult();
        finish();
        return;
    }
    parseResponse(body);
    if (m_finishDeferred)
        return;
    if (m_error.isError())
        discardPartialResult();
    finish();
}

void ApiJob::finishDeferred()
{
    m_finishDeferred = false;
    if (m_finished) // cancelled meanwhile
        return;
    if (m_error.isError())
        discardPartialResult();
    finish();
}

void ApiJob::failMalformed(const QString &why)
{
    m_error = ApiError{};
    m_error.kind = ApiError::Kind::Malformed;
    m_error.httpStatus = m_httpStatus;
    m_error.message = tr("The server's answer could not be read.");
    m_error.detail = why;
}

void ApiJob::failLocally(ApiError::Kind kind, const QString &message, const QString &detail)
{
    m_error = ApiError{};
    m_error.kind = kind;
    m_error.message = message;
    m_error.detail = detail;
    m_failedLocally = true;
}

void ApiJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

} // namespace Ankra::Api

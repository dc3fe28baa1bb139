#pragma once

// One API request: request value -> job -> result value (house style rule 4).
//
// A job is created by ApiClient, owned by the caller's context object (parent), and emits
// finished() exactly once, also after cancel(). It never blocks and never shows UI.
// Transient failures (offline, timeout, 429, 502/503/504) are retried with exponential backoff,
// but only for idempotent requests: GETs, and POSTs that carry an Idempotency-Key (the key is
// generated once per logical request and sent unchanged on every attempt, so the server creates
// nothing twice). A transfer that makes no progress for the transfer timeout is aborted.

#include "api/apierror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Ankra::Api {

struct RetryPolicy
{
    int maxAttempts = 3;
    int baseDelayMs = 500;          // doubled after each failed attempt
    int maxDelayMs = 10'000;        // a Retry-After longer than this ends the job instead
    int transferTimeoutMs = 30'000; // without any progress
};

class ApiJob : public QObject
{
    Q_OBJECT
public:
    ~ApiJob() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    const ApiError &error() const { return m_error; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int attempts() const { return m_attempts; }
    int httpStatus() const { return m_httpStatus; }
    // Empty for GETs. Pass it back to ApiClient to resend the same logical request.
    QByteArray idempotencyKey() const { return m_idempotencyKey; }
    // Where the request goes (e.g. to tell a failed reply from a failed close).
    QUrl url() const { return m_request.url(); }

signals:
    void finished();
    void progress(qint64 done, qint64 total);

protected:
    enum class Method { Get, Post, Patch };

    ApiJob(QNetworkAccessManager *nam,
           QNetworkRequest request,
           Method method,
           QByteArray body,
           QObject *parent);

    // Sends one attempt. The default sends m_body with the method; uploads override it to
    // build a fresh multipart body per attempt.
    virtual QNetworkReply *sendRequest(QNetworkAccessManager *nam, const QNetworkRequest &request);
    // Called whenever bytes of a 2xx answer arrive; return true to consume them yourself
    // (downloads stream to disk), false to let the job buffer the body for parseResponse().
    virtual bool consumeBody(QNetworkReply *reply);
    // Called with the 2xx body (empty when consumeBody() took it); set m_error (Malformed) when
    // it does not parse.
    virtual void parseResponse(const QByteArray &body) = 0;
    // Called before an error finishes the job; may clear m_error and set the result itself to
    // turn it into a success (e.g. limits: 404 means "use the contract defaults").
    virtual void recoverFromError() {}
    // Called when the job ends unsuccessfully for good (error or cancel): discard partial output.
    virtual void discardPartialResult() {}
    // False once a retry is no longer safe (a download has written bytes).
    virtual bool canRetry() const { return true; }
    // For a parseResponse() that hands the parsing to another thread: it calls deferFinish(),
    // and later, back in the job's thread with the result (or m_error) set, finishDeferred().
    void deferFinish() { m_finishDeferred = true; }
    void finishDeferred();
    void failMalformed(const QString &why);
    // Ends the job with a local error (no retry): a file that cannot be read or written, a
    // request refused before sending. Abort the reply afterwards if one is running.
    void failLocally(ApiError::Kind kind, const QString &message, const QString &detail = {});

    ApiError m_error;
    QNetworkRequest m_request;

private:
    friend class ApiClient;
    void start();
    void send();
    void onReplyFinished();
    void onTimeout();
    void finish();
    bool isIdempotent() const;

    QNetworkAccessManager *m_nam;
    Method m_method;
    QByteArray m_body;
    QByteArray m_idempotencyKey;
    RetryPolicy m_policy;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;              // transferTimeoutMs without progress ends the attempt
    QElapsedTimer m_sinceProgress; // since the request was sent or the last progress
    QTimer m_backoff;
    int m_attempts = 0;
    int m_httpStatus = 0;
    bool m_timedOut = false;
    bool m_failedLocally = false;
    bool m_finished = false;
    bool m_finishDeferred = false;
};

} // namespace Ankra::Api

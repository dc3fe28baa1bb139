#pragma once

// One API request: request value -> job -> result value (house style rule 4).
//
// A job is created by ApiClient, owned by the caller's context object (parent), and emits
// finished() exactly once, also after cancel(). It never blocks and never shows UI.
// Idempotent requests (GET) are retried with backoff on transient errors; POSTs are not retried
// here (they carry an Idempotency-Key so a caller may resend them safely).

#include "api/apierror.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Ankra::Api {

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

    // Called with the 2xx body; set m_error (Malformed) when it does not parse.
    virtual void parseResponse(const QByteArray &body) = 0;
    void failMalformed(const QString &why);

private:
    friend class ApiClient;
    void start();
    void send();
    void onReplyFinished();
    void onTimeout();
    void finish();

    QNetworkAccessManager *m_nam;
    QNetworkRequest m_request;
    Method m_method;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_backoff;
    ApiError m_error;
    int m_attempts = 0;
    bool m_timedOut = false;
    bool m_finished = false;
};

} // namespace Ankra::Api

#pragma once

// A fake QNetworkAccessManager for unit tests of ApiClient: every request is recorded (method,
// URL, headers, body) and answered from a queue of canned replies, without any socket.

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QQueue>
#include <QTimer>

namespace Ankra::Test {

struct Canned
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    bool hang = false;               // never answers (for timeouts)
    int chunks = 1;                  // delivers the body in this many readyRead steps
    int chunkDelayMs = 0;            // between two chunks (0: all in one event-loop pass)
    bool cutAfterFirstChunk = false; // a transport error after the first chunk
};

struct Recorded
{
    QNetworkAccessManager::Operation operation;
    QByteArray verb;
    QNetworkRequest request;
    QByteArray body;
};

class FakeReply : public QNetworkReply
{
    Q_OBJECT
public:
    FakeReply(QNetworkAccessManager::Operation op,
              const QNetworkRequest &request,
              Canned canned,
              QObject *parent)
        : QNetworkReply(parent)
        , m_canned(std::move(canned))
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!m_canned.hang)
            QTimer::singleShot(0, this, &FakeReply::deliver);
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        emit errorOccurred(OperationCanceledError);
        emit finished();
    }

    qint64 bytesAvailable() const override
    {
        return m_available - m_pos + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, m_available - m_pos);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_canned.body.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    void deliver()
    {
        if (isFinished())
            return;
        if (m_canned.networkError != NoError && m_canned.status == 0) {
            setError(m_canned.networkError, QStringLiteral("fake transport error"));
            setFinished(true);
            emit errorOccurred(m_canned.networkError);
            emit finished();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_canned.status);
        for (const auto &[name, value] : std::as_const(m_canned.headers))
            setRawHeader(name, value);
        if (m_canned.status >= 400)
            setError(m_canned.status >= 500 ? InternalServerError : ContentAccessDenied,
                     QStringLiteral("HTTP %1").arg(m_canned.status));
        emit metaDataChanged();
        deliverChunks();
    }

    void deliverChunks()
    {
        const qint64 total = m_canned.body.size();
        const qint64 chunk = qMax<qint64>(1, total / qMax(1, m_canned.chunks));
        QPointer<FakeReply> self(this);
        while (self && !isFinished() && m_available < total) {
            m_available = qMin(total, m_available + chunk);
            emit downloadProgress(m_available, total);
            emit readyRead();
            if (m_canned.cutAfterFirstChunk) {
                setError(RemoteHostClosedError, QStringLiteral("connection closed"));
                setFinished(true);
                emit errorOccurred(RemoteHostClosedError);
                emit finished();
                return;
            }
            if (self && m_canned.chunkDelayMs > 0 && m_available < total) {
                QTimer::singleShot(m_canned.chunkDelayMs, this, &FakeReply::deliverChunks);
                return;
            }
        }
        if (!self || isFinished())
            return;
        setFinished(true);
        emit finished();
    }

    Canned m_canned;
    qint64 m_available = 0;
    qint64 m_pos = 0;
};

class FakeNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    void enqueue(Canned canned) { m_queue.enqueue(std::move(canned)); }
    void enqueue(int status, const QByteArray &body) { enqueue(Canned{status, body, {}}); }
    const QList<Recorded> &requests() const { return m_requests; }
    void clear()
    {
        m_queue.clear();
        m_requests.clear();
    }

protected:
    QNetworkReply *createRequest(Operation op,
                                 const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        Recorded r{op,
                   request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray(),
                   request,
                   {}};
        if (outgoingData)
            r.body = outgoingData->readAll();
        m_requests.append(r);
        Canned canned = m_queue.isEmpty() ? Canned{599, "no canned reply", {}} : m_queue.dequeue();
        return new FakeReply(op, request, std::move(canned), this);
    }

private:
    QQueue<Canned> m_queue;
    QList<Recorded> m_requests;
};

} // namespace Ankra::Test

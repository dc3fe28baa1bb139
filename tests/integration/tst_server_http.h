#pragma once

// A raw HTTP/1.1 client over QTcpSocket for the server tests: it sends exactly the bytes a
// test gives (bad request lines, missing lengths, chunked bodies...) and reads one reply: until
// its Content-Length is complete (the server keeps connections alive) or the server closes.

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTcpSocket>
#include <QUrl>

namespace Ankra::Test {

struct HttpReply
{
    int status = 0;                       // 0: no response (connection refused, reset or timeout)
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // "detail" as text: the string, or the first validation item's msg and loc.
    QString detail() const
    {
        const QJsonValue d = json().value(QLatin1String("detail"));
        if (d.isString())
            return d.toString();
        const QJsonObject first = d.toArray().at(0).toObject();
        QStringList loc;
        for (const QJsonValue &v : first.value(QLatin1String("loc")).toArray())
            loc.append(v.isString() ? v.toString() : QString::number(v.toInt()));
        return loc.join(u'.') + QStringLiteral(": ") + first.value(QLatin1String("msg")).toString();
    }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

inline HttpReply parseReply(const QByteArray &raw)
{
    HttpReply r;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    r.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                             lines.at(i).mid(colon + 1).trimmed());
    }
    r.body = raw.mid(end + 4);
    return r;
}

// Sends `bytes` (written in slices so that a server closing early does not block us) and
// reads until the server closes.
// True when `raw` holds a whole response with a Content-Length.
inline bool replyComplete(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const HttpReply r = parseReply(raw);
    return r.headers.contains("content-length")
           && r.body.size() >= r.headers.value("content-length").toLongLong();
}

// `closed` (optional): set when the server closed the connection within a second after the
// reply; `received` (optional): every byte the server sent (further replies included).
inline HttpReply rawRequest(const QUrl &base,
                            const QByteArray &bytes,
                            int timeoutMs = 15'000,
                            bool *closed = nullptr,
                            QByteArray *received = nullptr)
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(5'000))
        return {};
    QByteArray raw;
    auto take = [&] {
        if (socket.isOpen())
            raw += socket.readAll();
    };
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype Slice = 256 * 1024;
    for (qsizetype offset = 0;
         offset < bytes.size() && socket.state() == QAbstractSocket::ConnectedState;
         offset += Slice) {
        socket.write(bytes.mid(offset, Slice));
        while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState
               && timer.elapsed() < timeoutMs)
            socket.waitForBytesWritten(100);
        take();
    }
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs
           && !replyComplete(raw)) {
        socket.waitForReadyRead(100);
        take();
    }
    if (closed) {
        // Shorter than the server's keep-alive timeout (2 s): a close seen here is deliberate.
        QElapsedTimer grace;
        grace.start();
        while (socket.state() == QAbstractSocket::ConnectedState && grace.elapsed() < 1'000) {
            socket.waitForReadyRead(100);
            take();
        }
        *closed = socket.state() != QAbstractSocket::ConnectedState;
    }
    take();
    if (received)
        *received = raw;
    return parseReply(raw);
}

inline QByteArray buildRequest(const QByteArray &method,
                               const QByteArray &path,
                               const QString &token,
                               const QByteArray &body = {},
                               const QList<QByteArray> &extraHeaders = {},
                               const QByteArray &contentType = "application/json")
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token.toUtf8() + "\r\n";
    for (const QByteArray &h : extraHeaders)
        r += h + "\r\n";
    if (!body.isNull() || method == "POST") {
        if (!contentType.isEmpty() && !body.isEmpty())
            r += "Content-Type: " + contentType + "\r\n";
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    return r + "\r\n" + body;
}

inline HttpReply request(const QUrl &base,
                         const QByteArray &method,
                         const QByteArray &path,
                         const QString &token,
                         const QByteArray &body = {},
                         const QList<QByteArray> &extraHeaders = {})
{
    return rawRequest(base, buildRequest(method, path, token, body, extraHeaders));
}

inline const QByteArray &testBoundary()
{
    static const QByteArray b = "----ankra-test-boundary-7d1f";
    return b;
}

inline QByteArray multipartBody(const QByteArray &filename,
                                const QByteArray &content,
                                const QByteArray &partName = "file")
{
    return "--" + testBoundary() + "\r\nContent-Disposition: form-data; name=\"" + partName
           + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
           + content + "\r\n--" + testBoundary() + "--\r\n";
}

inline QByteArray uploadRequest(const QByteArray &path,
                                const QString &token,
                                const QByteArray &filename,
                                const QByteArray &content,
                                const QList<QByteArray> &extraHeaders = {})
{
    return buildRequest("POST",
                        path,
                        token,
                        multipartBody(filename, content),
                        extraHeaders,
                        "multipart/form-data; boundary=" + testBoundary());
}

// Peak resident memory of a process in KiB (VmHWM), or -1.
inline qint64 peakRssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// A tiny valid PNG (1x1).
inline QByteArray tinyPng()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                                  "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

} // namespace Ankra::Test

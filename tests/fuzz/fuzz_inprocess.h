#pragma once

// The real server (HttpApi on a temporary data directory) driven in-process: a request is a
// byte string read from memory, the answer is the bytes the server wrote. No socket, no
// thread pool: one libFuzzer input is one request, parsed, routed and answered by the same
// code that serves a connection.

#include "auth.h"
#include "database.h"
#include "demo.h"
#include "httpapi.h"
#include "serverlog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace Ankra::Fuzz {

class MemoryStream : public httplib::Stream
{
public:
    explicit MemoryStream(std::string_view input)
        : m_input(input)
    {}
    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char *ptr, size_t size) override
    {
        const size_t n = std::min(size, m_input.size() - m_pos);
        std::memcpy(ptr, m_input.data() + m_pos, n);
        m_pos += n;
        return ssize_t(n);
    }
    ssize_t write(const char *ptr, size_t size) override
    {
        m_output.append(ptr, size);
        return ssize_t(size);
    }
    void get_remote_ip_and_port(std::string &ip, int &port) const override
    {
        ip = "127.0.0.1";
        port = 40000;
    }
    void get_local_ip_and_port(std::string &ip, int &port) const override
    {
        ip = "127.0.0.1";
        port = 8080;
    }
    socket_t socket() const override { return 0; }
    const std::string &output() const { return m_output; }

private:
    std::string_view m_input;
    size_t m_pos = 0;
    std::string m_output;
};

struct Reply
{
    int status = 0;                       // 0: nothing (or nothing parseable) was written
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

inline Reply parseReply(const std::string &raw)
{
    Reply r;
    const QByteArray bytes = QByteArray::fromStdString(raw);
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0 || !bytes.startsWith("HTTP/1.1 "))
        return r;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    r.status = lines.value(0).mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                             lines.at(i).mid(colon + 1).trimmed());
    }
    r.body = bytes.mid(end + 4);
    return r;
}

[[noreturn]] inline void failure(const char *what, const std::string &request, const Reply &reply)
{
    std::fprintf(
        stderr,
        "INVARIANT BROKEN: %s\n--- request (%zu bytes) ---\n%.2000s\n--- reply %d ---\n%.2000s\n",
        what,
        request.size(),
        request.c_str(),
        reply.status,
        reply.body.constData());
    std::abort();
}

// One server, two organisations: A (the demo data plus a ticket and an attachment holding
// `secret`) and B (a second customer who must never see A's data).
class InProcessServer
{
public:
    InProcessServer()
    {
        static int argc = 1;
        static char name[] = "fuzz";
        static char *argv[] = {name, nullptr};
        if (!QCoreApplication::instance())
            new QCoreApplication(argc, argv);
        Server::setQuiet(true);
        // /dev/shm when there is one: uploads call fsync.
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/ankra-fuzz-XXXXXX"));
        if (!m_dir->isValid())
            m_dir = std::make_unique<QTemporaryDir>();
        // libFuzzer ends with exit(): this object is never destroyed, the directory would stay.
        static const QString dir = m_dir->path();
        std::atexit([] { QDir(dir).removeRecursively(); });
        m_db = std::make_unique<Server::Database>(m_dir->path());
        QString error;
        if (!m_db->open(&error))
            die(error);
        const auto demo = Server::seedDemo(*m_db, &error);
        if (!demo)
            die(error);
        tokenA = demo->customerToken.toStdString();
        orgA = demo->organisationId.toStdString();
        const auto b = Server::Auth(*m_db).createToken(QStringLiteral("Other Org"),
                                                       QStringLiteral("Bea"),
                                                       false,
                                                       &error);
        if (!b)
            die(error);
        tokenB = b->token.toStdString();
        Server::ServerOptions options;
        options.maxAttachmentBytes = 64 * 1024;
        options.maxAttachmentsPerTicket = 1000000;
        api = std::make_unique<Server::HttpApi>(*m_db, options);
        // Bound but never served: without a listening socket httplib believes it is shutting
        // down and writes no streamed body (downloads, answers that close the connection).
        if (api->bind() < 0)
            die(QStringLiteral("cannot bind a loopback port"));

        secret = "SECRET-" + std::to_string(std::rand()) + "-A-only-data-9f3c";
        const Reply created = send(request("POST",
                                           "/api/v1/org/support/tickets",
                                           tokenA,
                                           "{\"subject\":\"Private ticket\",\"description\":\""
                                               + secret + "\",\"acknowledged\":true}"));
        ticketA = QJsonDocument::fromJson(created.body)
                      .object()
                      .value(QLatin1String("id"))
                      .toString()
                      .toStdString();
        if (created.status != 201 || ticketA.empty())
            die(QStringLiteral("cannot create org A's ticket: %1")
                    .arg(QString::fromUtf8(created.body)));
        const std::string boundary = "fuzzBoundary";
        const Reply uploaded = send(
            request("POST",
                    "/api/v1/org/support/tickets/" + ticketA + "/attachments",
                    tokenA,
                    "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; "
                          "filename=\"private.log\"\r\n\r\n"
                        + secret + "\r\n--" + boundary + "--\r\n",
                    "multipart/form-data; boundary=" + boundary));
        const QJsonObject ticket = QJsonDocument::fromJson(uploaded.body).object();
        attachmentA = ticket.value(QLatin1String("attachments"))
                          .toArray()
                          .at(0)
                          .toObject()
                          .value(QLatin1String("id"))
                          .toString()
                          .toStdString();
        if (uploaded.status != 201 || attachmentA.empty())
            die(QStringLiteral("cannot upload org A's attachment: %1")
                    .arg(QString::fromUtf8(uploaded.body)));
    }

    static std::string request(const std::string &method,
                               const std::string &path,
                               const std::string &token,
                               const std::string &body,
                               const std::string &contentType = "application/json")
    {
        std::string r = method + " " + path + " HTTP/1.1\r\nHost: fuzz\r\n";
        if (!token.empty())
            r += "Authorization: Bearer " + token + "\r\n";
        if (!contentType.empty())
            r += "Content-Type: " + contentType + "\r\n";
        return r + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }

    Reply send(const std::string &raw, std::string *written = nullptr)
    {
        MemoryStream stream(raw);
        api->processOne(stream);
        if (written)
            *written = stream.output();
        return parseReply(stream.output());
    }

    QString dataDir() const { return m_dir->path(); }
    Server::Database &db() { return *m_db; }

    std::string tokenA;
    std::string tokenB;
    std::string orgA;
    std::string ticketA;
    std::string attachmentA;
    std::string secret;
    std::unique_ptr<Server::HttpApi> api;

private:
    [[noreturn]] static void die(const QString &why)
    {
        std::fprintf(stderr, "fuzz setup failed: %s\n", qPrintable(why));
        std::exit(1);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server::Database> m_db;
};

} // namespace Ankra::Fuzz

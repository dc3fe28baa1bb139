#pragma once

// Starts the real ankra-support-server on 127.0.0.1 with a random port and a temporary data
// directory, for integration and GUI tests. Stops it (SIGTERM, then kill) when destroyed.

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Ankra::Test {

class TestServer
{
public:
    TestServer();
    ~TestServer();

    // Starts the server; `demo` seeds demo data and takes the demo token.
    bool start(bool demo = true, QString *error = nullptr);
    void stop();
    // SIGKILL: no shutdown at all (crash tests). start() afterwards reuses the data directory.
    void kill();
    // Extra `serve` arguments for the next start(), e.g. {"--max-attachment-bytes", "1024"}.
    void setExtraArguments(const QStringList &args) { m_extraArgs = args; }
    // Creates another token (optionally in another organisation) with the CLI.
    QString createToken(const QString &organisation, const QString &user, bool team = false);
    // Imports tickets (the CLI's `import`: one JSON object per line of `jsonlPath`) into
    // `organisation`; with the server stopped. False with the CLI's complaint in `error`.
    bool importTickets(const QString &organisation, const QString &jsonlPath, QString *error);
    // The same from the lines themselves (written to a temporary file).
    bool importTicketLines(const QString &organisation, const QByteArray &jsonl, QString *error);

    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    QString dataDir() const { return m_dataDir.path(); }
    QString log() const { return QString::fromUtf8(m_log); }
    QProcess *process() { return m_process.get(); }
    static QString binary();

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_token;
    QByteArray m_log;
    QStringList m_extraArgs;
};

} // namespace Ankra::Test

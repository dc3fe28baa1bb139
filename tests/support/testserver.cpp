#include "testserver.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryFile>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Ankra::Test {

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

QString TestServer::binary()
{
    return QStringLiteral(ANKRA_SERVER_BINARY);
}

bool TestServer::start(bool demo, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_dataDir.isValid())
        return fail(QStringLiteral("cannot create a temporary data directory"));
    m_process = std::make_unique<QProcess>();
    QStringList args{QStringLiteral("serve"),
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"),
                     m_dataDir.path()};
    if (demo)
        args << QStringLiteral("--demo");
    args << m_extraArgs;
    m_url.clear(); // a restart must wait for the new address
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] {
        m_log += m_process->readAllStandardError();
    });
#ifdef Q_OS_LINUX
    // A test or benchmark that crashes or is killed takes its server with it (it was left
    // running, holding a port and a data directory, after a crashed bench_client).
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->start(binary(), args);
    if (!m_process->waitForStarted(10'000))
        return fail(QStringLiteral("cannot start %1: %2").arg(binary(), m_process->errorString()));

    static const QRegularExpression listening(QStringLiteral("^listening on (http://\\S+)$"));
    static const QRegularExpression demoToken(QStringLiteral("^demo token: (\\S+)$"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20'000 && (m_url.isEmpty() || (demo && m_token.isEmpty()))) {
        if (!m_process->canReadLine() && !m_process->waitForReadyRead(200)) {
            if (m_process->state() != QProcess::Running)
                return fail(QStringLiteral("server exited: ")
                            + QString::fromUtf8(m_process->readAllStandardError()));
            continue;
        }
        while (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
            if (auto m = listening.match(line); m.hasMatch())
                m_url = QUrl(m.captured(1));
            else if (auto t = demoToken.match(line); t.hasMatch())
                m_token = t.captured(1);
        }
    }
    if (m_url.isEmpty())
        return fail(QStringLiteral("server did not report its address"));
    if (demo && m_token.isEmpty())
        return fail(QStringLiteral("server did not print the demo token"));
    return true;
}

void TestServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15'000)) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
    m_log += m_process->readAllStandardError();
}

void TestServer::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(5'000);
    m_log += m_process->readAllStandardError();
}

QString TestServer::createToken(const QString &organisation, const QString &user, bool team)
{
    QProcess p;
    QStringList args{QStringLiteral("token"),
                     QStringLiteral("create"),
                     QStringLiteral("--data-dir"),
                     m_dataDir.path(),
                     QStringLiteral("--org"),
                     organisation,
                     QStringLiteral("--user"),
                     user};
    if (team)
        args << QStringLiteral("--team");
    p.start(binary(), args);
    if (!p.waitForFinished(20'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool TestServer::importTickets(const QString &organisation, const QString &jsonlPath, QString *error)
{
    QProcess import;
    import.start(binary(),
                 {QStringLiteral("import"),
                  QStringLiteral("--data-dir"),
                  m_dataDir.path(),
                  QStringLiteral("--org"),
                  organisation,
                  jsonlPath});
    if (import.waitForFinished(120'000) && import.exitStatus() == QProcess::NormalExit
        && import.exitCode() == 0)
        return true;
    if (error)
        *error = QStringLiteral("import failed: ")
                 + QString::fromUtf8(import.readAllStandardError());
    return false;
}

bool TestServer::importTicketLines(const QString &organisation,
                                   const QByteArray &jsonl,
                                   QString *error)
{
    QTemporaryFile file;
    if (!file.open() || file.write(jsonl) != jsonl.size() || !file.flush()) {
        if (error)
            *error = QStringLiteral("cannot write the import file");
        return false;
    }
    return importTickets(organisation, file.fileName(), error);
}

} // namespace Ankra::Test

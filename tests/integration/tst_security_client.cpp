// Client-side transport security (issue 10): http:// to a non-loopback host is refused before a
// byte is sent, and a TLS server with a self-signed certificate is an error the user sees
// (Kind::Tls), never silently accepted: the request, with its token, is never sent.

#include "api/apiclient.h"
#include "api/apierror.h"

#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Kind = Api::ApiError::Kind;

class TestSecurityClient : public QObject
{
    Q_OBJECT
private:
    Api::ApiError listOnce(const QUrl &url)
    {
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setServerUrl(url);
        client.setToken(QStringLiteral("ank_0123456789abcdef_secretsecretsecretsecret"));
        Api::RetryPolicy noRetry = client.retryPolicy();
        noRetry.maxAttempts = 1;
        client.setRetryPolicy(noRetry);
        auto *job = client.listTickets({}, this);
        QSignalSpy done(job, &Api::ApiJob::finished);
        if (!done.wait(20'000))
            return {};
        return job->error();
    }

private slots:
    void httpRefusedForNonLoopbackHost()
    {
        // A real listener on a non-loopback address of this machine: it must see no connection.
        QHostAddress external;
        for (const QHostAddress &a : QNetworkInterface::allAddresses())
            if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol)
                external = a;
        QTcpServer listener;
        const bool haveExternal = !external.isNull() && listener.listen(external);
        const QUrl url(
            haveExternal
                ? QStringLiteral("http://%1:%2").arg(external.toString()).arg(listener.serverPort())
                : QStringLiteral("http://support.example.com"));
        const Api::ApiError error = listOnce(url);
        QCOMPARE(Api::kindName(error.kind), Api::kindName(Kind::InsecureUrl));
        QVERIFY(!error.message.isEmpty());
        if (haveExternal) {
            QTest::qWait(300);
            QVERIFY(!listener.hasPendingConnections());
        }
        // Loopback over http:// is allowed (it reaches the network layer: here, nobody listens).
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QCOMPARE(Api::kindName(listOnce(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))).kind),
                 Api::kindName(Kind::Offline));
    }

    void selfSignedCertificateIsAnError()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is needed to make a self-signed certificate");
        QTemporaryDir dir;
        QProcess make;
        make.start(openssl,
                   {QStringLiteral("req"),
                    QStringLiteral("-x509"),
                    QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"),
                    QStringLiteral("-days"),
                    QStringLiteral("1"),
                    QStringLiteral("-subj"),
                    QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-keyout"),
                    dir.filePath(QStringLiteral("key.pem")),
                    QStringLiteral("-out"),
                    dir.filePath(QStringLiteral("cert.pem"))});
        QVERIFY(make.waitForFinished(60'000) && make.exitCode() == 0);
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QSslKey key(&keyFile, QSsl::Rsa);
        const auto certs = QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem")));
        QVERIFY(!key.isNull() && certs.size() == 1);

        QSslServer server;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certs.first());
        config.setPrivateKey(key);
        server.setSslConfiguration(config);
        QByteArray received; // decrypted bytes: the HTTP request, if the client ever sent it
        int handshakes = 0;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++handshakes;
                connect(s, &QIODevice::readyRead, this, [&received, s] {
                    received += s->readAll();
                });
            }
        });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const Api::ApiError error = listOnce(
            QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
        QCOMPARE(Api::kindName(error.kind), Api::kindName(Kind::Tls));
        QVERIFY(!error.message.isEmpty());
        QVERIFY2(received.isEmpty(), received.constData()); // no request, no token sent
    }
};

QTEST_GUILESS_MAIN(TestSecurityClient)
#include "tst_security_client.moc"

// Mapping of transport results and HTTP answers to typed ApiErrors, and the server URL policy.

#include "api/apierror.h"
#include "api/serverurl.h"

#include <QTest>

using namespace Ankra::Api;
using Kind = ApiError::Kind;

class TestApiError : public QObject
{
    Q_OBJECT
private slots:
    void mapping_data()
    {
        QTest::addColumn<int>("networkError");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        auto row = [](const char *name,
                      QNetworkReply::NetworkError net,
                      int status,
                      const char *body,
                      Kind kind,
                      const char *part) {
            QTest::newRow(name) << int(net) << status << QByteArray(body) << int(kind)
                                << QString::fromUtf8(part);
        };
        row("ok", QNetworkReply::NoError, 200, "{}", Kind::None, "");
        row("created", QNetworkReply::NoError, 201, "{}", Kind::None, "");
        row("refused", QNetworkReply::ConnectionRefusedError, 0, "", Kind::Offline, "reach");
        row("host", QNetworkReply::HostNotFoundError, 0, "", Kind::Offline, "reach");
        row("timeout", QNetworkReply::TimeoutError, 0, "", Kind::Timeout, "in time");
        row("tls", QNetworkReply::SslHandshakeFailedError, 0, "", Kind::Tls, "secure");
        row("cancel", QNetworkReply::OperationCanceledError, 0, "", Kind::Cancelled, "Cancel");
        row("401",
            QNetworkReply::NoError,
            401,
            R"({"detail":"Not authenticated"})",
            Kind::Auth,
            "token");
        row("403", QNetworkReply::NoError, 403, "", Kind::Forbidden, "allowed");
        row("404",
            QNetworkReply::NoError,
            404,
            R"({"detail":"Not Found"})",
            Kind::NotFound,
            "Not found");
        row("409",
            QNetworkReply::NoError,
            409,
            R"({"detail":"Review flagged: acknowledge to submit"})",
            Kind::Conflict,
            "acknowledge");
        row("413",
            QNetworkReply::NoError,
            413,
            R"({"detail":"File exceeds 25 MiB"})",
            Kind::TooLarge,
            "25 MiB");
        row("415", QNetworkReply::NoError, 415, "", Kind::UnsupportedType, "not accepted");
        row("422",
            QNetworkReply::NoError,
            422,
            R"({"detail":[{"loc":["body","subject"],"msg":"field required","type":"value_error.missing"}]})",
            Kind::Validation,
            "subject: field required");
        row("429", QNetworkReply::NoError, 429, "", Kind::RateLimited, "Too many");
        row("500", QNetworkReply::NoError, 500, "oops", Kind::Server, "500");
        row("503", QNetworkReply::NoError, 503, "", Kind::Server, "503");
        row("302", QNetworkReply::NoError, 302, "", Kind::Malformed, "302");
    }

    void mapping()
    {
        QFETCH(int, networkError);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        const ApiError e = errorFromResponse(QNetworkReply::NetworkError(networkError),
                                             status,
                                             body,
                                             "7");
        QCOMPARE(kindName(e.kind), kindName(Kind(kind)));
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
    }

    void validationFields()
    {
        const ApiError e = errorFromResponse(
            QNetworkReply::NoError,
            422,
            R"({"detail":[{"loc":["body","subject"],"msg":"too long","type":"x"},{"loc":["query","page"],"msg":"bad","type":"y"}]})",
            {});
        QCOMPARE(e.fieldErrors.value(QStringLiteral("subject")), QStringLiteral("too long"));
        QCOMPARE(e.fieldErrors.value(QStringLiteral("page")), QStringLiteral("bad"));
    }

    void retryAfter()
    {
        QCOMPARE(errorFromResponse(QNetworkReply::NoError, 429, {}, "12").retryAfterSeconds, 12);
        QCOMPARE(errorFromResponse(QNetworkReply::NoError, 429, {}, "soon").retryAfterSeconds, 30);
        QVERIFY(errorFromResponse(QNetworkReply::NoError, 503, {}, {}).isTransient());
        QVERIFY(!errorFromResponse(QNetworkReply::NoError, 500, {}, {}).isTransient());
        QVERIFY(!errorFromResponse(QNetworkReply::NoError, 409, {}, {}).isTransient());
    }

    void serverUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://platform.ankra.app" << true;
        QTest::newRow("no scheme") << "platform.ankra.app" << true;
        QTest::newRow("http localhost") << "http://localhost:8080" << true;
        QTest::newRow("http 127") << "http://127.0.0.1:9000/" << true;
        QTest::newRow("http 127.5") << "http://127.5.6.7" << true;
        QTest::newRow("http v6 loopback") << "http://[::1]:8080" << true;
        QTest::newRow("http remote") << "http://platform.ankra.app" << false;
        QTest::newRow("http private") << "http://192.168.1.10" << false;
        QTest::newRow("http localhost lookalike") << "http://localhost.evil.example" << false;
        QTest::newRow("ftp") << "ftp://example.com" << false;
        QTest::newRow("empty") << "" << false;
    }

    void serverUrl()
    {
        QFETCH(QString, text);
        QFETCH(bool, allowed);
        QString why;
        QCOMPARE(isAllowedServerUrl(normalizedServerUrl(text), &why), allowed);
        QCOMPARE(why.isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"

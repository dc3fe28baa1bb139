// One instance per user and data dir: a second launch hands its arguments to the first.
// The "first instance" runs in a worker thread with its own event loop, because handOver()
// blocks the calling thread like a second process would.

#include "instance/singleinstance.h"
#include "instance/ticketurl.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Ankra::Instance;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private:
    static QString uniqueName()
    {
        return QStringLiteral("ankra-test-") + QUuid::createUuid().toString(QUuid::Id128);
    }

private slots:
    void ticketIdFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("id");
        QTest::newRow("plain") << "ankra-support://ticket/abc-123"
                               << "abc-123";
        QTest::newRow("trailing slash") << "ankra-support://ticket/42/"
                                        << "42";
        QTest::newRow("upper scheme") << "ANKRA-SUPPORT://ticket/7"
                                      << "7";
        QTest::newRow("other scheme") << "https://ticket/42"
                                      << "";
        QTest::newRow("other host") << "ankra-support://tickets/42"
                                    << "";
        QTest::newRow("no id") << "ankra-support://ticket/"
                               << "";
        QTest::newRow("nested path") << "ankra-support://ticket/42/../admin"
                                     << "";
        QTest::newRow("encoded slash") << "ankra-support://ticket/a%2Fb"
                                       << "";
        QTest::newRow("query") << "ankra-support://ticket/42?x=1"
                               << "";
        QTest::newRow("not a url") << "--server"
                                   << "";
    }
    void ticketIdFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, id);
        QCOMPARE(Ankra::Instance::ticketIdFromUrl(url), id);
    }

    void ticketUrlRoundTrip()
    {
        const QUrl url = ticketUrl(QStringLiteral("t-1"));
        QCOMPARE(url.toString(), QStringLiteral("ankra-support://ticket/t-1"));
        QCOMPARE(Ankra::Instance::ticketIdFromUrl(url.toString()), QStringLiteral("t-1"));
    }

    void serverNamePerDataDir()
    {
        const QString a = SingleInstance::serverNameFor(QStringLiteral("/tmp/a"));
        QCOMPARE(SingleInstance::serverNameFor(QStringLiteral("/tmp/a/")), a);
        QVERIFY(a != SingleInstance::serverNameFor(QStringLiteral("/tmp/b")));
        QVERIFY(a.startsWith(QStringLiteral("ankra-support-")));
    }

    void noRunningInstance()
    {
        SingleInstance second(uniqueName());
        QVERIFY(!second.handOver({QStringLiteral("x")}, 500));
    }

    void secondLaunchHandsOverToFirst()
    {
        const QString name = uniqueName();
        QThread thread;
        auto *first = new SingleInstance(name);
        first->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, first, &QObject::deleteLater);
        QStringList received;
        int calls = 0;
        QObject::connect(
            first,
            &SingleInstance::argumentsReceived,
            first,
            [&](const QStringList &args) {
                // Written on the worker thread, read after the handOver() answer.
                received = args;
                ++calls;
            },
            Qt::DirectConnection);
        thread.start();
        bool listening = false;
        QString error;
        QMetaObject::invokeMethod(
            first, [&] { listening = first->listen(&error); }, Qt::BlockingQueuedConnection);
        QVERIFY2(listening, qPrintable(error));

        const QStringList args{QStringLiteral("ankra-support://ticket/42"), QStringLiteral("ü")};
        SingleInstance second(name);
        QVERIFY(second.handOver(args, 20'000));
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 20'000);
        QCOMPARE(received, args);

        // A second hand-over works as well (the server keeps accepting).
        QVERIFY(second.handOver({}, 20'000));
        QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 20'000);
        QVERIFY(received.isEmpty());

        thread.quit();
        QVERIFY(thread.wait(20'000));
    }

    void oversizedMessageIsRefused()
    {
        const QString name = uniqueName();
        QThread thread;
        auto *first = new SingleInstance(name);
        first->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, first, &QObject::deleteLater);
        int calls = 0;
        QObject::connect(
            first, &SingleInstance::argumentsReceived, first, [&] { ++calls; }, Qt::DirectConnection);
        thread.start();
        bool listening = false;
        QMetaObject::invokeMethod(
            first, [&] { listening = first->listen(); }, Qt::BlockingQueuedConnection);
        QVERIFY(listening);
        // Over the cap: the running instance drops the connection instead of buffering it.
        QVERIFY(!SingleInstance(name).handOver({QString(70'000, QLatin1Char('x'))}, 5'000));
        QCOMPARE(calls, 0);
        // And still serves the next, well-formed launch.
        QVERIFY(SingleInstance(name).handOver({QStringLiteral("ok")}, 20'000));
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 20'000);
        thread.quit();
        QVERIFY(thread.wait(20'000));
    }

    void staleSocketIsReplaced()
    {
        // A crashed instance leaves its socket file behind; nobody answers on it.
        const QString name = uniqueName();
        QFile stale(QDir::temp().filePath(name));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance next(name);
        QVERIFY(!next.handOver({}, 500));
        QString error;
        QVERIFY2(next.listen(&error), qPrintable(error));
        QVERIFY(next.isListening());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"

// Bounded load over loopback (issue 10): 64 concurrent clients, a realistic mix of list, get,
// review, create, comment and upload for ANKRA_LOAD_SECONDS (8 by default here; bench_load
// runs longer). Passes with 0 errors, 0 lost writes and PRAGMA integrity_check = ok.

#include "loadrun.h"
#include "testserver.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Ankra;

class TestLoad : public QObject
{
    Q_OBJECT
private slots:
    void sixtyFourClients()
    {
        Test::TestServer server;
        server.setExtraArguments({QStringLiteral("--quiet")});
        QString error;
        QVERIFY2(server.start(true, &error), qPrintable(error));
        Load::Options options;
        options.port = server.url().port();
        options.token = server.token().toStdString();
        options.clients = 64;
        const int seconds = qEnvironmentVariableIntValue("ANKRA_LOAD_SECONDS");
        options.seconds = seconds > 0 ? seconds : 8;
        const Load::Result result = Load::run(options);
        qInfo().noquote() << result.report();
        QVERIFY(result.requests > 64);
        QCOMPARE(result.errors, 0LL);
        QCOMPARE(result.lostWrites, 0LL);
        QVERIFY(result.created > 0 && result.comments > 0 && result.uploads > 0);

        server.stop();
        QCOMPARE(server.process()->exitCode(), 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("integrity"));
            db.setDatabaseName(server.dataDir() + QStringLiteral("/support.sqlite3"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"

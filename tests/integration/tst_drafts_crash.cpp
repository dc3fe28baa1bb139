// Crash safety of drafts and the outbox: drafts_crash_helper (the core, no widgets) types into a
// new-ticket draft through the real autosaver and queues outbox comments; it is killed with
// SIGKILL at random moments, ANKRA_CRASH_ROUNDS times (default 50), and restarted on the same
// files. After each kill: both databases pass PRAGMA integrity_check, the saved description is
// an exact prefix of what was typed, at most one second of typing is lost, and every comment the
// helper reported as queued is in the outbox.

#include "store/drafts.h"
#include "store/outbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace Ankra;

namespace {

const QString Account = QStringLiteral("crash-test|org");

QChar charAt(int i) // as in drafts_crash_helper.cpp
{
    if (i % 61 == 60)
        return QLatin1Char('\n');
    return QLatin1Char(char('a' + (i * 7 + i / 26) % 26));
}

QString integrityOf(const QString &path)
{
    const QString name = QStringLiteral("integrity-%1").arg(QRandomGenerator::global()->generate());
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return QStringLiteral("cannot open");
        QSqlQuery q(db);
        result = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()
                     ? q.value(0).toString()
                     : QStringLiteral("query failed");
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

class TestDraftsCrash : public QObject
{
    Q_OBJECT
private slots:
    void killRepeatedly();
};

void TestDraftsCrash::killRepeatedly()
{
    const int rounds = qEnvironmentVariableIsSet("ANKRA_CRASH_ROUNDS")
                           ? qEnvironmentVariableIntValue("ANKRA_CRASH_ROUNDS")
                           : 50;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList queued; // every comment the helper said it queued, all rounds
    int savedBefore = 0;
    qint64 worstLossMs = 0;
    int totalLostChars = 0;
    int killsWithTyping = 0;
    QElapsedTimer total;
    total.start();

    for (int round = 1; round <= rounds; ++round) {
        QProcess helper;
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(ANKRA_CRASH_HELPER), {dir.path(), QString::number(round)});
        QVERIFY2(helper.waitForStarted(20'000), qPrintable(helper.errorString()));
        // Wait for "ready": the kill must come while the core runs, not while it loads.
        QByteArray out;
        QElapsedTimer wait;
        wait.start();
        while (!out.contains('\n') && wait.elapsed() < 20'000) {
            helper.waitForReadyRead(200);
            out += helper.readAllStandardOutput();
            QVERIFY2(helper.state() == QProcess::Running,
                     qPrintable(QString::fromLocal8Bit(helper.readAllStandardError())));
        }
        QVERIFY(out.startsWith("ready "));
        const int restored = out.mid(6, out.indexOf('\n') - 6).toInt();
        QCOMPARE(restored, savedBefore); // the restart found what the last round saved

        QThread::msleep(QRandomGenerator::global()->bounded(30, 1300));
        helper.kill(); // SIGKILL
        QVERIFY(helper.waitForFinished(20'000));
        out += helper.readAllStandardOutput();
        const QByteArray err = helper.readAllStandardError();
        QVERIFY2(!err.contains("failed"), err.constData());

        // What the helper reported before it died.
        QMap<int, qint64> typedAt; // description length -> ms when that keystroke happened
        for (const QByteArray &line : out.split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.value(0) == "T" && parts.size() == 3)
                typedAt.insert(parts.at(1).toInt(), parts.at(2).toLongLong());
            else if (parts.value(0) == "Q" && parts.size() >= 3)
                queued.append(QString::fromUtf8(line.mid(line.indexOf(' ', 2) + 1)));
        }
        const int typed = typedAt.isEmpty() ? restored : typedAt.lastKey();

        // Both databases are sound.
        QDir d(dir.path());
        QCOMPARE(integrityOf(d.filePath(QStringLiteral("drafts.sqlite"))), QStringLiteral("ok"));
        QCOMPARE(integrityOf(d.filePath(QStringLiteral("outbox.sqlite"))), QStringLiteral("ok"));

        // The draft: an exact prefix of the typed text, no older than the last round's.
        Store::DraftStore store(dir.path());
        const QList<Store::Draft> drafts = store.drafts(Account);
        int saved = 0;
        if (!drafts.isEmpty()) {
            QCOMPARE(drafts.size(), 1);
            const QString body = drafts.first().body;
            saved = int(body.size());
            QString expected;
            for (int i = 0; i < saved; ++i)
                expected.append(charAt(i));
            QCOMPARE(body, expected);
            QCOMPARE(drafts.first().subject, QStringLiteral("Typed until killed"));
        }
        QVERIFY2(saved >= restored && saved <= typed,
                 qPrintable(QStringLiteral("round %1: restored %2, saved %3, typed %4")
                                .arg(round)
                                .arg(restored)
                                .arg(saved)
                                .arg(typed)));
        // Lost: from the first keystroke not on disk to the last one made.
        if (saved < typed) {
            const qint64 lossMs = typedAt.value(typed)
                                  - typedAt.value(saved + 1, typedAt.value(typed));
            worstLossMs = std::max(worstLossMs, lossMs);
            QVERIFY2(lossMs <= 1000,
                     qPrintable(QStringLiteral("round %1: %2 ms of typing lost (%3 characters)")
                                    .arg(round)
                                    .arg(lossMs)
                                    .arg(typed - saved)));
        }
        totalLostChars += typed - saved;
        if (typed > restored)
            ++killsWithTyping;
        savedBefore = saved;

        // Every comment reported as queued is there, once.
        Store::Outbox outbox(d.filePath(QStringLiteral("outbox.sqlite")));
        QString error;
        QVERIFY2(outbox.open(&error), qPrintable(error));
        QStringList bodies;
        for (const Store::OutboxEntry &e : outbox.entries())
            bodies.append(e.request.value(QLatin1String("body")).toString());
        for (const QString &q : std::as_const(queued))
            QVERIFY2(bodies.count(q) == 1, qPrintable(q));
    }
    qInfo("%d kills (%d while typing) in %lld ms; %lld comments queued, all present; worst loss "
          "%lld ms of typing, %d characters lost in all",
          rounds,
          killsWithTyping,
          qint64(total.elapsed()),
          qint64(queued.size()),
          worstLossMs,
          totalLostChars);
    QVERIFY(killsWithTyping >= rounds / 2);
    QVERIFY(!queued.isEmpty());
}

QTEST_GUILESS_MAIN(TestDraftsCrash)
#include "tst_drafts_crash.moc"

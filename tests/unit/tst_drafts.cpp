// Drafts core against real SQLite files in a temporary directory: the debounced autosaver, the
// store (round trip, scoping, copied attachments, reopening), the flow and reply sessions, and
// the list model (checked by QAbstractItemModelTester).

#include "review/submissionflow.h"
#include "store/autosaver.h"
#include "store/drafts.h"
#include "store/draftsmodel.h"
#include "store/draftssession.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Store::Draft;
using Store::DraftStore;

namespace {

const QString Account = QStringLiteral("http://127.0.0.1:1|org-a");

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestDrafts : public QObject
{
    Q_OBJECT
private slots:
    // --- Autosaver
    void autosaverWaitsForAPause();
    void autosaverSavesDuringSteadyTyping();
    void autosaverFlushAndCancel();
    void autosaverRetriesAFailedSave();
    // --- DraftStore
    void storeRoundTrip();
    void storeScopesByAccountNewestFirst();
    void storeSurvivesReopen();
    void storeKeepsCopiesOfAttachments();
    void storeRemoveDeletesFiles();
    void storeIsWalAndSound();
    void storeReportsAnUnusableDirectory();
    // --- sessions
    void ticketSessionRestoresEverything();
    void ticketSessionKeepsNothingEmpty();
    void ticketSessionRemovedWhenFiled();
    void ticketSessionDiscard();
    void replySessionPerTicket();
    // --- model
    void listModelFollowsTheStore();

private:
    QNetworkAccessManager m_nam;
};

void TestDrafts::autosaverWaitsForAPause()
{
    int saves = 0;
    Store::Autosaver saver([&] {
        ++saves;
        return true;
    });
    saver.setDelay(200);
    saver.setMaxDelay(5000);
    saver.touch();
    saver.touch();
    QCOMPARE(saves, 0); // never synchronously
    QVERIFY(saver.isPending());
    QTRY_COMPARE_WITH_TIMEOUT(saves, 1, 20'000);
    QVERIFY(!saver.isPending());
    QTest::qWait(400);
    QCOMPARE(saves, 1); // one save per burst, not per change
}

void TestDrafts::autosaverSavesDuringSteadyTyping()
{
    int saves = 0;
    Store::Autosaver saver([&] {
        ++saves;
        return true;
    });
    saver.setDelay(300);
    saver.setMaxDelay(600);
    // Changes every 50 ms never leave a 300 ms pause: only the deadline can save.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2500) {
        saver.touch();
        QTest::qWait(50);
    }
    QVERIFY2(saves >= 2, qPrintable(QString::number(saves)));
}

void TestDrafts::autosaverFlushAndCancel()
{
    int saves = 0;
    Store::Autosaver saver([&] {
        ++saves;
        return true;
    });
    QVERIFY(saver.flush()); // nothing pending: nothing saved
    QCOMPARE(saves, 0);
    saver.touch();
    QVERIFY(saver.flush());
    QCOMPARE(saves, 1);
    saver.touch();
    saver.cancel();
    QTest::qWait(Store::Autosaver::DefaultMaxDelayMs + 300);
    QCOMPARE(saves, 1);
}

void TestDrafts::autosaverRetriesAFailedSave()
{
    int attempts = 0;
    Store::Autosaver saver([&] { return ++attempts >= 2; });
    saver.setDelay(50);
    saver.setMaxDelay(200);
    QSignalSpy failed(&saver, &Store::Autosaver::saveFailed);
    QSignalSpy saved(&saver, &Store::Autosaver::saved);
    saver.touch();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20'000);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(attempts, 2);
    QVERIFY(!saver.isPending());
}

void TestDrafts::storeRoundTrip()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    QVERIFY2(store.isOpen(), qPrintable(store.errorString()));
    Draft d;
    d.account = Account;
    d.subject = QStringLiteral("Pods crash äöü ✓");
    d.body = QStringLiteral("line 1\nline 2 with 'quotes' and \"double\"");
    d.fields = QJsonObject{{QStringLiteral("severity"), QStringLiteral("high")},
                           {QStringLiteral("answers"),
                            QJsonObject{
                                {QStringLiteral("Which namespace?"), QStringLiteral("orders")}}}};
    QSignalSpy changed(&store, &DraftStore::changed);
    QVERIFY2(store.save(d), qPrintable(store.errorString()));
    QVERIFY(!d.id.isEmpty());
    QVERIFY(d.createdAt.isValid());
    QCOMPARE(changed.count(), 1);
    const std::optional<Draft> back = store.draft(d.id);
    QVERIFY(back);
    QCOMPARE(back->subject, d.subject);
    QCOMPARE(back->body, d.body);
    QCOMPARE(back->fields, d.fields);
    QCOMPARE(back->kind, Draft::Kind::Ticket);
    QCOMPARE(back->createdAt, d.createdAt);

    d.body = QStringLiteral("changed");
    QVERIFY(store.save(d));
    QCOMPARE(store.count(Account), 1); // an update, not a second draft
    QCOMPARE(store.draft(d.id)->body, QStringLiteral("changed"));
    QVERIFY(!store.draft(QStringLiteral("nope")));
}

void TestDrafts::storeScopesByAccountNewestFirst()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Draft a;
    a.account = Account;
    a.subject = QStringLiteral("first");
    QVERIFY(store.save(a));
    QTest::qWait(5); // distinct timestamps
    Draft b;
    b.account = Account;
    b.kind = Draft::Kind::Reply;
    b.ticketId = QStringLiteral("t-1");
    b.body = QStringLiteral("a reply");
    QVERIFY(store.save(b));
    Draft other;
    other.account = QStringLiteral("http://other|org-b");
    other.subject = QStringLiteral("someone else's");
    QVERIFY(store.save(other));

    QList<Draft> list = store.drafts(Account);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, b.id);
    QCOMPARE(list.at(1).id, a.id);
    QCOMPARE(store.replyDraft(Account, QStringLiteral("t-1"))->body, QStringLiteral("a reply"));
    QVERIFY(!store.replyDraft(QStringLiteral("http://other|org-b"), QStringLiteral("t-1")));

    QTest::qWait(5);
    QVERIFY(store.save(a)); // changed again: to the top
    list = store.drafts(Account);
    QCOMPARE(list.at(0).id, a.id);
}

void TestDrafts::storeSurvivesReopen()
{
    QTemporaryDir dir;
    QString id;
    {
        DraftStore store(dir.path());
        Draft d;
        d.account = Account;
        d.subject = QStringLiteral("kept");
        QVERIFY(store.save(d));
        id = d.id;
    }
    DraftStore again(dir.path());
    QVERIFY(again.isOpen());
    QCOMPARE(again.draft(id)->subject, QStringLiteral("kept"));
    // Two stores on one file at once (two windows, or the crash test's processes).
    DraftStore second(dir.path());
    Draft d = *second.draft(id);
    d.subject = QStringLiteral("from the second");
    QVERIFY(second.save(d));
    QCOMPARE(again.draft(id)->subject, QStringLiteral("from the second"));
}

void TestDrafts::storeKeepsCopiesOfAttachments()
{
    QTemporaryDir dir;
    QTemporaryDir user;
    DraftStore store(dir.path());
    const QString id = DraftStore::newId();
    const QString original = writeFile(user.filePath(QStringLiteral("log.txt")), "original\n");
    QString error;
    const QString copy = store.keepFile(id, original, &error);
    QVERIFY2(!copy.isEmpty(), qPrintable(error));
    QVERIFY(copy.startsWith(store.filesDirectory(id)));
    QCOMPARE(QFileInfo(copy).fileName(), QStringLiteral("log.txt"));
    // Same name from another folder: a second, distinct copy.
    QDir(user.path()).mkdir(QStringLiteral("sub"));
    const QString other = writeFile(user.filePath(QStringLiteral("sub/log.txt")), "other\n");
    const QString copy2 = store.keepFile(id, other);
    QCOMPARE(QFileInfo(copy2).fileName(), QStringLiteral("log (2).txt"));
    // Already inside: returned as it is, not copied again.
    QCOMPARE(store.keepFile(id, copy), copy);

    QVERIFY(QFile::remove(original));
    writeFile(other, "changed afterwards\n");
    QCOMPARE(readFile(copy), QByteArray("original\n"));
    QCOMPARE(readFile(copy2), QByteArray("other\n"));

    // A save keeps the listed files only.
    Draft d;
    d.id = id;
    d.account = Account;
    d.subject = QStringLiteral("with a file");
    d.attachments = {{QStringLiteral("log.txt"), copy, 9, {}}};
    QVERIFY(store.save(d));
    QVERIFY(QFileInfo::exists(copy));
    QVERIFY(!QFileInfo::exists(copy2));
    QCOMPARE(store.draft(id)->attachments, d.attachments);

    QVERIFY(store.keepFile(id, user.filePath(QStringLiteral("missing"))).isEmpty());
    QVERIFY(store.keepFile(QStringLiteral("../escape"), other, &error).isEmpty());
}

void TestDrafts::storeRemoveDeletesFiles()
{
    QTemporaryDir dir;
    QTemporaryDir user;
    DraftStore store(dir.path());
    Draft d;
    d.id = DraftStore::newId();
    d.account = Account;
    d.subject = QStringLiteral("x");
    const QString copy = store.keepFile(d.id,
                                        writeFile(user.filePath(QStringLiteral("a.png")), "png"));
    d.attachments = {{QStringLiteral("a.png"), copy, 3, {}}};
    QVERIFY(store.save(d));
    QSignalSpy changed(&store, &DraftStore::changed);
    QVERIFY(store.remove(d.id));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.draft(d.id));
    QVERIFY(!QFileInfo::exists(store.filesDirectory(d.id)));
    QCOMPARE(store.count(Account), 0);
}

void TestDrafts::storeIsWalAndSound()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    {
        db.setDatabaseName(store.databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
}

void TestDrafts::storeReportsAnUnusableDirectory()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir.filePath(QStringLiteral("a-file")), "x");
    DraftStore store(file + QStringLiteral("/drafts"));
    QVERIFY(!store.isOpen());
    QVERIFY(!store.errorString().isEmpty());
    Draft d;
    d.subject = QStringLiteral("x");
    QVERIFY(!store.save(d));
    QVERIFY(store.drafts(Account).isEmpty());
}

void TestDrafts::ticketSessionRestoresEverything()
{
    QTemporaryDir dir;
    QTemporaryDir user;
    DraftStore store(dir.path());
    Api::ApiClient client(&m_nam);
    const QString original = writeFile(user.filePath(QStringLiteral("kubectl.log")), "E0101 boom\n");
    QString id;
    QByteArray fileKey;
    {
        Review::SubmissionFlow flow(&client);
        Store::TicketDraftSession session(&store, &flow, Account);
        session.autosaver()->setDelay(50);
        flow.setSubject(QStringLiteral("Velero backup fails"));
        flow.setDescription(QStringLiteral("PartiallyFailed since Monday"));
        flow.setCategory(QStringLiteral("bug"));
        Wire::Cluster cluster;
        cluster.id = QStringLiteral("c-1");
        cluster.name = QStringLiteral("prod-eu-west");
        cluster.kubernetesVersion = QStringLiteral("1.29.4");
        flow.setCluster(cluster);
        flow.setSeverity(QStringLiteral("high"));
        flow.setAnswer(QStringLiteral("Which namespace?"), QStringLiteral("orders"));
        flow.setAcknowledged(true);
        QCOMPARE(flow.stageFile(original), QString());
        // The flow stages the draft's own copy, not the user's file.
        QVERIFY(flow.stagedFiles().at(0).path.startsWith(store.filesDirectory(session.draftId())));
        QCOMPARE(flow.stageFile(original), QStringLiteral("kubectl.log is already attached."));
        fileKey = flow.stagedFiles().at(0).idempotencyKey;
        // As after a create that may have reached the server before a crash.
        flow.setCreateIdempotencyKey("create-key-1");
        QTRY_VERIFY_WITH_TIMEOUT(session.isStored() && !session.autosaver()->isPending(), 20'000);
        id = session.draftId();
    }
    QVERIFY(QFile::remove(original)); // deleting the original does not break the draft

    Review::SubmissionFlow flow(&client);
    Store::TicketDraftSession session(&store, &flow, Account);
    QVERIFY(!session.restore(QStringLiteral("missing")));
    QVERIFY(session.restore(id));
    QCOMPARE(session.draftId(), id);
    QCOMPARE(flow.subject(), QStringLiteral("Velero backup fails"));
    QCOMPARE(flow.description(), QStringLiteral("PartiallyFailed since Monday"));
    QCOMPARE(flow.category(), QStringLiteral("bug"));
    QCOMPARE(flow.cluster().id, QStringLiteral("c-1"));
    QCOMPARE(flow.cluster().name, QStringLiteral("prod-eu-west"));
    QCOMPARE(flow.cluster().kubernetesVersion, QStringLiteral("1.29.4"));
    QCOMPARE(flow.severity(), QStringLiteral("high"));
    QCOMPARE(flow.answer(QStringLiteral("Which namespace?")), QStringLiteral("orders"));
    QVERIFY(flow.isAcknowledged());
    QCOMPARE(flow.stagedFiles().size(), 1);
    QCOMPARE(flow.stagedFiles().at(0).fileName, QStringLiteral("kubectl.log"));
    QCOMPARE(readFile(flow.stagedFiles().at(0).path), QByteArray("E0101 boom\n"));
    QVERIFY(!session.autosaver()->isPending()); // restoring is not an edit
    // The same keys: re-filing after a crash mid-submit creates and uploads nothing twice.
    QCOMPARE(flow.createIdempotencyKey(), QByteArray("create-key-1"));
    QCOMPARE(flow.stagedFiles().at(0).idempotencyKey, fileKey);
    QVERIFY(!fileKey.isEmpty());

    // Edits after the restore update the same draft.
    flow.setDescription(QStringLiteral("PartiallyFailed since Monday, still"));
    QVERIFY(session.saveNow());
    QCOMPARE(store.count(Account), 1);
    QCOMPARE(store.draft(id)->body, QStringLiteral("PartiallyFailed since Monday, still"));
    flow.unstage(0);
    QVERIFY(session.saveNow());
    QVERIFY(store.draft(id)->attachments.isEmpty());
    QVERIFY(QDir(store.filesDirectory(id)).isEmpty());
}

void TestDrafts::ticketSessionKeepsNothingEmpty()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Api::ApiClient client(&m_nam);
    Review::SubmissionFlow flow(&client);
    Store::TicketDraftSession session(&store, &flow, Account);
    flow.setCategory(QStringLiteral("billing")); // a choice alone is not worth a draft
    QVERIFY(session.saveNow());
    QCOMPARE(store.count(Account), 0);
    flow.setSubject(QStringLiteral("x"));
    QVERIFY(session.saveNow());
    QCOMPARE(store.count(Account), 1);
    flow.setSubject(QStringLiteral("  "));
    QVERIFY(session.saveNow());
    QCOMPARE(store.count(Account), 0); // emptied again: gone
}

void TestDrafts::ticketSessionRemovedWhenFiled()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Api::ApiClient client(&m_nam);
    Review::SubmissionFlow flow(&client);
    Store::TicketDraftSession session(&store, &flow, Account);
    flow.setSubject(QStringLiteral("will be filed"));
    QVERIFY(session.saveNow());
    QCOMPARE(store.count(Account), 1);
    emit flow.finished(QStringLiteral("t-42")); // as SubmissionFlow does when Done
    QCOMPARE(store.count(Account), 0);
    flow.setSubject(QStringLiteral("edited after filing"));
    QTest::qWait(Store::Autosaver::DefaultMaxDelayMs + 300);
    QCOMPARE(store.count(Account), 0); // not brought back
}

void TestDrafts::ticketSessionDiscard()
{
    QTemporaryDir dir;
    QTemporaryDir user;
    DraftStore store(dir.path());
    Api::ApiClient client(&m_nam);
    Review::SubmissionFlow flow(&client);
    Store::TicketDraftSession session(&store, &flow, Account);
    flow.setSubject(QStringLiteral("to discard"));
    QCOMPARE(flow.stageFile(writeFile(user.filePath(QStringLiteral("f.txt")), "f")), QString());
    QVERIFY(session.saveNow());
    const QString id = session.draftId();
    QVERIFY(QFileInfo::exists(store.filesDirectory(id)));
    session.discard();
    QVERIFY(!store.draft(id));
    QVERIFY(!QFileInfo::exists(store.filesDirectory(id)));
    QVERIFY(session.draftId() != id);
}

void TestDrafts::replySessionPerTicket()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    {
        Store::ReplyDraftSession session(&store, Account);
        QCOMPARE(session.setTicket(QStringLiteral("t-1"), QStringLiteral("First")), QString());
        session.setText(QStringLiteral("half a reply"));
        QCOMPARE(store.count(Account), 0); // debounced
        QCOMPARE(session.setTicket(QStringLiteral("t-2"), QStringLiteral("Second")), QString());
        QCOMPARE(store.replyDraft(Account, QStringLiteral("t-1"))->body,
                 QStringLiteral("half a reply"));
        QCOMPARE(store.replyDraft(Account, QStringLiteral("t-1"))->ticketTitle,
                 QStringLiteral("First"));
        session.setText(QStringLiteral("for two"));
        QTRY_VERIFY_WITH_TIMEOUT(store.replyDraft(Account, QStringLiteral("t-2")), 20'000);
        session.setText(QStringLiteral("for two, unsaved at exit"));
    } // destroyed: flushed
    QCOMPARE(store.replyDraft(Account, QStringLiteral("t-2"))->body,
             QStringLiteral("for two, unsaved at exit"));

    Store::ReplyDraftSession session(&store, Account);
    QCOMPARE(session.setTicket(QStringLiteral("t-1"), {}), QStringLiteral("half a reply"));
    session.sent(QStringLiteral("t-1"));
    QVERIFY(!store.replyDraft(Account, QStringLiteral("t-1")));
    session.sent(QStringLiteral("t-2")); // another ticket's reply went out (from the outbox)
    QVERIFY(!store.replyDraft(Account, QStringLiteral("t-2")));
    session.setText(QStringLiteral("x"));
    session.setText(QString());
    session.flush();
    QCOMPARE(store.count(Account), 0);
}

void TestDrafts::listModelFollowsTheStore()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Draft a;
    a.account = Account;
    a.subject = QStringLiteral("A");
    QVERIFY(store.save(a));
    Store::DraftListModel model(&store, Account);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("A"));

    QTest::qWait(5);
    Draft b;
    b.account = Account;
    b.kind = Draft::Kind::Reply;
    b.ticketId = QStringLiteral("t-9");
    b.ticketTitle = QStringLiteral("Ingress down");
    b.body = QStringLiteral("Any news?");
    QVERIFY(store.save(b));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(Store::DraftListModel::IdRole).toString(), b.id);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Reply to “Ingress down”: Any news?"));
    QCOMPARE(model.index(0).data(Store::DraftListModel::KindRole).toString(),
             QStringLiteral("reply"));

    QTest::qWait(5);
    a.subject = QStringLiteral("A, changed");
    QVERIFY(store.save(a)); // moves to the top
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("A, changed"));
    QCOMPARE(model.rowOf(b.id), 1);

    Draft other;
    other.account = QStringLiteral("elsewhere");
    other.subject = QStringLiteral("not here");
    QVERIFY(store.save(other));
    QCOMPARE(model.rowCount(), 2);

    QVERIFY(store.remove(a.id));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(b.id), 0);
}

QTEST_GUILESS_MAIN(TestDrafts)
#include "tst_drafts.moc"

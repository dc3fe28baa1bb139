// The outbox's storage: durable entries, order and blocking rules, attachment copies,
// user actions. Real SQLite files in a temporary directory; no network.

#include "store/outbox.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;
using Store::Outbox;
using Store::OutboxEntry;

class TestOutboxStore : public QObject
{
    Q_OBJECT

private:
    QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }
    static Api::CreateTicketRequest request(const QString &subject)
    {
        Api::CreateTicketRequest r;
        r.subject = subject;
        r.description = QStringLiteral("Pods restart every few minutes after the upgrade.");
        r.category = QStringLiteral("bug");
        r.acknowledged = true;
        return r;
    }

private slots:
    void survivesReopenWithKeysAndOrder()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("outbox.sqlite"));
        QByteArray createKey;
        qint64 createId = 0;
        {
            Outbox outbox(db);
            QVERIFY(outbox.open());
            createId = outbox.enqueueCreateTicket(request(QStringLiteral("First")));
            QVERIFY(createId > 0);
            QVERIFY(outbox.enqueueComment(Outbox::localTicketId(createId), QStringLiteral("more")));
            QVERIFY(outbox.enqueueClose(QStringLiteral("11111111-1111-1111-1111-111111111111")));
            createKey = outbox.entry(createId)->idempotencyKey;
            QVERIFY(!createKey.isEmpty());
            QVERIFY(outbox.setSending(createId)); // as if the process died mid-request
        }
        Outbox again(db);
        QVERIFY(again.open());
        const QList<OutboxEntry> entries = again.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).kind, OutboxEntry::Kind::CreateTicket);
        QCOMPARE(entries.at(0).state, OutboxEntry::State::Waiting); // Sending -> Waiting
        QCOMPARE(entries.at(0).idempotencyKey, createKey);          // the key never changes
        QCOMPARE(entries.at(0).attempts, 1);
        QCOMPARE(Outbox::createRequestFromJson(entries.at(0).request).subject,
                 QStringLiteral("First"));
        QCOMPARE(entries.at(1).kind, OutboxEntry::Kind::Comment);
        QCOMPARE(entries.at(1).ticketId, Outbox::localTicketId(createId));
        QCOMPARE(entries.at(2).kind, OutboxEntry::Kind::Close);
        QVERIFY(entries.at(0).idempotencyKey != entries.at(1).idempotencyKey);
        QCOMPARE(again.pendingCount(), 3);
    }

    void failedEntryBlocksOnlyItsTicket()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("o.sqlite")));
        QVERIFY(outbox.open());
        const QString a = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000000");
        const QString b = QStringLiteral("bbbbbbbb-0000-0000-0000-000000000000");
        const qint64 a1 = outbox.enqueueComment(a, QStringLiteral("a1"));
        const qint64 a2 = outbox.enqueueComment(a, QStringLiteral("a2"));
        const qint64 b1 = outbox.enqueueComment(b, QStringLiteral("b1"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(outbox.nextSendable(now)->id, a1);
        QVERIFY(outbox.setFailed(a1, QStringLiteral("ticket is closed"), 409, true));
        QCOMPARE(outbox.nextSendable(now)->id, b1); // a2 waits behind a1
        QVERIFY(outbox.setSent(b1));
        QVERIFY(!outbox.nextSendable(now));
        QVERIFY(outbox.retry(a1));
        QCOMPARE(outbox.nextSendable(now)->id, a1);
        QVERIFY(outbox.setSent(a1));
        QCOMPARE(outbox.nextSendable(now)->id, a2);
        // A backoff delays the entry (and its ticket) until it has passed.
        QVERIFY(outbox.setBackoff(a2, now.addSecs(30), QStringLiteral("offline")));
        QVERIFY(!outbox.nextSendable(now));
        QCOMPARE(outbox.nextSendable(now.addSecs(31))->id, a2);
        QCOMPARE(outbox.nextWakeUp(), now.addSecs(30));
    }

    void createRetargetsItsEntries()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("o.sqlite")));
        QVERIFY(outbox.open());
        const QString file = writeFile(dir, QStringLiteral("pod.log"), "error: crashloop\n");
        const qint64 create = outbox.enqueueCreateTicket(request(QStringLiteral("New")), {file});
        const QString local = Outbox::localTicketId(create);
        const qint64 comment = outbox.enqueueComment(local, QStringLiteral("also"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(outbox.nextSendable(now)->id, create);
        QVERIFY(outbox.setSending(create));
        QVERIFY(!outbox.nextSendable(now)); // nothing of this ticket before it exists
        QSignalSpy created(&outbox, &Outbox::ticketCreated);
        const QString real = QStringLiteral("cccccccc-0000-0000-0000-000000000000");
        QVERIFY(outbox.setSent(create, real));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.at(0).at(0).toString(), local);
        QCOMPARE(created.at(0).at(1).toString(), real);
        const auto upload = outbox.nextSendable(now);
        QVERIFY(upload);
        QCOMPARE(upload->kind, OutboxEntry::Kind::Upload);
        QCOMPARE(upload->ticketId, real);
        QCOMPARE(outbox.entry(comment)->ticketId, real);
        QCOMPARE(outbox.entry(create)->resultTicketId, real);
    }

    void attachmentIsCopied()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("o.sqlite")));
        QVERIFY(outbox.open());
        QByteArray bytes(300'000, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i * 7 % 251);
        const QString file = writeFile(dir, QStringLiteral("dump.tar.gz"), bytes);
        const qint64 id = outbox.enqueueUpload(QStringLiteral(
                                                   "dddddddd-0000-0000-0000-000000000000"),
                                               file);
        QVERIFY(id > 0);
        QVERIFY(QFile::remove(file)); // the original may go away
        const auto e = outbox.entry(id);
        QVERIFY(e->filePath.startsWith(outbox.filesDirectory()));
        QCOMPARE(e->fileName, QStringLiteral("dump.tar.gz"));
        QCOMPARE(e->fileSize, qint64(bytes.size()));
        QFile copy(e->filePath);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);
        copy.close();
        QVERIFY(outbox.setSent(id));
        QVERIFY(!QFile::exists(e->filePath)); // the copy goes once the server has it

        QString error;
        QCOMPARE(outbox.enqueueUpload(QStringLiteral("x"),
                                      dir.filePath(QStringLiteral("nope")),
                                      {},
                                      &error),
                 0);
        QVERIFY(error.contains(QStringLiteral("nope")));
    }

    void userActions()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("o.sqlite")));
        QVERIFY(outbox.open());
        const QString file = writeFile(dir, QStringLiteral("a.txt"), "x");
        const qint64 create = outbox.enqueueCreateTicket(request(QStringLiteral("S")), {file});
        outbox.enqueueComment(Outbox::localTicketId(create), QStringLiteral("c"));
        const qint64 other = outbox.enqueueComment(QStringLiteral("t"), QStringLiteral("old"));
        QCOMPARE(outbox.entries().size(), 4);
        QVERIFY(outbox.editComment(other, QStringLiteral("new")));
        QCOMPARE(outbox.entry(other)->request.value(QLatin1String("body")).toString(),
                 QStringLiteral("new"));
        Api::CreateTicketRequest edited = request(QStringLiteral("Edited subject"));
        QVERIFY(outbox.editTicket(create, edited));
        QCOMPARE(outbox.entry(create)->subject, QStringLiteral("Edited subject"));
        QVERIFY(outbox.setAcknowledged(create, false));
        QVERIFY(!Outbox::createRequestFromJson(outbox.entry(create)->request).acknowledged);
        // Cancelling an unsent ticket cancels what was queued for it, copies included.
        const QString copy = outbox.entries().at(1).filePath;
        QVERIFY(QFile::exists(copy));
        QSignalSpy count(&outbox, &Outbox::pendingCountChanged);
        QVERIFY(outbox.cancel(create));
        QCOMPARE(outbox.entries().size(), 1);
        QVERIFY(!QFile::exists(copy));
        QCOMPARE(count.last().at(0).toInt(), 1);
        // Sent entries cannot be edited or cancelled.
        QVERIFY(outbox.setSent(other));
        QVERIFY(!outbox.editComment(other, QStringLiteral("late")));
        QVERIFY(!outbox.cancel(other));
        QCOMPARE(outbox.removeSent(), 1);
        QVERIFY(outbox.entries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outbox_store.moc"

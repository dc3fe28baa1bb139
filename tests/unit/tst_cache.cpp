// The offline cache (app/store/cache.h) on real SQLite files: store/load across reopen, FTS
// search and filters, account separation, the size caps, clear, a corrupt file, and the
// candidate source the offline pre-check uses.

#include "store/cache.h"
#include "triage/reviewengine.h"
#include "triage/textanalysis.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Ankra;

namespace {

Wire::TicketSummary summary(const QString &id,
                            const QString &subject,
                            const QString &status,
                            int minutesAgo,
                            const QString &cluster = {})
{
    Wire::TicketSummary s;
    s.id = id;
    s.subject = subject;
    s.status = status;
    s.category = QStringLiteral("technical");
    s.source = QStringLiteral("api");
    s.aiReviewStatus = QStringLiteral("passed");
    s.clusterId = cluster;
    s.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    s.updatedAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC).addSecs(-60 * minutesAgo);
    return s;
}

Wire::Ticket detail(const Wire::TicketSummary &s, const QString &description)
{
    Wire::Ticket t;
    t.id = s.id;
    t.organisationId = QStringLiteral("00000000-0000-0000-0000-000000000001");
    t.subject = s.subject;
    t.description = description;
    t.status = s.status;
    t.category = s.category;
    t.source = s.source;
    t.aiReviewStatus = s.aiReviewStatus;
    t.clusterId = s.clusterId;
    t.createdAt = s.createdAt;
    t.updatedAt = s.updatedAt;
    Wire::Comment c;
    c.id = s.id + QStringLiteral("-c1");
    c.authorType = QStringLiteral("team");
    c.authorLabel = QStringLiteral("Ankra Support");
    c.body = QStringLiteral("We are looking into it.");
    c.createdAt = s.updatedAt;
    t.comments = {c};
    Wire::Attachment a;
    a.id = s.id + QStringLiteral("-a1");
    a.filename = QStringLiteral("pod.log");
    a.contentType = QStringLiteral("text/plain");
    a.sizeBytes = 12;
    a.createdAt = s.updatedAt;
    t.attachments = {a};
    return t;
}

QStringList ids(const QList<Wire::TicketSummary> &list)
{
    QStringList out;
    for (const auto &t : list)
        out.append(t.id);
    return out;
}

bool writeFile(const QString &path, qint64 size)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QByteArray(size, 'x')) == size;
}

} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void accountKeyIsStableAndDistinct()
    {
        const QUrl a(QStringLiteral("https://platform.ankra.app"));
        const QString k = Store::TicketCache::accountKey(a, {}, QStringLiteral("alice"));
        QCOMPARE(Store::TicketCache::accountKey(QUrl(QStringLiteral("https://platform.ankra.app/")),
                                                {},
                                                QStringLiteral("alice")),
                 k);
        QVERIFY(Store::TicketCache::accountKey(a, {}, QStringLiteral("bob")) != k);
        QVERIFY(Store::TicketCache::accountKey(a, QStringLiteral("org2"), QStringLiteral("alice"))
                != k);
        QVERIFY(Store::TicketCache::accountKey(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                               {},
                                               QStringLiteral("alice"))
                != k);
        const QString p = Store::TicketCache::tokenPrincipal(QStringLiteral("secret-token"));
        QVERIFY(!p.contains(QStringLiteral("secret")));
        QVERIFY(p != Store::TicketCache::tokenPrincipal(QStringLiteral("other-token")));
    }

    void storeAndLoadAcrossReopen()
    {
        const auto a = summary(QStringLiteral("a"),
                               QStringLiteral("Pods stuck pending"),
                               QStringLiteral("open"),
                               30);
        const auto b = summary(QStringLiteral("b"),
                               QStringLiteral("Billing question"),
                               QStringLiteral("resolved"),
                               10);
        const Wire::Ticket aDetail = detail(a,
                                            QStringLiteral("Since the upgrade pods stay "
                                                           "Pending on node pool blue."));
        {
            Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
            QVERIFY(cache.open());
            QSignalSpy changed(&cache, &Store::TicketCache::changed);
            QVERIFY(cache.storeSummaries({a, b}));
            QVERIFY(cache.storeTicket(aDetail));
            QCOMPARE(changed.count(), 2);
        }
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        QCOMPARE(cache.ticketCount(), 2);
        qint64 total = 0;
        const auto list = cache.tickets({}, 100, &total);
        QCOMPARE(total, 2);
        QCOMPARE(ids(list), QStringList({QStringLiteral("b"), QStringLiteral("a")})); // newest first
        QCOMPARE(list.at(0), b);
        const std::optional<Wire::Ticket> loaded = cache.ticket(QStringLiteral("a"));
        QVERIFY(loaded);
        QCOMPARE(*loaded, aDetail);
        QVERIFY(!cache.ticket(QStringLiteral("b"))); // only a summary was seen
        QVERIFY(!cache.ticket(QStringLiteral("nope")));
    }

    void olderCopyNeverReplacesNewer()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        auto fresh = summary(QStringLiteral("a"),
                             QStringLiteral("New subject"),
                             QStringLiteral("in_progress"),
                             0);
        auto old = summary(QStringLiteral("a"),
                           QStringLiteral("Old subject"),
                           QStringLiteral("open"),
                           60);
        QVERIFY(cache.storeSummaries({fresh}));
        QVERIFY(cache.storeSummaries({old}));
        QCOMPARE(cache.tickets({}).value(0).subject, QStringLiteral("New subject"));

        // A detail seen before a newer list page: the newer status is shown with it.
        auto b = summary(QStringLiteral("b"),
                         QStringLiteral("Ingress 502"),
                         QStringLiteral("open"),
                         60);
        QVERIFY(cache.storeTicket(detail(b, QStringLiteral("nginx answers 502"))));
        auto bLater = b;
        bLater.status = QStringLiteral("resolved");
        bLater.updatedAt = b.updatedAt.addSecs(600);
        QVERIFY(cache.storeSummaries({bLater}));
        const auto loaded = cache.ticket(QStringLiteral("b"));
        QVERIFY(loaded);
        QCOMPARE(loaded->status, QStringLiteral("resolved"));
        QCOMPARE(loaded->description, QStringLiteral("nginx answers 502")); // the detail is kept
        QCOMPARE(loaded->comments.size(), 1);
    }

    void searchAndFilters()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        const auto a = summary(QStringLiteral("a"),
                               QStringLiteral("Certificate renewal failed"),
                               QStringLiteral("open"),
                               5,
                               QStringLiteral("c1"));
        const auto b = summary(QStringLiteral("b"),
                               QStringLiteral("Dashboard slow"),
                               QStringLiteral("closed"),
                               10,
                               QStringLiteral("c2"));
        const auto c = summary(QStringLiteral("c"),
                               QStringLiteral("Upgrade question"),
                               QStringLiteral("open"),
                               20,
                               QStringLiteral("c1"));
        QVERIFY(cache.storeSummaries({a, b, c}));
        QVERIFY(cache.storeTicket(
            detail(b, QStringLiteral("The cert-manager pod logs show x509 errors since Monday."))));

        const auto search = [&](const QString &text,
                                const QStringList &statuses = {},
                                const QString &cluster = {}) {
            Api::TicketQuery q;
            q.search = text;
            q.statuses = statuses;
            q.clusterId = cluster;
            return ids(cache.tickets(q));
        };
        QCOMPARE(search(QStringLiteral("certificate")), QStringList{QStringLiteral("a")});
        QCOMPARE(search(QStringLiteral("CERTIF")), QStringList{QStringLiteral("a")});  // prefix
        QCOMPARE(search(QStringLiteral("renewed")), QStringList{QStringLiteral("a")}); // stem
        QCOMPARE(search(QStringLiteral("x509")), QStringList{QStringLiteral("b")}); // description
        QCOMPARE(search(QStringLiteral("x509 monday")), QStringList{QStringLiteral("b")});
        QCOMPARE(search(QStringLiteral("x509 upgrade")), QStringList()); // every word must match
        QCOMPARE(search(QStringLiteral("nothing-like-this")), QStringList());
        QCOMPARE(search(QStringLiteral("\"*(")), QStringList()); // only punctuation
        QCOMPARE(search({}, {QStringLiteral("open")}),
                 QStringList({QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(search({}, {QStringLiteral("open"), QStringLiteral("closed")}),
                 QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(search({}, {}, QStringLiteral("c1")),
                 QStringList({QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(search(QStringLiteral("upgrade"), {QStringLiteral("open")}, QStringLiteral("c1")),
                 QStringList{QStringLiteral("c")});
        QCOMPARE(search(QStringLiteral("upgrade"), {QStringLiteral("closed")}), QStringList());
        qint64 total = 0;
        QCOMPARE(cache.tickets({}, 2, &total).size(), 2);
        QCOMPARE(total, 3);
    }

    void pagesForgetTicketsGoneFromTheirRange()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        QList<Wire::TicketSummary> six;
        for (int i = 1; i <= 6; ++i)
            six.append(summary(QStringLiteral("t%1").arg(i),
                               QStringLiteral("ticket %1").arg(i),
                               i % 2 ? QStringLiteral("open") : QStringLiteral("resolved"),
                               i * 10)); // t1 is the most recently updated
        QVERIFY(cache.storeSummaries(six));
        const auto page = [&](int number, int pages, const QList<int> &rows) {
            Wire::TicketPage p;
            p.pagination.page = number;
            p.pagination.totalPages = pages;
            for (int r : rows)
                p.result.append(six.at(r - 1));
            return p;
        };
        // Page 2 of 3 holds t3 and t5: t4 lay between them and is gone; the rest is unproven.
        QVERIFY(cache.storePage({}, page(2, 3, {3, 5})));
        QCOMPARE(ids(cache.tickets({})),
                 QStringList({QStringLiteral("t1"),
                              QStringLiteral("t2"),
                              QStringLiteral("t3"),
                              QStringLiteral("t5"),
                              QStringLiteral("t6")}));
        // A search page proves nothing about the others.
        Api::TicketQuery search;
        search.search = QStringLiteral("ticket");
        QVERIFY(cache.storePage(search, page(1, 1, {1})));
        QCOMPARE(cache.ticketCount(), 5);
        // The only page of the open view is empty: no open ticket is left; resolved ones stay.
        Api::TicketQuery open;
        open.statuses = {QStringLiteral("open")};
        QVERIFY(cache.storePage(open, page(1, 1, {})));
        QCOMPARE(ids(cache.tickets({})), QStringList({QStringLiteral("t2"), QStringLiteral("t6")}));
        // Past the end proves nothing either.
        QVERIFY(cache.storePage({}, page(4, 3, {})));
        QCOMPARE(cache.ticketCount(), 2);
        // The only page of everything: exactly what it lists.
        QVERIFY(cache.storePage({}, page(1, 1, {6, 1})));
        QCOMPARE(ids(cache.tickets({})), QStringList({QStringLiteral("t1"), QStringLiteral("t6")}));
        Api::TicketQuery fts;
        fts.search = QStringLiteral("ticket");
        QCOMPARE(cache.tickets(fts).size(), 2); // the FTS index followed
    }

    void accountsNeverMix()
    {
        Store::TicketCache alice(m_dir->path(), QStringLiteral("alice"));
        Store::TicketCache bob(m_dir->path(), QStringLiteral("bob"));
        QVERIFY(alice.open());
        QVERIFY(bob.open());
        QCOMPARE(alice.databasePath(), bob.databasePath()); // one file, two accounts
        const auto a = summary(QStringLiteral("same-id"),
                               QStringLiteral("Alice's etcd quota"),
                               QStringLiteral("open"),
                               5);
        auto b = summary(QStringLiteral("same-id"),
                         QStringLiteral("Bob's etcd quota"),
                         QStringLiteral("open"),
                         1); // newer: must not replace Alice's
        QVERIFY(alice.storeTicket(detail(a, QStringLiteral("etcd database space exceeded"))));
        QVERIFY(bob.storeSummaries({b}));
        QVERIFY(bob.storeSummaries({summary(QStringLiteral("bob-only"),
                                            QStringLiteral("Bob's DNS"),
                                            QStringLiteral("open"),
                                            2)}));

        QCOMPARE(alice.ticketCount(), 1);
        QCOMPARE(bob.ticketCount(), 2);
        QCOMPARE(alice.tickets({}).value(0).subject, QStringLiteral("Alice's etcd quota"));
        QVERIFY(alice.ticket(QStringLiteral("same-id")));
        QVERIFY(!bob.ticket(QStringLiteral("same-id"))); // Alice's detail is not Bob's
        Api::TicketQuery q;
        q.search = QStringLiteral("etcd");
        QCOMPARE(alice.tickets(q).value(0).subject, QStringLiteral("Alice's etcd quota"));
        QCOMPARE(bob.tickets(q).value(0).subject, QStringLiteral("Bob's etcd quota"));
        q.search = QStringLiteral("dns");
        QCOMPARE(alice.tickets(q).size(), 0);
        QCOMPARE(alice.candidates(QStringLiteral("\"DNS\""), 10).size(), 0);
        QCOMPARE(bob.candidates(QStringLiteral("\"DNS\""), 10).size(), 1);
        QVERIFY(alice.attachmentPath(QStringLiteral("x"), QStringLiteral("a.log"))
                != bob.attachmentPath(QStringLiteral("x"), QStringLiteral("a.log")));

        QVERIFY(alice.clear());
        QCOMPARE(alice.ticketCount(), 0);
        QCOMPARE(bob.ticketCount(), 2);
    }

    void ticketCapEvictsLeastRecentlyUsed()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        cache.setMaxTickets(3);
        const auto first = summary(QStringLiteral("t0"),
                                   QStringLiteral("kept: opened again"),
                                   QStringLiteral("open"),
                                   100);
        QVERIFY(cache.storeTicket(detail(first, QStringLiteral("details"))));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(cache.storeSummaries({summary(QStringLiteral("t%1").arg(i),
                                                  QStringLiteral("ticket %1").arg(i),
                                                  QStringLiteral("open"),
                                                  100 - i)}));
        QCOMPARE(cache.ticketCount(), 3);
        QVERIFY(!cache.ticket(QStringLiteral("t0"))); // the least recently used went first
        QVERIFY(cache.storeTicket(detail(first, QStringLiteral("details")))); // seen again
        QVERIFY(cache.ticket(QStringLiteral("t0")));
        QVERIFY(cache.storeSummaries(
            {summary(QStringLiteral("t4"), QStringLiteral("ticket 4"), QStringLiteral("open"), 1)}));
        QCOMPARE(cache.ticketCount(), 3);
        QVERIFY(cache.ticket(QStringLiteral("t0"))); // used recently: kept
        QCOMPARE(ids(cache.tickets({})),
                 QStringList({QStringLiteral("t4"), QStringLiteral("t3"), QStringLiteral("t0")}));
        // The FTS index follows the evictions.
        Api::TicketQuery q;
        q.search = QStringLiteral("ticket");
        QCOMPARE(ids(cache.tickets(q)), QStringList({QStringLiteral("t4"), QStringLiteral("t3")}));
    }

    void attachmentCapEvictsLeastRecentlyUsed()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        cache.setMaxAttachmentBytes(100);
        const auto add = [&](const QString &id, qint64 size) {
            const QString path = cache.attachmentPath(id, id + QStringLiteral(".log"));
            QDir().mkpath(QFileInfo(path).absolutePath());
            return writeFile(path, size)
                   && cache.addAttachment(QStringLiteral("t"), id, id + QStringLiteral(".log"));
        };
        QVERIFY(add(QStringLiteral("a1"), 40));
        QVERIFY(add(QStringLiteral("a2"), 40));
        QCOMPARE(cache.attachmentBytes(), 80);
        const QString a1 = cache.cachedAttachment(QStringLiteral("a1"),
                                                  QStringLiteral("a1.log"),
                                                  40);
        QVERIFY(!a1.isEmpty()); // and now a1 is the more recently used one
        QVERIFY(
            cache.cachedAttachment(QStringLiteral("a1"), QStringLiteral("a1.log"), 41).isEmpty());
        const QString a2 = cache.attachmentPath(QStringLiteral("a2"), QStringLiteral("a2.log"));
        QVERIFY(add(QStringLiteral("a3"), 40));
        QCOMPARE(cache.attachmentBytes(), 80);
        QVERIFY(!QFile::exists(a2)); // evicted from disk too
        QVERIFY(QFile::exists(a1));
        QVERIFY(
            cache.cachedAttachment(QStringLiteral("a2"), QStringLiteral("a2.log"), 40).isEmpty());
        // One file over the cap alone stays (it is being shown); the others go.
        QVERIFY(add(QStringLiteral("big"), 150));
        QCOMPARE(cache.attachmentBytes(), 150);
        QVERIFY(!QFile::exists(a1));
        QVERIFY(!cache.cachedAttachment(QStringLiteral("big"), QStringLiteral("big.log"), 150)
                     .isEmpty());
        // A smaller cap applies at once.
        QVERIFY(add(QStringLiteral("small"), 10));
        cache.setMaxAttachmentBytes(50);
        QCOMPARE(cache.attachmentBytes(), 10);
    }

    void clearRemovesTicketsAndFiles()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        const auto a = summary(QStringLiteral("a"),
                               QStringLiteral("Pods pending"),
                               QStringLiteral("open"),
                               1);
        QVERIFY(cache.storeTicket(detail(a, QStringLiteral("pending pods"))));
        const QString path = cache.attachmentPath(QStringLiteral("att"), QStringLiteral("x.log"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(writeFile(path, 10));
        QVERIFY(cache.addAttachment(QStringLiteral("a"),
                                    QStringLiteral("att"),
                                    QStringLiteral("x.log")));
        QSignalSpy cleared(&cache, &Store::TicketCache::cleared);
        QVERIFY(cache.clear());
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(cache.ticketCount(), 0);
        QVERIFY(!cache.ticket(QStringLiteral("a")));
        Api::TicketQuery q;
        q.search = QStringLiteral("pods");
        QCOMPARE(cache.tickets(q).size(), 0);
        QCOMPARE(cache.attachmentBytes(), 0);
        QVERIFY(!QFile::exists(path));
        // Still usable afterwards.
        QVERIFY(cache.storeSummaries({a}));
        QCOMPARE(cache.ticketCount(), 1);
    }

    void corruptFileStartsOver()
    {
        {
            QFile f(QDir(m_dir->path()).filePath(QStringLiteral("cache.sqlite")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, '\x5a'));
        }
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        QCOMPARE(cache.ticketCount(), 0);
        QVERIFY(cache.storeSummaries(
            {summary(QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("open"), 1)}));
        QCOMPARE(cache.ticketCount(), 1);
    }

    void candidateSourceFindsCachedDuplicate()
    {
        Store::TicketCache cache(m_dir->path(), QStringLiteral("acc1"));
        QVERIFY(cache.open());
        const auto dup = summary(QStringLiteral("dup"),
                                 QStringLiteral("cert-manager fails to renew Let's Encrypt "
                                                "certificate"),
                                 QStringLiteral("in_progress"),
                                 5);
        QVERIFY(cache.storeTicket(
            detail(dup,
                   QStringLiteral(
                       "The certificate for api.example.com expired. cert-manager logs: "
                       "'Failed to finalize order: 429 urn:ietf:params:acme:error:rateLimited'. "
                       "Renewal has failed since Monday on cluster prod-eu."))));
        QList<Wire::TicketSummary> noise;
        for (int i = 0; i < 20; ++i)
            noise.append(summary(QStringLiteral("n%1").arg(i),
                                 QStringLiteral("Unrelated question number %1 about billing").arg(i),
                                 QStringLiteral("open"),
                                 10 + i));
        QVERIFY(cache.storeSummaries(noise));

        Triage::CandidateSource *source = cache.candidateSource();
        QCOMPARE(source->documentCount(), 21);
        const QStringList billing = Triage::Text::terms(QStringLiteral("billing"));
        QCOMPARE(billing.size(), 1);
        QCOMPARE(source->documentFrequency(billing.first()), 20);

        Triage::ReviewInput input;
        input.subject = QStringLiteral(
            "Let's Encrypt certificate renewal failing with cert-manager");
        input.description = QStringLiteral(
            "cert-manager cannot renew the certificate for api.example.com: 'Failed to finalize "
            "order: 429 urn:ietf:params:acme:error:rateLimited'. It started on Monday.");
        const Triage::ReviewEngine engine;
        const Wire::ReviewResult review = engine.review(input, source);
        QVERIFY(!review.duplicateCandidates.isEmpty());
        QCOMPARE(review.duplicateCandidates.first().candidateId, QStringLiteral("dup"));
        // The statistics follow the cache.
        QVERIFY(cache.clear());
        QCOMPARE(source->documentCount(), 0);
        QVERIFY(engine.review(input, source).duplicateCandidates.isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"

// The review engine (app/triage) with hand-made tickets: every quality flag, clarifying
// question and severity/category signal, answers filling gaps, summaries, and duplicate search
// over a real SQLite FTS5 index.

#include "triage/classifier.h"
#include "triage/reviewengine.h"
#include "triage/sqlitecandidateindex.h"
#include "wire/enums.h"

#include <QDir>
#include <QTest>

using namespace Ankra::Triage;

namespace {

const char *GoodDescription
    = "Since the deploy at 09:00 the checkout-api pods in namespace shop are in CrashLoopBackOff. "
      "Expected the new version 2.4.1 to start like the previous one; instead every pod restarts "
      "after about ten seconds.\n```\nError: connect ECONNREFUSED 10.96.14.7:5432\n```";

ReviewInput input(const QString &subject,
                  const QString &description,
                  const QString &category = QString(),
                  const QString &cluster = QString())
{
    return {subject, description, category, cluster, {}};
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list)
        if (s.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

Candidate ticket(const QString &id,
                 const QString &subject,
                 const QString &description,
                 const QString &status,
                 const QString &cluster = QString())
{
    return {id,
            subject,
            description,
            status,
            cluster,
            QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC),
            0};
}

} // namespace

class TstTriage : public QObject
{
    Q_OBJECT

private slots:
    void corpusIsLabelledAndComplete();
    void goodTicketPasses();
    void flags_data();
    void flags();
    void noFlagWhenTextHasIt_data();
    void noFlagWhenTextHasIt();
    void secrets_data();
    void secrets();
    void questionsAreSpecificAndCapped();
    void everyQuestionDisappearsOnceAnswered_data();
    void everyQuestionDisappearsOnceAnswered();
    void severitySignals_data();
    void severitySignals();
    void categorySignals_data();
    void categorySignals();
    void summaryIsExtractive();
    void ftsQueryKeepsInformativeTerms();
    void duplicatesFromIndex();
    void duplicatesRespectLimitAndIncludeClosed();
    void unrelatedTicketHasNoHighDuplicate();
    void recommendedAction();
    void deterministic();
};

void TstTriage::corpusIsLabelledAndComplete()
{
    const QList<LabelledTicket> corpus = builtinCorpus();
    QVERIFY2(corpus.size() >= 300, qPrintable(QString::number(corpus.size())));
    QSet<QString> cats, sevs;
    for (const LabelledTicket &t : corpus) {
        QVERIFY(Ankra::Wire::isKnownCategory(t.category));
        QVERIFY(Ankra::Wire::isKnownSeverity(t.severity));
        cats.insert(t.category);
        sevs.insert(t.severity);
    }
    QCOMPARE(cats.size(), 6);
    QCOMPARE(sevs.size(), 4);
}

void TstTriage::goodTicketPasses()
{
    const ReviewEngine engine;
    const auto r = engine.review(input(QStringLiteral(
                                           "checkout-api pods in CrashLoopBackOff after deploy"),
                                       QString::fromLatin1(GoodDescription),
                                       QStringLiteral("technical"),
                                       QStringLiteral("c-1")),
                                 nullptr);
    QVERIFY2(r.qualityFlags.isEmpty(), qPrintable(r.qualityFlags.join(u'|')));
    QCOMPARE(r.quality, QStringLiteral("pass"));
    QVERIFY(r.clarifyingQuestions.isEmpty());
    QCOMPARE(r.recommendedAction, QStringLiteral("submit"));
    QCOMPARE(r.category, QStringLiteral("technical"));
}

void TstTriage::flags_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("cluster");
    QTest::addColumn<QString>("flag");     // part of the expected flag
    QTest::addColumn<QString>("question"); // part of the expected question ("" = none)

    QTest::newRow("too short") << "Deployment fails"
                               << "Please check."
                               << "technical"
                               << "c-1"
                               << "more detail"
                               << "since when";
    QTest::newRow("vague") << "Our app"
                           << "Not working since yesterday, please help asap."
                           << "technical"
                           << "c-1"
                           << "more detail"
                           << "what have you already tried";
    QTest::newRow("no error message")
        << "ingress returns errors for the shop"
        << "Since the change of the ingress class yesterday the shop frontend fails for about "
           "half of the requests, the pods themselves look healthy and respond via port-forward."
        << "technical"
        << "c-1"
        << "exact error message"
        << "kubectl describe pod";
    QTest::newRow("no cluster")
        << "PVC stuck, volume cannot attach"
        << "After a node was drained the postgres pod cannot start: FailedAttachVolume, volume is "
           "already attached to another node. It has been in ContainerCreating for 30 minutes."
        << "technical"
        << ""
        << "affected cluster"
        << "Which cluster is affected?";
    QTest::newRow("no expected vs actual")
        << "Log viewer truncates lines"
        << "The log viewer in the dashboard cuts every line at 1024 characters, JSON log lines "
           "are unreadable for us. Error: line truncated. Happens on every cluster we have."
        << "bug"
        << "c-1"
        << "expected"
        << "What did you expect to happen";
    QTest::newRow("no version (upgrade)")
        << "Control plane upgrade stuck"
        << "We started the Kubernetes upgrade of the cluster in Ankra and it has been stuck at "
           "upgrading node pool for three hours. Error: timed out waiting for nodes to drain."
        << "technical"
        << "c-1"
        << "version"
        << "Which Kubernetes version";
    QTest::newRow("no version (helm)")
        << "Helm release stuck in pending-upgrade"
        << "helm upgrade of our redis chart fails every time. Error: UPGRADE FAILED: another "
           "operation (install/upgrade/rollback) is in progress."
        << "technical"
        << "c-1"
        << "version"
        << "Which Helm and chart versions";
    QTest::newRow("subject help") << "help" << QString::fromLatin1(GoodDescription) << "technical"
                                  << "c-1"
                                  << "instead of \"help\""
                                  << "";
    QTest::newRow("subject urgent")
        << "URGENT!!" << QString::fromLatin1(GoodDescription) << "technical"
        << "c-1"
        << "instead of \"URGENT!!\""
        << "";
}

void TstTriage::flags()
{
    QFETCH(QString, subject);
    QFETCH(QString, description);
    QFETCH(QString, category);
    QFETCH(QString, cluster);
    QFETCH(QString, flag);
    QFETCH(QString, question);
    const ReviewEngine engine;
    const auto r = engine.review(input(subject, description, category, cluster), nullptr);
    QCOMPARE(r.quality, QStringLiteral("flag"));
    QVERIFY2(anyContains(r.qualityFlags, flag), qPrintable(r.qualityFlags.join(u'|')));
    if (!question.isEmpty())
        QVERIFY2(anyContains(r.clarifyingQuestions, question),
                 qPrintable(r.clarifyingQuestions.join(u'|')));
    QVERIFY(r.recommendedAction != QLatin1String("submit"));
}

void TstTriage::noFlagWhenTextHasIt_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("absent"); // part of a question that must not be asked

    QTest::newRow("cluster named in text")
        << "PVC stuck on prod-eu-west-1"
        << "After a node was drained on cluster prod-eu-west-1 the postgres pod cannot start: "
           "FailedAttachVolume, volume is already attached to another node."
        << "technical"
        << "Which cluster";
    QTest::newRow("version given")
        << "Helm release stuck in pending-upgrade"
        << "helm 3.14.0 upgrade of our redis chart 18.1.2 fails on cluster prod-us-east. Error: "
           "UPGRADE FAILED: another operation is in progress."
        << "technical"
        << "version";
    QTest::newRow("error given")
        << "Ingress 502 for shop on prod-us-east"
        << "Our shop returns HTTP/2 502 for half the requests. upstream prematurely closed "
           "connection while reading response header from upstream."
        << "technical"
        << "error message";
    QTest::newRow("expected given")
        << "Log viewer truncates lines"
        << "The log viewer cuts every line at 1024 characters. Expected the full line; actual: "
           "the rest of the line is missing, e.g. Error: truncated."
        << "bug"
        << "expect";
}

void TstTriage::noFlagWhenTextHasIt()
{
    QFETCH(QString, subject);
    QFETCH(QString, description);
    QFETCH(QString, category);
    QFETCH(QString, absent);
    const ReviewEngine engine;
    const auto r = engine.review(input(subject, description, category), nullptr);
    QVERIFY2(!anyContains(r.clarifyingQuestions, absent),
             qPrintable(r.clarifyingQuestions.join(u'|')));
}

void TstTriage::secrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::newRow("private key") << "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n"
                                 << "private key";
    QTest::newRow("aws") << "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"
                         << "AWS access key";
    QTest::newRow("kubeconfig") << "users:\n- name: admin\n  user:\n    client-key-data: "
                                   "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo="
                                << "kubeconfig";
    QTest::newRow("bearer") << "curl -H 'Authorization: Bearer abcdef0123456789abcdef0123456789'"
                            << "bearer token";
    QTest::newRow("yaml password") << "env:\n  DB_PASSWORD: s3cr3tPassw0rd\n"
                                   << "password";
    QTest::newRow("password key") << "    password: hunter2hunter2"
                                  << "password";
    QTest::newRow("api key") << "api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0"
                             << "token or API key";
    QTest::newRow("github token") << "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB"
                                  << "access token";
}

void TstTriage::secrets()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    const ReviewEngine engine;
    const QString desc = QString::fromLatin1(GoodDescription) + u'\n' + text;
    const auto r = engine.review(input(QStringLiteral("checkout-api pods crash after deploy"),
                                       desc,
                                       QStringLiteral("technical"),
                                       QStringLiteral("c-1")),
                                 nullptr);
    QVERIFY2(anyContains(r.qualityFlags, QStringLiteral("Remove the secret you pasted")),
             qPrintable(r.qualityFlags.join(u'|')));
    QVERIFY2(anyContains(r.qualityFlags, kind), qPrintable(r.qualityFlags.join(u'|')));
    QCOMPARE(r.recommendedAction, QStringLiteral("improve_description"));

    // Placeholders are not secrets.
    const auto clean = engine.review(input(QStringLiteral("checkout-api pods crash after deploy"),
                                           QString::fromLatin1(GoodDescription)
                                               + QLatin1String("\npassword: <redacted>\n"
                                                               "token: ${API_TOKEN}"),
                                           QStringLiteral("technical"),
                                           QStringLiteral("c-1")),
                                     nullptr);
    QVERIFY2(!anyContains(clean.qualityFlags, QStringLiteral("secret")),
             qPrintable(clean.qualityFlags.join(u'|')));
}

void TstTriage::questionsAreSpecificAndCapped()
{
    const ReviewEngine engine;
    // A bug with every gap: no error, no expected/actual, no version, vague.
    const auto r = engine.review(input(QStringLiteral("agent broken"),
                                       QStringLiteral("The agent does not work."),
                                       QStringLiteral("bug")),
                                 nullptr);
    QVERIFY(r.clarifyingQuestions.size() <= ReviewEngine::MaxQuestions);
    QCOMPARE(r.clarifyingQuestions.size(), 3);
    QCOMPARE(QSet<QString>(r.clarifyingQuestions.begin(), r.clarifyingQuestions.end()).size(), 3);

    // Category-specific: billing asks for the invoice, a feature request for the motivation.
    const auto billing = engine.review(
        input(QStringLiteral("Charged twice"),
              QStringLiteral("We were charged twice for the same subscription, please refund the "
                             "duplicate payment to our credit card."),
              QStringLiteral("billing")),
        nullptr);
    QVERIFY2(anyContains(billing.clarifyingQuestions, QStringLiteral("Which invoice")),
             qPrintable(billing.clarifyingQuestions.join(u'|')));
    QVERIFY(!anyContains(billing.clarifyingQuestions, QStringLiteral("cluster")));
    const auto feature
        = engine.review(input(QStringLiteral("Dark mode"),
                              QStringLiteral(
                                  "Please add a dark mode to the dashboard with a switch in the "
                                  "profile settings page."),
                              QStringLiteral("feature_request")),
                        nullptr);
    QVERIFY2(anyContains(feature.clarifyingQuestions,
                         QStringLiteral("What problem would this solve")),
             qPrintable(feature.clarifyingQuestions.join(u'|')));
    QVERIFY(!anyContains(feature.clarifyingQuestions, QStringLiteral("error")));
}

void TstTriage::everyQuestionDisappearsOnceAnswered_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("category");
    QTest::newRow("technical") << "pods broken"
                               << "Pods not starting, please check."
                               << "technical";
    QTest::newRow("upgrade") << "Upgrade stuck"
                             << "The cluster upgrade in Ankra does not finish and nodes are stuck."
                             << "technical";
    QTest::newRow("helm") << "Helm chart fails"
                          << "Installing the chart from the add-on catalogue fails and the release "
                             "stays failed."
                          << "technical";
    QTest::newRow("bug") << "agent broken"
                         << "The agent does not work."
                         << "bug";
    QTest::newRow("billing") << "Invoice"
                             << "Wrong."
                             << "billing";
    QTest::newRow("account") << "Login"
                             << "Cannot."
                             << "account";
    QTest::newRow("feature") << "Dark mode"
                             << "Please add a dark mode."
                             << "feature_request";
    QTest::newRow("other") << "Question"
                           << "Hello?"
                           << "other";
}

void TstTriage::everyQuestionDisappearsOnceAnswered()
{
    QFETCH(QString, subject);
    QFETCH(QString, description);
    QFETCH(QString, category);
    const ReviewEngine engine;
    ReviewInput in = input(subject, description, category);
    // Answer round after round (at most three questions are shown at a time) until none is left.
    QSet<QString> asked;
    for (int round = 0; round < 4; ++round) {
        const auto r = engine.review(in, nullptr);
        if (r.clarifyingQuestions.isEmpty())
            break;
        for (const QString &q : r.clarifyingQuestions) {
            QVERIFY2(!asked.contains(q), qPrintable(QStringLiteral("asked again: ") + q));
            asked.insert(q);
            in.answers.append({q, QStringLiteral("see answer")});
        }
    }
    QVERIFY(!asked.isEmpty());
    const auto after = engine.review(in, nullptr);
    QVERIFY2(after.clarifyingQuestions.isEmpty(), qPrintable(after.clarifyingQuestions.join(u'|')));
    // An empty answer does not fill a gap.
    ReviewInput emptyAnswers = input(subject, description, category);
    for (const QString &q : asked)
        emptyAnswers.answers.append({q, QStringLiteral("  ")});
    QVERIFY(!engine.review(emptyAnswers, nullptr).clarifyingQuestions.isEmpty());
}

void TstTriage::severitySignals_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("severity");
    QTest::newRow("production down") << "Shop unreachable"
                                     << "Production down since 10:00, nothing loads."
                                     << "critical";
    QTest::newRow("all pods") << "Pods restarting"
                              << "All pods in the payments namespace restart every minute."
                              << "critical";
    QTest::newRow("data loss") << "Volume detached"
                               << "The database volume was detached, we risk data loss."
                               << "critical";
    QTest::newRow("outage") << "Ingress outage"
                            << "We have an outage of the internal dashboard ingress."
                            << "high";
    QTest::newRow("would be nice") << "Dark mode"
                                   << "Would be nice to have a dark mode in the dashboard."
                                   << "low";
}

void TstTriage::severitySignals()
{
    QFETCH(QString, subject);
    QFETCH(QString, description);
    QFETCH(QString, severity);
    const ReviewEngine engine;
    const auto r = engine.review(input(subject, description), nullptr);
    QVERIFY2(Ankra::Wire::severityRank(r.severity) >= Ankra::Wire::severityRank(severity)
                 && (severity != QLatin1String("low") || r.severity == severity),
             qPrintable(r.severity));
    if (severity == QLatin1String("critical"))
        QCOMPARE(r.severity, severity);
}

void TstTriage::categorySignals_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("category");
    QTest::newRow("invoice") << "Question about the cluster count"
                             << "The invoice lists 12 clusters, we run 3."
                             << "billing";
    QTest::newRow("charged") << "Pods and nodes"
                             << "We were charged for 40 nodes although the pool has 10."
                             << "billing";
    QTest::newRow("would be nice") << "Deploy events"
                                   << "Would be nice to see deploy events in Slack."
                                   << "feature_request";
    QTest::newRow("please add") << "Node pools"
                                << "Please add ARM node pools to the cluster wizard."
                                << "feature_request";
    QTest::newRow("sso") << "Cannot get in"
                         << "SSO login loops back to the start page."
                         << "account";
    QTest::newRow("technical") << "CrashLoopBackOff on checkout-api"
                               << "Pods restart with exit code 137, OOMKilled."
                               << "technical";
}

void TstTriage::categorySignals()
{
    QFETCH(QString, subject);
    QFETCH(QString, description);
    QFETCH(QString, category);
    const ReviewEngine engine;
    QCOMPARE(engine.review(input(subject, description), nullptr).category, category);
}

void TstTriage::summaryIsExtractive()
{
    const QString desc = QStringLiteral(
        "Hi team,\n\nSince this morning the checkout-api deployment in prod never becomes ready "
        "and every pod restarts. We rolled back once and it worked, then rolled forward again. "
        "It is a very long story with many details that would make the summary far too long if "
        "it were all included in one go, so the engine has to choose.\n```\nError: boom\n```\n"
        "Thanks, Anna");
    const QString s = ReviewEngine::summarize(QStringLiteral("checkout-api never ready"), desc);
    QVERIFY(!s.isEmpty());
    QVERIFY(s.size() <= ReviewEngine::SummaryMaxChars);
    QVERIFY2(s.contains(QLatin1String("checkout-api deployment in prod never becomes ready")),
             qPrintable(s));
    QVERIFY(!s.contains(QLatin1String("Hi team")));
    QVERIFY(!s.contains(QLatin1String("boom")));
    // Every word comes from the user's text.
    QString plain = s;
    plain.remove(QChar(0x2026));
    for (const QString &w : plain.split(u' ', Qt::SkipEmptyParts))
        QVERIFY2(desc.contains(w), qPrintable(w));
    // Only a subject: the subject.
    QCOMPARE(ReviewEngine::summarize(QStringLiteral("Pods stuck"), QString()),
             QStringLiteral("Pods stuck"));
    // One enormous sentence is cut at a word, never over the limit.
    const QString huge = QStringLiteral("word ").repeated(100) + u'.';
    QVERIFY(ReviewEngine::summarize(QStringLiteral("x"), huge).size()
            <= ReviewEngine::SummaryMaxChars);
}

void TstTriage::ftsQueryKeepsInformativeTerms()
{
    const ReviewInput in = input(QStringLiteral("The pods are in CrashLoopBackOff"),
                                 QStringLiteral("We have a problem: Error ECONNREFUSED when the "
                                                "checkout service starts. It is not working."));
    const QString q = ReviewEngine::ftsQueryFor(in);
    QVERIFY2(q.contains(QLatin1String("\"crashloopbackoff\"")), qPrintable(q));
    QVERIFY2(q.contains(QLatin1String("\"econnrefused\"")), qPrintable(q));
    QVERIFY2(!q.contains(QLatin1String("\"the\"")) && !q.contains(QLatin1String("\"we\"")),
             qPrintable(q));
    QVERIFY(q.count(QLatin1String(" OR ")) < 20);
    QVERIFY(
        ReviewEngine::ftsQueryFor(input(QStringLiteral("the"), QStringLiteral("a an"))).isEmpty());
}

void TstTriage::duplicatesFromIndex()
{
    SqliteCandidateIndex index(QDir::temp().filePath(
        QStringLiteral("tst_triage_%1.db").arg(QCoreApplication::applicationPid())));
    QString error;
    QVERIFY2(index.open(&error), qPrintable(error));
    QList<Candidate> tickets{
        ticket(
            QStringLiteral("t1"),
            QStringLiteral("cert-manager certificate not renewing for shop.example.com"),
            QStringLiteral(
                "The certificate for shop.example.com expires soon and cert-manager does not "
                "renew it. Failed to finalize Order: 403 urn:ietf:params:acme:error:unauthorized"),
            QStringLiteral("resolved"),
            QStringLiteral("c-1")),
        ticket(QStringLiteral("t2"),
               QStringLiteral("Invoice INV-2024-0042 lists too many clusters"),
               QStringLiteral("Our invoice for May lists 12 clusters but we had 3."),
               QStringLiteral("in_progress")),
        ticket(QStringLiteral("t3"),
               QStringLiteral("HPA does not scale payments-worker"),
               QStringLiteral(
                   "The HPA shows <unknown>/70% and never scales up. metrics-server is installed."),
               QStringLiteral("open")),
    };
    for (int i = 0; i < 40; ++i)
        tickets.append(ticket(QStringLiteral("f%1").arg(i, 2, 10, QChar(u'0')),
                              QStringLiteral("Question %1 about node pool sizing").arg(i),
                              QStringLiteral("How many nodes should pool %1 have for service %2?")
                                  .arg(i)
                                  .arg(i * 7),
                              QStringLiteral("closed")));
    QVERIFY(index.add(tickets));
    QCOMPARE(index.size(), tickets.size());

    const ReviewEngine engine;
    const auto r = engine.review(
        input(QStringLiteral("cert-manager not renewing certificate of shop.example.com"),
              QStringLiteral(
                  "cert-manager does not renew the certificate for shop.example.com. "
                  "Failed to finalize Order: 403 urn:ietf:params:acme:error:unauthorized"),
              QStringLiteral("technical"),
              QStringLiteral("c-1")),
        &index);
    QVERIFY(!r.duplicateCandidates.isEmpty());
    const auto &top = r.duplicateCandidates.first();
    QCOMPARE(top.candidateId, QStringLiteral("t1"));
    QCOMPARE(top.confidence, QStringLiteral("high"));
    QCOMPARE(top.statusLabel, QStringLiteral("Resolved"));
    QVERIFY(top.alreadyResolved);
    QCOMPARE(r.recommendedAction, QStringLiteral("review_duplicates"));
    for (const auto &d : r.duplicateCandidates)
        QVERIFY(d.candidateId != QLatin1String("t2"));

    // Re-adding the same id replaces it (no duplicate rows, statistics kept right).
    QVERIFY(index.add(ticket(QStringLiteral("t3"),
                             QStringLiteral("HPA does not scale"),
                             QStringLiteral("Still the same."),
                             QStringLiteral("in_progress"))));
    QCOMPARE(index.size(), tickets.size());
    const auto hpa = engine.review(input(QStringLiteral("HPA does not scale"),
                                         QStringLiteral("Still the same.")),
                                   &index);
    QVERIFY(!hpa.duplicateCandidates.isEmpty());
    QCOMPARE(hpa.duplicateCandidates.first().statusLabel, QStringLiteral("Being worked on"));
    QVERIFY(!hpa.duplicateCandidates.first().alreadyResolved);

    // A reopened file has the same content.
    SqliteCandidateIndex reopened(QDir::temp().filePath(
        QStringLiteral("tst_triage_%1.db").arg(QCoreApplication::applicationPid())));
    QVERIFY(reopened.open());
    QCOMPARE(reopened.size(), tickets.size());
    QVERIFY(reopened.documentFrequency(QStringLiteral("invoice")) >= 1);
}

void TstTriage::duplicatesRespectLimitAndIncludeClosed()
{
    SqliteCandidateIndex index;
    QVERIFY(index.open());
    QList<Candidate> tickets;
    for (int i = 0; i < 12; ++i)
        tickets.append(ticket(QStringLiteral("d%1").arg(i, 2, 10, QChar(u'0')),
                              QStringLiteral("Ingress returns 502 Bad Gateway for shop"),
                              QStringLiteral("upstream prematurely closed connection while reading "
                                             "response header from upstream, 502 Bad Gateway"),
                              i % 2 ? QStringLiteral("closed") : QStringLiteral("open")));
    QVERIFY(index.add(tickets));
    const ReviewEngine engine;
    const auto r = engine.review(input(QStringLiteral("Ingress returns 502 Bad Gateway for shop"),
                                       QStringLiteral(
                                           "upstream prematurely closed connection while "
                                           "reading response header from upstream")),
                                 &index);
    QCOMPARE(r.duplicateCandidates.size(), ReviewEngine::MaxDuplicates);
    bool closedSeen = false;
    for (const auto &d : r.duplicateCandidates) {
        QVERIFY(
            QStringList({QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")})
                .contains(d.confidence));
        if (d.statusLabel == QLatin1String("Closed")) {
            closedSeen = true;
            QVERIFY(d.alreadyResolved);
        }
    }
    QVERIFY(closedSeen);
}

void TstTriage::unrelatedTicketHasNoHighDuplicate()
{
    SqliteCandidateIndex index;
    QVERIFY(index.open());
    QVERIFY(index.add(ticket(QStringLiteral("x1"),
                             QStringLiteral("Invoice for May is wrong"),
                             QStringLiteral("The invoice lists 12 clusters, we had 3 in May."),
                             QStringLiteral("open"))));
    const ReviewEngine engine;
    const auto r = engine.review(input(QStringLiteral("CoreDNS timeouts in the cluster"),
                                       QStringLiteral(
                                           "Pods cannot resolve service names, i/o timeout "
                                           "from CoreDNS for every lookup.")),
                                 &index);
    for (const auto &d : r.duplicateCandidates)
        QVERIFY(d.confidence != QLatin1String("high"));
}

void TstTriage::recommendedAction()
{
    const ReviewEngine engine;
    QCOMPARE(engine.review(input(QStringLiteral("help"), QStringLiteral("x")), nullptr)
                 .recommendedAction,
             QStringLiteral("improve_description"));
    QCOMPARE(engine
                 .review(input(QStringLiteral("Ingress errors on the shop"),
                               QStringLiteral("Since the change of the ingress class yesterday the "
                                              "shop frontend fails for half of the requests on "
                                              "cluster prod-us-east."),
                               QStringLiteral("technical")),
                         nullptr)
                 .recommendedAction,
             QStringLiteral("answer_questions"));
}

void TstTriage::deterministic()
{
    SqliteCandidateIndex index;
    QVERIFY(index.open());
    QList<Candidate> tickets;
    const QList<LabelledTicket> corpus = builtinCorpus();
    for (qsizetype i = 0; i < corpus.size(); ++i)
        tickets.append(ticket(QStringLiteral("c%1").arg(i),
                              corpus.at(i).subject,
                              corpus.at(i).description,
                              corpus.at(i).status));
    QVERIFY(index.add(tickets));
    const ReviewEngine engine;
    const ReviewInput in = input(corpus.at(3).subject, corpus.at(3).description);
    const auto a = engine.review(in, &index);
    const auto b = engine.review(in, &index);
    QCOMPARE(a, b);
    QVERIFY(!a.duplicateCandidates.isEmpty());
    QVERIFY(!a.summary.isEmpty() && a.summary.size() <= ReviewEngine::SummaryMaxChars);
}

QTEST_GUILESS_MAIN(TstTriage)
#include "tst_triage.moc"

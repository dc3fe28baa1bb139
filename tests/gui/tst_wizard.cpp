// The new-ticket wizard offscreen against the real ankra-support-server and its review engine:
// happy path, flagged ticket, clarifying answers, linking to a duplicate, re-review after an
// edit, an expired review, the server gone at submit, and a keyboard-only walk.
// ANKRA_SCREENSHOT_DIR=dir saves a grab of each page there.

#include "testserver.h"

#include "api/apiclient.h"
#include "compose/composeform.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "review/submissionflow.h"
#include "wizard/submitwizard.h"
#include "wizard/wizardpages.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Ankra;
using Flow = Review::SubmissionFlow;
using Ui::SubmitWizard;

namespace {

const QString GoodSubject = QStringLiteral(
    "Velero backup of orders namespace ends PartiallyFailed");
const QString GoodDescription = QStringLiteral(
    "Since Monday the nightly Velero backup of the `orders` namespace ends as PartiallyFailed on "
    "cluster prod-eu-west (Kubernetes 1.29.4, Velero 1.13.0).\n\n"
    "Error: `unable to locate VolumeSnapshotter plugin named velero.io/aws`\n\n"
    "Expected: the backup completes. Actual: PartiallyFailed with 3 errors. We restarted the "
    "velero pod and checked the BackupStorageLocation; no change.");

const QString DupSubject = QStringLiteral(
    "ingress-nginx controller pods in CrashLoopBackOff after upgrading to 4.10");
const QString DupDescription = QStringLiteral(
    "After upgrading the ingress-nginx add-on from 4.9 to 4.10 through Ankra the controller pods "
    "in the ingress-nginx namespace restart every few seconds with CrashLoopBackOff. Expected: "
    "the controller runs. Actual: it crash-loops.");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    Api::ApiClient *m_client = nullptr;
    SubmitWizard *m_wizard = nullptr;
    QTemporaryDir m_dir;

    Flow *flow() const { return m_wizard->flow(); }

    template<typename T>
    T *find(const QString &name) const
    {
        return m_wizard->currentPage()->findChild<T *>(name);
    }

    void shot(const QString &name)
    {
        if (!qEnvironmentVariableIsSet("ANKRA_SCREENSHOT_DIR"))
            return;
        QApplication::processEvents();
        const QImage image = m_wizard->grab().toImage();
        image.save(QDir(qEnvironmentVariable("ANKRA_SCREENSHOT_DIR")).filePath(name));
    }

    bool waitPage(int id, int ms = 15'000)
    {
        return QTest::qWaitFor([&] { return m_wizard->currentId() == id; }, ms);
    }

    void fill(const QString &subject, const QString &description)
    {
        auto *s = m_wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"));
        auto *d = m_wizard->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
        s->setText(subject);
        d->setPlainText(description);
    }

    void clickNext() { m_wizard->button(QWizard::NextButton)->click(); }

    // Describe -> Review (the review runs on Next).
    bool toReview()
    {
        if (!m_wizard->button(QWizard::NextButton)->isEnabled())
            return false;
        clickNext();
        return waitPage(Ui::ReviewPageId);
    }

    // Review -> (Different problem) -> Confirm.
    bool toConfirm()
    {
        if (!QTest::qWaitFor([&] { return m_wizard->button(QWizard::NextButton)->isEnabled(); }))
            return false;
        clickNext();
        if (m_wizard->currentId() == Ui::DuplicatesPageId)
            find<QPushButton>(QStringLiteral("differentButton"))->click();
        return m_wizard->currentId() == Ui::ConfirmPageId;
    }

    bool submitAndWait()
    {
        auto *commit = m_wizard->button(QWizard::CommitButton);
        if (!commit->isEnabled())
            return false;
        commit->click();
        return QTest::qWaitFor([&] { return flow()->state() == Flow::State::Done; }, 20'000);
    }

    Wire::Ticket fetch(const QString &id)
    {
        auto *job = m_client->ticket(id, this);
        (void) QTest::qWaitFor([job] { return job->isFinished(); }, 10'000);
        const Wire::Ticket t = job->ticket();
        delete job;
        return t;
    }

    qint64 ticketCount()
    {
        Api::TicketQuery q;
        auto *job = m_client->listTickets(q, this);
        (void) QTest::qWaitFor([job] { return job->isFinished(); }, 10'000);
        const qint64 n = job->ok() ? job->page().pagination.totalCount : -1;
        delete job;
        return n;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        QCoreApplication::setApplicationName(QStringLiteral("ankra-support"));
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1-test"));
    }

    void init()
    {
        m_client = new Api::ApiClient(&m_nam, this);
        m_client->setServerUrl(m_server.url());
        m_client->setToken(m_server.token());
        Api::RetryPolicy fast;
        fast.maxAttempts = 2;
        fast.baseDelayMs = 50;
        fast.transferTimeoutMs = 5'000;
        m_client->setRetryPolicy(fast);
        m_wizard = new SubmitWizard(m_client);
        flow()->setReviewDebounceMs(50);
        QSignalSpy clusters(flow(), &Flow::clustersChanged);
        m_wizard->loadServerData();
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
        QApplication::setActiveWindow(m_wizard);
        QVERIFY(QTest::qWaitForWindowActive(m_wizard));
        QVERIFY(clusters.wait());
        QCOMPARE(flow()->clusters().size(), 2);
    }

    void cleanup()
    {
        delete m_wizard;
        m_wizard = nullptr;
        delete m_client;
        m_client = nullptr;
    }

    void happyPath()
    {
        const qint64 before = ticketCount();
        fill(GoodSubject, GoodDescription);
        auto *cluster = m_wizard->findChild<QComboBox *>(QStringLiteral("clusterCombo"));
        cluster->setCurrentIndex(1);
        QVERIFY(m_wizard->findChild<QLabel *>(QStringLiteral("environmentLabel"))
                    ->text()
                    .contains(QLatin1String("1.29.4")));
        Ui::ComposeForm *form = m_wizard->composeForm();
        QCOMPARE(form->stageFiles({writeFile(m_dir, QStringLiteral("velero.log"), "line 1\n"),
                                   writeFile(m_dir, QStringLiteral("tool.exe"), "MZ\x90")}),
                 1);
        QVERIFY(form->attachmentMessage().contains(QLatin1String("tool.exe")));
        shot(QStringLiteral("wizard-1-describe.png"));

        QVERIFY(toReview());
        QVERIFY(!flow()->isLocalReview());
        QVERIFY(!find<QLabel>(QStringLiteral("suggestedSummary"))->text().isEmpty());
        auto *severity = find<QComboBox>(QStringLiteral("severityCombo"));
        severity->setCurrentIndex(severity->findData(QStringLiteral("critical")));
        shot(QStringLiteral("wizard-2-review-pass.png"));

        QVERIFY(toConfirm());
        QVERIFY(!flow()->needsAcknowledgement());
        QVERIFY(m_wizard->button(QWizard::CommitButton)->isEnabled());
        shot(QStringLiteral("wizard-4-confirm.png"));

        QSignalSpy opened(m_wizard, &SubmitWizard::ticketOpened);
        QVERIFY(submitAndWait());
        shot(QStringLiteral("wizard-5-submit.png"));
        m_wizard->button(QWizard::FinishButton)->click();
        QCOMPARE(opened.size(), 1);
        const Wire::Ticket t = fetch(opened.at(0).at(0).toString());
        QCOMPARE(t.subject, GoodSubject);
        QCOMPARE(t.severity, QStringLiteral("critical"));
        QCOMPARE(t.clusterName, QStringLiteral("prod-eu-west"));
        QCOMPARE(t.environment.value(QLatin1String("kubernetes_version")).toString(),
                 QStringLiteral("1.29.4"));
        QCOMPARE(t.attachments.size(), 1);
        QCOMPARE(t.attachments.at(0).filename, QStringLiteral("velero.log"));
        QCOMPARE(ticketCount(), before + 1);
    }

    void flaggedTicketNeedsAcknowledgement()
    {
        const qint64 before = ticketCount();
        fill(QStringLiteral("It broke"), QStringLiteral("Nothing works since yesterday."));
        QVERIFY(toReview());
        QVERIFY(flow()->needsAcknowledgement());
        const auto answers = m_wizard->currentPage()->findChildren<QLineEdit *>(
            QStringLiteral("answerEdit"));
        if (!answers.isEmpty())
            answers.first()->setText(QStringLiteral("Since the upgrade to 1.30 yesterday"));
        shot(QStringLiteral("wizard-2-review.png"));
        QVERIFY(!m_wizard->currentPage()
                     ->findChildren<QCheckBox *>(QStringLiteral("flagCheck"))
                     .isEmpty());
        QVERIFY(toConfirm());
        auto *ack = find<QCheckBox>(QStringLiteral("acknowledgeCheck"));
        QVERIFY(ack->isVisible());
        QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
        shot(QStringLiteral("wizard-4-confirm-flagged.png"));
        ack->setChecked(true);
        QVERIFY(submitAndWait());
        QCOMPARE(fetch(flow()->targetTicketId()).aiReviewStatus, QStringLiteral("flagged"));
        QCOMPARE(ticketCount(), before + 1);
    }

    void flagEditGoesBackToTheField()
    {
        fill(QStringLiteral("It broke"), QStringLiteral("Nothing works since yesterday."));
        QVERIFY(toReview());
        const auto edits = m_wizard->currentPage()->findChildren<QPushButton *>(
            QStringLiteral("flagEditButton"));
        QVERIFY(!edits.isEmpty());
        edits.first()->click();
        QCOMPARE(m_wizard->currentId(), int(Ui::DescribePageId));
        QVERIFY(QApplication::focusWidget()
                    == m_wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"))
                || QApplication::focusWidget()
                       == m_wizard->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit")));
    }

    void clarifyingAnswersArriveOnTheServer()
    {
        fill(QStringLiteral("Deployment rollout hangs in the checkout namespace"),
             QStringLiteral("The rollout of the checkout Deployment never finishes. It waits for "
                            "new pods for an hour and then we roll back manually."));
        QVERIFY(toReview());
        const auto answers = m_wizard->currentPage()->findChildren<QLineEdit *>(
            QStringLiteral("answerEdit"));
        QVERIFY2(!answers.isEmpty(), "the review asked no question");
        const QString answer = QStringLiteral("Kubernetes 1.30.1, cluster staging-us-east");
        answers.first()->setText(answer);
        QVERIFY(toConfirm());
        QVERIFY(find<QWidget>(QStringLiteral("confirmView")) != nullptr);
        if (flow()->needsAcknowledgement())
            find<QCheckBox>(QStringLiteral("acknowledgeCheck"))->setChecked(true);
        QVERIFY(submitAndWait());
        const Wire::Ticket t = fetch(flow()->targetTicketId());
        bool found = false;
        for (const Wire::Comment &c : t.comments)
            found = found || c.body.contains(answer);
        QVERIFY2(found, "the answer is not on the ticket");
    }

    void linkingToADuplicateFilesNothingNew()
    {
        const qint64 before = ticketCount();
        fill(DupSubject, DupDescription);
        QVERIFY(m_wizard->composeForm()->stageFiles(
                    {writeFile(m_dir, QStringLiteral("controller.log"), "crash\n")})
                == 1);
        QVERIFY(toReview());
        QVERIFY(!flow()->reviewResult().duplicateCandidates.isEmpty());
        clickNext();
        QCOMPARE(m_wizard->currentId(), int(Ui::DuplicatesPageId));
        auto *list = find<QListWidget>(QStringLiteral("duplicateList"));
        QVERIFY(list->count() > 0);
        auto *detail = find<QWidget>(QStringLiteral("duplicateDetail"));
        QVERIFY(detail);
        QTest::qWait(300); // the side-by-side view loads the candidate
        shot(QStringLiteral("wizard-3-duplicates.png"));
        const QString existing = flow()->reviewResult().duplicateCandidates.at(0).candidateId;
        const int commentsBefore = int(fetch(existing).comments.size());
        find<QPushButton>(QStringLiteral("thisIsMineButton"))->click();
        QCOMPARE(m_wizard->currentId(), int(Ui::SubmitPageId));
        QVERIFY(QTest::qWaitFor([&] { return flow()->state() == Flow::State::Done; }, 20'000));
        const Wire::Ticket t = fetch(existing);
        QCOMPARE(t.comments.size(), commentsBefore + 1);
        QVERIFY(t.comments.last().body.contains(QLatin1String("crash-loops")));
        bool attached = false;
        for (const Wire::Attachment &a : t.attachments)
            attached = attached || a.filename == QLatin1String("controller.log");
        QVERIFY(attached);
        QCOMPARE(ticketCount(), before);
    }

    void editAfterReviewReReviews()
    {
        fill(GoodSubject, GoodDescription);
        QVERIFY(toReview());
        QCOMPARE(flow()->reviewCount(), 1);
        m_wizard->back();
        auto *d = m_wizard->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
        d->appendPlainText(QStringLiteral("It also happens for the payments namespace."));
        QCOMPARE(flow()->state(), Flow::State::Stale);
        QVERIFY(QTest::qWaitFor([&] { return flow()->reviewCount() == 2; }, 10'000));
        QVERIFY(toReview());
        QCOMPARE(flow()->reviewCount(), 2);
        QVERIFY(toConfirm());
        QVERIFY(submitAndWait());
        QVERIFY(fetch(flow()->targetTicketId()).description.contains(QLatin1String("payments")));
    }

    void expiredReviewIsReRunSilently()
    {
        const qint64 before = ticketCount();
        fill(GoodSubject, GoodDescription);
        QVERIFY(toReview());
        QVERIFY(toConfirm());
        // The server no longer knows the review (as after its hour): create answers 422.
        flow()->setReviewIdForTesting(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(submitAndWait());
        QCOMPARE(flow()->reviewCount(), 2);
        QCOMPARE(ticketCount(), before + 1);
    }

    void keyboardOnlyWalk()
    {
        const qint64 before = ticketCount();
        QApplication::setActiveWindow(m_wizard);
        auto *subject = m_wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"));
        subject->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), GoodSubject);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("descriptionEdit"));
        const QStringList lines = GoodDescription.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTest::keyClicks(QApplication::focusWidget(), lines.at(i));
        }
        QCOMPARE(flow()->description(), GoodDescription);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier); // Cluster
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("clusterCombo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(flow()->cluster().name, QStringLiteral("prod-eu-west"));
        Ui::MessageBox::setNextOpenFileNames({writeFile(m_dir, QStringLiteral("k.log"), "k\n")});
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier); // Attach…
        QTRY_COMPARE(flow()->stagedFiles().size(), 1);
        // Alt+N is the wizard's Next.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QVERIFY(waitPage(Ui::ReviewPageId));
        QVERIFY(QTest::qWaitFor([&] { return m_wizard->button(QWizard::NextButton)->isEnabled(); }));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        // Mnemonics click with an animation (animateClick): wait for the page.
        QVERIFY(QTest::qWaitFor([&] { return m_wizard->currentId() != Ui::ReviewPageId; }));
        if (m_wizard->currentId() == Ui::DuplicatesPageId)
            QTest::keyClick(QApplication::focusWidget(),
                            Qt::Key_D,
                            Qt::AltModifier); // Different problem
        QVERIFY(waitPage(Ui::ConfirmPageId));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier); // Submit ticket
        QVERIFY(QTest::qWaitFor([&] { return flow()->state() == Flow::State::Done; }, 20'000));
        QSignalSpy opened(m_wizard, &SubmitWizard::ticketOpened);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier); // Open ticket
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(ticketCount(), before + 1);
    }

    void pasteStagesFilesAndImages()
    {
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(writeFile(m_dir, QStringLiteral("p.yaml"), "a: 1\n"))});
        QApplication::clipboard()->setMimeData(mime);
        m_wizard->findChild<QPushButton *>(QStringLiteral("pasteButton"))->click();
        QCOMPARE(flow()->stagedFiles().size(), 1);
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        QApplication::clipboard()->setImage(image);
        m_wizard->findChild<QPushButton *>(QStringLiteral("pasteButton"))->click();
        QCOMPARE(flow()->stagedFiles().size(), 2);
        QVERIFY(flow()->stagedFiles().at(1).fileName.endsWith(QLatin1String(".png")));
        // Delete on the list unstages.
        auto *list = m_wizard->findChild<QListWidget *>(QStringLiteral("stagedList"));
        list->setFocus();
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(flow()->stagedFiles().size(), 1);
    }

    void ctrlNInTheMainWindowAsksForTheWizard()
    {
        Ui::MainWindow window(m_client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy requested(&window, &Ui::MainWindow::newTicketRequested);
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(requested.size(), 1);
    }

    // Last: it restarts the server.
    void serverUnreachableAtSubmit()
    {
        const qint64 before = ticketCount();
        const QString subject = QStringLiteral("Unreachable at submit: ") + GoodSubject.left(60);
        fill(subject, GoodDescription);
        QVERIFY(
            m_wizard->composeForm()->stageFiles({writeFile(m_dir, QStringLiteral("a.log"), "a\n"),
                                                 writeFile(m_dir, QStringLiteral("b.log"), "b\n")})
            == 2);
        QVERIFY(toReview());
        QVERIFY(toConfirm());
        m_server.stop();
        m_wizard->button(QWizard::CommitButton)->click();
        QVERIFY(QTest::qWaitFor([&] { return flow()->state() == Flow::State::Failed; }, 20'000));
        auto *status = find<QLabel>(QStringLiteral("submitStatus"));
        QVERIFY2(status->text().contains(QLatin1String("cannot be reached")),
                 qPrintable(status->text()));
        QVERIFY(find<QPushButton>(QStringLiteral("retryButton"))->isVisible());
        QCOMPARE(flow()->subject(), subject);
        QCOMPARE(flow()->stagedFiles().size(), 2);
        shot(QStringLiteral("wizard-5-submit-failed.png"));

        QString error;
        QVERIFY2(m_server.start(false, &error), qPrintable(error)); // the data and token stay
        m_client->setServerUrl(m_server.url());
        find<QPushButton>(QStringLiteral("retryButton"))->click();
        QVERIFY(QTest::qWaitFor([&] { return flow()->state() == Flow::State::Done; }, 20'000));
        QCOMPARE(ticketCount(), before + 1);
        QCOMPARE(fetch(flow()->targetTicketId()).attachments.size(), 2);
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"

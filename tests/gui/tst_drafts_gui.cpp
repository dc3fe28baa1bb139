// Drafts offscreen against the real server: typing into the new-ticket wizard autosaves it;
// closed and reopened from the Drafts view it comes back with its text, category, cluster,
// attachment (whose original was deleted), severity and clarifying answers; "Save as draft";
// discard asks first; a filed ticket and a sent reply remove their drafts; the reply box keeps
// a draft per ticket.

#include "testserver.h"

#include "api/apiclient.h"
#include "compose/composeform.h"
#include "detail/detailview.h"
#include "detail/replyedit.h"
#include "drafts/draftsdialog.h"
#include "drafts/replydraftbinder.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "models/roles.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "review/submissionflow.h"
#include "store/drafts.h"
#include "store/draftsmodel.h"
#include "store/draftssession.h"
#include "wizard/submitwizard.h"
#include "wizard/wizardpages.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Ankra;
using Flow = Review::SubmissionFlow;
using Ui::SubmitWizard;

namespace {

const QString Subject = QStringLiteral("Deployment rollout hangs in the checkout namespace");
const QString Description = QStringLiteral(
    "The rollout of the checkout Deployment never finishes. It waits for new pods for an hour "
    "and then we roll back manually.");

} // namespace

class TestDraftsGui : public QObject
{
    Q_OBJECT
private:
    Test::TestServer m_server;
    QNetworkAccessManager m_nam;
    Api::ApiClient *m_client = nullptr;
    QTemporaryDir m_data;
    QTemporaryDir m_user;
    Store::DraftStore *m_store = nullptr;
    const QString m_account = QStringLiteral("test|org");

    SubmitWizard *newWizard()
    {
        auto *wizard = new SubmitWizard(m_client);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->flow()->setReviewDebounceMs(50);
        wizard->setDraftStore(m_store, m_account);
        return wizard;
    }

    bool showAndLoad(SubmitWizard *wizard)
    {
        QSignalSpy clusters(wizard->flow(), &Flow::clustersChanged);
        wizard->loadServerData();
        wizard->show();
        return QTest::qWaitForWindowExposed(wizard)
               && (clusters.count() > 0 || clusters.wait(20'000));
    }

    bool toReview(SubmitWizard *wizard)
    {
        if (!wizard->button(QWizard::NextButton)->isEnabled())
            return false;
        wizard->button(QWizard::NextButton)->click();
        return QTest::qWaitFor([&] { return wizard->currentId() == Ui::ReviewPageId; }, 20'000)
               && QTest::qWaitFor([&] { return wizard->flow()->state() == Flow::State::Reviewed; },
                                  20'000);
    }

    qint64 ticketCount()
    {
        auto *job = m_client->listTickets(Api::TicketQuery(), this);
        (void) QTest::qWaitFor([job] { return job->isFinished(); }, 20'000);
        const qint64 n = job->ok() ? job->page().pagination.totalCount : -1;
        delete job;
        return n;
    }

    // Describe (filled) -> Review -> Confirm, then Submit.
    bool fileIt(SubmitWizard *wizard)
    {
        if (!toReview(wizard))
            return false;
        wizard->button(QWizard::NextButton)->click();
        if (wizard->currentId() == Ui::DuplicatesPageId)
            wizard->currentPage()
                ->findChild<QPushButton *>(QStringLiteral("differentButton"))
                ->click();
        if (wizard->currentId() != Ui::ConfirmPageId)
            return false;
        if (wizard->flow()->needsAcknowledgement())
            wizard->currentPage()
                ->findChild<QCheckBox *>(QStringLiteral("acknowledgeCheck"))
                ->setChecked(true);
        wizard->button(QWizard::CommitButton)->click();
        return true;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_user.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return f.fileName();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(true, &error), qPrintable(error));
        QCoreApplication::setApplicationName(QStringLiteral("ankra-support"));
        m_client = new Api::ApiClient(&m_nam, this);
        m_client->setServerUrl(m_server.url());
        m_client->setToken(m_server.token());
        m_store = new Store::DraftStore(m_data.path(), this);
        QVERIFY2(m_store->isOpen(), qPrintable(m_store->errorString()));
    }

    void cleanup()
    {
        for (const Store::Draft &d : m_store->drafts(m_account))
            m_store->remove(d.id);
    }

    void composeCloseReopenRestoresEverything()
    {
        QPointer<SubmitWizard> wizard = newWizard();
        QVERIFY(showAndLoad(wizard));
        QVERIFY(wizard->button(QWizard::CustomButton1)->isVisible()); // Save as draft
        auto *subject = wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"));
        auto *description = wizard->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
        QTest::keyClicks(subject, Subject);
        QTest::keyClicks(description, Description);
        auto *category = wizard->findChild<QComboBox *>(QStringLiteral("categoryCombo"));
        category->setCurrentIndex(category->findData(QStringLiteral("bug")));
        auto *cluster = wizard->findChild<QComboBox *>(QStringLiteral("clusterCombo"));
        QVERIFY(cluster->count() >= 2);
        cluster->setCurrentIndex(1);
        const QString clusterId = wizard->flow()->cluster().id;
        QVERIFY(!clusterId.isEmpty());
        const QString original = writeFile(QStringLiteral("rollout.log"), "Waiting for pods\n");
        QCOMPARE(wizard->composeForm()->stageFiles({original}), 1);

        // Autosaved while typing, without any button.
        QTRY_COMPARE_WITH_TIMEOUT(m_store->count(m_account), 1, 20'000);
        QVERIFY(!wizard->button(QWizard::CustomButton1)->isHidden());

        // The review's answers and the chosen severity belong to the draft too.
        QVERIFY(toReview(wizard));
        QVERIFY(wizard->button(QWizard::CustomButton1)->isHidden()); // Describe page only
        const auto answers = wizard->currentPage()->findChildren<QLineEdit *>(
            QStringLiteral("answerEdit"));
        QVERIFY2(!answers.isEmpty(), "the review asked no question");
        const QString question = answers.first()->accessibleName();
        const QString answer = QStringLiteral("Kubernetes 1.30.1, three replicas");
        QTest::keyClicks(answers.first(), answer);
        auto *severity = wizard->currentPage()->findChild<QComboBox *>(
            QStringLiteral("severityCombo"));
        const int critical = severity->findData(QStringLiteral("critical"));
        QVERIFY(critical >= 0);
        severity->setCurrentIndex(critical);
        const QString draftId = wizard->draftSession()->draftId();
        wizard->reject(); // close: kept
        QTRY_VERIFY(!wizard);
        QVERIFY(QFile::remove(original)); // the draft has its own copy

        const Store::Draft saved = *m_store->draft(draftId);
        QCOMPARE(saved.subject, Subject);
        QCOMPARE(saved.body, Description);

        // Reopen it from the Drafts view.
        Ui::DraftsDialog dialog(m_store, m_account);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.model()->rowCount(), 1);
        QCOMPARE(dialog.list()->currentIndex().data().toString(), Subject);
        QPointer<SubmitWizard> reopened;
        connect(&dialog,
                &Ui::DraftsDialog::openRequested,
                this,
                [&](const QString &id, const QString &kind, const QString &) {
                    QCOMPARE(kind, QStringLiteral("ticket"));
                    reopened = newWizard();
                    QVERIFY(reopened->restoreDraft(id));
                });
        dialog.findChild<QPushButton *>(QStringLiteral("openDraftButton"))->click();
        QVERIFY(reopened);
        QVERIFY(showAndLoad(reopened));
        QCOMPARE(reopened->findChild<QLineEdit *>(QStringLiteral("subjectEdit"))->text(), Subject);
        QCOMPARE(reopened->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"))
                     ->toPlainText(),
                 Description);
        QCOMPARE(reopened->findChild<QComboBox *>(QStringLiteral("categoryCombo"))
                     ->currentData()
                     .toString(),
                 QStringLiteral("bug"));
        QCOMPARE(reopened->findChild<QComboBox *>(QStringLiteral("clusterCombo"))
                     ->currentData()
                     .toString(),
                 clusterId);
        auto *staged = reopened->findChild<QListWidget *>(QStringLiteral("stagedList"));
        QCOMPARE(staged->count(), 1);
        QVERIFY(staged->item(0)->text().startsWith(QLatin1String("rollout.log")));
        QFile copy(reopened->flow()->stagedFiles().at(0).path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), QByteArray("Waiting for pods\n"));
        QCOMPARE(reopened->flow()->severity(), QStringLiteral("critical"));
        QCOMPARE(reopened->flow()->answer(question), answer);

        // On the review page the answer and the severity are shown as left.
        QVERIFY(toReview(reopened));
        const auto answers2 = reopened->currentPage()->findChildren<QLineEdit *>(
            QStringLiteral("answerEdit"));
        bool shown = false;
        for (QLineEdit *e : answers2)
            shown = shown || (e->accessibleName() == question && e->text() == answer);
        QVERIFY2(shown, "the restored answer is not in its field");
        QCOMPARE(reopened->currentPage()
                     ->findChild<QComboBox *>(QStringLiteral("severityCombo"))
                     ->currentData()
                     .toString(),
                 QStringLiteral("critical"));
        QCOMPARE(reopened->draftSession()->draftId(), draftId); // the same draft, not a copy
        reopened->reject();
        QTRY_VERIFY(!reopened);
        QCOMPARE(m_store->count(m_account), 1);
    }

    void saveAsDraftClosesTheWizard()
    {
        QPointer<SubmitWizard> wizard = newWizard();
        QVERIFY(showAndLoad(wizard));
        QSignalSpy saved(wizard.data(), &SubmitWizard::draftSaved);
        // Nothing typed: says so and stays open.
        Ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        wizard->button(QWizard::CustomButton1)->click();
        QCOMPARE(saved.count(), 0);
        QVERIFY(wizard->isVisible());
        QCOMPARE(m_store->count(m_account), 0);

        wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"))
            ->setText(QStringLiteral("Saved by hand"));
        wizard->button(QWizard::CustomButton1)->click(); // at once, not after the debounce
        QCOMPARE(saved.count(), 1);
        QCOMPARE(m_store->count(m_account), 1);
        QCOMPARE(m_store->draft(saved.at(0).at(0).toString())->subject,
                 QStringLiteral("Saved by hand"));
        QTRY_VERIFY(!wizard);
    }

    void discardAsksFirst()
    {
        const QString file = writeFile(QStringLiteral("keep.txt"), "x");
        Store::Draft d;
        d.id = Store::DraftStore::newId();
        d.account = m_account;
        d.subject = QStringLiteral("To be discarded");
        const QString copy = m_store->keepFile(d.id, file);
        d.attachments = {{QStringLiteral("keep.txt"), copy, 1, {}}};
        QVERIFY(m_store->save(d));
        Ui::DraftsDialog dialog(m_store, m_account);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *discard = dialog.findChild<QPushButton *>(QStringLiteral("discardDraftButton"));
        QVERIFY(discard->isEnabled());

        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        discard->click();
        QCOMPARE(dialog.model()->rowCount(), 1);
        QVERIFY(m_store->draft(d.id));

        Ui::MessageBox::setNextAnswer(QMessageBox::Discard);
        discard->click();
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY(!m_store->draft(d.id));
        QVERIFY(!QFileInfo::exists(copy));
        QVERIFY(!discard->isEnabled());
        QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("draftsEmptyLabel"))->isVisible());
    }

    void filedTicketRemovesItsDraft()
    {
        QPointer<SubmitWizard> wizard = newWizard();
        QVERIFY(showAndLoad(wizard));
        wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"))->setText(Subject);
        wizard->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"))
            ->setPlainText(Description);
        QVERIFY(wizard->draftSession()->saveNow());
        QCOMPARE(m_store->count(m_account), 1);
        QVERIFY(toReview(wizard));
        wizard->button(QWizard::NextButton)->click();
        if (wizard->currentId() == Ui::DuplicatesPageId)
            wizard->currentPage()
                ->findChild<QPushButton *>(QStringLiteral("differentButton"))
                ->click();
        QCOMPARE(wizard->currentId(), int(Ui::ConfirmPageId));
        if (wizard->flow()->needsAcknowledgement())
            wizard->currentPage()
                ->findChild<QCheckBox *>(QStringLiteral("acknowledgeCheck"))
                ->setChecked(true);
        wizard->button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->flow()->state(), Flow::State::Done, 20'000);
        QCOMPARE(m_store->count(m_account), 0);
        wizard->reject();
        QTRY_VERIFY(!wizard);
        QCOMPARE(m_store->count(m_account), 0); // closing does not bring it back
    }

    // The app dies after the ticket was created but before its attachment was uploaded; the
    // restored draft is filed again: the same ticket, one attachment, nothing twice.
    void refilingARestoredDraftFilesOnce()
    {
        const qint64 before = ticketCount();
        QVERIFY(before >= 0);
        SubmitWizard *wizard = newWizard();
        QVERIFY(showAndLoad(wizard));
        wizard->findChild<QLineEdit *>(QStringLiteral("subjectEdit"))
            ->setText(QStringLiteral("Cert-manager renewals stop after the 1.14 upgrade"));
        wizard->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"))
            ->setPlainText(QStringLiteral(
                "Since upgrading cert-manager to 1.14 on prod-eu-west the certificates are not "
                "renewed. Error: `order is in errored state`. Expected: renewal 30 days before "
                "expiry. We restarted the controller; no change."));
        QCOMPARE(wizard->composeForm()->stageFiles(
                     {writeFile(QStringLiteral("cm.log"), "order is in errored state\n")}),
                 1);
        // The upload will fail: its file (the draft's copy) is gone for a moment.
        const QString copy = wizard->flow()->stagedFiles().at(0).path;
        QFile saved(copy);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray content = saved.readAll();
        saved.close();
        QVERIFY(QFile::remove(copy));
        QVERIFY(fileIt(wizard));
        QTRY_COMPARE_WITH_TIMEOUT(wizard->flow()->state(), Flow::State::Failed, 20'000);
        const QString ticketId = wizard->flow()->targetTicketId();
        QVERIFY(!ticketId.isEmpty());
        QCOMPARE(ticketCount(), before + 1);
        // The keys were on disk before the requests left, without waiting for a debounce.
        const QString draftId = wizard->draftSession()->draftId();
        const Store::Draft d = *m_store->draft(draftId);
        QCOMPARE(d.fields.value(QLatin1String("create_key")).toString().toLatin1(),
                 wizard->flow()->createIdempotencyKey());
        QCOMPARE(d.attachments.at(0).idempotencyKey,
                 wizard->flow()->stagedFiles().at(0).idempotencyKey);
        delete wizard; // "crash"

        QFile back(copy);
        QVERIFY(back.open(QIODevice::WriteOnly));
        back.write(content);
        back.close();
        QPointer<SubmitWizard> again = newWizard();
        QVERIFY(again->restoreDraft(draftId));
        QVERIFY(showAndLoad(again));
        QVERIFY(fileIt(again));
        QTRY_COMPARE_WITH_TIMEOUT(again->flow()->state(), Flow::State::Done, 20'000);
        QCOMPARE(again->flow()->targetTicketId(), ticketId);
        QCOMPARE(ticketCount(), before + 1);
        QCOMPARE(again->flow()->ticket().attachments.size(), 1);
        QVERIFY(!m_store->draft(draftId)); // filed: the draft is gone
        delete again;
    }

    void replyBoxKeepsADraftPerTicket()
    {
        Ui::MainWindow window(m_client);
        new Ui::ReplyDraftBinder(m_store, m_account, window.detailView());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy draftsRequested(&window, &Ui::MainWindow::draftsRequested);
        window.findChild<QAction *>(QStringLiteral("draftsAction"))->trigger();
        QCOMPARE(draftsRequested.count(), 1);

        Models::TicketListModel *model = window.ticketModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2 && !model->isLoading(), 20'000);
        QString first, second;
        for (int row = 0; row < model->rowCount() && second.isEmpty(); ++row) {
            const auto &t = model->ticketAt(row);
            if (t.status == QLatin1String("closed"))
                continue;
            (first.isEmpty() ? first : second) = t.id;
        }
        QVERIFY(!second.isEmpty());
        Models::TicketController *controller = window.ticketController();
        auto *reply = window.detailView()->replyEdit();

        window.openTicket(first);
        QTRY_VERIFY_WITH_TIMEOUT(controller->ticket().id == first && reply->isEnabled(), 20'000);
        QTest::keyClicks(reply, QStringLiteral("Half a reply to the first"));
        QTRY_VERIFY_WITH_TIMEOUT(m_store->replyDraft(m_account, first), 20'000);

        window.openTicket(second);
        QTRY_VERIFY_WITH_TIMEOUT(controller->ticket().id == second, 20'000);
        QCOMPARE(reply->toPlainText(), QString()); // the second ticket has no draft
        QTest::keyClicks(reply, QStringLiteral("Another one"));

        window.openTicket(first);
        QTRY_VERIFY_WITH_TIMEOUT(controller->ticket().id == first, 20'000);
        QCOMPARE(reply->toPlainText(), QStringLiteral("Half a reply to the first"));
        QCOMPARE(m_store->replyDraft(m_account, second)->body, QStringLiteral("Another one"));

        // Listed in the Drafts view under the ticket's subject.
        Store::DraftListModel list(m_store, m_account);
        QCOMPARE(list.rowCount(), 2);
        QVERIFY(list.index(0).data().toString().startsWith(QStringLiteral("Reply to “")));

        // Sent: the draft goes.
        window.findChild<QPushButton *>(QStringLiteral("sendReplyButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_store->replyDraft(m_account, first), 20'000);
        QTRY_COMPARE(reply->toPlainText(), QString());
        QTest::qWait(Store::Autosaver::DefaultMaxDelayMs + 300);
        QVERIFY(!m_store->replyDraft(m_account, first)); // the cleared box saves nothing
        QVERIFY(m_store->replyDraft(m_account, second));

        window.setDraftCount(3);
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("draftsAction"))->text(),
                 QStringLiteral("Drafts (3)"));
    }
};

QTEST_MAIN(TestDraftsGui)
#include "tst_drafts_gui.moc"

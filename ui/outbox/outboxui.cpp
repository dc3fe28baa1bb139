#include "outbox/outboxui.h"

#include "detail/detailview.h"
#include "mainwindow.h"
#include "outbox/offlinebanner.h"
#include "outbox/outboxview.h"
#include "startup/afterfirstpaint.h"
#include "widgets/menus.h"
#include "wizard/submitwizard.h"

#include "api/apiclient.h"
#include "models/ticketcontroller.h"
#include "models/ticketlistmodel.h"
#include "review/submissionflow.h"
#include "store/connectivity.h"
#include "store/draftssession.h"
#include "store/outbox.h"
#include "store/outboxmodel.h"
#include "store/outboxsender.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>

namespace Ankra::Ui {

namespace {

constexpr char SeenProperty[] = "ankraOutboxSeen";

// The failed job of `op` that the controller just reported (its jobs are its children and live
// until the event loop runs again).
Api::ApiJob *failedJob(Models::TicketController *controller, const QString &pathEnd)
{
    const auto jobs = controller->findChildren<Api::ApiJob *>(Qt::FindDirectChildrenOnly);
    for (Api::ApiJob *job : jobs) {
        if (!job->isFinished() || job->ok() || job->property(SeenProperty).toBool())
            continue;
        if (!job->url().path().endsWith(pathEnd))
            continue;
        job->setProperty(SeenProperty, true);
        return job;
    }
    return nullptr;
}

} // namespace

QString OutboxUi::defaultDatabasePath(const QString &principal)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // One outbox per account: its entries are sent with that account's token only.
    const QByteArray hash
        = QCryptographicHash::hash(principal.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(dir).filePath(QStringLiteral("outbox-%1.sqlite").arg(QString::fromLatin1(hash)));
}

OutboxUi *OutboxUi::install(MainWindow *window,
                            Api::ApiClient *client,
                            const QString &databasePath,
                            int probeIntervalMs)
{
    auto *outbox = new Store::Outbox(databasePath);
    QString error;
    if (!outbox->open(&error)) {
        delete outbox;
        window->statusBar()->showMessage(tr("The outbox is not available: %1").arg(error));
        return nullptr;
    }
    return new OutboxUi(window, client, outbox, probeIntervalMs);
}

bool OutboxUi::isNetworkFailure(const Api::ApiError &error)
{
    using Kind = Api::ApiError::Kind;
    return error.kind == Kind::Offline || error.kind == Kind::Timeout
           || (error.kind == Kind::Server && error.httpStatus >= 500);
}

OutboxUi::OutboxUi(MainWindow *window, Api::ApiClient *client, Store::Outbox *outbox, int probeMs)
    : QObject(window)
    , m_window(window)
    , m_client(client)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("outboxUi"));
    outbox->setParent(this);
    m_connectivity = new Store::Connectivity(client, this);
    m_connectivity->setProbeInterval(probeMs, 30'000);
    m_sender = new Store::OutboxSender(outbox, client, m_connectivity, this);
    m_pending = new Store::OutboxTicketsModel(outbox, this);
    m_pending->setTicketModel(window->ticketModel());
    window->setPendingTickets(m_pending);

    m_banner = new OfflineBanner;
    window->addBanner(m_banner);
    m_button = new QToolButton;
    m_button->setObjectName(QStringLiteral("outboxButton"));
    m_button->setToolTip(tr("Actions waiting to be sent to the server"));
    m_button->setAutoRaise(true);
    window->addToolBarWidget(m_button);

    connect(m_button, &QToolButton::clicked, this, [this] { showOutbox(); });
    auto *outboxAction = new QAction(tr("Outbox…"), window);
    outboxAction->setObjectName(QStringLiteral("outboxAction"));
    outboxAction->setToolTip(tr("Actions waiting to be sent to the server"));
    connect(outboxAction, &QAction::triggered, this, [this] { showOutbox(); });
    Menus::add(window, Menus::Kind::File, outboxAction);
    connect(m_banner, &OfflineBanner::outboxRequested, this, [this] { showOutbox(); });
    connect(m_banner,
            &OfflineBanner::retryRequested,
            m_connectivity,
            &Store::Connectivity::probeNow);
    connect(m_connectivity, &Store::Connectivity::onlineChanged, this, [this](bool online) {
        updateButton();
        if (online)
            m_window->refresh(); // what happened meanwhile
    });
    connect(outbox, &Store::Outbox::pendingCountChanged, this, &OutboxUi::updateButton);
    connect(outbox, &Store::Outbox::ticketCreated, this, [this](const QString &, const QString &) {
        m_window->ticketModel()->refresh(); // the real ticket replaces the "not yet sent" row
    });
    connect(m_sender, &Store::OutboxSender::entrySent, this, [this](qint64, const QString &ticketId) {
        Models::TicketController *controller = m_window->ticketController();
        if (!ticketId.isEmpty() && controller->ticketId() == ticketId)
            controller->reload();
        m_window->ticketModel()->refresh();
    });
    connect(m_sender, &Store::OutboxSender::entryFailed, this, [this](qint64, const QString &why) {
        m_window->statusBar()->showMessage(tr("An action in the outbox was not sent: %1").arg(why),
                                           15'000);
    });
    connect(window, &MainWindow::localTicketActivated, this, [this](const QString &localId) {
        showOutbox(localId.section(QLatin1Char(':'), 1).toLongLong());
    });
    attachDetail();
    updateButton();
    // The system's network state at the next idle moment after the first paint (its plugin is
    // slow to load); the probe answers meanwhile.
    m_connectivity->probeNow();
    AfterFirstPaint::run(window, [connectivity = QPointer<Store::Connectivity>(m_connectivity)] {
        if (connectivity)
            connectivity->loadSystemBackend();
    });
    m_sender->start();
}

void OutboxUi::updateButton()
{
    const int pending = m_outbox->pendingCount();
    m_button->setText(pending > 0 ? tr("Outbox (%1)").arg(pending) : tr("Outbox"));
    m_banner->setState(m_connectivity->isOnline(), pending);
    m_window->setOfflineShown(!m_connectivity->isOnline());
}

void OutboxUi::tell(const QString &message)
{
    m_window->statusBar()->showMessage(message, 15'000);
    emit queued(message);
}

OutboxView *OutboxUi::showOutbox(qint64 entryId)
{
    if (!m_view) {
        m_view = new OutboxView(m_outbox, m_sender, m_connectivity, m_window);
        m_view->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
    if (entryId > 0)
        m_view->selectEntry(entryId);
    return m_view;
}

void OutboxUi::attachDetail()
{
    DetailView *detail = m_window->detailView();
    Models::TicketController *controller = m_window->ticketController();
    // Connected after DetailView's own handler: its error banner is replaced by ours.
    connect(controller,
            &Models::TicketController::errorOccurred,
            this,
            [this, detail, controller](Models::TicketController::Operation op,
                                       const Api::ApiError &error) {
                using Op = Models::TicketController::Operation;
                if (!isNetworkFailure(error) || controller->ticketId().isEmpty())
                    return;
                const QString ticketId = controller->ticketId();
                const QString subject = controller->ticket().subject;
                QString problem;
                QString message;
                if (op == Op::Reply) {
                    auto *edit = detail->findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
                    Api::ApiJob *job = failedJob(controller, QStringLiteral("/comments"));
                    const QString text = edit ? edit->toPlainText() : QString();
                    if (!edit || text.trimmed().isEmpty())
                        return;
                    if (!m_outbox->enqueueComment(ticketId,
                                                  text,
                                                  subject,
                                                  &problem,
                                                  job ? job->idempotencyKey() : QByteArray()))
                        return tell(tr("Your reply could not be queued: %1").arg(problem));
                    edit->clear();
                    message = tr("The server cannot be reached: your reply is kept in the outbox "
                                 "and sent when it is back.");
                } else if (op == Op::Close) {
                    Api::ApiJob *job = failedJob(controller, QStringLiteral("/close"));
                    if (!m_outbox->enqueueClose(ticketId,
                                                subject,
                                                &problem,
                                                job ? job->idempotencyKey() : QByteArray()))
                        return tell(tr("Closing could not be queued: %1").arg(problem));
                    message = tr("The server cannot be reached: closing the ticket is queued in "
                                 "the outbox.");
                } else if (op == Op::Upload) {
                    auto *job = qobject_cast<Api::UploadJob *>(
                        failedJob(controller, QStringLiteral("/attachments")));
                    if (!job)
                        return;
                    if (!m_outbox->enqueueUpload(ticketId,
                                                 job->filePath(),
                                                 subject,
                                                 &problem,
                                                 job->idempotencyKey()))
                        return tell(tr("The upload could not be queued: %1").arg(problem));
                    message = tr("The server cannot be reached: %1 is kept in the outbox and "
                                 "uploaded when it is back.")
                                  .arg(QFileInfo(job->filePath()).fileName());
                } else {
                    return;
                }
                detail->showBanner(message, false);
                tell(message);
            });
}

void OutboxUi::attachWizard(SubmitWizard *wizard)
{
    Review::SubmissionFlow *flow = wizard->flow();
    connect(
        flow,
        &Review::SubmissionFlow::failed,
        wizard,
        [this, wizard, flow](const Api::ApiError &error) {
            using State = Review::SubmissionFlow::State;
            if (flow->state() != State::Failed || !isNetworkFailure(error))
                return;
            QString problem;
            QString message;
            const QString target = flow->targetTicketId();
            QStringList remaining;
            QList<QByteArray> keys;
            for (const Review::StagedFile &f : flow->stagedFiles())
                if (f.state != Review::StagedFile::State::Uploaded) {
                    remaining.append(f.path);
                    keys.append(f.idempotencyKey);
                }
            if (target.isEmpty()) {
                // Not filed: the whole ticket goes. The server reviews it when it arrives (a local
                // review cannot be used to file).
                Api::CreateTicketRequest r;
                r.subject = flow->subject();
                r.description = flow->description();
                r.category = flow->category();
                r.clusterId = flow->cluster().id;
                r.severity = flow->severity().isEmpty() ? flow->reviewResult().severity
                                                        : flow->severity();
                r.acknowledged = flow->isAcknowledged();
                r.environment = flow->environment();
                for (const QString &q : flow->reviewResult().clarifyingQuestions)
                    if (!flow->answer(q).trimmed().isEmpty())
                        r.clarificationAnswers.append({q, flow->answer(q)});
                if (!m_outbox->enqueueCreateTicket(r,
                                                   remaining,
                                                   &problem,
                                                   flow->createIdempotencyKey()))
                    return tell(tr("The ticket could not be queued: %1").arg(problem));
                message = tr("The server cannot be reached: “%1” is kept in the outbox and filed "
                             "when it is back. It is in the ticket list as “Not yet sent”.")
                              .arg(r.subject);
            } else {
                // Filed (or linked): what is left goes to the ticket.
                const QString subject = flow->ticket().subject.isEmpty() ? flow->subject()
                                                                         : flow->ticket().subject;
                if (flow->isLinking() && flow->ticket().id.isEmpty()
                    && !m_outbox->enqueueComment(target,
                                                 QStringLiteral("**%1**\n\n%2")
                                                     .arg(flow->subject().trimmed(),
                                                          flow->description()),
                                                 subject,
                                                 &problem))
                    return tell(tr("The description could not be queued: %1").arg(problem));
                for (int i = 0; i < remaining.size(); ++i)
                    if (!m_outbox
                             ->enqueueUpload(target, remaining.at(i), subject, &problem, keys.at(i)))
                        return tell(tr("The attachments could not be queued: %1").arg(problem));
                message
                    = tr("The server cannot be reached: %n attachment(s) are kept in the outbox "
                         "and uploaded when it is back.",
                         nullptr,
                         int(remaining.size()));
            }
            if (Store::TicketDraftSession *drafts = wizard->draftSession())
                drafts->discard(); // it lives in the outbox now
            tell(message);
            // QWizard::done() would validate the current page first (and start a review).
            wizard->QDialog::done(QDialog::Accepted);
        });
}

} // namespace Ankra::Ui

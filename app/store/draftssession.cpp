#include "store/draftssession.h"

#include "review/submissionflow.h"

#include <QFileInfo>
#include <QJsonObject>

namespace Ankra::Store {

using Review::SubmissionFlow;

namespace {

QJsonObject fieldsOf(const SubmissionFlow &flow)
{
    QJsonObject answers;
    for (auto it = flow.answers().cbegin(); it != flow.answers().cend(); ++it)
        answers.insert(it.key(), it.value());
    QJsonObject fields{{QStringLiteral("category"), flow.category()},
                       {QStringLiteral("severity"), flow.severity()},
                       {QStringLiteral("answers"), answers},
                       {QStringLiteral("acknowledged"), flow.isAcknowledged()},
                       {QStringLiteral("create_key"),
                        QString::fromLatin1(flow.createIdempotencyKey())}};
    if (!flow.cluster().id.isEmpty())
        fields.insert(QStringLiteral("cluster"),
                      QJsonObject{{QStringLiteral("id"), flow.cluster().id},
                                  {QStringLiteral("name"), flow.cluster().name},
                                  {QStringLiteral("kubernetes_version"),
                                   flow.cluster().kubernetesVersion}});
    return fields;
}

} // namespace

// --- TicketDraftSession ------------------------------------------------------------------------

TicketDraftSession::TicketDraftSession(DraftStore *store,
                                       SubmissionFlow *flow,
                                       const QString &account,
                                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_flow(flow)
    , m_autosaver([this] { return save(); })
{
    m_draft.kind = Draft::Kind::Ticket;
    m_draft.account = account;
    m_draft.id = DraftStore::newId(); // the folder for copied files exists before the row
    flow->setFileKeeper([this](const QString &path, QString *error) {
        if (!m_store)
            return path;
        return m_store->keepFile(m_draft.id, path, error);
    });
    connect(flow, &SubmissionFlow::draftChanged, this, [this] {
        if (!m_finished)
            m_autosaver.touch();
    });
    connect(flow, &SubmissionFlow::finished, this, [this] {
        // Filed (or added to an existing ticket) with every attachment: nothing left to keep.
        m_finished = true;
        m_autosaver.cancel();
        discard();
    });
    connect(&m_autosaver, &Autosaver::saved, this, &TicketDraftSession::saved);
    // Filing starts: the keys must be on disk before the request leaves, not 0.5 s later.
    connect(flow, &SubmissionFlow::stateChanged, this, [this](SubmissionFlow::State state) {
        if (!m_finished
            && (state == SubmissionFlow::State::Submitting
                || state == SubmissionFlow::State::UploadingAttachments)) {
            m_autosaver.touch();
            m_autosaver.flush();
        }
    });
}

TicketDraftSession::~TicketDraftSession()
{
    m_autosaver.flush();
    if (m_flow)
        m_flow->setFileKeeper({});
}

bool TicketDraftSession::restore(const QString &id)
{
    if (!m_store || !m_flow)
        return false;
    const std::optional<Draft> d = m_store->draft(id);
    if (!d || d->kind != Draft::Kind::Ticket)
        return false;
    m_draft = *d;
    m_stored = true;
    const QJsonObject f = d->fields;
    m_flow->setSubject(d->subject);
    m_flow->setDescription(d->body);
    if (f.contains(QLatin1String("category")))
        m_flow->setCategory(f.value(QLatin1String("category")).toString());
    const QJsonObject c = f.value(QLatin1String("cluster")).toObject();
    Wire::Cluster cluster;
    cluster.id = c.value(QLatin1String("id")).toString();
    cluster.name = c.value(QLatin1String("name")).toString();
    cluster.kubernetesVersion = c.value(QLatin1String("kubernetes_version")).toString();
    m_flow->setCluster(cluster);
    m_flow->setSeverity(f.value(QLatin1String("severity")).toString());
    const QJsonObject answers = f.value(QLatin1String("answers")).toObject();
    for (auto it = answers.begin(); it != answers.end(); ++it)
        m_flow->setAnswer(it.key(), it.value().toString());
    m_flow->setAcknowledged(f.value(QLatin1String("acknowledged")).toBool());
    m_flow->setCreateIdempotencyKey(f.value(QLatin1String("create_key")).toString().toLatin1());
    for (const DraftAttachment &a : d->attachments)
        m_flow->stageFile(a.path, a.idempotencyKey); // in the draft's folder: staged as it is
    // Restoring is not an edit: nothing new to save.
    m_autosaver.cancel();
    return true;
}

Draft TicketDraftSession::snapshot() const
{
    Draft d = m_draft;
    d.subject = m_flow->subject();
    d.body = m_flow->description();
    d.fields = fieldsOf(*m_flow);
    d.attachments.clear();
    for (const Review::StagedFile &f : m_flow->stagedFiles())
        d.attachments.append({f.fileName, f.path, f.sizeBytes, f.idempotencyKey});
    return d;
}

bool TicketDraftSession::save()
{
    if (!m_store || !m_flow || m_finished)
        return true;
    Draft d = snapshot();
    if (d.isEmpty()) {
        // Emptied by the user: nothing to keep (but keep the id for the files folder).
        if (m_stored && !m_store->remove(d.id))
            return false;
        m_stored = false;
        return true;
    }
    if (!m_store->save(d))
        return false;
    m_draft = d;
    m_stored = true;
    return true;
}

bool TicketDraftSession::saveNow()
{
    m_autosaver.touch();
    return m_autosaver.flush();
}

void TicketDraftSession::discard()
{
    m_autosaver.cancel();
    if (m_store)
        m_store->remove(m_draft.id); // also the folder of copied files
    m_stored = false;
    const QString account = m_draft.account;
    m_draft = Draft();
    m_draft.account = account;
    m_draft.id = DraftStore::newId();
}

// --- ReplyDraftSession -------------------------------------------------------------------------

ReplyDraftSession::ReplyDraftSession(DraftStore *store, const QString &account, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_autosaver([this] { return save(); })
{
    m_draft.kind = Draft::Kind::Reply;
    m_draft.account = account;
}

ReplyDraftSession::~ReplyDraftSession()
{
    m_autosaver.flush();
}

QString ReplyDraftSession::setTicket(const QString &ticketId, const QString &ticketTitle)
{
    if (ticketId == m_draft.ticketId) {
        m_draft.ticketTitle = ticketTitle;
        return m_draft.body;
    }
    m_autosaver.flush();
    const QString account = m_draft.account;
    m_draft = Draft();
    m_draft.kind = Draft::Kind::Reply;
    m_draft.account = account;
    m_draft.ticketId = ticketId;
    m_draft.ticketTitle = ticketTitle;
    m_stored = false;
    if (m_store && !ticketId.isEmpty()) {
        if (const std::optional<Draft> d = m_store->replyDraft(account, ticketId)) {
            m_draft = *d;
            if (!ticketTitle.isEmpty())
                m_draft.ticketTitle = ticketTitle;
            m_stored = true;
        }
    }
    return m_draft.body;
}

void ReplyDraftSession::setText(const QString &text)
{
    if (text == m_draft.body || m_draft.ticketId.isEmpty())
        return;
    m_draft.body = text;
    m_autosaver.touch();
}

bool ReplyDraftSession::save()
{
    if (!m_store || m_draft.ticketId.isEmpty())
        return true;
    if (m_draft.isEmpty()) {
        if (m_stored && !m_store->remove(m_draft.id))
            return false;
        m_stored = false;
        m_draft.id.clear();
        return true;
    }
    if (!m_store->save(m_draft))
        return false;
    m_stored = true;
    return true;
}

void ReplyDraftSession::sent(const QString &ticketId)
{
    if (!m_store)
        return;
    if (ticketId == m_draft.ticketId) {
        m_autosaver.cancel();
        if (m_stored)
            m_store->remove(m_draft.id);
        m_stored = false;
        m_draft.id.clear();
        m_draft.body.clear();
        return;
    }
    if (const std::optional<Draft> d = m_store->replyDraft(m_draft.account, ticketId))
        m_store->remove(d->id);
}

} // namespace Ankra::Store

#include "store/outboxmodel.h"

#include "models/roles.h"
#include "models/ticketlistmodel.h"
#include "wire/enums.h"

#include <QCoreApplication>
#include <QLocale>

namespace Ankra::Store {

namespace {

// The context lupdate gives tr() calls at namespace scope: the two must match.
QString tr(const char *text)
{
    return QCoreApplication::translate("Ankra::Store", text);
}

QString kindName(OutboxEntry::Kind kind)
{
    switch (kind) {
    case OutboxEntry::Kind::CreateTicket:
        return QStringLiteral("ticket");
    case OutboxEntry::Kind::Comment:
        return QStringLiteral("comment");
    case OutboxEntry::Kind::Upload:
        return QStringLiteral("attachment");
    case OutboxEntry::Kind::Close:
        return QStringLiteral("close");
    }
    return {};
}

} // namespace

QString stateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Waiting:
        return QStringLiteral("waiting");
    case OutboxEntry::State::Sending:
        return QStringLiteral("sending");
    case OutboxEntry::State::Sent:
        return QStringLiteral("sent");
    case OutboxEntry::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString stateLabel(const OutboxEntry &entry)
{
    switch (entry.state) {
    case OutboxEntry::State::Waiting:
        if (entry.nextAttemptAt.isValid() && entry.nextAttemptAt > QDateTime::currentDateTimeUtc())
            return tr("Waiting (next try %1)")
                .arg(QLocale().toString(entry.nextAttemptAt.toLocalTime().time(),
                                        QLocale::ShortFormat));
        return tr("Waiting");
    case OutboxEntry::State::Sending:
        return tr("Sending…");
    case OutboxEntry::State::Sent:
        return tr("Sent");
    case OutboxEntry::State::Failed:
        return entry.conflict ? tr("Failed: needs your decision") : tr("Failed");
    }
    return {};
}

QString kindLabel(OutboxEntry::Kind kind)
{
    switch (kind) {
    case OutboxEntry::Kind::CreateTicket:
        return tr("New ticket");
    case OutboxEntry::Kind::Comment:
        return tr("Reply");
    case OutboxEntry::Kind::Upload:
        return tr("Attachment");
    case OutboxEntry::Kind::Close:
        return tr("Close ticket");
    }
    return {};
}

// --- OutboxModel ---------------------------------------------------------------------------

OutboxModel::OutboxModel(Outbox *outbox, QObject *parent)
    : QAbstractTableModel(parent)
    , m_outbox(outbox)
{
    // Entries are few (what waits for the network): reloading them all keeps this simple.
    connect(outbox, &Outbox::entryAdded, this, &OutboxModel::reload);
    connect(outbox, &Outbox::entryRemoved, this, &OutboxModel::reload);
    connect(outbox, &Outbox::entryChanged, this, [this](qint64 id) {
        const int row = rowOfEntry(id);
        const auto e = m_outbox->entry(id);
        if (row < 0 || !e)
            return reload();
        m_entries[row] = *e;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    reload();
}

void OutboxModel::reload()
{
    beginResetModel();
    m_entries = m_outbox->entries();
    endResetModel();
}

int OutboxModel::rowOfEntry(qint64 id) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).id == id)
            return row;
    return -1;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhatColumn:
            switch (e.kind) {
            case OutboxEntry::Kind::CreateTicket:
                return tr("New ticket: %1").arg(e.subject);
            case OutboxEntry::Kind::Comment: {
                QString body = e.request.value(QLatin1String("body")).toString().simplified();
                if (body.size() > 80)
                    body = body.left(79) + QChar(0x2026);
                return tr("Reply: %1").arg(body);
            }
            case OutboxEntry::Kind::Upload:
                return tr("Attachment: %1 (%2)")
                    .arg(e.fileName, QLocale().formattedDataSize(e.fileSize));
            case OutboxEntry::Kind::Close:
                return tr("Close the ticket");
            }
            return {};
        case TicketColumn:
            if (e.kind == OutboxEntry::Kind::CreateTicket)
                return e.state == OutboxEntry::State::Sent ? e.subject : tr("(this new ticket)");
            if (Outbox::isLocalTicketId(e.ticketId))
                return e.subject.isEmpty() ? tr("(a new ticket, not sent yet)")
                                           : tr("%1 (not sent yet)").arg(e.subject);
            return e.subject.isEmpty() ? e.ticketId : e.subject;
        case StateColumn:
            return stateLabel(e);
        case AttemptsColumn:
            return e.attempts;
        case ReasonColumn:
            return e.error;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn || index.column() == WhatColumn
                   ? QVariant(e.error.isEmpty() ? data(index, Qt::DisplayRole).toString() : e.error)
                   : QVariant();
    case OutboxEntryIdRole:
        return e.id;
    case OutboxStateRole:
        return stateName(e.state);
    case OutboxKindRole:
        return kindName(e.kind);
    case OutboxConflictRole:
        return e.conflict;
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn:
        return tr("What");
    case TicketColumn:
        return tr("Ticket");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Tries");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

// --- OutboxTicketsModel --------------------------------------------------------------------

OutboxTicketsModel::OutboxTicketsModel(Outbox *outbox, QObject *parent)
    : QAbstractTableModel(parent)
    , m_outbox(outbox)
{
    connect(outbox, &Outbox::entryAdded, this, &OutboxTicketsModel::reload);
    connect(outbox, &Outbox::entryRemoved, this, &OutboxTicketsModel::reload);
    connect(outbox, &Outbox::entryChanged, this, [this](qint64 id) {
        const auto e = m_outbox->entry(id);
        if (!e || e->kind != OutboxEntry::Kind::CreateTicket)
            return;
        if (e->state == OutboxEntry::State::Sent)
            m_refreshesSinceSent.insert(id, m_refreshesSinceSent.value(id, 0));
        for (int row = 0; row < m_rows.size(); ++row)
            if (m_rows.at(row).id == id) {
                m_rows[row] = *e;
                emit dataChanged(index(row, 0),
                                 index(row, Models::TicketListModel::ColumnCount - 1));
                dropResolved();
                return;
            }
        reload();
    });
    reload();
}

void OutboxTicketsModel::setTicketModel(Models::TicketListModel *model)
{
    if (m_tickets)
        m_tickets->disconnect(this);
    m_tickets = model;
    if (!model)
        return;
    auto seen = [this] {
        for (auto it = m_refreshesSinceSent.begin(); it != m_refreshesSinceSent.end(); ++it)
            ++it.value();
        dropResolved();
    };
    connect(model, &Models::TicketListModel::refreshed, this, seen);
    connect(model, &Models::TicketListModel::pageLoaded, this, seen);
}

void OutboxTicketsModel::reload()
{
    QList<OutboxEntry> rows;
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.kind != OutboxEntry::Kind::CreateTicket)
            continue;
        if (e.state != OutboxEntry::State::Sent || m_refreshesSinceSent.contains(e.id))
            rows.append(e);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    dropResolved();
}

void OutboxTicketsModel::dropResolved()
{
    // A sent ticket's row goes once the list shows the real ticket, or after two refreshes of
    // the list (a view that does not show it, e.g. "Closed").
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const OutboxEntry &e = m_rows.at(row);
        if (e.state != OutboxEntry::State::Sent)
            continue;
        const bool listed = m_tickets && m_tickets->rowOf(e.resultTicketId) >= 0;
        if (!listed && m_refreshesSinceSent.value(e.id) < 2)
            continue;
        m_refreshesSinceSent.remove(e.id);
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

int OutboxTicketsModel::rowOf(const QString &localId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (Outbox::localTicketId(m_rows.at(row).id) == localId)
            return row;
    return -1;
}

int OutboxTicketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxTicketsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Models::TicketListModel::ColumnCount;
}

QVariant OutboxTicketsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    using Models::TicketListModel;
    const OutboxEntry &e = m_rows.at(index.row());
    const Api::CreateTicketRequest r = Outbox::createRequestFromJson(e.request);
    const QString status = e.state == OutboxEntry::State::Failed    ? tr("Not sent: see Outbox")
                           : e.state == OutboxEntry::State::Sent    ? tr("Sent")
                           : e.state == OutboxEntry::State::Sending ? tr("Sending…")
                                                                    : tr("Not yet sent");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TicketListModel::SubjectColumn:
            return r.subject;
        case TicketListModel::StatusColumn:
            return status;
        case TicketListModel::SeverityColumn:
            return r.severity.isEmpty() ? QString() : Wire::severityLabel(r.severity);
        case TicketListModel::CategoryColumn:
            return Wire::categoryLabel(r.category);
        case TicketListModel::ClusterColumn:
            return r.environment.value(QLatin1String("cluster_name")).toString();
        case TicketListModel::UpdatedColumn:
            return e.createdAt.toLocalTime();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return e.error.isEmpty()
                   ? tr("Created while offline: it is sent when the server is reachable.")
                   : e.error;
    case Models::IdRole:
        return Outbox::localTicketId(e.id);
    case Models::SubjectRole:
        return r.subject;
    case Models::StatusRole:
        return QStringLiteral("not_sent");
    case Models::StatusLabelRole:
        return status;
    case Models::SeverityRole:
        return r.severity;
    case Models::SeverityRankRole:
        return Wire::severityRank(r.severity);
    case Models::CategoryRole:
        return r.category;
    case Models::ClusterNameRole:
        return r.environment.value(QLatin1String("cluster_name")).toString();
    case Models::UpdatedAtRole:
    case Models::CreatedAtRole:
        return e.createdAt;
    case Models::UnreadRole:
        return false;
    case OutboxEntryIdRole:
        return e.id;
    case OutboxStateRole:
        return stateName(e.state);
    case OutboxKindRole:
        return kindName(e.kind);
    case OutboxConflictRole:
        return e.conflict;
    default:
        return {};
    }
}

QVariant OutboxTicketsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_tickets ? m_tickets->headerData(section, orientation, role) : QVariant();
}

} // namespace Ankra::Store

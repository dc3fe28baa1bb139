#include "store/draftsmodel.h"

namespace Ankra::Store {

DraftListModel::DraftListModel(DraftStore *store, const QString &account, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_account(account)
{
    if (store) {
        m_drafts = store->drafts(account);
        connect(store, &DraftStore::changed, this, &DraftListModel::onChanged);
    }
}

int DraftListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drafts.size());
}

QVariant DraftListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Draft &d = m_drafts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        if (d.kind == Draft::Kind::Reply)
            return tr("Reply to “%1”: %2")
                .arg(d.ticketTitle.isEmpty() ? d.ticketId : d.ticketTitle, d.title());
        return d.title().isEmpty() ? tr("New ticket (no subject)") : d.title();
    case IdRole:
        return d.id;
    case KindRole:
        return d.kind == Draft::Kind::Reply ? QStringLiteral("reply") : QStringLiteral("ticket");
    case TicketIdRole:
        return d.ticketId;
    case UpdatedAtRole:
        return d.updatedAt;
    case AttachmentCountRole:
        return int(d.attachments.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> DraftListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "draftId");
    names.insert(KindRole, "kind");
    names.insert(TicketIdRole, "ticketId");
    names.insert(TitleRole, "title");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(AttachmentCountRole, "attachmentCount");
    return names;
}

int DraftListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts.at(i).id == id)
            return i;
    }
    return -1;
}

void DraftListModel::reload()
{
    beginResetModel();
    m_drafts = m_store ? m_store->drafts(m_account) : QList<Draft>();
    endResetModel();
}

void DraftListModel::onChanged(const QString &id)
{
    const int row = rowOf(id);
    const std::optional<Draft> d = m_store ? m_store->draft(id) : std::nullopt;
    if (!d || d->account != m_account) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_drafts.removeAt(row);
            endRemoveRows();
        }
        return;
    }
    // Most recently changed first: a saved draft moves to the top.
    if (row == 0) {
        m_drafts[0] = *d;
        emit dataChanged(index(0), index(0));
        return;
    }
    if (row > 0) {
        beginMoveRows({}, row, row, {}, 0);
        m_drafts.move(row, 0);
        endMoveRows();
        m_drafts[0] = *d;
        emit dataChanged(index(0), index(0));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_drafts.prepend(*d);
    endInsertRows();
}

} // namespace Ankra::Store

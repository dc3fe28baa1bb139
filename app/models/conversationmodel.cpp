#include "models/conversationmodel.h"

#include "models/roles.h"

namespace Ankra::Models {

QString ConversationModel::authorKindLabel(const QString &authorType)
{
    if (authorType == QLatin1String("customer"))
        return tr("You");
    if (authorType == QLatin1String("team"))
        return tr("Ankra team");
    if (authorType == QLatin1String("ai"))
        return tr("AI");
    if (authorType == QLatin1String("system"))
        return tr("System");
    return authorType;
}

void ConversationModel::setTicket(const Wire::Ticket &ticket)
{
    QList<Wire::Comment> entries;
    entries.reserve(ticket.comments.size() + 1);
    Wire::Comment description;
    description.id = QStringLiteral("description:") + ticket.id;
    description.authorType = QStringLiteral("customer");
    description.authorLabel = tr("Description");
    description.body = ticket.description;
    description.createdAt = ticket.createdAt;
    entries.append(description);
    entries.append(ticket.comments);

    bool extends = entries.size() >= m_entries.size() && !m_entries.isEmpty();
    for (qsizetype i = 0; extends && i < m_entries.size(); ++i)
        extends = m_entries.at(i).id == entries.at(i).id;
    if (!extends) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i) != entries.at(i)) {
            m_entries[i] = entries.at(i);
            emit dataChanged(index(int(i)), index(int(i)));
        }
    }
    if (entries.size() > m_entries.size()) {
        beginInsertRows({}, int(m_entries.size()), int(entries.size() - 1));
        m_entries = entries;
        endInsertRows();
    }
}

void ConversationModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Wire::Comment &c = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.body;
    case IdRole:
        return c.id;
    case AuthorTypeRole:
        return c.authorType;
    case AuthorLabelRole:
        return c.authorLabel;
    case BodyRole:
        return c.body;
    case CreatedAtRole:
        return c.createdAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "commentId");
    names.insert(AuthorTypeRole, "authorType");
    names.insert(AuthorLabelRole, "authorLabel");
    names.insert(BodyRole, "body");
    names.insert(CreatedAtRole, "createdAt");
    return names;
}

} // namespace Ankra::Models

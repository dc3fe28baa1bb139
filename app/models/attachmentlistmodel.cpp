#include "models/attachmentlistmodel.h"

#include "models/roles.h"

#include <QLocale>

namespace Ankra::Models {

QString AttachmentListModel::formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

void AttachmentListModel::setAttachments(const QList<Wire::Attachment> &attachments)
{
    // Remove rows that are gone (from the end, so indexes stay valid).
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const QString id = m_rows.at(row).id;
        const bool kept = std::any_of(attachments.cbegin(),
                                      attachments.cend(),
                                      [&](const Wire::Attachment &a) { return a.id == id; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const Wire::Attachment &a : attachments) {
        auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Wire::Attachment &r) {
            return r.id == a.id;
        });
        if (it != m_rows.end()) {
            if (*it != a) {
                *it = a;
                const int row = int(it - m_rows.begin());
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(a);
        endInsertRows();
    }
}

int AttachmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttachmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttachmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Wire::Attachment &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return a.filename;
        case TypeColumn:
            return a.contentType;
        case SizeColumn:
            return formatSize(a.sizeBytes);
        case DateColumn:
            return a.createdAt.toLocalTime();
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                            : QVariant();
    case IdRole:
        return a.id;
    case FileNameRole:
        return a.filename;
    case ContentTypeRole:
        return a.contentType;
    case SizeRole:
        return a.sizeBytes;
    case CreatedAtRole:
        return a.createdAt;
    default:
        return {};
    }
}

QVariant AttachmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case DateColumn:
        return tr("Added");
    }
    return {};
}

} // namespace Ankra::Models

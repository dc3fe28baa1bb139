#pragma once

// The attachments of one ticket (name, type, size, date). setAttachments() updates
// incrementally by id: changed rows emit dataChanged, new ones are inserted, gone ones removed.

#include "wire/types.h"

#include <QAbstractTableModel>

namespace Ankra::Models {

class AttachmentListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, SizeColumn, DateColumn, ColumnCount };
    Q_ENUM(Column)
    using QAbstractTableModel::QAbstractTableModel;

    void setAttachments(const QList<Wire::Attachment> &attachments);
    const Wire::Attachment &attachmentAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString formatSize(qint64 bytes); // "18.2 KiB"

private:
    QList<Wire::Attachment> m_rows;
};

} // namespace Ankra::Models

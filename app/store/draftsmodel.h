#pragma once

// The drafts of one account as a list model (the Drafts view): one row per draft, most recently
// changed first, kept current from DraftStore::changed() with row inserts/removes/dataChanged.
// Display text is the draft's title; the roles below carry the meaning.

#include "store/drafts.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Ankra::Store {

class DraftListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 200,
        KindRole, // "ticket" or "reply"
        TicketIdRole,
        TitleRole,
        UpdatedAtRole,
        AttachmentCountRole,
    };

    DraftListModel(DraftStore *store, const QString &account, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Draft &draftAt(int row) const { return m_drafts.at(row); }
    int rowOf(const QString &id) const;
    void reload();

private:
    void onChanged(const QString &id);

    QPointer<DraftStore> m_store;
    QString m_account;
    QList<Draft> m_drafts;
};

} // namespace Ankra::Store

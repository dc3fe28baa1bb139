#include "drafts/draftsdialog.h"

#include "messagebox.h"

#include "store/drafts.h"
#include "store/draftsmodel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Ankra::Ui {

namespace {

// Title, then when it was last changed and how many files it keeps.
class DraftDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QLocale locale;
        const QDateTime when = index.data(Store::DraftListModel::UpdatedAtRole).toDateTime();
        const int files = index.data(Store::DraftListModel::AttachmentCountRole).toInt();
        QString detail = DraftsDialog::tr("changed %1")
                             .arg(locale.toString(when.toLocalTime(), QLocale::ShortFormat));
        if (files > 0)
            detail += DraftsDialog::tr(" · %n attachment(s)", nullptr, files);
        option->text = option->text + QChar(QChar::LineSeparator) + detail;
    }
};

} // namespace

DraftsDialog::DraftsDialog(Store::DraftStore *store, const QString &account, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_model(new Store::DraftListModel(store, account, this))
{
    setObjectName(QStringLiteral("draftsDialog"));
    setWindowTitle(tr("Drafts"));
    resize(560, 420);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("draftList"));
    m_list->setAccessibleName(tr("Drafts"));
    m_list->setAccessibleDescription(
        tr("Unsent tickets and replies. Enter opens one, Delete discards it."));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new DraftDelegate(m_list));
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_empty = new QLabel(tr("No drafts. What you type into a new ticket or a reply is kept here "
                            "until it is sent."),
                         this);
    m_empty->setObjectName(QStringLiteral("draftsEmptyLabel"));
    m_empty->setWordWrap(true);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = box->addButton(tr("&Open"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("openDraftButton"));
    m_discard = box->addButton(tr("&Discard…"), QDialogButtonBox::DestructiveRole);
    m_discard->setObjectName(QStringLiteral("discardDraftButton"));
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, &DraftsDialog::openCurrent);
    connect(m_discard, &QPushButton::clicked, this, &DraftsDialog::discardCurrent);
    connect(m_list, &QListView::activated, this, &DraftsDialog::openCurrent);
    auto *discardShortcut = new QAction(m_list);
    discardShortcut->setShortcut(QKeySequence::Delete);
    discardShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(discardShortcut, &QAction::triggered, this, &DraftsDialog::discardCurrent);
    m_list->addAction(discardShortcut);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(box);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DraftsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DraftsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DraftsDialog::updateButtons);
    connect(m_list->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &DraftsDialog::updateButtons);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    updateButtons();
}

void DraftsDialog::updateButtons()
{
    const bool any = m_model->rowCount() > 0;
    if (any && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0));
    m_empty->setVisible(!any);
    m_open->setEnabled(m_list->currentIndex().isValid());
    m_discard->setEnabled(m_list->currentIndex().isValid());
}

void DraftsDialog::openCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    emit openRequested(index.data(Store::DraftListModel::IdRole).toString(),
                       index.data(Store::DraftListModel::KindRole).toString(),
                       index.data(Store::DraftListModel::TicketIdRole).toString());
}

void DraftsDialog::discardCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    const QString id = index.data(Store::DraftListModel::IdRole).toString();
    const auto answer = MessageBox::question(
        this,
        tr("Discard draft?"),
        tr("Discard “%1”?\n\nIts text and attached files are deleted. This cannot be undone.")
            .arg(m_model->draftAt(index.row()).title()),
        QMessageBox::Discard | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    if (!m_store->remove(id))
        MessageBox::question(this,
                             tr("Discard draft"),
                             tr("The draft could not be discarded: %1").arg(m_store->errorString()),
                             QMessageBox::Ok,
                             QMessageBox::Ok);
}

} // namespace Ankra::Ui

// Fuzzes the JSON Lines import (`ankra-support-server import`) on a real SQLite database.
// Invariants: all or nothing. On success exactly one ticket per non-empty line was added and
// each is readable through the store; on failure nothing changed and the error names a line.

#include "auth.h"
#include "database.h"
#include "importer.h"
#include "serverlog.h"
#include "ticketstore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Ankra::Server;

namespace {

QTemporaryDir *g_dir = nullptr;
Database *g_db = nullptr;
QString g_org;

qint64 scalar(const QString &sql)
{
    QSqlQuery q(g_db->connection());
    q.prepare(sql);
    q.addBindValue(g_org);
    if (!q.exec() || !q.next()) {
        std::fprintf(stderr, "query failed: %s\n", qPrintable(sql));
        std::abort();
    }
    return q.value(0).toLongLong();
}

[[noreturn]] void broken(const char *what, const QByteArray &input, const QString &error)
{
    std::fprintf(stderr,
                 "INVARIANT BROKEN: %s\nerror: %s\ninput:\n%.2000s\n",
                 what,
                 qPrintable(error),
                 input.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    setQuiet(true);
    g_dir = new QTemporaryDir(QStringLiteral("/dev/shm/ankra-fuzz-import-XXXXXX"));
    if (!g_dir->isValid())
        g_dir = new QTemporaryDir;
    // libFuzzer ends with exit(): remove the directory then.
    std::atexit([] { g_dir->remove(); });
    g_db = new Database(g_dir->path());
    QString error;
    if (!g_db->open(&error)) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(error));
        std::exit(1);
    }
    g_org = Auth(*g_db).ensureOrganisation(QStringLiteral("Import Org"), &error);
    if (g_org.isEmpty()) {
        std::fprintf(stderr, "cannot create the organisation: %s\n", qPrintable(error));
        std::exit(1);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString countSql = QStringLiteral(
        "SELECT COUNT(*) FROM tickets WHERE organisation_id = ?");
    const QString nextSql = QStringLiteral(
        "SELECT next_ticket_number FROM organisations WHERE id = ?");
    const qint64 before = scalar(countSql);
    const qint64 nextBefore = scalar(nextSql);

    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    QString error;
    const auto imported = importTickets(*g_db, g_org, buffer, &error);

    const qint64 after = scalar(countSql);
    if (!imported) {
        if (after != before || scalar(nextSql) != nextBefore)
            broken("a failed import changed the database", input, error);
        static const QRegularExpression line(QStringLiteral("^line [1-9][0-9]*: "));
        if (!line.match(error).hasMatch())
            broken("a failed import does not name the line", input, error);
        return 0;
    }
    qint64 lines = 0;
    buffer.seek(0);
    while (!buffer.atEnd())
        if (!buffer.readLine().trimmed().isEmpty())
            ++lines;
    if (*imported != lines || after - before != lines || scalar(nextSql) != nextBefore + lines)
        broken("the import count does not match the lines", input, QString::number(*imported));
    // Every imported ticket can be read back and serialised.
    QSqlQuery q(g_db->connection());
    q.prepare(QStringLiteral("SELECT id FROM tickets WHERE organisation_id = ? AND ticket_number "
                             ">= ? ORDER BY ticket_number"));
    q.addBindValue(g_org);
    q.addBindValue(nextBefore);
    if (!q.exec())
        broken("cannot list imported tickets", input, {});
    TicketStore store(*g_db);
    while (q.next())
        if (!store.get(g_org, q.value(0).toString()))
            broken("an imported ticket cannot be read back", input, q.value(0).toString());
    return 0;
}

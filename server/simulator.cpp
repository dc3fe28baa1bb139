#include "simulator.h"

#include "auth.h"
#include "serverlog.h"
#include "teamstore.h"
#include "ticketstore.h"

#include "wire/enums.h"
#include "wire/json.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Ankra::Server {

namespace {

const QStringList Acknowledgements{
    QStringLiteral("Thanks for the report. We have picked this up and are looking at your "
                   "cluster's events and logs now."),
    QStringLiteral("Thanks, we can see the problem on our side and are working on it."),
    QStringLiteral("We are on it: an engineer is going through the details you sent."),
};

const QStringList Questions{
    QStringLiteral("Could you send the output of `kubectl get events -A --sort-by=.lastTimestamp` "
                   "from around the time it started?"),
    QStringLiteral("Did anything change shortly before this started (an upgrade, new values, a "
                   "new node pool)?"),
    QStringLiteral("Which namespace and workload are affected? A `kubectl describe` of one of the "
                   "pods would help us a lot."),
};

const QStringList Answers{
    QStringLiteral("We found the cause and rolled out a fix to your cluster. Everything looks "
                   "healthy on our side now; please let us know if you still see the problem."),
    QStringLiteral("This was caused by a configuration change on our side, which we have now "
                   "reverted. Marking this as resolved; reply here if it comes back."),
    QStringLiteral("We applied a corrected values template; the workload is running again. "
                   "Resolving this ticket, but feel free to reply if anything is still off."),
};

} // namespace

TeamSimulator::TeamSimulator(Database &db,
                             QString userId,
                             QString userName,
                             SimulatorOptions options)
    : m_db(db)
    , m_userId(std::move(userId))
    , m_userName(std::move(userName))
    , m_options(options)
    , m_random(std::random_device{}())
{}

TeamSimulator::~TeamSimulator()
{
    stop();
}

void TeamSimulator::start()
{
    m_since = nowTimestamp();
    m_thread = std::thread([this] { run(); });
}

void TeamSimulator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

TeamSimulator::Clock::duration TeamSimulator::randomDelay()
{
    std::uniform_int_distribution<qint64> d(m_options.minDelay.count(),
                                            std::max(m_options.minDelay, m_options.maxDelay).count());
    return std::chrono::milliseconds(d(m_random));
}

QString TeamSimulator::pick(const QStringList &texts)
{
    std::uniform_int_distribution<qsizetype> d(0, texts.size() - 1);
    return texts.at(d(m_random));
}

void TeamSimulator::run()
{
    const auto interval = std::clamp<std::chrono::milliseconds>(m_options.minDelay / 4,
                                                                std::chrono::milliseconds(10),
                                                                std::chrono::milliseconds(500));
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        tick();
        lock.lock();
        m_wake.wait_for(lock, interval, [this] { return m_stopping; });
    }
}

void TeamSimulator::tick()
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, status FROM tickets "
                             "WHERE status IN ('open', 'triaging', 'in_progress') "
                             "AND updated_at >= ? AND (assignee_id IS NULL OR assignee_id = ?)"));
    q.addBindValue(m_since);
    q.addBindValue(m_userId);
    if (!q.exec()) {
        logLine("simulated team: " + q.lastError().text().toStdString());
        return;
    }
    QHash<QString, QString> active;
    while (q.next())
        active.insert(q.value(0).toString(), q.value(1).toString());
    q.finish();

    const auto now = Clock::now();
    for (auto it = m_pending.begin(); it != m_pending.end();)
        it = active.contains(it.key()) ? std::next(it) : m_pending.erase(it);
    for (auto it = active.cbegin(); it != active.cend(); ++it) {
        auto pending = m_pending.find(it.key());
        if (pending == m_pending.end() || pending->status != it.value()) {
            // A new ticket, or one that moved (the customer answered): a fresh delay.
            m_pending.insert(it.key(), {it.value(), now + randomDelay()});
            continue;
        }
        if (pending->due > now)
            continue;
        if (!step(it.key(), it.value()))
            return; // a database error (busy?): try again on the next tick
        pending->due = now + randomDelay();
    }
}

bool TeamSimulator::step(const QString &ticketId, const QString &status)
{
    using namespace Wire::Status;
    TicketStore tickets(m_db);
    TeamStore team(m_db, tickets);
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return false;
    const auto current = team.state(ticketId);
    // Changed in the meantime (a person took it, the customer closed it): next tick decides.
    if (!current || current->status != status
        || (!current->assigneeId.isEmpty() && current->assigneeId != m_userId))
        return true;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    TeamChanges changes;
    changes.assigneeId = m_userId;
    QString reply;
    if (status == QLatin1String(Open)) {
        changes.status = QString::fromLatin1(Triaging);
    } else if (status == QLatin1String(Triaging)) {
        changes.status = QString::fromLatin1(InProgress);
        reply = pick(Acknowledgements);
    } else {
        // A question only in the first round: after the customer's answer the ticket is solved.
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM comments WHERE ticket_id = ? "
                                 "AND author_type = 'team' AND author_label = ?"));
        q.addBindValue(ticketId);
        q.addBindValue(m_userName);
        const int replies = q.exec() && q.next() ? q.value(0).toInt() : 0;
        std::uniform_real_distribution<double> coin(0.0, 1.0);
        const bool ask = replies <= 1 && coin(m_random) < m_options.questionChance;
        changes.status = QString::fromLatin1(ask ? WaitingCustomer : Resolved);
        reply = pick(ask ? Questions : Answers);
    }
    QString error;
    const bool written = (reply.isEmpty()
                          || !tickets
                                  .addComment(ticketId,
                                              QStringLiteral("team"),
                                              m_userName,
                                              reply,
                                              Wire::formatTimestamp(now),
                                              &error)
                                  .isEmpty())
                         && team.apply(ticketId, *current, changes, m_userName, now, true, &error)
                         && tx.commit(&error);
    if (!written) {
        logLine("simulated team: ticket " + ticketId.toStdString() + ": " + error.toStdString());
        return false;
    }
    logLine("simulated team: ticket " + ticketId.toStdString() + " " + status.toStdString() + " -> "
            + changes.status->toStdString());
    return true;
}

} // namespace Ankra::Server

#pragma once

// `serve --demo --simulate-team`: a background thread playing Ankra's support team, so the
// customer side of the demo shows live status changes. After a random delay per step it moves
// a ticket open -> triaging (assigning itself) -> in_progress (with a reply), then either asks
// the customer a question (waiting_customer) or answers it (resolved); after the customer's
// reply to a question (the server moves the ticket back to in_progress) it resolves it.
// It only touches tickets active since it started, unassigned or assigned to itself, so the
// seeded history and tickets a person took over are left alone.

#include "database.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

namespace Ankra::Server {

struct SimulatorOptions
{
    std::chrono::milliseconds minDelay{3000};
    std::chrono::milliseconds maxDelay{15000};
    double questionChance = 0.5; // of a first reply asking the customer something
};

class TeamSimulator
{
public:
    TeamSimulator(Database &db, QString userId, QString userName, SimulatorOptions options);
    ~TeamSimulator();
    TeamSimulator(const TeamSimulator &) = delete;
    TeamSimulator &operator=(const TeamSimulator &) = delete;

    void start();
    void stop(); // waits for a step in progress; idempotent

private:
    using Clock = std::chrono::steady_clock;
    struct Pending
    {
        QString status;
        Clock::time_point due;
    };

    void run();
    void tick();
    // One step for a ticket that stayed in `status` for its delay; false on a database error.
    bool step(const QString &ticketId, const QString &status);
    Clock::duration randomDelay();
    QString pick(const QStringList &texts);

    Database &m_db;
    const QString m_userId;
    const QString m_userName;
    const SimulatorOptions m_options;
    QString m_since; // RFC 3339: tickets updated before the start are history
    QHash<QString, Pending> m_pending;
    std::mt19937 m_random;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace Ankra::Server

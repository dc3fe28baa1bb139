#include "loadrun.h"

#include <httplib.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

namespace Ankra::Load {

namespace {

using Clock = std::chrono::steady_clock;
const std::string Tickets = "/api/v1/org/support/tickets";

struct OwnTicket
{
    std::string id;
    int comments = 0;    // as the server must report them
    int attachments = 0; // idem
};

QJsonObject jsonOf(const std::string &body)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

class Worker
{
public:
    Worker(const Options &options, int index, const std::vector<std::string> &shared)
        : m_client(options.host, options.port)
        , m_random(options.seed * 7919u + unsigned(index))
        , m_shared(shared)
        , m_index(index)
    {
        m_client.set_keep_alive(!qEnvironmentVariableIsSet("ANKRA_LOAD_NO_KEEPALIVE"));
        m_client.set_connection_timeout(10, 0);
        m_client.set_read_timeout(60, 0);
        m_client.set_write_timeout(60, 0);
        m_client.set_bearer_token_auth(options.token);
    }

    void run(Clock::time_point until)
    {
        while (Clock::now() < until) {
            const int dice = pick(100);
            if (dice < 35)
                list();
            else if (dice < 60)
                get();
            else if (dice < 68)
                review();
            else if (dice < 78 || m_own.empty())
                create();
            else if (dice < 92)
                comment();
            else
                upload();
        }
    }

    std::map<std::string, OpStats> stats;
    std::vector<OwnTicket> m_own;
    std::vector<std::string> errors;
    long long created = 0, comments = 0, uploads = 0;

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }

    // Times one request; counts it as an error unless its status is `expected`.
    template<typename Call>
    httplib::Result timed(const std::string &op, int expected, Call call)
    {
        const auto start = Clock::now();
        httplib::Result result = call();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        OpStats &s = stats[op];
        ++s.count;
        s.latenciesMs.push_back(ms);
        if (!result || result->status != expected) {
            ++s.errors;
            if (errors.size() < 5)
                errors.push_back(
                    op + ": "
                    + (result ? std::to_string(result->status) + " " + result->body.substr(0, 200)
                              : "transport error " + httplib::to_string(result.error()))
                    + " after " + std::to_string(int(ms)) + " ms");
            return httplib::Result(nullptr, result ? httplib::Error::Success : result.error());
        }
        return result;
    }

    std::string someTicket()
    {
        if (!m_own.empty() && pick(2) == 0)
            return m_own[size_t(pick(int(m_own.size())))].id;
        return m_shared[size_t(pick(int(m_shared.size())))];
    }

    std::string key()
    {
        return "load-" + m_run + "-" + std::to_string(m_index) + "-" + std::to_string(++m_keys);
    }

    void list()
    {
        static const char *const filters[] = {"",
                                              "&status=open",
                                              "&status=closed&status=open",
                                              "&q=ingress",
                                              "&q=pods%20crash"};
        const std::string path = Tickets + "?page=" + std::to_string(1 + pick(3)) + "&page_size=25"
                                 + filters[pick(5)];
        timed("list", 200, [&] { return m_client.Get(path); });
    }

    void get()
    {
        const std::string path = Tickets + "/" + someTicket();
        timed("get", 200, [&] { return m_client.Get(path); });
    }

    void review()
    {
        const std::string body
            = R"({"subject":"Pods restart after deploy )" + std::to_string(pick(1000))
              + R"(","description":"CrashLoopBackOff in namespace shop since )"
                R"(the upgrade; kubectl describe shows OOMKilled.","category":"technical"})";
        timed("review", 200, [&] {
            return m_client.Post(Tickets + "/review",
                                 {{"Idempotency-Key", key()}},
                                 body,
                                 "application/json");
        });
    }

    void create()
    {
        const std::string body
            = R"({"subject":"Load ticket )" + std::to_string(m_index) + "-"
              + std::to_string(created)
              + R"(","description":"Ingress returns 502 for the checkout service )"
                R"(after the node pool upgrade.","severity":"medium","acknowledged":true})";
        auto r = timed("create", 201, [&] {
            return m_client.Post(Tickets, {{"Idempotency-Key", key()}}, body, "application/json");
        });
        if (!r)
            return;
        const QJsonObject t = jsonOf(r->body);
        OwnTicket own{t.value(QLatin1String("id")).toString().toStdString(),
                      int(t.value(QLatin1String("comments")).toArray().size()),
                      int(t.value(QLatin1String("attachments")).toArray().size())};
        if (own.id.empty()) {
            errors.push_back("create: no id in the answer");
            ++stats["create"].errors;
            return;
        }
        m_own.push_back(own);
        ++created;
    }

    OwnTicket *ownTicket()
    {
        if (m_own.empty())
            return nullptr;
        return &m_own[size_t(pick(int(m_own.size())))];
    }

    void comment()
    {
        OwnTicket *t = ownTicket();
        if (!t)
            return create();
        const std::string body = R"({"body":"Still failing after restart #)"
                                 + std::to_string(t->comments) + R"(, logs attached."})";
        if (timed("comment", 201, [&] {
                return m_client.Post(Tickets + "/" + t->id + "/comments",
                                     {{"Idempotency-Key", key()}},
                                     body,
                                     "application/json");
            })) {
            ++t->comments;
            ++comments;
        }
    }

    void upload()
    {
        OwnTicket *t = ownTicket();
        if (!t || t->attachments >= 10) // the server's default per-ticket limit
            return create();
        std::string content;
        const int lines = 20 + pick(200);
        for (int i = 0; i < lines; ++i)
            content += "2024-05-01T10:00:" + std::to_string(i % 60)
                       + "Z ERROR upstream connect error or disconnect/reset before headers\n";
        const httplib::MultipartFormDataItems items{
            {"file", content, "ingress-" + std::to_string(t->attachments) + ".log", "text/plain"}};
        if (timed("upload", 201, [&] {
                return m_client.Post(Tickets + "/" + t->id + "/attachments",
                                     {{"Idempotency-Key", key()}},
                                     items);
            })) {
            ++t->attachments;
            ++uploads;
        }
    }

    httplib::Client m_client;
    std::mt19937 m_random;
    const std::vector<std::string> &m_shared;
    int m_index;
    long long m_keys = 0;
    const std::string m_run = std::to_string(
        std::chrono::system_clock::now().time_since_epoch().count());
};

} // namespace

double OpStats::percentile(double p) const
{
    if (latenciesMs.empty())
        return 0;
    const size_t i = std::min(latenciesMs.size() - 1,
                              size_t(p / 100.0 * double(latenciesMs.size())));
    return latenciesMs[i];
}

Result run(const Options &options)
{
    Result result;
    httplib::Client setup(options.host, options.port);
    setup.set_bearer_token_auth(options.token);
    setup.set_read_timeout(60, 0);
    std::vector<std::string> shared;
    long long totalBefore = -1;
    if (auto r = setup.Get(Tickets + "?page_size=100"); r && r->status == 200) {
        const QJsonObject page = jsonOf(r->body);
        for (const QJsonValue &t : page.value(QLatin1String("result")).toArray())
            shared.push_back(t.toObject().value(QLatin1String("id")).toString().toStdString());
        totalBefore = page.value(QLatin1String("pagination"))
                          .toObject()
                          .value(QLatin1String("total_count"))
                          .toInteger(-1);
    }
    if (shared.empty() || totalBefore < 0) {
        result.errors = 1;
        result.firstErrors.push_back("cannot list the tickets before the run");
        return result;
    }

    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 0; i < options.clients; ++i)
        workers.push_back(std::make_unique<Worker>(options, i, shared));
    const auto start = Clock::now();
    const auto until = start
                       + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(options.seconds));
    std::vector<std::thread> threads;
    for (auto &w : workers)
        threads.emplace_back([&w, until] { w->run(until); });
    for (auto &t : threads)
        t.join();
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();

    // Merge, then count what the server has against what it acknowledged.
    OpStats &all = result.ops["all"];
    for (auto &w : workers) {
        for (auto &[op, s] : w->stats) {
            OpStats &into = result.ops[op];
            into.count += s.count;
            into.errors += s.errors;
            into.latenciesMs.insert(into.latenciesMs.end(),
                                    s.latenciesMs.begin(),
                                    s.latenciesMs.end());
            all.count += s.count;
            all.errors += s.errors;
            all.latenciesMs.insert(all.latenciesMs.end(),
                                   s.latenciesMs.begin(),
                                   s.latenciesMs.end());
        }
        result.created += w->created;
        result.comments += w->comments;
        result.uploads += w->uploads;
        for (const std::string &e : w->errors)
            if (result.firstErrors.size() < 10)
                result.firstErrors.push_back(e);
    }
    for (auto &[op, s] : result.ops)
        std::sort(s.latenciesMs.begin(), s.latenciesMs.end());
    result.requests = all.count;
    result.errors = all.errors;

    for (auto &w : workers) {
        for (const OwnTicket &t : w->m_own) {
            auto r = setup.Get(Tickets + "/" + t.id);
            const QJsonObject o = r && r->status == 200 ? jsonOf(r->body) : QJsonObject();
            const int comments = int(o.value(QLatin1String("comments")).toArray().size());
            const int attachments = int(o.value(QLatin1String("attachments")).toArray().size());
            if (o.isEmpty() || comments != t.comments || attachments != t.attachments) {
                ++result.lostWrites;
                if (result.firstErrors.size() < 10)
                    result.firstErrors.push_back("lost write on ticket " + t.id);
            }
        }
    }
    if (auto r = setup.Get(Tickets + "?page_size=1"); r && r->status == 200) {
        const long long totalAfter = jsonOf(r->body)
                                         .value(QLatin1String("pagination"))
                                         .toObject()
                                         .value(QLatin1String("total_count"))
                                         .toInteger(-1);
        if (totalAfter != totalBefore + result.created) {
            result.lostWrites += std::max(1LL,
                                          std::llabs(totalAfter - totalBefore - result.created));
            result.firstErrors.push_back("ticket count " + std::to_string(totalAfter)
                                         + " != " + std::to_string(totalBefore) + " + "
                                         + std::to_string(result.created));
        }
    } else {
        ++result.errors;
        result.firstErrors.push_back("cannot list the tickets after the run");
    }
    return result;
}

QString Result::report() const
{
    QString text = QStringLiteral("load: %1 requests in %2 s = %3 req/s, %4 errors, %5 lost "
                                  "writes (created %6 tickets, %7 comments, %8 uploads)\n")
                       .arg(requests)
                       .arg(seconds, 0, 'f', 1)
                       .arg(throughput(), 0, 'f', 0)
                       .arg(errors)
                       .arg(lostWrites)
                       .arg(created)
                       .arg(comments)
                       .arg(uploads);
    for (const auto &[op, s] : ops)
        text += QStringLiteral("  %1: %2 requests, p50 %3 ms, p95 %4 ms, p99 %5 ms, %6 errors\n")
                    .arg(QString::fromStdString(op), -7)
                    .arg(s.count)
                    .arg(s.percentile(50), 0, 'f', 1)
                    .arg(s.percentile(95), 0, 'f', 1)
                    .arg(s.percentile(99), 0, 'f', 1)
                    .arg(s.errors);
    for (const std::string &e : firstErrors)
        text += QStringLiteral("  error: %1\n").arg(QString::fromStdString(e));
    return text;
}

} // namespace Ankra::Load

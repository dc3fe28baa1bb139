#pragma once

// A bounded load run against a live ankra-support-server over loopback: N concurrent clients
// (one thread and one keep-alive connection each) doing a realistic mix of list, get, review,
// create, comment and upload for a fixed time, then a check that every write it made is on
// the server (lost writes). Used by bench_load (long) and tst_load (short, in ctest).

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace Ankra::Load {

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string token;
    int clients = 64;
    double seconds = 8;
    unsigned seed = 1;
};

struct OpStats
{
    long long count = 0;
    long long errors = 0;
    std::vector<double> latenciesMs; // sorted after run()
    double percentile(double p) const;
};

struct Result
{
    double seconds = 0;
    long long requests = 0;
    long long errors = 0;                 // transport failures and unexpected statuses
    long long created = 0;                // tickets created by the run
    long long comments = 0;               // comments added
    long long uploads = 0;                // attachments added
    long long lostWrites = 0;             // writes acknowledged but missing afterwards
    std::map<std::string, OpStats> ops;   // by operation; "all" holds every request
    std::vector<std::string> firstErrors; // up to 10 descriptions

    double throughput() const { return seconds > 0 ? double(requests) / seconds : 0; }
    QString report() const;
};

Result run(const Options &options);

} // namespace Ankra::Load

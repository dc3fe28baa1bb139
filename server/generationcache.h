#pragma once

// A small thread-safe cache whose entries are valid for one change generation (see
// Database::generations()) and at most `ttl`. Entries from an older generation are never
// returned; when the cache is full it is emptied (simple, and bounded).

#include <QtGlobal>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace Ankra::Server {

template<typename Value>
class GenerationCache
{
public:
    using Clock = std::chrono::steady_clock;

    GenerationCache(size_t capacity, Clock::duration ttl)
        : m_capacity(capacity)
        , m_ttl(ttl)
    {}

    std::optional<Value> find(const std::string &key, qint64 generation) const
    {
        if (generation < 0)
            return std::nullopt;
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(key);
        if (it == m_entries.end() || it->second.generation != generation
            || Clock::now() >= it->second.expires)
            return std::nullopt;
        return it->second.value;
    }

    void insert(const std::string &key, qint64 generation, Value value)
    {
        if (generation < 0)
            return;
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= m_capacity)
            m_entries.clear();
        m_entries.insert_or_assign(key, Entry{generation, Clock::now() + m_ttl, std::move(value)});
    }

    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

private:
    struct Entry
    {
        qint64 generation;
        Clock::time_point expires;
        Value value;
    };
    const size_t m_capacity;
    const Clock::duration m_ttl;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace Ankra::Server

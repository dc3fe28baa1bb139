# Sources of the cache part of ankra_store (owned by the cache work).
target_sources(ankra_store PRIVATE
    cache.h cache.cpp
    cachecandidates.h cachecandidates.cpp
    cachesync.h cachesync.cpp
)

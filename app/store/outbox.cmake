# Sources of the outbox part of ankra_store (owned by the outbox work).
target_sources(ankra_store PRIVATE
    outbox.h outbox.cpp
    outboxsender.h outboxsender.cpp
    connectivity.h connectivity.cpp
    outboxmodel.h outboxmodel.cpp
)

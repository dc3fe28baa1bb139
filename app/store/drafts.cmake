# Sources of the drafts part of ankra_store (owned by the drafts work).
target_sources(ankra_store PRIVATE
    autosaver.h autosaver.cpp
    drafts.h drafts.cpp
    draftsmodel.h draftsmodel.cpp
    draftssession.h draftssession.cpp
)

# Tests of the drafts (app/store/drafts*, autosaver, ui/drafts) (included by tests/CMakeLists.txt).

ankra_add_test(tst_drafts LABEL unit SOURCES unit/tst_drafts.cpp LIBS ankra_store Qt6::Sql)

# The crash test: a helper process (the core, no widgets) killed with SIGKILL 50 times.
add_executable(drafts_crash_helper support/drafts_crash_helper.cpp)
target_link_libraries(drafts_crash_helper PRIVATE ankra_store ankra_policy)
ankra_add_test(tst_drafts_crash LABEL integration TIMEOUT 180
    SOURCES integration/tst_drafts_crash.cpp LIBS ankra_store Qt6::Sql)
target_compile_definitions(tst_drafts_crash PRIVATE
    ANKRA_CRASH_HELPER="$<TARGET_FILE:drafts_crash_helper>")
add_dependencies(tst_drafts_crash drafts_crash_helper)

if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_drafts_gui LABEL gui TIMEOUT 240
        SOURCES gui/tst_drafts_gui.cpp LIBS ankra_test_support ankra_ui)
endif()

# Tests of the start of the app (ui/startup, ui/main.cpp; bench_client P2; included by
# tests/CMakeLists.txt).

if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_startup LABEL gui TIMEOUT 240
        SOURCES gui/tst_startup.cpp LIBS ankra_test_support ankra_ui)
    target_compile_definitions(tst_startup PRIVATE ANKRA_APP_BINARY="$<TARGET_FILE:ankra-support>")
    add_dependencies(tst_startup ankra-support)
endif()

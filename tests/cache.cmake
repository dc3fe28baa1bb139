# Tests of the offline cache: app/store/cache* and ui/cache (included by tests/CMakeLists.txt).

ankra_add_test(tst_cache LABEL unit SOURCES unit/tst_cache.cpp LIBS ankra_store)
ankra_add_test(tst_cache_offline LABEL integration
    SOURCES integration/tst_cache_offline.cpp LIBS ankra_test_support ankra_store)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_cache_gui LABEL gui
        SOURCES gui/tst_cache_gui.cpp LIBS ankra_test_support ankra_ui)
endif()

# Timings of the cache: `make bench` runs it (build-dir/tests/bench/bench_cache [tickets] [details]).
add_executable(bench_cache bench/bench_cache.cpp)
target_link_libraries(bench_cache PRIVATE ankra_store ankra_policy)
set_target_properties(bench_cache PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/bench)

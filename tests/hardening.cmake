# Hardening tests of issue 10 (included by tests/CMakeLists.txt): the malformed-request
# catalogue, security, load and fault tests. Fuzz targets live in tests/fuzz (make fuzz).
ankra_add_test(tst_badrequests_catalogue LABEL integration
    SOURCES integration/tst_badrequests_catalogue.cpp integration/tst_server_http.h
            integration/tst_badrequests_catalogue_rows.inc
    LIBS ankra_test_support Qt6::Network)
ankra_add_test(tst_security LABEL integration
    SOURCES integration/tst_security.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network Qt6::Sql)
ankra_add_test(tst_load LABEL integration TIMEOUT 180
    SOURCES integration/tst_load.cpp LIBS ankra_test_support ankra_loadrun Qt6::Sql)
ankra_add_test(tst_faults LABEL integration TIMEOUT 300
    SOURCES integration/tst_faults.cpp integration/tst_faults_more.inc integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network PkgConfig::HTTPLIB Threads::Threads)
target_compile_definitions(tst_faults PRIVATE ANKRA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
ankra_add_test(tst_security_client LABEL integration
    SOURCES integration/tst_security_client.cpp LIBS ankra_api Qt6::Network)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_security_markdown LABEL gui
        SOURCES gui/tst_security_markdown.cpp LIBS ankra_ui)
endif()
ankra_add_test(tst_elasticpool LABEL unit
    SOURCES unit/tst_elasticpool.cpp LIBS ankra_server_core Threads::Threads)

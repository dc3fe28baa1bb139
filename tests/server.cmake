# Tests of the server area (included by tests/CMakeLists.txt).
ankra_add_test(tst_server_tickets LABEL integration
    SOURCES integration/tst_server_tickets.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network Qt6::Sql)
ankra_add_test(tst_server_badinput LABEL integration
    SOURCES integration/tst_server_badinput.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network)
ankra_add_test(tst_server_durability LABEL integration
    SOURCES integration/tst_server_durability.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network)
ankra_add_test(tst_server_caches LABEL integration
    SOURCES integration/tst_server_caches.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network Qt6::Sql)

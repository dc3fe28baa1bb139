# Tests of the server's staff mode (issue 8; included by tests/CMakeLists.txt).
ankra_add_test(tst_server_team LABEL integration
    SOURCES integration/tst_server_team.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network)
ankra_add_test(tst_server_team_sim LABEL integration
    SOURCES integration/tst_server_team_sim.cpp integration/tst_server_http.h
    LIBS ankra_test_support Qt6::Network)

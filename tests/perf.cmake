# Tests of the client performance work of issue 5 (included by tests/CMakeLists.txt).

ankra_add_test(tst_ticketlist_readahead LABEL integration
    SOURCES integration/tst_ticketlist_readahead.cpp LIBS ankra_test_support ankra_models)
ankra_add_test(tst_server_paging LABEL integration
    SOURCES integration/tst_server_paging.cpp LIBS ankra_test_support ankra_wire)

if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_ticketlistview LABEL gui
        SOURCES gui/tst_ticketlistview.cpp LIBS ankra_ui)
endif()

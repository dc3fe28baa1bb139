# Tests of the outbox and connectivity (issue 7, included by tests/CMakeLists.txt).

ankra_add_test(tst_outbox_store LABEL unit
    SOURCES unit/tst_outbox_store.cpp LIBS ankra_store)
ankra_add_test(tst_outbox_send LABEL integration
    SOURCES integration/tst_outbox_send.cpp LIBS ankra_test_support ankra_store)
ankra_add_test(tst_outbox_exactlyonce LABEL integration TIMEOUT 400
    SOURCES integration/tst_outbox_exactlyonce.cpp LIBS ankra_test_support ankra_store)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_outbox_gui LABEL gui TIMEOUT 240
        SOURCES gui/tst_outbox_gui.cpp LIBS ankra_test_support ankra_ui)
endif()

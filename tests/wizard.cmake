# Tests of the new-ticket flow: app/review and ui/wizard (included by tests/CMakeLists.txt).

ankra_add_test(tst_review LABEL unit
    SOURCES unit/tst_review.cpp unit/tst_api_fakenetwork.h LIBS ankra_review)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_wizard LABEL gui TIMEOUT 240
        SOURCES gui/tst_wizard.cpp LIBS ankra_test_support ankra_ui)
endif()

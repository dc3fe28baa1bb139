# Tests of staff mode (issue 8, client side; included by tests/CMakeLists.txt).

ankra_add_test(tst_team LABEL unit SOURCES unit/tst_team.cpp LIBS ankra_models)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_commandpalette LABEL gui
        SOURCES gui/tst_commandpalette.cpp LIBS ankra_test_support ankra_ui)
    ankra_add_test(tst_staffwindow LABEL gui TIMEOUT 240
        SOURCES gui/tst_staffwindow.cpp LIBS ankra_test_support ankra_ui)
endif()

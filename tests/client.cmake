# Tests of the client area (included by tests/CMakeLists.txt).

ankra_add_test(tst_apiclient LABEL unit
    SOURCES unit/tst_apiclient.cpp unit/tst_api_fakenetwork.h LIBS ankra_api)
ankra_add_test(tst_handback LABEL unit SOURCES unit/tst_handback.cpp LIBS ankra_api)
ankra_add_test(tst_client_api LABEL integration
    SOURCES integration/tst_client_api.cpp LIBS ankra_test_support ankra_api)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_preview LABEL gui SOURCES gui/tst_preview.cpp LIBS ankra_ui)
endif()
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_detailview LABEL gui
        SOURCES gui/tst_detailview.cpp LIBS ankra_test_support ankra_ui)
    ankra_add_test(tst_signin LABEL gui
        SOURCES gui/tst_signin.cpp LIBS ankra_test_support ankra_ui)
    ankra_add_test(tst_tokenhygiene LABEL gui
        SOURCES gui/tst_tokenhygiene.cpp LIBS ankra_test_support ankra_ui)
    target_compile_definitions(tst_tokenhygiene PRIVATE
        ANKRA_APP_BINARY="$<TARGET_FILE:ankra-support>")
    add_dependencies(tst_tokenhygiene ankra-support)
endif()
ankra_add_test(tst_client_updates LABEL integration
    SOURCES integration/tst_client_updates.cpp LIBS ankra_test_support ankra_models)
if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_signin_keychain LABEL keychain
        SOURCES keychain/tst_signin_keychain.cpp LIBS ankra_test_support ankra_ui)
endif()

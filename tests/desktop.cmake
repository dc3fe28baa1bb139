# Tests of desktop integration: single instance and links, translations, accessibility,
# settings (included by tests/CMakeLists.txt).

ankra_add_test(tst_singleinstance LABEL unit
    SOURCES unit/tst_singleinstance.cpp LIBS ankra_instance)
ankra_add_test(tst_appsettings LABEL unit
    SOURCES unit/tst_appsettings.cpp LIBS ankra_settings)

if(ANKRA_BUILD_GUI)
    # Links ankra_ui for the compiled .qm resources; runs lupdate on a temporary copy.
    ankra_add_test(tst_translations LABEL unit
        SOURCES unit/tst_translations.cpp LIBS ankra_ui)
    target_compile_definitions(tst_translations PRIVATE
        ANKRA_SOURCE_DIR="${PROJECT_SOURCE_DIR}" ANKRA_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
endif()

if(ANKRA_BUILD_GUI)
    ankra_add_test(tst_accessibility LABEL gui TIMEOUT 240
        SOURCES gui/tst_accessibility.cpp LIBS ankra_test_support ankra_ui)
    ankra_add_test(tst_desktop LABEL gui TIMEOUT 240
        SOURCES gui/tst_desktop.cpp LIBS ankra_test_support ankra_ui)
    target_compile_definitions(tst_desktop PRIVATE ANKRA_APP_BINARY="$<TARGET_FILE:ankra-support>")
    add_dependencies(tst_desktop ankra-support)
endif()

# Fonts follow the system size: no pixel font sizes in the widgets (relative point sizes only).
add_test(NAME ui_no_pixel_font_sizes
         COMMAND bash -c "! grep -rnE 'setPixelSize|font-size *: *[0-9.]+ *px|QFont\\([^)]*, *[0-9]+' '${PROJECT_SOURCE_DIR}/ui'")
set_tests_properties(ui_no_pixel_font_sizes PROPERTIES LABELS unit)

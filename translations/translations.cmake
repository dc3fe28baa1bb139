# Included from ui/CMakeLists.txt: compiles translations/*.ts into .qm files and embeds them in
# ankra_ui under :/i18n (Ui::Language loads them). The .ts files are regenerated from the
# sources by translations/update.sh (`make translations`), never by the build: the build must
# not rewrite files in the source tree while others edit it.
set(ANKRA_TS_DIR ${PROJECT_SOURCE_DIR}/translations)
set(ANKRA_TS_FILES ${ANKRA_TS_DIR}/ankra_en.ts ${ANKRA_TS_DIR}/ankra_de.ts)
set_source_files_properties(${ANKRA_TS_FILES} PROPERTIES OUTPUT_LOCATION ${CMAKE_CURRENT_BINARY_DIR}/i18n)
qt6_add_lrelease(ankra_ui TS_FILES ${ANKRA_TS_FILES} QM_FILES_OUTPUT_VARIABLE ANKRA_QM_FILES
                 OPTIONS -silent)
qt_add_resources(ankra_ui ankra_translations
    PREFIX /i18n
    BASE ${CMAKE_CURRENT_BINARY_DIR}/i18n
    FILES ${ANKRA_QM_FILES})

# `cmake --build <dir> --target translations`: the same as translations/update.sh.
add_custom_target(translations
    COMMAND ${CMAKE_COMMAND} -E env LUPDATE=$<TARGET_FILE:Qt6::lupdate>
            ${ANKRA_TS_DIR}/update.sh
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    USES_TERMINAL
    VERBATIM)

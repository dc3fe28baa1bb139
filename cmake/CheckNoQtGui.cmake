# app/ must stay free of QtGui and QtWidgets (house style rule 1). Two guards:
#  * at configure time: no target under app/ links Qt6::Gui or Qt6::Widgets;
#  * at build time: a scan of every source under app/ for includes of a QtGui/QtWidgets
#    header; it runs before the core libraries compile and fails the build on a hit.
# The same scan is registered as a ctest test (app_has_no_qtgui) by tests/.

set(ANKRA_CHECK_NO_QTGUI_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/check-no-qtgui.cmake")

function(ankra_qt_include_root out)
    get_target_property(dirs Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    foreach(dir IN LISTS dirs)
        if(dir MATCHES "/QtCore$")
            get_filename_component(root "${dir}" DIRECTORY)
            set(${out} "${root}" PARENT_SCOPE)
            return()
        endif()
    endforeach()
    message(FATAL_ERROR "Cannot locate the Qt include root from Qt6::Core")
endfunction()

function(ankra_check_no_qtgui app_dir)
    get_property(targets DIRECTORY "${app_dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY "${app_dir}" PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        get_property(sub_targets DIRECTORY "${sub}" PROPERTY BUILDSYSTEM_TARGETS)
        list(APPEND targets ${sub_targets})
    endforeach()
    foreach(target IN LISTS targets)
        get_target_property(libs ${target} LINK_LIBRARIES)
        if(libs MATCHES "Qt6?::(Gui|Widgets)")
            message(FATAL_ERROR "${target} (under app/) links QtGui/QtWidgets; app/ must not.")
        endif()
    endforeach()

    ankra_qt_include_root(qt_root)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${app_dir}/*.h" "${app_dir}/*.cpp")
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/no-qtgui.stamp")
    add_custom_command(
        OUTPUT "${stamp}"
        COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${app_dir} -DQT_INCLUDE_ROOT=${qt_root}
                -P "${ANKRA_CHECK_NO_QTGUI_SCRIPT}"
        COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
        DEPENDS ${sources} "${ANKRA_CHECK_NO_QTGUI_SCRIPT}"
        COMMENT "Checking that app/ includes no QtGui/QtWidgets header"
        VERBATIM)
    add_custom_target(check_no_qtgui ALL DEPENDS "${stamp}")
    foreach(target IN LISTS targets)
        add_dependencies(${target} check_no_qtgui)
    endforeach()
    set(ANKRA_QT_INCLUDE_ROOT "${qt_root}" CACHE INTERNAL "")
endfunction()

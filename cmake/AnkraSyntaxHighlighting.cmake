# Defines the target Ankra::SyntaxHighlighting (KSyntaxHighlighting for Qt 6).
#
#  1. The system's KF6SyntaxHighlighting (Debian 13+: libkf6syntaxhighlighting-dev), else
#  2. the static Qt 6 build of KSyntaxHighlighting 5.116.0 made by
#     packaging/deps/build-ksyntaxhighlighting.sh. It keeps the KF5 package name
#     (KF5SyntaxHighlighting / KF5::SyntaxHighlighting) although it is built against Qt 6.
#     It is looked up in our cache prefix first, so a Qt 5 KF5SyntaxHighlighting from the
#     distribution (libkf5syntaxhighlighting-dev) is never picked up instead.
#
# Keep the version/checksum below in sync with packaging/deps/ksh-prefix.sh.

include_guard(GLOBAL)

set(_ankra_ksh_version "5.116.0")
set(_ankra_ksh_sha8 "6f8ccace")

if(TARGET Ankra::SyntaxHighlighting)
    return()
endif()

find_package(KF6SyntaxHighlighting QUIET)

if(KF6SyntaxHighlighting_FOUND AND TARGET KF6::SyntaxHighlighting)
    add_library(ankra_syntaxhighlighting INTERFACE)
    target_link_libraries(ankra_syntaxhighlighting INTERFACE KF6::SyntaxHighlighting)
    add_library(Ankra::SyntaxHighlighting ALIAS ankra_syntaxhighlighting)
    message(STATUS "KSyntaxHighlighting: system KF6 ${KF6SyntaxHighlighting_VERSION}")
    return()
endif()

# The static library links Qt6::Network privately: Qt must be found first.
find_package(Qt6 REQUIRED COMPONENTS Core Gui Network)

if(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(_ankra_cache_root "$ENV{XDG_CACHE_HOME}")
else()
    set(_ankra_cache_root "$ENV{HOME}/.cache")
endif()
set(ANKRA_KSH_PREFIX
    "${_ankra_cache_root}/ankra-support/deps/ksyntaxhighlighting-${_ankra_ksh_version}-${_ankra_ksh_sha8}"
    CACHE PATH "Prefix of the static Qt 6 KSyntaxHighlighting build (packaging/deps/build-ksyntaxhighlighting.sh)")

# Pass 1: only our prefixes (the default cache prefix + CMAKE_PREFIX_PATH, which the
# Makefile sets from packaging/deps/ksh-prefix.sh), and only our exact version.
find_package(KF5SyntaxHighlighting ${_ankra_ksh_version} EXACT QUIET CONFIG
    HINTS "${ANKRA_KSH_PREFIX}" ${CMAKE_PREFIX_PATH}
    NO_DEFAULT_PATH)
# Pass 2: anywhere else, but it must be a Qt 6 build (checked below).
if(NOT KF5SyntaxHighlighting_FOUND)
    find_package(KF5SyntaxHighlighting QUIET CONFIG)
endif()

if(KF5SyntaxHighlighting_FOUND AND TARGET KF5::SyntaxHighlighting)
    get_target_property(_ankra_ksh_links KF5::SyntaxHighlighting INTERFACE_LINK_LIBRARIES)
    if(NOT _ankra_ksh_links MATCHES "Qt6::" OR _ankra_ksh_links MATCHES "Qt5::")
        message(FATAL_ERROR
            "KF5SyntaxHighlighting found in ${KF5SyntaxHighlighting_DIR} is a Qt 5 build "
            "(links: ${_ankra_ksh_links}). Run: packaging/deps/install-deps.sh")
    endif()
    add_library(ankra_syntaxhighlighting INTERFACE)
    target_link_libraries(ankra_syntaxhighlighting INTERFACE KF5::SyntaxHighlighting Qt6::Network)
    add_library(Ankra::SyntaxHighlighting ALIAS ankra_syntaxhighlighting)
    message(STATUS "KSyntaxHighlighting: Qt 6 static build ${KF5SyntaxHighlighting_VERSION} in ${KF5SyntaxHighlighting_DIR}")
else()
    message(FATAL_ERROR "KSyntaxHighlighting for Qt 6 not found. Run: packaging/deps/install-deps.sh")
endif()

unset(_ankra_ksh_links)
unset(_ankra_cache_root)

# Finds every external dependency once, with a message that names the command that installs it.
set(ANKRA_INSTALL_HINT "Run: packaging/deps/install-deps.sh (or simply: make run / make test)")

macro(ankra_require_package name)
    find_package(${name} ${ARGN} QUIET)
    if(NOT ${name}_FOUND)
        message(FATAL_ERROR "Missing dependency: ${name}. ${ANKRA_INSTALL_HINT}")
    endif()
endmacro()

ankra_require_package(Qt6 6.4 COMPONENTS Core Network Sql Test)
ankra_require_package(Qt6Keychain)
find_package(Threads REQUIRED)

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    # The pkg-config cflags are mandatory: without them Request/Client have another layout
    # and the server crashes (see ../shared/notes/cpp-httplib-0.11.md).
    pkg_check_modules(HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
endif()
if(NOT TARGET PkgConfig::HTTPLIB)
    message(FATAL_ERROR "Missing dependency: cpp-httplib (libcpp-httplib-dev). ${ANKRA_INSTALL_HINT}")
endif()

if(ANKRA_BUILD_GUI)
    ankra_require_package(Qt6 6.4 COMPONENTS Gui Widgets LinguistTools)
    include(AnkraSyntaxHighlighting)
endif()

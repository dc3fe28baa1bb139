# The one place that holds the compile policy. Every target links ankra_policy.
add_library(ankra_policy INTERFACE)
add_library(Ankra::Policy ALIAS ankra_policy)

target_compile_features(ankra_policy INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(ankra_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    ANKRA_VERSION="${PROJECT_VERSION}")

target_compile_options(ankra_policy INTERFACE
    -Wall -Wextra -Wpedantic $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor
    -Woverloaded-virtual -Wcast-qual -Wformat=2 -Wimplicit-fallthrough)

if(ANKRA_WERROR)
    target_compile_options(ankra_policy INTERFACE -Werror)
endif()

if(ANKRA_SANITIZE)
    # GCC 12 reports false -Wmaybe-uninitialized in <regex>/<functional> under ASan.
    target_compile_options(ankra_policy INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
        $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    target_link_options(ankra_policy INTERFACE -fsanitize=address,undefined)
endif()

option(ANKRA_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)
if(ANKRA_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "ANKRA_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
    endif()
    target_compile_options(ankra_policy INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(ankra_policy INTERFACE -fsanitize=address,undefined)
endif()

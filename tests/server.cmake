# Tests of the server area (included by tests/CMakeLists.txt).

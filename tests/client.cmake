# Tests of the client area (included by tests/CMakeLists.txt).

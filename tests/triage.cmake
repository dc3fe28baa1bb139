# Tests of the triage area (included by tests/CMakeLists.txt).

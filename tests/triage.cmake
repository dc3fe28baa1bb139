# Tests of the triage area (included by tests/CMakeLists.txt).
ankra_add_test(tst_triage LABEL unit SOURCES unit/tst_triage.cpp LIBS ankra_triage)

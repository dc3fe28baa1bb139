# Ankra Support — the two commands: `make run` and `make test`. Everything else wraps CMake.
#
#   make run     install missing dependencies, build, start the local server with demo data
#                and the app signed in to it (closing the app stops the server)
#   make test    install missing dependencies, build, run the whole ctest suite headless
#   make bench   build and run the benchmarks (tests/bench), not part of `make test`
#   make package build the .deb packages (app and server) into build/packages
#   make format  clang-format the tree; `make format-check` fails on unformatted files
#   make translations  regenerate translations/*.ts from the sources (lupdate) and list the
#                strings that still need German (translations/update.sh)
#   make asan    build everything (GUI included) with ASan + UBSan + LSan and run every test
#                but the packaging one (it builds .debs, which says nothing about memory)
#   make fuzz    build the libFuzzer targets (clang) and run each for FUZZ_SECONDS
#   make load    64 concurrent loopback clients against a fresh server for LOAD_SECONDS
#
# Variables: BUILD_DIR (default build), BUILD_TYPE (RelWithDebInfo), WERROR (ON under CI).

BUILD_DIR  ?= build
ASAN_DIR   ?= build-asan
FUZZ_DIR   ?= build-fuzz
FUZZ_SECONDS ?= 60
LOAD_SECONDS ?= 60
BUILD_TYPE ?= RelWithDebInfo
WERROR     ?= $(if $(CI),ON,OFF)
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CTEST_ARGS ?=

KSH_PREFIX  = $(shell packaging/deps/ksh-prefix.sh 2>/dev/null)
CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DANKRA_WERROR=$(WERROR) \
              $(if $(KSH_PREFIX),-DCMAKE_PREFIX_PATH=$(KSH_PREFIX))

SOURCES = $(shell git ls-files '*.cpp' '*.h' 2>/dev/null)

.PHONY: all deps configure build run test bench package fuzz load format format-check asan clean translations

all: build

deps:
	@packaging/deps/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) > $(BUILD_DIR).configure.log 2>&1 \
	  || { cat $(BUILD_DIR).configure.log; exit 1; }

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@packaging/run-demo.sh $(BUILD_DIR)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

bench: build
	@tests/bench/run-all.sh $(BUILD_DIR)

package: build
	@cd $(BUILD_DIR) && cpack -G DEB -B $(CURDIR)/$(BUILD_DIR)/packages && ls -1 $(CURDIR)/$(BUILD_DIR)/packages/*.deb

fuzz: deps
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DANKRA_FUZZ=ON -DANKRA_BUILD_GUI=OFF -DANKRA_BUILD_TESTS=OFF \
	  > $(FUZZ_DIR).configure.log 2>&1 || { cat $(FUZZ_DIR).configure.log; exit 1; }
	@cmake --build $(FUZZ_DIR) -j $(JOBS)
	@tests/fuzz/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

translations:
	@translations/update.sh

load: build
	@ANKRA_LOAD_SECONDS=$(LOAD_SECONDS) $(BUILD_DIR)/tests/bench/bench_load

format:
	@clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run --Werror $(SOURCES) && echo "format: $(words $(SOURCES)) files are clang-formatted"

asan: deps
	@cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) -DANKRA_SANITIZE=ON -DANKRA_BUILD_GUI=ON \
	  > $(ASAN_DIR).configure.log 2>&1 || { cat $(ASAN_DIR).configure.log; exit 1; }
	@cmake --build $(ASAN_DIR) -j $(JOBS)
	@cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/support/lsan-thirdparty.supp \
	  ctest --output-on-failure -j $(JOBS) -LE packaging $(CTEST_ARGS)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(BUILD_DIR).configure.log $(ASAN_DIR).configure.log

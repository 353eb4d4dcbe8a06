# Rempart: each target installs what is missing first, so a fresh Debian 12 needs nothing else.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
# Most integration tests wait on a server or on the clock more than they compute: twice as
# many tests as cores keeps the cores busy (measured on 2 cores: 226 s at -j2, 139 s at -j4).
TEST_JOBS ?= $(shell echo $$(( $(JOBS) * 2 )))

SANITIZE_DIR ?= build-sanitize
STARTED := $(shell date +%s)
SANITIZE_CONFIGURE = cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREMPART_SANITIZE=ON
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps configure build run test test-sanitize bench fuzz clean

all: build

deps:
	@tools/install-deps

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps node_modules/.package-lock.json $(BUILD_DIR)/build.ninja

# The server alone; `make test` builds the tests too.
build: configure
	ninja -C $(BUILD_DIR) -j $(JOBS) rempart

# Starts Rempart at http://127.0.0.1:8080 with its data in ./data and a demo petition.
run: build
	$(BUILD_DIR)/rempart serve --demo

# Every test, then the unit, integration and fuzz-corpus tests again on a build with
# AddressSanitizer and UBSan; the Chromium tests (label e2e) run once, on the normal build,
# since they drive the same server code the integration tests already run under the
# sanitizers. The sanitizer build compiles while the normal build's unit and integration
# tests run, in the time they leave idle (tools/run-tests). Undefined behaviour traps (SIGILL) in that build; ASan
# then prints where it happened. Ends by saying how long it all took, installs and builds
# included.
test: configure
	ninja -C $(BUILD_DIR) -j $(JOBS)
	$(SANITIZE_CONFIGURE)
	tools/run-tests $(BUILD_DIR) $(SANITIZE_DIR) $(JOBS) $(TEST_JOBS)
	@echo "make test: passed in $$(( $$(date +%s) - $(STARTED) )) s"

# The sanitizer build's tests alone.
test-sanitize: configure
	$(SANITIZE_CONFIGURE)
	ninja -C $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=handle_sigill=1 \
	  ctest --test-dir $(SANITIZE_DIR) --output-on-failure --timeout 300 -j $(TEST_JOBS) -LE e2e

bench: build
	ninja -C $(BUILD_DIR) -j $(JOBS) sign_bench rempart-attack-sim
	bench/run-all

# Every fuzz target (tests/fuzz/) for FUZZ_SECONDS each, one after another, built apart
# with clang's libFuzzer, ASan and UBSan; what they find lands in $(FUZZ_DIR)/fuzz/.
fuzz: deps node_modules/.package-lock.json
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_ASM_COMPILER=clang -DREMPART_FUZZ=ON
	ninja -C $(FUZZ_DIR) -j $(JOBS) fuzz_targets
	tests/fuzz/run-all $(FUZZ_DIR) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR)

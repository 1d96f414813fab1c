# The two quick-start commands of README.md: `make docs` and `make test`. Each installs what it
# needs first: npm packages from the lock file, Debian packages only when missing.
.PHONY: docs test build deps actions images demo demo-log clean

# Debian packages: clang/lld/wasi-libc build the wasm:0.1 actions, pandas is the reference the
# tests and benchmarks compare figures with; jupyter-nbconvert runs the notebooks headless;
# libstb-dev decodes the demo's photograph inside the MobileNetV2 action (both targets); curl calls
# web actions as a user does; docker.io runs nodejs and blackbox actions in containers, zlib1g-dev
# lets the static action-loop proxy unzip native actions; jupyter-notebook and chromium run the
# notebooks through a browser (test/notebooks/browser.test.ts); jupyter-client has `jupyter kernelspec`.
DEBIAN_PACKAGES := gcc clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 libstb-dev python3-pandas jupyter-nbconvert curl docker.io zlib1g-dev jupyter-notebook jupyter-client chromium

node_modules/.package-lock.json: package.json package-lock.json
	npm ci

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: node_modules/.package-lock.json
	npm run build

# The demo's actions: one C source built natively (blackbox) and as WASI (wasm:0.1); the
# MobileNetV2's weights come from the npm package nsfwjs, so npm packages come first.
actions: deps node_modules/.package-lock.json
	$(MAKE) -C data/actions

# The embedded OpenWhisk's Docker images, built offline (images/build.sh; nothing without an engine).
images: node_modules/.package-lock.json
	images/build.sh

# The default experiment on the embedded OpenWhisk (no OpenWhisk needed): blackbox vs wasm:0.1
# from one C source, concurrency 1-5. The log is written aside and renamed when complete, so an
# interrupted run never replaces the last good one (resume it with `owbench run --resume`).
# images/with-docker.sh starts dockerd for it when needed (and root), and builds the images.
demo: build actions
	images/with-docker.sh $(MAKE) --no-print-directory demo-log

demo-log:
	rm -f data/runs/demo.ndjson.partial
	node dist/cli.js run data/experiments/demo.json --out data/runs/demo.ndjson.partial --no-report
	mv data/runs/demo.ndjson.partial data/runs/demo.ndjson

docs: deps build actions demo
	node dist/cli.js docs
	node --import tsx notebooks/tools/run.ts

test: deps build actions
	images/with-docker.sh npm test

clean:
	rm -rf dist build

# The two quick-start commands of README.md: `make docs` and `make test`. Each installs what it
# needs first: npm packages from the lock file, Debian packages only when missing.
.PHONY: docs test build deps actions clean

# Debian packages: clang/lld/wasi-libc build the wasm:0.1 actions, pandas is the reference the
# tests and benchmarks compare figures with.
DEBIAN_PACKAGES := clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 python3-pandas

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

# The demo's actions: one C source built natively (blackbox) and as WASI (wasm:0.1).
actions: deps
	$(MAKE) -C data/actions

docs: deps build actions
	node dist/cli.js docs

test: deps build actions
	npm test

clean:
	rm -rf dist build

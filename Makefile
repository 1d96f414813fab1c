# The two quick-start commands of README.md: `make docs` and `make test`.
.PHONY: docs test build deps clean

node_modules/.package-lock.json: package.json package-lock.json
	npm ci

build: node_modules/.package-lock.json
	npm run build

docs: build
	node dist/cli.js docs

test: build
	npm test

clean:
	rm -rf dist build

# Run `make test` before pushing; CI runs exactly that through .ci/run.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
FUZZTIME ?= 10s

.PHONY: test run build vendor-assets fuzz

# Installs Chromium and PostgreSQL if missing, vets, and runs every test once; the
# summary's last line is "N passed, N failed, N skipped". pipefail keeps go test's status.
test:
	scripts/install-test-deps.sh
	$(GO) vet ./...
	$(GO) test -count=1 -json -timeout 20m ./... | $(GO) run ./internal/testsummary

run:
	$(GO) run ./cmd/laeringsliv serve --demo

build:
	$(GO) build -trimpath -o laeringsliv ./cmd/laeringsliv

# Needs npm; updates web/static/vendor/ and browsertest/axe.min.js. Commit the result.
vendor-assets:
	scripts/vendor-assets.sh

# Runs every fuzz target in the module for FUZZTIME each (make fuzz FUZZTIME=1m).
fuzz:
	for pkg in $$($(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...); do \
		for target in $$($(GO) test -list '^Fuzz' "$$pkg" | grep '^Fuzz' || true); do \
			echo "== $$pkg $$target"; \
			$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) "$$pkg"; \
		done; \
	done

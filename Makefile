# postcheck — see README.md. `make run` serves the form and API; `make test` runs every test.
GO      ?= go
BIN     := bin/postcheck
DATA    ?= ../shared/datasets

.PHONY: run build test test-short contract vet fmt bench eval fuzz clean loadtest soak

run:
	$(GO) run ./cmd/postcheck serve --addr 127.0.0.1:8080

build:
	$(GO) build -o $(BIN) ./cmd/postcheck

## test: every test — unit, rule examples, corpora, HTTP, end-to-end, browser — plus the contract check.
test: vet
	$(GO) test -count=1 -timeout 30m ./...
	$(MAKE) contract

test-short:
	$(GO) test -short ./...

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

## contract: the shared contract checker against a freshly built binary (skipped when absent).
contract: build
	@if [ -f ../shared/tools/contract-check ]; then python3 ../shared/tools/contract-check $(BIN); \
	else echo "contract-check not found beside the repository; skipped"; fi

## bench: the whole check and each stage (prepare, detect, match, score) at 280, 1,500 and
## 20,000 characters, German and English; BENCH_COUNT runs each (default 6) for benchstat.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count $(or $(BENCH_COUNT),6) ./...

## eval: precision/recall on our corpora and the shared datasets.
eval: build
	@for f in testdata/*/corpus.jsonl; do $(BIN) eval $$f; done
	@if [ -d $(DATA) ]; then \
	  $(BIN) eval --labels offensive $(DATA)/germeval2018-train.jsonl; \
	  $(BIN) eval --labels hate $(DATA)/gahd-dev.jsonl; \
	  $(BIN) eval --labels offensive $(DATA)/davidson2017.jsonl; \
	  $(BIN) eval --labels privacy $(DATA)/presidio-synth-pii.jsonl; \
	else echo "$(DATA) not found; shared datasets skipped"; fi

## fuzz: each fuzz target for a bounded time (FUZZTIME, default 30s); seeds also run in `make test`.
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./internal/text -run '^$$' -fuzz '^FuzzPrepareKeepsOffsetsInsideTheText$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/rules -run '^$$' -fuzz '^FuzzEngineMatch$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/rules -run '^$$' -fuzz '^FuzzParseSpecs$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/policy -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/wire -run '^$$' -fuzz '^FuzzDecodeRequest$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/wire -run '^$$' -fuzz '^FuzzCheckOffsets$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd/postcheck -run '^$$' -fuzz '^FuzzReadLine$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/photo -run '^$$' -fuzz '^FuzzPhoto$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/pii -run '^$$' -fuzz '^FuzzAll$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/pii -run '^$$' -fuzz '^FuzzValidIBAN$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/rules -run '^$$' -fuzz '^FuzzStartRe$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/rules -run '^$$' -fuzz '^FuzzPrivacyValidators$$' -fuzztime $(FUZZTIME)

clean:
	rm -rf bin

LOAD_ADDR ?= 127.0.0.1:18080
LOAD_TIME ?= 20s
SOAK_TIME ?= 3m

## loadtest: start the server, drive it from a second process for LOAD_TIME, report req/s, latency, CPU, RSS:
## first as fast as it answers (32 connections, closed loop), then LOAD_RATE requests a second on a schedule.
LOAD_RATE ?= 3000
loadtest: build
	$(GO) build -o bin/postcheck-load ./cmd/postcheck-load
	@$(BIN) serve --addr $(LOAD_ADDR) --log-level warn & pid=$$!; \
	for i in $$(seq 100); do curl -sf http://$(LOAD_ADDR)/healthz >/dev/null && break; sleep 0.1; done; \
	bin/postcheck-load --url http://$(LOAD_ADDR) --duration $(LOAD_TIME) --concurrency 32 --pid $$pid; rc=$$?; \
	if [ $$rc = 0 ]; then echo; bin/postcheck-load --url http://$(LOAD_ADDR) --duration $(LOAD_TIME) --rate $(LOAD_RATE) --concurrency 64 --pid $$pid; rc=$$?; fi; \
	kill $$pid; wait $$pid; exit $$rc

## soak: SOAK_TIME at high concurrency with valid and invalid requests; fails on any 5xx or wrong answer.
soak: build
	$(GO) build -o bin/postcheck-load ./cmd/postcheck-load
	@$(BIN) serve --addr $(LOAD_ADDR) --log-level warn & pid=$$!; \
	for i in $$(seq 100); do curl -sf http://$(LOAD_ADDR)/healthz >/dev/null && break; sleep 0.1; done; \
	bin/postcheck-load --url http://$(LOAD_ADDR) --duration $(SOAK_TIME) --concurrency 128 --soak --pid $$pid; rc=$$?; \
	kill $$pid; wait $$pid; exit $$rc

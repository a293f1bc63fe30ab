# notekit: `make demo` lints Notes/, `make test` runs the tests, `make docs` regenerates
# docs/rules.md, `make templates` compiles Templates/ in, `make install` installs the release
# binary, its man page and shell completions under $(PREFIX),
# `make precommit-e2e` proves the pre-commit hook end to end, `make bench` measures against
# the cmark-gfm CLI, `make bench-scale` lints a synthetic 100,000-note vault (SCALE_NOTES notes in
# SCALE_DIR), `make pathological` times every command on generated pathological notes
# against it, `make screenshots` renders two essays to HTML and screenshots them with
# headless Chromium, `make fuzz FUZZ_SECONDS=60` fuzzes the parse → lint → fix → render
# pipeline (docs/fuzzing.md).
# Building targets install the Debian packages notekit needs when they are missing.

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_BUILD_FLAGS ?=
NOTEKIT := .build/debug/notekit
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
# The release binary carries the Swift runtime and Foundation: nothing Swift to install
# beside it, and lint runs about 15% faster than when linked to the shared libraries.
RELEASE_BUILD := swift build -c release --static-swift-stdlib --product notekit

# `commit` writes the commit `notekit --version` prints (scripts/build-commit.sh).
.PHONY: deps commit build demo test docs templates install precommit-e2e bench bench-scale pathological screenshots fuzz clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

commit:
	scripts/build-commit.sh

build: deps commit
	swift build $(SWIFT_BUILD_FLAGS)

# Exit code 1 means the notes have findings, which a demo is expected to show;
# only 2 (usage, configuration or I/O failure) fails the target.
demo: build
	$(NOTEKIT) lint Notes || [ $$? -eq 1 ]

test: deps commit
	swift test $(SWIFT_BUILD_FLAGS)

screenshots: build
	scripts/screenshot.sh

docs: build
	$(NOTEKIT) rules --markdown > docs/rules.md

templates:
	scripts/embed-templates.py

# The binary, man page and shell completions (scripts/install.sh); DESTDIR for packaging.
install: deps commit
	$(RELEASE_BUILD)
	scripts/install.sh .build/release/notekit $(DESTDIR)$(PREFIX)

precommit-e2e: deps
	scripts/precommit-e2e.sh

# Lints, indexes and renders ../shared/corpus with the release build and compares each
# job's time with the cmark-gfm CLI converting the same files (see docs/benchmarks.md).
bench: deps commit
	$(RELEASE_BUILD)
	scripts/bench.py --runs $(or $(BENCH_RUNS),5) $(or $(BENCH_FOLDER),../shared/corpus)

# `lint --no-cache --format json` on ../shared/corpus and on a synthetic vault of SCALE_NOTES notes
# built from it in SCALE_DIR (scripts/synth_vault.py; reused when there): wall, CPU, peak RSS and
# per-note cost against the corpus, and CPU against the cmark-gfm CLI (docs/benchmarks.md).
bench-scale: deps commit
	$(RELEASE_BUILD)
	scripts/bench_scale.py --notes $(or $(SCALE_NOTES),100000) --scratch $(or $(SCALE_DIR),/tmp/notekit-scale)

# Every command on each generated pathological note (scripts/pathological.py) with the release
# build, each within 10 times the cmark-gfm CLI's time on the same folder (docs/benchmarks.md).
pathological: deps commit
	$(RELEASE_BUILD)
	scripts/pathological-bench.py

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz-ci.sh

clean:
	rm -rf .build

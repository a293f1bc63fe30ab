#!/usr/bin/env bash
# Builds the libFuzzer target NotekitFuzz (address sanitizer) and fuzzes the
# parse → lint → fix → render pipeline for FUZZ_SECONDS (default 60), starting from
# the notes in Notes/ and the dictionary fuzz/notekit.dict. Crashing inputs are kept
# in .build/fuzz/artifacts/; the exit status is non-zero when one was found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"

swift build -c debug --build-path .build/fuzz --product NotekitFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DNOTEKIT_FUZZ 2>&1 | grep -v "Cannot export local symbol" || true
fuzzer=.build/fuzz/debug/NotekitFuzz
[ -x "$fuzzer" ] || { echo "fuzz-ci: build failed" >&2; exit 2; }

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
find Notes -name '*.md' -exec cp {} "$corpus/" \;
mkdir -p .build/fuzz/artifacts

# Leak detection is off: Swift's once-initialised globals (compiled regexes) look like leaks
# to LeakSanitizer. To look for leaks that grow per input, run .build/fuzz/debug/NotekitFuzz
# with -runs=N and without these settings, and compare the totals for two N.
# Swift's own crash handler is off so that the sanitizer reports the trap.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$fuzzer" "$corpus" -detect_leaks=0 -dict=fuzz/notekit.dict -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=.build/fuzz/artifacts/

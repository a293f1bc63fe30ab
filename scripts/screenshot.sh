#!/usr/bin/env bash
# Renders the seed essay and one corpus essay to HTML and screenshots each with headless
# Chromium; fails when a page does not load or its screenshot is blank.
#   SEED, ESSAY: the notes to render (defaults under ../shared); OUT: where pages and PNGs go
#   (default .build/screenshots); NOTEKIT: a notekit binary to use instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-../shared/seeds/The AI Model Wars.md}
ESSAY=${ESSAY:-$(find ../shared/corpus/essays -name '*.md' 2>/dev/null | sort | head -n 1)}
OUT=${OUT:-.build/screenshots}

if ! command -v chromium >/dev/null; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
if [ -z "${NOTEKIT:-}" ]; then swift build; NOTEKIT=.build/debug/notekit; fi

rm -rf "$OUT" && mkdir -p "$OUT"
status=0
for note in "$SEED" "$ESSAY"; do
    [ -f "$note" ] || { echo "missing note: $note" >&2; status=1; continue; }
    name=$(basename "$note" .md | tr -c 'A-Za-z0-9\n' '-')
    page="$OUT/$name.html" png="$OUT/$name.png"
    "$NOTEKIT" render "$note" > "$page"
    scripts/screenshot-page.sh "$page" "$png" || status=1
done
exit $status

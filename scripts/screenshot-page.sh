#!/usr/bin/env bash
# Screenshots one HTML page with headless Chromium (1200 × 1600) and checks that the PNG is
# not blank (scripts/check_png.py). Usage: scripts/screenshot-page.sh PAGE.html OUT.png
# Exits 1, saying why, when Chromium wrote nothing or the image looks blank.
set -uo pipefail
page="$1" png="$2"
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --virtual-time-budget=3000 --window-size=1200,1600 --screenshot="$png" \
    "file://$(realpath "$page")" >/dev/null 2>&1 || true
if [ ! -s "$png" ]; then
    echo "$page: Chromium did not produce a screenshot" >&2
    exit 1
fi
python3 "$(dirname "$0")/check_png.py" "$png"

#!/usr/bin/env bash
# Builds notekit, renders the HTML citations report for ../shared/corpus (or Notes/ when
# absent) and takes a headless Chromium screenshot of it at 1280x900. Fails when the page is
# blank or scrolls sideways in a 1280 px window.
#
# Usage: scripts/citations-screenshot.sh [OUTPUT.png]   (default: .build/citations-report.png)
set -euo pipefail
cd "$(dirname "$0")/.."

vault=../shared/corpus
[ -d "$vault" ] || vault=Notes
png=${1:-.build/citations-report.png}
html=.build/citations-report.html

if ! command -v chromium >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

swift build
.build/debug/notekit citations report --format html --output "$html" "$vault" || [ $? -eq 1 ]
rm -f "$png"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size=1280,900 "file://$PWD/$html" 2>/dev/null
[ -s "$png" ] || { echo "no screenshot written" >&2; exit 1; }

# The page's scroll width, recorded by an appended script and read back from --dump-dom.
measured=.build/citations-report-measured.html
sed 's#</body>#<script>document.body.dataset.scrollWidth = document.documentElement.scrollWidth</script></body>#' "$html" > "$measured"
width=$(chromium --headless --no-sandbox --disable-gpu --window-size=1280,900 --dump-dom "file://$PWD/$measured" 2>/dev/null \
    | sed -n 's/.*data-scroll-width="\([0-9]*\)".*/\1/p')
[ -n "$width" ] && [ "$width" -le 1280 ] || { echo "the report is ${width:-?} px wide in a 1280 px window" >&2; exit 1; }

python3 scripts/check_png.py "$png"

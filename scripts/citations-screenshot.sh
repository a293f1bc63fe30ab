#!/usr/bin/env bash
# Builds notekit, renders the HTML citations report for ../shared/corpus (or Notes/ when
# absent) and takes a headless Chromium screenshot of it. Fails when the page is blank.
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
    --screenshot="$png" --window-size=1200,1600 "file://$PWD/$html" 2>/dev/null
[ -s "$png" ] || { echo "no screenshot written" >&2; exit 1; }

# A blank page has a single colour: decode the PNG (8-bit RGB/RGBA, non-interlaced).
python3 - "$png" <<'PY'
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", chunk)
    elif kind == b"IDAT":
        idat += chunk
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG format"
channels = 3 if colour == 2 else 4
stride = width * channels
raw = zlib.decompress(idat)
previous = bytearray(stride)
colours = set()
for row in range(height):
    kind = raw[row * (stride + 1)]
    line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        corner = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    for x in range(0, stride, channels * 7):
        colours.add(bytes(line[x:x + channels]))
    previous = line
if len(colours) < 2:
    sys.exit(f"{sys.argv[1]}: blank page ({width}x{height}, one colour)")
print(f"{sys.argv[1]}: {width}x{height}, {len(colours)} distinct colours sampled")
PY

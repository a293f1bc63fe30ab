#!/usr/bin/env bash
# End-to-end proof of `notekit render --site` (docs/site.md): builds the site of Notes/ and of a
# 200-note sample of ../shared/corpus (skipped, saying so, when absent), checks that every
# internal link and asset of both resolves (scripts/check_site_links.py), rebuilds after one
# edit (only the edited page is rendered again), and screenshots an essay, a sources page and a
# tag index in headless Chromium (scripts/check_png.py: not blank).
#   OUT: where sites and PNGs go (default .build/site-e2e); CORPUS: the corpus folder;
#   NOTEKIT: a notekit binary to use instead of the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-.build/site-e2e}
CORPUS=${CORPUS:-../shared/corpus}

if ! command -v chromium >/dev/null; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
if [ -z "${NOTEKIT:-}" ]; then
    swift build -c release --static-swift-stdlib --product notekit
    NOTEKIT=.build/release/notekit
fi

rm -rf "$OUT" && mkdir -p "$OUT"

# The example vault: its site: section publishes essays/, concepts/ and sources/; no broken link allowed.
"$NOTEKIT" render --site --strict --output "$OUT/notes" Notes
python3 scripts/check_site_links.py "$OUT/notes"

# One edit: only the edited page is rendered again, and the other pages are not rewritten.
cp -R Notes "$OUT/vault"
"$NOTEKIT" render --site --output "$OUT/edit" "$OUT/vault" 2>/dev/null
touch -d '2000-01-01' "$OUT/edit/tidal-range.html"
sed -i 's/The more interesting question is storage/The more interesting question, edited, is storage/' \
    "$OUT/vault/essays/The Quiet Economics of Tidal Storage.md"
summary=$("$NOTEKIT" render --site --output "$OUT/edit" "$OUT/vault" 2>&1 | tail -n 1)
echo "after one edit: $summary"
grep -q "(1 rendered)" <<<"$summary" || { echo "one edit should render one page" >&2; exit 1; }
grep -q "question, edited, is storage" "$OUT/edit/the-quiet-economics-of-tidal-storage.html"
[ "$(date -r "$OUT/edit/tidal-range.html" +%Y)" = 2000 ] || { echo "an unchanged page was rewritten" >&2; exit 1; }

# A sample of the corpus: every seventh note, 200 in all, in its folders. Links to notes outside
# the sample are broken links the site reports (not --strict); relative links the notes' authors
# wrote in plain Markdown to files that are not notes are published as written.
if [ -d "$CORPUS" ]; then
    mkdir -p "$OUT/sample"
    (cd "$CORPUS" && find . -name '*.md' | LC_ALL=C sort | awk 'NR % 7 == 1' | head -n 200) | while read -r note; do
        mkdir -p "$OUT/sample/$(dirname "$note")"
        cp "$CORPUS/$note" "$OUT/sample/$note"
    done
    printf 'site:\n  title: Corpus sample\n  collections:\n    All: "**"\n' > "$OUT/sample/.notekit.yml"
    start=$(date +%s%N)
    "$NOTEKIT" render --site --output "$OUT/sample-site" "$OUT/sample" 2>"$OUT/sample-report.txt"
    echo "corpus sample: $(tail -n 1 "$OUT/sample-report.txt") in $(( ($(date +%s%N) - start) / 1000000 )) ms"
    python3 scripts/check_site_links.py --authors-links-as-written "$OUT/sample-site"
else
    echo "skipping the corpus sample: $CORPUS is absent"
fi

status=0
for page in the-quiet-economics-of-tidal-storage.html sources/k3v9qa.html tags/tidal-energy.html; do
    file="$OUT/notes/$page"
    png="$OUT/$(tr '/' '-' <<<"${page%.html}").png"
    [ -f "$file" ] || { echo "missing page: $file" >&2; status=1; continue; }
    scripts/screenshot-page.sh "$file" "$png" || status=1
done
exit $status

#!/usr/bin/env bash
# End-to-end proof of `notekit citations export` (docs/citations-export.md) on Notes/ and on
# a sample of ../shared/corpus (every 8th note; that half is skipped, saying so, when it is
# absent): the CSL-JSON renders through `pandoc --citeproc` with its default style
# (Chicago author-date) citing every id, with nothing on standard error; the BibTeX loads in
# bibtexparser with as many entries as the CSL-JSON and every field written for each; the
# RIS is read by a small checker (record count, ids, every line `TAG  - value`).
# Installs pandoc (Debian) and bibtexparser (PyPI, into .build/export-venv) when missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v pandoc >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pandoc
fi
python=python3
if ! python3 -c "import bibtexparser" 2>/dev/null; then
    venv="$root/.build/export-venv"
    [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import bibtexparser" 2>/dev/null \
        || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet bibtexparser; }
    python="$venv/bin/python"
fi

(cd "$root" && swift build --product notekit >/dev/null)
notekit="$(cd "$root" && swift build --show-bin-path)/notekit"

vaults=("$root/Notes")
corpus="$root/../shared/corpus"
if [ -d "$corpus" ]; then
    sample="$work/corpus-sample"
    (cd "$corpus" && find . -name '*.md' -not -path '*/.*' | LC_ALL=C sort | awk 'NR % 8 == 1') \
        | while IFS= read -r note; do
            mkdir -p "$sample/$(dirname "$note")"
            cp "$corpus/$note" "$sample/$note"
        done
    vaults+=("$sample")
else
    echo "citations export e2e: ../shared/corpus is absent; the corpus sample is skipped"
fi

for vault in "${vaults[@]}"; do
    name=$(basename "$vault")
    out="$work/$name"
    mkdir -p "$out"
    for format in csl-json:json bibtex:bib ris:ris; do
        "$notekit" citations export --format "${format%:*}" --output "$out/sources.${format#*:}" "$vault" || [ $? -eq 1 ]
    done
    # A document citing every id, one citation per paragraph.
    "$python" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
items = json.load(open(f"{out}/sources.json", encoding="utf-8"))
with open(f"{out}/cites.md", "w", encoding="utf-8") as doc:
    doc.write("---\ntitle: Every source\n---\n\n")
    doc.writelines(f"Claim [@{item['id']}].\n\n" for item in items)
PY
    status=0
    pandoc --citeproc --bibliography "$out/sources.json" -f markdown -t html \
        -o "$out/cites.html" "$out/cites.md" 2>"$out/pandoc.err" || status=$?
    if [ "$status" -ne 0 ] || [ -s "$out/pandoc.err" ]; then
        echo "pandoc --citeproc (exit $status) warned on $name:" >&2
        head -20 "$out/pandoc.err" >&2
        exit 1
    fi
    "$python" - "$out" "$name" <<'PY'
import json, re, sys
import bibtexparser

out, name = sys.argv[1], sys.argv[2]
items = json.load(open(f"{out}/sources.json", encoding="utf-8"))
assert items, f"{name}: no sources exported"
ids = [item["id"] for item in items]
assert len(set(i.lower() for i in ids)) == len(ids), f"{name}: ids are not unique"

html = open(f"{out}/cites.html", encoding="utf-8").read()
rendered = len(re.findall(r'class="csl-entry"', html))
assert rendered == len(items), f"{name}: pandoc rendered {rendered} of {len(items)} entries"
assert "???" not in html, f"{name}: pandoc left a citation unresolved"

# BibTeX: every entry, every field the CSL-JSON says it has.
bib = open(f"{out}/sources.bib", encoding="utf-8").read()
if hasattr(bibtexparser, "parse_string"):  # bibtexparser 2
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks, f"{name}: bibtexparser failed on {len(library.failed_blocks)} blocks"
    entries = {e.key: (e.entry_type, {k: f.value for k, f in e.fields_dict.items()}) for e in library.entries}
else:  # bibtexparser 1
    database = bibtexparser.loads(bib)
    entries = {e["ID"]: (e["ENTRYTYPE"], {k: v for k, v in e.items() if k not in ("ID", "ENTRYTYPE")})
               for e in database.entries}
assert len(entries) == len(items), f"{name}: bibtexparser read {len(entries)} entries, CSL-JSON has {len(items)}"
names = {"title": "title", "URL": "url", "issued": "date", "accessed": "urldate", "container-title": "organization"}
def iso(date):
    return "-".join(f"{part:04d}" if i == 0 else f"{part:02d}" for i, part in enumerate(date["date-parts"][0]))
for item in items:
    assert item["id"] in entries, f"{name}: {item['id']} missing from the BibTeX"
    kind, fields = entries[item["id"]]
    expected = {bib_name for csl, bib_name in names.items() if csl in item}
    assert kind == "online" and set(fields) == expected, f"{name}: {item['id']}: fields {sorted(fields)}, want {sorted(expected)}"
    assert all(value.strip() for value in fields.values()), f"{name}: {item['id']}: an empty field"
    for csl, bib_name in (("issued", "date"), ("accessed", "urldate")):
        if csl in item:
            assert fields[bib_name] == iso(item[csl]), f"{name}: {item['id']}: {bib_name} {fields[bib_name]}"

# RIS: TY first, ER last, every line `TAG  - value`, one record per source.
ris = open(f"{out}/sources.ris", encoding="utf-8", newline="").read()
assert ris.endswith("ER  - \r\n"), f"{name}: RIS does not end with ER"
records, record = [], None
for number, line in enumerate(ris.split("\r\n")[:-1], 1):
    match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
    assert match, f"{name}: RIS line {number} is not TAG  - value: {line!r}"
    tag, value = match.groups()
    if tag == "TY":
        assert record is None and value == "ELEC", f"{name}: RIS line {number}: TY inside a record"
        record = {}
    elif tag == "ER":
        assert record is not None and value == "", f"{name}: RIS line {number}: ER outside a record"
        records.append(record)
        record = None
    else:
        assert record is not None, f"{name}: RIS line {number}: {tag} outside a record"
        record[tag] = value
assert [r.get("ID") for r in records] == ids, f"{name}: RIS ids differ from the CSL-JSON ids"
assert all(r["UR"] == item["URL"] for r, item in zip(records, items)), f"{name}: RIS URLs differ"
print(f"citations export e2e: {name}: {len(items)} sources through pandoc --citeproc, bibtexparser and RIS")
PY
done

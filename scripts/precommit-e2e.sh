#!/usr/bin/env bash
# End-to-end proof of the pre-commit hook: a temporary git repository uses this
# checkout's .pre-commit-hooks.yaml through the README's example configuration (repo: this
# path, rev: HEAD), a commit of an essay
# with an undefined citation must be refused with the finding shown, and a clean
# essay must commit. Installs pre-commit into .build/precommit-venv when it is missing.
# Prints "pre-commit e2e: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v pre-commit >/dev/null 2>&1; then
    venv="$root/.build/precommit-venv"
    [ -x "$venv/bin/pre-commit" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pre-commit; }
    export PATH="$venv/bin:$PATH"
fi

(cd "$root" && swift build --product notekit >/dev/null)
export PATH="$(cd "$root" && swift build --show-bin-path):$PATH"
export PRE_COMMIT_HOME="$work/cache"

rev="$(git -C "$root" rev-parse HEAD)"
git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" || { echo "HEAD has no .pre-commit-hooks.yaml: commit it first" >&2; exit 2; }

repo="$work/vault"
git init -q "$repo"
cd "$repo"
git config user.name "notekit e2e"
git config user.email "e2e@example.com"
git config commit.gpgsign false
# The vault's configuration is the README's example as a user copies it, with this
# checkout and its HEAD as `repo` and `rev`.
awk '/^### pre-commit$/ { section = 1 } section && /^```yaml$/ { inside = 1; next }
     inside && /^```$/ { exit } inside' "$root/README.md" \
    | sed -E "s#^(  - repo: ).*#\1$root#; s#^(    rev: ).*#\1$rev#" > .pre-commit-config.yaml
grep -q "^    rev: $rev$" .pre-commit-config.yaml && grep -q "^      - id: notekit-lint$" .pre-commit-config.yaml \
    || { echo "README.md's pre-commit example was not found or changed shape:" >&2; cat .pre-commit-config.yaml >&2; exit 2; }
git add .pre-commit-config.yaml
git commit -q --no-verify -m "pre-commit configuration"
pre-commit install >/dev/null

passed=0 failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1" >&2; failed=$((failed + 1)); }

essay() {
    printf -- '---\ntitle: %s\ndate_created: 2025-01-01\n---\n# %s\n\nA claim.[^%s]\n\n%s\n' "$1" "$1" "$2" "$3"
}

mkdir essays
essay "Broken" zz9999 "" > essays/broken.md
git add essays/broken.md
if output="$(git commit -m "broken essay" 2>&1)"; then
    fail "a commit with an undefined citation was accepted"
elif grep -q 'essays/broken.md:7:9: error\[citation/undefined\] citation \[^zz9999\] has no definition' <<<"$output" \
    && [ "$(git rev-list --count HEAD)" = 1 ]; then
    pass "a commit with an undefined citation is refused with the finding"
else
    fail "the broken commit failed without the expected finding:"; echo "$output" >&2
fi

git rm -q --cached essays/broken.md
rm essays/broken.md
essay "Clean" ab12cd "[^ab12cd]: [Source](https://example.com)" > essays/clean.md
git add essays/clean.md
if output="$(git commit -m "clean essay" 2>&1)" && git cat-file -e HEAD:essays/clean.md; then
    pass "a clean essay commits"
else
    fail "a clean essay was refused:"; echo "$output" >&2
fi

# A note is linted with its vault as context: a copy keeping the committed essay's UUID is
# refused even though the essay itself is not part of the commit.
uuid=0f8fad5b-d9cb-469f-a165-70867728950e
printf -- '---\ntitle: Original\ndate_created: 2025-01-01\nsite_uuid: %s\n---\n# Original\n' "$uuid" > essays/original.md
git add essays/original.md
git commit -q -m "original" >/dev/null || fail "a note with a fresh UUID was refused"
printf -- '---\ntitle: Copy\ndate_created: 2025-01-01\nsite_uuid: %s\n---\n# Copy\n' "$uuid" > essays/twin.md
git add essays/twin.md
if output="$(git commit -m "copy" 2>&1)"; then
    fail "a note reusing another note's UUID was accepted"
elif grep -q 'essays/twin.md:4:12: .*\[frontmatter/duplicate-uuid\]' <<<"$output"; then
    pass "a note reusing a committed note's UUID is refused (the vault is its context)"
else
    fail "the copy failed without the expected finding:"; echo "$output" >&2
fi

echo "pre-commit e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]

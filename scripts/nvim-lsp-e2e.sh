#!/usr/bin/env bash
# A real editor: Neovim (Debian package `neovim`) headless with its built-in LSP client opens a
# note from a copy of Notes/, receives notekit's diagnostics, applies a quick fix and writes the
# file; the file on disk must then be what `notekit fix --write` makes of the same note.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nvim >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim
fi
swift build --product notekit >/dev/null
notekit="$PWD/.build/debug/notekit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
note="concepts/Levelised Cost.md"
for copy in editor cli; do
    cp -R Notes "$work/$copy"
    git init -q "$work/$copy"
done
# Exit 1 is fine: findings without a safe fix may remain.
(cd "$work/cli" && "$notekit" fix --write "$work/cli/$note" >/dev/null 2>&1) || true
cmp -s "Notes/$note" "$work/cli/$note" && { echo "nvim-lsp-e2e: notekit fix changed nothing in $note" >&2; exit 1; }
VAULT="$work/editor" NOTE="$note" RULE="body/dash-rule" NOTEKIT="$notekit" \
    timeout 60 nvim --headless --clean -c "luafile scripts/nvim-lsp-e2e.lua"
if ! cmp -s "$work/editor/$note" "$work/cli/$note"; then
    diff -u "$work/cli/$note" "$work/editor/$note" >&2 || true
    echo "nvim-lsp-e2e: the note Neovim wrote differs from notekit fix's" >&2
    exit 1
fi
echo "nvim-lsp-e2e: the note Neovim wrote is the one notekit fix writes"

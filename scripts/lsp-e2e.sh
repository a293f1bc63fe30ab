#!/usr/bin/env bash
# notekit lsp driven as an editor drives it, by pytest-lsp (PyPI) over stdio on a copy of Notes/:
# diagnostics, incremental changes, code actions (fix all = notekit fix --write), completion,
# rename, unknown methods. Installs pytest-lsp when missing; builds the debug binary when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import pytest_lsp" 2>/dev/null; then
    python3 -m pip install --quiet pytest-lsp
fi
[ -x .build/debug/notekit ] || swift build --product notekit
export NOTEKIT_BIN="${NOTEKIT_BIN:-$PWD/.build/debug/notekit}"
cd tests/lsp
timeout 120 python3 -m pytest -q -p no:cacheprovider

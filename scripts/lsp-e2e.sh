#!/usr/bin/env bash
# notekit lsp driven as an editor drives it, by pytest-lsp (PyPI) over stdio on a copy of Notes/:
# diagnostics, incremental changes, code actions (fix all = notekit fix --write), completion,
# rename, unknown methods. Installs pytest-lsp (in .build/lsp-venv) when missing; builds the debug binary.
set -euo pipefail
cd "$(dirname "$0")/.."
python=python3
if ! python3 -c "import pytest_lsp" 2>/dev/null; then
    venv="$PWD/.build/lsp-venv"
    [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import pytest_lsp" 2>/dev/null \
        || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pytest-lsp; }
    python="$venv/bin/python"
fi
swift build --product notekit >/dev/null
export NOTEKIT_BIN="${NOTEKIT_BIN:-$PWD/.build/debug/notekit}"
cd tests/lsp
timeout 120 "$python" -m pytest -q -p no:cacheprovider

#!/usr/bin/env sh
# Writes the commit notekit is built from into a git-ignored Swift file (see BuildCommit in
# Sources/NoteLintReporters/NotekitTool.swift): `notekit --version` prints it. "-dirty" marks
# a checkout with uncommitted changes; outside git it is "unknown". The file is rewritten
# only when it changes, so builds stay incremental.
set -eu
cd "$(dirname "$0")/.."
file=Sources/NoteLintReporters/BuildCommitHash.swift
hash=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$hash" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then hash="$hash-dirty"; fi
text=$(printf '// Written by scripts/build-commit.sh (git-ignored): the commit notekit was built from.\nextension BuildCommit {\n    static var hash: String { "%s" }\n}' "$hash")
[ "$(cat "$file" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" > "$file"

#!/usr/bin/env bash
# Builds the embedding example against this checkout's WekaQL library, runs it, and compares what it
# prints with expected-output.txt. `WEKAQL_RECORD=1 Examples/Embedding/run.sh` rewrites that file instead.
# The build goes to this folder's own .build, so it never waits on the main package's build.
set -euo pipefail
cd "$(dirname "$0")"

swift build -q --product weka-brief
actual="$(mktemp)"
trap 'rm -f "$actual"' EXIT
"$(swift build --show-bin-path)/weka-brief" > "$actual"

if [ "${WEKAQL_RECORD:-}" = 1 ]; then
    cp "$actual" expected-output.txt
    echo "Examples/Embedding: recorded expected-output.txt; review the diff"
elif diff -u expected-output.txt "$actual"; then
    echo "Examples/Embedding: output matches expected-output.txt"
else
    echo "Examples/Embedding: output differs from expected-output.txt (above); WEKAQL_RECORD=1 $0 re-records it" >&2
    exit 1
fi

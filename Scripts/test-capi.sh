#!/usr/bin/env bash
# The C API's tests: builds libWekaQLC.so (debug), compiles and runs Tests/CAPI/capi_test.c against
# wekaql.h, then runs the Python ctypes example and compares its output with the expected one.
# `./dev.sh test` runs it; WEKAQL_RECORD=1 re-records the Python example's expected output.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -q --product WekaQLC
lib="$(swift build --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cc -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -o "$work/capi_test" Tests/CAPI/capi_test.c \
    -I Sources/WekaQLC/include -L "$lib" -lWekaQLC -Wl,-rpath,"$lib" -lpthread
echo "C API test (Tests/CAPI/capi_test.c):"
"$work/capi_test"

python3 Examples/Python/wekaql_query.py "$lib/libWekaQLC.so" > "$work/python.txt"
if [ "${WEKAQL_RECORD:-}" = 1 ]; then
    cp "$work/python.txt" Examples/Python/expected-output.txt
    echo "Examples/Python: recorded expected-output.txt; review the diff"
elif diff -u Examples/Python/expected-output.txt "$work/python.txt"; then
    echo "Examples/Python: output matches expected-output.txt"
else
    echo "Examples/Python: output differs from expected-output.txt (above)" >&2
    exit 1
fi

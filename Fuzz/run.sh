#!/usr/bin/env bash
# Builds and runs the libFuzzer targets: `query` (programs through lexer, parser, checker, evaluator,
# renderers) and `data` (bytes through the CSV, JSON and JSON-lines loaders).
#
#   Fuzz/run.sh [RUNS] [TARGET…]     RUNS defaults to 1000000; TARGET is query and/or data (default both)
#
# Each target is built with swiftc from Fuzz/TARGET.swift plus every library source, so internal names such
# as CSVLoader are visible, plus the built-in dataset as Swift source (SwiftPM makes that with .embedInCode;
# this script writes the same thing). Inputs that crash, time out or run out of memory go to Fuzz/crashes/;
# keep each as a regression in Fuzz/regressions/ once understood. New corpus inputs stay in the build
# folder, so the checked-in seeds in Fuzz/corpus/TARGET stay small. More libFuzzer flags: FUZZ_FLAGS="…".
# FUZZ_SANITIZE=fuzzer builds without AddressSanitizer: nearly four times as many inputs a second, with
# Swift's own checks (bounds, overflow, unwrapping) still trapping; the default is fuzzer,address.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-1000000}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(query data)
build=${FUZZ_BUILD:-$root/.build-fuzz}
mkdir -p "$build" Fuzz/crashes

# The built-in dataset as `PackageResources.weka_ii_json`, byte for byte what .embedInCode generates.
resources="$build/embedded_resources.swift"
{
    printf 'struct PackageResources {\nstatic let weka_ii_json: [UInt8] = ['
    od -An -v -tu1 Sources/WekaQL/Dataset/weka-ii.json | tr -s ' \n' ',,' | sed 's/^,//; s/,$//'
    printf ']\n}\n'
} > "$resources"

declare -A max_len=([query]=1024 [data]=8192)
status=0
for target in "${targets[@]}"; do
    case "$target" in query) entry=Fuzz/QueryFuzzer.swift ;; data) entry=Fuzz/DataFuzzer.swift ;;
        *) echo "unknown target $target (query or data)" >&2; exit 64 ;; esac
    echo "== building $target"
    # A snapshot of the sources, so that an edit made while swiftc runs does not fail the build.
    rm -rf "$build/src" "$build/$target-fuzzer" && mkdir -p "$build/src" && cp -R Sources/WekaQL "$build/src/" && cp "$entry" "$build/src/"
    if [ "$target" = data ]; then
        # Small inputs must reach the CSV loader's two-thread parse (from 4 MB) and the re-typing of a
        # column whose first 2,048 rows misled: lower both thresholds in this build only.
        loader="$build/src/WekaQL/Loading/CSVLoader.swift"
        sed -i -E 's/static let parallelThreshold = [^/]*/static let parallelThreshold = 64 /; s/static let sampleSize = [^/]*/static let sampleSize = 3 /' "$loader"
        grep -q 'parallelThreshold = 64' "$loader" && grep -q 'sampleSize = 3' "$loader" \
            || echo "warning: CSVLoader's thresholds not found; the data fuzzer will not reach its parallel parse" >&2
        # And the longest value a file may hold (256 MB), so that inputs of a few KB reach error E0508.
        limits="$build/src/WekaQL/Loading/DataLoader.swift"
        sed -i -E 's/maximumValueBytes = 256 << 20/maximumValueBytes = 300/' "$limits"
        grep -q 'maximumValueBytes = 300' "$limits" || echo "warning: the value limit was not found; E0508 is not fuzzed" >&2
    fi
    # -O for speed; the library's own sources, the resource and the entry point are one module.
    nice -n 10 swiftc -sanitize="${FUZZ_SANITIZE:-fuzzer,address}" -parse-as-library -O -swift-version 6 -module-name WekaQL \
        $(find "$build/src" -name '*.swift' | sort) "$resources" -o "$build/$target-fuzzer" 2>&1 \
        | grep -v "ld.gold: warning: Cannot export local symbol '__asan" || true
    [ -x "$build/$target-fuzzer" ] || { echo "== $target: build failed" >&2; exit 1; }
    mkdir -p "$build/corpus/$target"
    dict=(); [ -f "Fuzz/$target.dict" ] && dict=(-dict="Fuzz/$target.dict")
    echo "== running $target for $runs inputs"
    # -detect_leaks=0: Swift keeps enum tags in pointers' spare bits, so LeakSanitizer cannot follow them and
    # reports the lazily decoded built-in tables (reachable from a global) as leaked at exit. Real growth
    # still fails the run through -rss_limit_mb.
    # No allocation stacks and a smaller quarantine: ASan's bookkeeping per malloc was a third of the time.
    # To see where a reported block was allocated, replay the input with ASAN_OPTIONS unset.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=32}
    # Swift's own crash backtracer would catch a trap before libFuzzer does (and trips ASan reading memory):
    # leave crashes to libFuzzer, which saves the input and prints the stack.
    export SWIFT_BACKTRACE=enable=no
    before=$(ls Fuzz/crashes | grep -c "^$target-" || true)
    # shellcheck disable=SC2086
    if ! nice -n 10 "$build/$target-fuzzer" -runs="$runs" -max_len="${max_len[$target]}" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
        -print_final_stats=1 -artifact_prefix="$root/Fuzz/crashes/$target-" "${dict[@]}" ${FUZZ_FLAGS:-} \
        "$build/corpus/$target" "Fuzz/corpus/$target"; then
        if [ "$(ls Fuzz/crashes | grep -c "^$target-" || true)" -gt "$before" ]; then
            echo "== $target: found a failing input, see Fuzz/crashes/" >&2
        else
            echo "== $target: stopped before the end (interrupted?), with no failing input" >&2
        fi
        status=1
    fi
done
exit $status

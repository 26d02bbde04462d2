#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own build folder.
#
#   Scripts/sanitize.sh [address] [thread]     (default: both, one after the other)
#
# Slow: each is a full debug build with instrumentation, then the suite (ConcurrentUseTests gives TSan
# threads to watch). On two cores allow 10–20 minutes per sanitizer. Extra `swift test` arguments can be
# passed in SANITIZE_TEST_FLAGS, for example SANITIZE_TEST_FLAGS="--filter LimitTests".
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

# LeakSanitizer is off: Swift keeps enum tags in pointers' spare bits, so it cannot follow them and reports
# memory held by globals (the built-in dataset) as leaked at exit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:second_deadlock_stack=1}

status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in address) scratch=.build-asan ;; thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer $sanitizer (address or thread)" >&2; exit 64 ;; esac
    echo "== swift test --sanitize=$sanitizer (in $scratch)"
    # shellcheck disable=SC2086
    if nice -n 10 swift test --sanitize="$sanitizer" --scratch-path "$scratch" ${SANITIZE_TEST_FLAGS:-}; then
        echo "== $sanitizer: clean"
    else
        echo "== $sanitizer: FAILED (see the report above)" >&2
        status=1
    fi
done
exit $status

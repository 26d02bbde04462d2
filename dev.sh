#!/usr/bin/env bash
# wekaql's one entry point for people and CI: installs what is missing, builds, runs.
#   ./dev.sh shell     set up, build (release), start the interactive shell on the built-in data
#   ./dev.sh test      set up, then run the whole test suite (swift test, the DuckDB differential test, the
#                    cross-engine test on SQLite, PostgreSQL and DuckDB, the embedding example, the Neovim LSP test,
#                    wekaql fmt --check Examples/*.wql)
#   ./dev.sh build     set up and build the release binary: .build/release/wekaql
#   ./dev.sh install   build, then copy wekaql to $PREFIX/bin (default /usr/local/bin)
#   ./dev.sh capi      build the C API (release): .build/capi/libWekaQLC.so and wekaql.h
#   ./dev.sh docs      build the WekaQL library's DocC documentation; a broken symbol link fails
#   ./dev.sh spark     run the cross-engine corpus on Spark in local mode (pyspark, Java 17); not in test
#   ./dev.sh setup     only install the system packages wekaql needs (libedit-dev, pkg-config)
set -euo pipefail
cd "$(dirname "$0")"

setup() {
    local need=()
    [ -f /usr/include/histedit.h ] || need+=(libedit-dev)   # the header to build; the shell loads libedit.so.2 at run time
    command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
    [ ${#need[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "wekaql needs the libedit development files (${need[*]}); install them with your package manager" >&2
        echo "(macOS: brew install libedit pkg-config)" >&2
        exit 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
            echo "wekaql needs: ${need[*]}. Run as root: apt-get update && apt-get install -y ${need[*]}" >&2
            exit 1
        fi
    fi
    echo "Installing ${need[*]} …" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
}

# strace lets NoNetworkTests watch wekaql's system calls; without it (and no way to install it) they are skipped.
# neovim is the independent LSP client of Scripts/editor/nvim-lsp-test.sh.
test_tools() {
    local need=()
    command -v strace >/dev/null 2>&1 || need+=(strace)
    command -v nvim >/dev/null 2>&1 || need+=(neovim)
    [ ${#need[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 && sudo=(sudo -n) || return 0; fi
    local install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}")
    "${install[@]}" >/dev/null 2>&1 || { "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 && "${install[@]}" >/dev/null 2>&1; } \
        || echo "${need[*]} not installed: the no-network tests (strace) or the Neovim LSP test (neovim) will be skipped" >&2
}

# sqlite3 (and libsqlite3, which --db loads at run time) for HostileSQLTests and the cross-engine test.
sqlite_tools() {
    command -v sqlite3 >/dev/null 2>&1 && return 0
    command -v apt-get >/dev/null 2>&1 || return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 && sudo=(sudo -n) || return 0; fi
    local install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3)
    "${install[@]}" >/dev/null 2>&1 || { "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 && "${install[@]}" >/dev/null 2>&1; } \
        || echo "sqlite3 not installed: the SQLite tests will be skipped" >&2
}

# PostgreSQL's server (initdb, postgres, pg_ctl) and its contrib extensions (unaccent) for
# PostgresDatabaseTests, which start a throwaway server (Scripts/postgres-test-server.sh); in CI they fail
# rather than skip without it. libpq, which --db postgresql://… loads at run time, comes with them.
postgres_tools() {
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1 && return 0
    command -v apt-get >/dev/null 2>&1 || return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 && sudo=(sudo -n) || return 0; fi
    local install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib)
    "${install[@]}" >/dev/null 2>&1 || { "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 && "${install[@]}" >/dev/null 2>&1; } \
        || echo "postgresql not installed: the PostgreSQL tests will be skipped (and fail in CI)" >&2
}

build() { swift build -c release --static-swift-stdlib --product wekaql; }

# The differential test against DuckDB (Scripts/differential/run.py), on the debug binary `swift test` built.
# It needs Python 3 and the duckdb package, installed with pip when missing. When they cannot be had, CI
# (CI=true) fails; elsewhere the step is skipped with a warning.
differential() {
    local why=""
    if ! command -v python3 >/dev/null 2>&1; then why="python3 is not installed"
    elif ! python3 -c 'import duckdb' >/dev/null 2>&1; then
        echo "Installing the duckdb Python package for the differential test …" >&2
        python3 -m pip install --quiet --disable-pip-version-check duckdb >/dev/null 2>&1 \
            || python3 -m pip install --quiet --disable-pip-version-check --user duckdb >/dev/null 2>&1 \
            || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages duckdb >/dev/null 2>&1 || true
        python3 -c 'import duckdb' >/dev/null 2>&1 || why="the duckdb Python package could not be installed (python3 -m pip install duckdb)"
    fi
    if [ -n "$why" ]; then
        if [ "${CI:-}" = "true" ]; then echo "differential test: $why" >&2; return 1; fi
        echo "warning: differential test against DuckDB skipped: $why" >&2
        return 0
    fi
    python3 Scripts/differential/run.py --self-test --wekaql "$(swift build --show-bin-path)/wekaql"
    python3 Scripts/differential/run.py --quiet --programs 2000 --seed 20 --wekaql "$(swift build --show-bin-path)/wekaql"
}

# The cross-engine test (Scripts/cross-engine/run.py): the SQL corpus and 1,500 generated programs in memory,
# on SQLite (`--db`), on a throwaway PostgreSQL server (`--db postgresql://…`) and on DuckDB (the `duckdb` command of the duckdb-cli Python package, installed with pip
# when missing). As for the differential test, CI fails when it cannot run; elsewhere it is skipped.
cross_engine() {
    local why=""
    local has_cli='import duckdb_cli, os, sys; sys.exit(not os.access(os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb"), os.X_OK))'
    if ! command -v python3 >/dev/null 2>&1; then why="python3 is not installed"
    elif ! python3 -c "$has_cli" >/dev/null 2>&1 && ! command -v duckdb >/dev/null 2>&1; then
        echo "Installing the duckdb-cli Python package for the cross-engine test …" >&2
        python3 -m pip install --quiet --disable-pip-version-check duckdb-cli >/dev/null 2>&1 \
            || python3 -m pip install --quiet --disable-pip-version-check --user duckdb-cli >/dev/null 2>&1 \
            || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages duckdb-cli >/dev/null 2>&1 || true
        python3 -c "$has_cli" >/dev/null 2>&1 || command -v duckdb >/dev/null 2>&1 \
            || why="the duckdb command could not be installed (python3 -m pip install duckdb-cli)"
    fi
    if [ -n "$why" ]; then
        if [ "${CI:-}" = "true" ]; then echo "cross-engine test: $why" >&2; return 1; fi
        echo "warning: cross-engine test skipped: $why" >&2
        return 0
    fi
    # With PostgreSQL: the script starts a throwaway server (Scripts/postgres-test-server.sh, as the user
    # postgres when run as root) and stops it after.
    python3 Scripts/cross-engine/run.py --programs 1500 --seed 18 --wekaql "$(swift build --show-bin-path)/wekaql"
}

# The DocC catalogue (Sources/WekaQL/WekaQL.docc) and every /// comment of the public API, with warnings
# (a broken ``symbol`` link, an undocumented parameter) as errors. The archive is .build/plugins/Swift-DocC.
docs() { swift package --disable-sandbox generate-documentation --target WekaQL --warnings-as-errors; }

capi() {
    swift build -c release --product WekaQLC
    mkdir -p .build/capi
    cp "$(swift build -c release --show-bin-path)/libWekaQLC.so" Sources/WekaQLC/include/wekaql.h .build/capi/
    echo "built .build/capi/libWekaQLC.so and .build/capi/wekaql.h"
}

# Exact decimal sums, averages and arithmetic against Python's decimal module (Scripts/decimal-sums.py).
decimal_sums() {
    if command -v python3 >/dev/null 2>&1; then python3 Scripts/decimal-sums.py --wekaql "$(swift build --show-bin-path)/wekaql"
    else echo "warning: decimal sums check skipped: python3 is not installed" >&2; fi
}

# The Spark SQL run (Scripts/spark/run.py): the cross-engine corpus on Spark in local mode, against wekaql in
# memory. pyspark (from PyPI) is installed with pip when missing; it needs Java 17. Not part of `test` (slow).
spark() {
    if ! python3 -c 'import pyspark' >/dev/null 2>&1; then
        echo "Installing pyspark for the Spark run …" >&2
        python3 -m pip install --quiet --disable-pip-version-check pyspark >/dev/null 2>&1 \
            || python3 -m pip install --quiet --disable-pip-version-check --user pyspark >/dev/null 2>&1 \
            || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pyspark >/dev/null 2>&1 || true
    fi
    command -v java >/dev/null 2>&1 || { echo "spark: java is not installed (Spark needs Java 17)" >&2; return 1; }
    swift build --product wekaql
    python3 Scripts/spark/run.py --wekaql "$(swift build --show-bin-path)/wekaql" "$@"
}

case "${1:-}" in
    setup) setup ;;
    build) setup; build ;;
    shell) setup; build; shift; exec .build/release/wekaql "$@" ;;
    test) setup; test_tools; sqlite_tools; postgres_tools; shift; swift test "$@"; differential; cross_engine; decimal_sums; Examples/Embedding/run.sh
        Scripts/editor/nvim-lsp-test.sh "$(swift build --show-bin-path)/wekaql"
        "$(swift build --show-bin-path)/wekaql" fmt --check Examples/*.wql
        Scripts/test-capi.sh; docs ;;
    capi) setup; capi ;;
    docs) setup; docs ;;
    spark) setup; shift; spark "$@" ;;
    install) setup; build; install -d "${PREFIX:-/usr/local}/bin"; install -m 755 .build/release/wekaql "${PREFIX:-/usr/local}/bin/wekaql"
        echo "installed ${PREFIX:-/usr/local}/bin/wekaql" ;;
    *) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 64 ;;
esac

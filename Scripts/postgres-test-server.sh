#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb into a new temporary folder, listening on a Unix
# socket in that folder only (listen_addresses = ''), trust authentication for the one local user.
#   Scripts/postgres-test-server.sh start [OWNER_PID]   prints the folder; the server stops by itself when
#                                                      process OWNER_PID ends (default: this script's parent)
#   Scripts/postgres-test-server.sh stop FOLDER         stops the server and removes the folder
# Connect with: postgresql:///wekaql?host=FOLDER&user=wekaql (port 5432 of the socket in FOLDER).
# PostgreSQL refuses to run as root: as root, the server runs as the user `postgres` (the Debian package's),
# created when missing, and the folder belongs to it.
set -euo pipefail
# The server and the watchdog outlive this script: they must not hold a descriptor of its caller's (a test
# process waits until every holder of one it passed has closed it). 255 is bash's own, the script.
for fd in /proc/$$/fd/*; do
    n=${fd##*/}
    if [ "$n" -gt 2 ] && [ "$n" -ne 255 ]; then eval "exec $n>&-" 2>/dev/null || true; fi
done

bin=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    [ -x "$candidate/initdb" ] && { bin=$candidate; break; }
done
[ -z "$bin" ] && command -v initdb >/dev/null 2>&1 && bin=$(dirname "$(command -v initdb)")
[ -n "$bin" ] || { echo "postgres-test-server: initdb not found (apt-get install postgresql)" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    owner=${2:-$PPID}
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi
    folder=$(mktemp -d /tmp/wekaql-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
    chmod 700 "$folder"
    as_owner "$bin/initdb" -D "$folder/data" -U wekaql --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
        || { cat "$folder/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$folder' -c port=5432 -c fsync=off -c max_connections=40" start >/dev/null \
        || { cat "$folder/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -q -h "$folder" -U wekaql -d postgres -c "CREATE DATABASE wekaql" >/dev/null
    # Stops the server when its owner ends, should nobody call stop.
    ( while kill -0 "$owner" 2>/dev/null; do sleep 2; done
      [ -d "$folder/data" ] && as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1; rm -rf "$folder" ) \
        </dev/null >/dev/null 2>&1 &
    echo "$folder"
    ;;
stop)
    folder=${2:?folder}
    case "$folder" in /tmp/wekaql-pg.*) ;; *) echo "postgres-test-server: not a test server folder: $folder" >&2; exit 2 ;; esac
    [ -d "$folder/data" ] && as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
psql)
    # psql on the test server's database: Scripts/postgres-test-server.sh psql FOLDER [psql arguments]
    folder=${2:?folder}; shift 2
    exec "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$folder" -U wekaql -d wekaql "$@"
    ;;
*)
    sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 64 ;;
esac

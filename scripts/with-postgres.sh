#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: a temporary data directory and a free port on loopback.
# The command gets KRAPTE_TEST_POSTGRES=postgres://krapte@127.0.0.1:PORT/krapte; the cluster is stopped and
# removed afterwards, whatever the command's outcome. Needs Debian's postgresql package. The cluster is thrown away,
# so it does not wait for the disk on each commit (fsync off): that keeps the suite's many small databases quick.
#   scripts/with-postgres.sh swift test
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    exit 1
fi
dir=$(mktemp -d /tmp/krapte-pg-XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# PostgreSQL does not run as root: run it as the postgres user then.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
stop() {
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
as_owner "$bin/initdb" -D "$dir/data" -U krapte --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U krapte krapte
export KRAPTE_TEST_POSTGRES="postgres://krapte@127.0.0.1:$port/krapte"
echo "PostgreSQL on 127.0.0.1:$port ($dir)" >&2
"$@"

#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server (Debian's postgresql package) on
# loopback, exported as DATABASE_URL, and removes the server afterwards.
#   scripts/pg/with-postgres.sh <command...>
# Tests run it without fsync (faster, and a test database is thrown away). PG_DURABLE=1
# keeps fsync, synchronous_commit and full_page_writes on, as a production server runs:
# the benchmarks set it, so their numbers include the cost of durable commits.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL is missing: installing Debian's postgresql package" >&2
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql) >&2
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL is not installed. Install it with: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi
dir=$(mktemp -d /tmp/sts-pg.XXXXXX)
port=${PG_PORT:-$((20000 + RANDOM % 20000))}
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
# Tests trade durability for speed; PG_DURABLE=1 (the benchmarks) keeps fsync,
# synchronous_commit and full_page_writes on, as production runs.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_DURABLE:-}" = 1 ] && durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability" start >/dev/null
cleanup() { run "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres sts_rollout
export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/sts_rollout"
"$@"

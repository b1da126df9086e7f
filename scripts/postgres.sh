#!/usr/bin/env bash
# Throwaway PostgreSQL clusters on loopback, for tests and benchmarks (nothing here is for
# production data: fsync is off and every local connection is trusted).
#
#   scripts/postgres.sh install    install Debian's postgresql if its server binaries are missing
#   scripts/postgres.sh start      init and start a cluster in a new temp dir on a free port;
#                                  prints DATABASE_URL=... and PGDIR=... (one per line)
#   scripts/postgres.sh stop DIR   stop the cluster started in DIR and delete DIR
#
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

install() {
  if bindir >/dev/null; then return 0; fi
  log "PostgreSQL server binaries not found: installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  # Only the binaries: no cluster of its own listening on 5432.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    as_root mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  if ! as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q postgresql >&2; then
    as_root apt-get -o DPkg::Lock::Timeout=300 update -q >&2
    as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q postgresql >&2
  fi
  bindir >/dev/null || { log "postgresql installed but initdb/pg_ctl not found"; return 1; }
}

free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  else
    echo $((20000 + RANDOM % 40000))
  fi
}

start() {
  install
  local bin dir port attempt
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/backup-kit-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync --no-instructions >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  # Another process may take the port between choosing and binding it: try a few.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >&2; then
      echo "$port" >"$dir/port"
      echo "DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres"
      echo "PGDIR=$dir"
      return 0
    fi
    log "start on port $port failed (attempt $attempt)"
  done
  tail -n 20 "$dir/postgres.log" >&2 || true
  rm -rf "$dir"
  return 1
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  # Refuse anything that is not a cluster this script made.
  [ -f "$dir/data/PG_VERSION" ] || { log "$dir is not a cluster started by this script"; return 1; }
  as_postgres "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 install | start | stop DIR" >&2; exit 2 ;;
esac

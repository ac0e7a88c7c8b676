# A throwaway PostgreSQL cluster for the store tests, sourced by .ci/run (and usable by hand:
# `source .ci/postgres.sh && pg_start && npm test`). It uses the newest server in
# /usr/lib/postgresql/*/bin, installing Debian's `postgresql` package when there is none, and runs
# initdb in a temp folder as the `postgres` user (created if missing: CI runs as root and the
# server refuses to run as root), listening on a free port of 127.0.0.1 only, with trust
# authentication (nothing but this machine can reach it). pg_start exports PG_TEST_URL and
# REQUIRE_PG=1, so the PostgreSQL tests fail instead of skipping when the server is not there;
# pg_stop stops the cluster with pg_ctl and removes its folder.

pg_newest_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

pg_bin_dir() {
  local dir
  dir=$(pg_newest_bin)
  if [ -z "$dir" ]; then
    echo "postgres: no server in /usr/lib/postgresql; installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 || return 1
    dir=$(pg_newest_bin)
  fi
  [ -n "$dir" ] || { echo "postgres: no PostgreSQL server found after installing" >&2; return 1; }
  echo "$dir"
}

# Runs a server binary as the postgres user when we are root, as ourselves otherwise.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

pg_start() {
  PG_BIN=$(pg_bin_dir) || return 1
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
  # Under /tmp, not $TMPDIR: the postgres user must be able to reach the folder.
  PG_TMP=$(mktemp -d /tmp/eu-china-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TMP"; fi
  local port
  port=$(pg_free_port)
  # --no-sync and fsync=off: a throwaway cluster need not survive a power cut, and start-up is faster.
  pg_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_TMP -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_TMP/server.log" >&2; return 1; }
  export PG_TEST_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export REQUIRE_PG=1
  echo "postgres: $("$PG_BIN/postgres" --version) listening on 127.0.0.1:$port (PG_TEST_URL=$PG_TEST_URL)"
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ] || return 0
  if [ -f "$PG_TMP/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || kill -9 "$(head -n 1 "$PG_TMP/data/postmaster.pid")" 2>/dev/null || true
  fi
  rm -rf "$PG_TMP"
  PG_TMP=
}

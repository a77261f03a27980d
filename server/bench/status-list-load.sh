#!/usr/bin/env bash
# GET /status/revocation under wrk for one server jar, on a fresh embedded H2 data folder (demo data) or
# a fresh PostgreSQL database (127.0.0.1:5432, user postgres), 127.0.0.1 only. Compare builds by running
# it for each jar in turn. Needs wrk (and psql for PostgreSQL). JAVA names a JDK 21+ java if the default is older.
# Usage: server/bench/status-list-load.sh JAR NAME [h2|postgresql] [seconds] [connections]
set -euo pipefail
jar="$1"; name="$2"; db="${3:-h2}"; seconds="${4:-15}"; connections="${5:-16}"
java="${JAVA:-java}"
port=18097
work=$(mktemp -d)
env=(IOTSEAL_DATA_DIR="$work/data" IOTSEAL_PORT=$port)
if [ "$db" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists iotseal_statusbench" \
    -c "create database iotseal_statusbench"
  env+=(IOTSEAL_DB_URL=jdbc:postgresql://127.0.0.1:5432/iotseal_statusbench IOTSEAL_DB_USER=postgres)
fi
env "${env[@]}" "$java" -jar "$jar" >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
  if [ "$db" = postgresql ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists iotseal_statusbench"
  fi
}
trap cleanup EXIT
for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$port/status/revocation" && break; sleep 0.5; done
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/status/revocation" >/dev/null
# On PostgreSQL also the database transactions per request (each statement outside a transaction is
# one): a figure the machine's load does not blur. Statistics reach pg_stat_database within a second or so.
xacts() {
  psql -qtA -h 127.0.0.1 -U postgres -d postgres \
    -c "select xact_commit + xact_rollback from pg_stat_database where datname = 'iotseal_statusbench'"
}
[ "$db" = postgresql ] && sleep 3 && before=$(xacts)
echo "== $name ($db)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/status/revocation" >"$work/wrk.txt"
grep -E "Requests/sec|50%|90%|99%" "$work/wrk.txt"
if [ "$db" = postgresql ]; then
  sleep 3
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  echo "database transactions per request: $(awk -v a="$(xacts)" -v b="$before" -v r="$requests" 'BEGIN {printf "%.2f", (a - b) / r}')"
fi

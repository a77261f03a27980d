#!/usr/bin/env bash
# The label search (issue 13: p95 under 50 ms at 4 clients over 100,000 labels on PostgreSQL): starts
# the built server jar on a fresh database with [products] benchmark products (130,000 give about 100,000
# labels: one in seven products is unpublished and phones are out of scope, so only public ones get one),
# seeds them as bulk-check.sh does, and runs LabelSearchLoad.java at [concurrency] clients for [seconds].
# Everything on this machine, 127.0.0.1 only; needs PostgreSQL on 127.0.0.1:5432 with trust auth for
# postgres and a built server jar (mvn -B -q -pl server -am package -DskipTests).
# Usage: server/bench/search.sh [products=130000] [concurrency=4] [seconds=30]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-130000}"
concurrency="${2:-4}"
seconds="${3:-30}"
port=18099
db=iotseal_bench_search
pg=(-h 127.0.0.1 -U postgres)
url="http://127.0.0.1:$port"

java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
  v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1); [ "${v:-0}" -ge 21 ] && echo "$v $j"
done | sort -n | tail -n1 | cut -d' ' -f2)

psql "${pg[@]}" -d postgres -q -c "drop database if exists $db" -c "create database $db"
data=$(mktemp -d)
IOTSEAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" IOTSEAL_DB_USER=postgres IOTSEAL_PORT=$port \
  IOTSEAL_DATA_DIR="$data" IOTSEAL_DEMO_DATA=true "$java_bin" -jar "$root/server/target/iotseal-server.jar" >"$data/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  curl -s -o /dev/null "$url/api/v1/labels" && break
  kill -0 $server 2>/dev/null || { cat "$data/log" >&2; exit 1; }
  sleep 0.5
done

psql "${pg[@]}" -d $db -q -v n="$n" -f "$root/server/bench/seed.sql" >/dev/null
psql "${pg[@]}" -d $db -q -f "$root/server/bench/seed-labels.sql" >/dev/null
echo "labels: $(psql "${pg[@]}" -d $db -tAq -c 'select count(*) from label')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$java_bin" "$root/server/bench/LabelSearchLoad.java" "$url" "$concurrency" "$seconds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${EXPLAIN:-}" ]; then
  # The plans of the slowest kinds, for the record (EXPLAIN=1).
  psql "${pg[@]}" -d $db -c "explain analyze select l.id from label l join product p on p.id = l.product_id where p.published = true and p.in_scope = true order by l.issued desc, l.id desc limit 20 offset 980" \
    -c "explain analyze select count(*) from label l join product p on p.id = l.product_id where p.published = true and p.in_scope = true"
fi

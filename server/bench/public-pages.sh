#!/usr/bin/env bash
# The public site's pages under load (issue 14, ADR 0084), with wrk (Debian package wrk), everything on
# 127.0.0.1:
#   registry  the registry search page /registry over [products] benchmark products on PostgreSQL (130,000
#             give about 100,000 labels, seeded as bulk-check.sh does), 4 connections, a mix of facets and
#             pages (public-pages-registry.lua); target p95 under 100 ms;
#   label     one label's public page /l/{id} on the embedded default (H2 in a file, demo data),
#             32 connections; target p99 under 50 ms.
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for postgres and a built server jar
# (mvn -B -q -pl server -am package -DskipTests).
# Usage: server/bench/public-pages.sh registry|label [products=130000] [seconds=30]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
what="${1:?registry or label}"
n="${2:-130000}"
seconds="${3:-30}"
port=18097
db=iotseal_bench_public
pg=(-h 127.0.0.1 -U postgres)
url="http://127.0.0.1:$port"

java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
  v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1); [ "${v:-0}" -ge 21 ] && echo "$v $j"
done | sort -n | tail -n1 | cut -d' ' -f2)

data=$(mktemp -d)
if [ "$what" = registry ]; then
  psql "${pg[@]}" -d postgres -q -c "drop database if exists $db" -c "create database $db"
  export IOTSEAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" IOTSEAL_DB_USER=postgres
fi
IOTSEAL_PORT=$port IOTSEAL_DATA_DIR="$data" IOTSEAL_DEMO_DATA=true \
  "$java_bin" -jar "$root/server/target/iotseal-server.jar" >"$data/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  curl -s -o /dev/null "$url/api/v1/labels" && break
  kill -0 $server 2>/dev/null || { cat "$data/log" >&2; exit 1; }
  sleep 0.5
done

report='done = function(s, latency, r)
  io.write(string.format("requests %d, errors (non-2xx, socket) %d, %d\n", s.requests, s.errors.status,
    s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout))
  for _, p in ipairs({50, 90, 95, 99}) do io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000)) end
end'

if [ "$what" = registry ]; then
  psql "${pg[@]}" -d $db -q -v n="$n" -f "$root/server/bench/seed.sql" >/dev/null
  psql "${pg[@]}" -d $db -q -f "$root/server/bench/seed-labels.sql" >/dev/null
  psql "${pg[@]}" -d $db -q -c "analyze" >/dev/null
  echo "labels: $(psql "${pg[@]}" -d $db -tAq -c 'select count(*) from label')"
  cat >"$data/registry.lua" <<LUA
-- Facet combinations and pages a visitor would ask for, in turn (each connection starts at another).
local paths = {
  "/registry", "/registry?page=3", "/registry?status=valid", "/registry?status=valid&category=ROUTER",
  "/registry?category=CAMERA&page=2", "/registry?scheme=jc-star&level=star-1", "/registry?status=suspended",
  "/registry?vendor=fuji", "/registry?q=RO-4243", "/registry?validUntilAfter=2027-06-01&status=valid",
  "/registry?category=SMART_LOCK&status=valid&page=1", "/registry?status=expired",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Accept"] = "text/html", ["Accept-Language"] = "ja" })
end
$report
LUA
  for _ in $(seq 1 3); do wrk -t2 -c4 -d10s -s "$data/registry.lua" "$url" >/dev/null; done   # warm-up (JIT)
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t2 -c4 -d"${seconds}s" --timeout 10s -s "$data/registry.lua" "$url"
else
  id=$(curl -s "$url/api/v1/labels?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["labelId"])')
  echo "label: $id, page $(curl -s -H 'Accept: text/html' "$url/l/$id" | wc -c) bytes"
  cat >"$data/label.lua" <<LUA
request = function()
  return wrk.format("GET", "/l/$id", { ["Accept"] = "text/html", ["Accept-Language"] = "ja" })
end
$report
LUA
  for _ in $(seq 1 3); do wrk -t2 -c32 -d10s -s "$data/label.lua" "$url" >/dev/null; done   # warm-up (JIT)
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s "$data/label.lua" "$url"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

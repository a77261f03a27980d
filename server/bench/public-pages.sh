#!/usr/bin/env bash
# The public site's pages under load (issue 14, ADR 0084), with wrk (Debian package wrk), everything on
# 127.0.0.1:
#   registry  the registry search page /registry over [products] benchmark products on PostgreSQL (130,000
#             give about 100,000 labels, seeded as bulk-check.sh does), 4 connections, a mix of facets and
#             pages (public-pages-registry.lua); target p95 under 100 ms;
#   label     one label's public page /l/{id} on the embedded default (H2 in a file, demo data),
#             32 connections; target p99 under 50 ms.
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for postgres and a built server jar
# (mvn -B -q -pl server -am package -DskipTests; JAR= another one).
# Usage: server/bench/public-pages.sh registry|label [products=130000] [seconds=30]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
what="${1:?registry or label}"
n="${2:-130000}"
seconds="${3:-30}"
db=$(bench_db_name iotseal_bench_public)

[ "$what" = registry ] && bench_db $db
bench_start "$(bench_port 18097)" IOTSEAL_DEMO_DATA=true

report='done = function(s, latency, r)
  io.write(string.format("requests %d, errors (non-2xx, socket) %d, %d\n", s.requests, s.errors.status,
    s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout))
  for _, p in ipairs({50, 90, 95, 99}) do io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000)) end
end'

if [ "$what" = registry ]; then
  bench_seed_labels $db "$n"
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
  bench_load before
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
  bench_load before
  wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s "$data/label.lua" "$url"
fi
bench_load after

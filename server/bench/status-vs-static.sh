#!/usr/bin/env bash
# Issue 5: the public status-list endpoint under load, next to the same bytes served as a static file
# by nginx, on this machine, in the same run, 127.0.0.1 only. Needs wrk and nginx (Debian: wrk,
# nginx-light). Usage: server/bench/status-vs-static.sh [seconds] [connections]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-15}"
connections="${2:-32}"
port=18095
static_port=18096
work=$(mktemp -d)
mkdir -p "$work/www" "$work/data"

IOTSEAL_DATA_DIR="$work/data" IOTSEAL_PORT=$port "$root/iotseal" serve >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$port/status/suspension" && break; sleep 0.5; done
curl -s -o "$work/www/suspension.jwt" "http://127.0.0.1:$port/status/suspension"
echo "status list: $(wc -c <"$work/www/suspension.jwt") bytes; headers:"
curl -s -D - -o /dev/null "http://127.0.0.1:$port/status/suspension" | grep -iE '^(etag|cache-control|content-type)'

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  types { application/vc+jwt jwt; }
  server { listen 127.0.0.1:$static_port; root $work/www; etag on; }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5

# Warm both up, then measure each with the same load.
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port/status/suspension" >/dev/null
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$static_port/suspension.jwt" >/dev/null
echo "== IoTSeal /status/suspension"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/status/suspension"
echo "== nginx, the same bytes as a static file"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$static_port/suspension.jwt"

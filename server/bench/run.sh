#!/usr/bin/env bash
# Product search benchmark (issue 3): 100,000 products on PostgreSQL, a running server, a load driver.
# Everything runs on this machine and talks to 127.0.0.1 only. Needs PostgreSQL on 127.0.0.1:5432 with
# trust auth for user postgres (bash .ci/services.sh). Usage: server/bench/run.sh [products] [seconds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
seconds="${2:-30}"
port=18090
db=iotseal_bench
pg=(-h 127.0.0.1 -U postgres)

# The newest JDK 21+ under /usr/lib/jvm runs the load driver (single-file source launch).
java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
  v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1); [ "${v:-0}" -ge 21 ] && echo "$v $j"
done | sort -n | tail -n1 | cut -d' ' -f2)

psql "${pg[@]}" -d postgres -q -c "drop database if exists $db" -c "create database $db"

log=$(mktemp)
IOTSEAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" IOTSEAL_DB_USER=postgres IOTSEAL_PORT=$port \
  "$root/iotseal" serve >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log" "$jar"' EXIT
jar=$(mktemp)
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/products" && break; sleep 0.5; done
password=$(sed -n 's/^ *password: //p' "$log")

psql "${pg[@]}" -d $db -q -v n="$n" -f "$root/server/bench/seed.sql"

# An operator API token, through the login form as a person would get one.
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" >/dev/null
xsrf() { awk '/XSRF-TOKEN/{print $7}' "$jar"; }
curl -s -o /dev/null -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $(xsrf)" --data-urlencode username=admin \
  --data-urlencode "password=$password" "http://127.0.0.1:$port/login"
token=$(curl -s -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $(xsrf)" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "http://127.0.0.1:$port/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

for c in 1 2 4; do
  echo "== anonymous, concurrency $c"
  "$java_bin" "$root/server/bench/SearchLoad.java" "http://127.0.0.1:$port" "$c" "$seconds"
done
echo "== operator (sees all $n), concurrency 2"
"$java_bin" "$root/server/bench/SearchLoad.java" "http://127.0.0.1:$port" 2 "$seconds" "$token"

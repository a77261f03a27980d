#!/usr/bin/env bash
# The notification dispatcher's throughput (issue 13, ADR 0081): a running server on PostgreSQL delivers
# [events] committed outbox events to one webhook subscription whose receiver (WebhookSink.java) runs on
# this machine. Everything on 127.0.0.1. Needs PostgreSQL on 127.0.0.1:5432 with trust auth for postgres
# and a built server jar (mvn -B -q -pl server -am package -DskipTests).
# The figure is deliveries per second as the receiver counts them, from its first request to the last:
# fan-out, claim, signing, the HTTP exchange and recording each outcome all included.
# Usage: server/bench/webhooks.sh [events=20000] [concurrency=64]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-20000}"
concurrency="${2:-64}"
port=18099
sink_port=18100
db=iotseal_bench_webhooks
pg=(-h 127.0.0.1 -U postgres)
url="http://127.0.0.1:$port"

java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
  v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1); [ "${v:-0}" -ge 21 ] && echo "$v $j"
done | sort -n | tail -n1 | cut -d' ' -f2)

psql "${pg[@]}" -d postgres -q -c "drop database if exists $db" -c "create database $db"
data=$(mktemp -d)
IOTSEAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" IOTSEAL_DB_USER=postgres IOTSEAL_PORT=$port \
  IOTSEAL_DATA_DIR="$data" IOTSEAL_DEMO_DATA=false IOTSEAL_NOTIFICATIONS_CONCURRENCY="$concurrency" IOTSEAL_NOTIFICATIONS_BATCH_SIZE="$concurrency" \
  "$java_bin" -jar "$root/server/target/iotseal-server.jar" >"$data/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; kill ${sink:-} 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  curl -s -o /dev/null "$url/api/v1/labels" && break
  kill -0 $server 2>/dev/null || { cat "$data/log" >&2; exit 1; }
  sleep 0.5
done

"$java_bin" "$root/server/bench/WebhookSink.java" "$sink_port" "$n" >"$data/sink" 2>&1 &
sink=$!
for _ in $(seq 1 100); do grep -q listening "$data/sink" 2>/dev/null && break; sleep 0.2; done

# One subscription of the operator's organization to everything, and n events committed at once, as the
# outbox writes them in the transactions of the changes that cause them.
psql "${pg[@]}" -d $db -q -v ON_ERROR_STOP=1 <<SQL
insert into subscription (id, organization_id, scope, channel, url, event_types, label_ids, vendor_ids, secret,
    active, created_by, created_at, updated_at, version)
select gen_random_uuid(), id, 'ALL', 'WEBHOOK', 'http://127.0.0.1:$sink_port/hook', '', '', '',
    'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', true, 'bench', now(), now(), 1
from organization where kind = 'SCHEME_OPERATOR';
insert into notification_event (id, type, subject, public_event, data, occurred_at, fanned_out)
select gen_random_uuid(), 'label.suspended', 'BENCH' || lpad(i::text, 7, '0'), true,
    '{"labelId":"BENCH' || lpad(i::text, 7, '0') || '","status":"suspended","reason":"benchmark"}', now(), false
from generate_series(1, $n) as i;
SQL
start=$(date +%s.%N)
wait $sink
end=$(date +%s.%N)
cat "$data/sink"
python3 -c "import sys; n=int(sys.argv[1]); t=float(sys.argv[3])-float(sys.argv[2]); print(f'{n} events from commit to the last delivery: {t:.2f} s, {n/t:.0f} per second (concurrency $concurrency)')" "$n" "$start" "$end"
for _ in $(seq 1 50); do
  left=$(psql "${pg[@]}" -d $db -tAq -c "select count(*) from notification_delivery where state <> 'DELIVERED'")
  [ "$left" = 0 ] && break; sleep 0.2
done
psql "${pg[@]}" -d $db -tAq -c "select state, count(*) from notification_delivery group by state"

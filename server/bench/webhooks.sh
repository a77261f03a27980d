#!/usr/bin/env bash
# The notification dispatcher's throughput (issue 13, ADR 0081): a running server on PostgreSQL delivers
# [events] committed outbox events to one webhook subscription whose receiver (WebhookSink.java) runs on
# this machine. Everything on 127.0.0.1. Needs PostgreSQL on 127.0.0.1:5432 with trust auth for postgres
# and a built server jar (mvn -B -q -pl server -am package -DskipTests; JAR= another one).
# The figure is deliveries per second as the receiver counts them, from its first request to the last:
# fan-out, claim, signing, the HTTP exchange and recording each outcome all included.
# Usage: server/bench/webhooks.sh [events=20000] [concurrency=64]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n="${1:-20000}"
concurrency="${2:-64}"
sink_port=$(bench_port 18100)
db=$(bench_db_name iotseal_bench_webhooks)

bench_db $db
bench_start "$(bench_port 18099)" IOTSEAL_DEMO_DATA=false IOTSEAL_NOTIFICATIONS_CONCURRENCY="$concurrency" \
  IOTSEAL_NOTIFICATIONS_BATCH_SIZE="$concurrency"

"$java_bin" "$root/server/bench/WebhookSink.java" "$sink_port" "$n" >"$data/sink" 2>&1 &
sink=$!
pids+=("$sink")
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
bench_load before
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
bench_load after

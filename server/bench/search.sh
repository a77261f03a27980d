#!/usr/bin/env bash
# The label search (issue 13: p95 under 50 ms at 4 clients over 100,000 labels on PostgreSQL): starts
# the server jar on a fresh database with [products] benchmark products (130,000 give about 100,000
# labels: one in seven products is unpublished and phones are out of scope, so only public ones get one),
# seeds them as bulk-check.sh does, and runs LabelSearchLoad.java at [concurrency] clients for [seconds].
# Everything on this machine, 127.0.0.1 only; needs PostgreSQL on 127.0.0.1:5432 with trust auth for
# postgres and a built server jar (mvn -B -q -pl server -am package -DskipTests; JAR= another one).
# Usage: server/bench/search.sh [products=130000] [concurrency=4] [seconds=30]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n="${1:-130000}"
concurrency="${2:-4}"
seconds="${3:-30}"
db=$(bench_db_name iotseal_bench_search)

bench_db $db
bench_start "$(bench_port 18099)" IOTSEAL_DEMO_DATA=true
bench_seed_labels $db "$n"
bench_load before
"$java_bin" "$root/server/bench/LabelSearchLoad.java" "$url" "$concurrency" "$seconds"
bench_load after
if [ -n "${EXPLAIN:-}" ]; then
  # The plans of the slowest kinds, for the record (EXPLAIN=1).
  psql "${pg[@]}" -d $db -c "explain analyze select l.id from label l join product p on p.id = l.product_id where p.published = true and p.in_scope = true order by l.issued desc, l.id desc limit 20 offset 980" \
    -c "explain analyze select count(*) from label l join product p on p.id = l.product_id where p.published = true and p.in_scope = true"
fi

#!/usr/bin/env bash
# The retailers' bulk check (issue 13, ADR 0080): POST /api/v1/labels/check with 10,000 model numbers
# against a running server on PostgreSQL with [products] benchmark products, each public one labelled.
# Everything on this machine, 127.0.0.1 only; needs PostgreSQL on 127.0.0.1:5432 with trust auth for
# postgres and a built server jar (mvn -B -q -pl server -am package -DskipTests; JAR= another one).
# Usage: server/bench/bulk-check.sh [products=100000] [runs=50]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n="${1:-100000}"
runs="${2:-50}"
db=$(bench_db_name iotseal_bench_labels)

bench_db $db
bench_start "$(bench_port 18098)" IOTSEAL_DEMO_DATA=true
bench_seed_labels $db "$n"

# 10,000 model numbers: every other one labelled (RO-2, CA-1, ... as seed.sql names them), the rest unknown.
body="$data/check.json"
python3 - "$body" <<'PY'
import sys, json
prefix = ["RO", "CA", "SP", "LO", "PL", "TH", "HU", "SE", "TV", "PH"]
models = []
for i in range(1, 10001):
    models.append(f"{prefix[i % 10]}-{i}" if i % 2 else f"NO-SUCH-{i}")
json.dump({"modelNumbers": models}, open(sys.argv[1], "w"))
PY

check() { curl -s -o "$data/out.json" -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$body" "$url/api/v1/labels/check"; }
for _ in $(seq 1 20); do check >/dev/null; done   # warm-up (JIT) and the index's first read
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('results:', len(r), 'valid:', sum(x['valid'] for x in r))" "$data/out.json"
times="$data/times"
for _ in $(seq 1 "$runs"); do check; done >"$times"
python3 - "$times" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"bulk check of 10,000 model numbers, {len(t)} runs, ms per request on loopback: "
      f"min {t[0]:.1f}  p50 {p(0.5):.1f}  p95 {p(0.95):.1f}  max {t[-1]:.1f}")
PY

# After a change to the label table the next check re-reads the whole index first (once per change).
for _ in 1 2 3 4 5; do
  psql "${pg[@]}" -d $db -q -c "update label set updated_at = now() where label_id = 'B00000000001'"
  sleep 1.1   # past the status check interval
  check
done >"$times"
python3 -c "import sys; t=sorted(float(x)*1000 for x in open(sys.argv[1])); print('first check after a label change (index re-read), ms:', ' '.join(f'{x:.0f}' for x in t))" "$times"
bench_load after

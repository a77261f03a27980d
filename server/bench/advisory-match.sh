#!/usr/bin/env bash
# Advisory matching benchmark (issue 16, ADR 0095): 10,000 product versions x 300 components against 300,000
# advisories on PostgreSQL, divided by [scale] (default 1 = full size; 20 = the 1/20 smoke test). Times a full
# re-match (first and steady-state run) and the incremental re-match after an import of 1,000/scale changed
# advisories, with heap use. Runs AdvisoryMatchBench (server tests) in the PostgreSQL test execution, on a
# fresh schema of the database "test" at 127.0.0.1:5432 (dropped afterwards). Needs the core built offline.
# RUNS=1 leaves out the steady-state full re-match (some 10 minutes less at full size).
#   server/bench/advisory-match.sh 20
set -euo pipefail
scale=${1:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -B -o -q -pl server -am verify -Dtest=AdvisoryMatchBench -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
    -Djacoco.skip=true -Diotseal.coverage.skip=true -Diotseal.bench.scale="$scale" -Diotseal.bench.runs="${RUNS:-2}" ${BENCH_HEAP:+-DargLine=-Xmx$BENCH_HEAP} \
  | grep -E '^(Advisory matching benchmark|seeded|full re-match|incremental|heap)' || true
grep -h -E '^(Advisory matching benchmark|seeded|full re-match|incremental|heap)' \
    server/target/surefire-reports/*AdvisoryMatchBench*-output.txt 2>/dev/null || true

#!/usr/bin/env bash
# Reproduces the survey engine's figures (ADR 0104): devices/s with 1, 2 and 3 worker processes against
# simulated devices on 127.30.0.0/16 (loopback only), the coordinator's cost per work item, and the per-item
# NATS cost with a no-op observer. Needs nats-server (the benchmark starts its own on a free loopback port) and
# a JDK 21+. Usage: probe/bench/survey-bench.sh [devices (10000)] [parallel per worker (256)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
devices="${1:-10000}"
parallel="${2:-256}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java_bin=""
for j in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java_bin="$j/bin/java"; fi
done
[ -n "$java_bin" ] || { echo "survey-bench: no JDK 21+ found" >&2; exit 1; }

# A reactor build (no install: the local repository may hold other checkouts' snapshots).
mvn -B -q ${MVN_OFFLINE:+-o} -DskipTests -Djacoco.skip=true -pl probe -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/probe/target/test-classes:$root/probe/target/classes:$(cat "$work/cp.txt")"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(nats-server --version 2>/dev/null || true)"
# Run from probe/ so the nats-server's store and the workers' logs go to probe/target/nats.
cd probe
"$java_bin" -Xmx2g -cp "$cp" io.iotseal.probe.bench.SurveyBench "$devices" "$parallel" 1 2 3

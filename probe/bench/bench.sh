#!/usr/bin/env bash
# Reproduces the device-probe benchmark figures: port inventory against `nmap -sT` and credential attempts
# per second against `hydra`, on the same simulated devices on 127.0.0.1 in the same run.
# Needs nmap and hydra (apt-get install nmap hydra) and a JDK 21+. Targets ONLY 127.0.0.1.
# Usage: probe/bench/bench.sh [attempts-per-run (default 200)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
attempts="${1:-200}"
work="$(mktemp -d)"
trap 'kill "${lab_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

java_bin=""
for j in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java_bin="$j/bin/java"; fi
done
[ -n "$java_bin" ] || { echo "bench: no JDK 21+ found" >&2; exit 1; }

# A reactor build (no install: the local repository may hold other checkouts' snapshots).
mvn -B -q -DskipTests -pl probe -am package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="probe/target/test-classes:probe/target/classes:$(cat "$work/cp.txt")"

"$java_bin" -cp "$cp" io.iotseal.probe.sim.SimulatedLab > "$work/lab.txt" 2>/dev/null &
lab_pid=$!
for _ in $(seq 1 100); do grep -q '^ssdp=' "$work/lab.txt" 2>/dev/null && break; sleep 0.2; done
weak=$(sed -n 's/^weak=//p' "$work/lab.txt")
IFS=, read -r ssh_port telnet_port http_port _https_port ftp_port _rest <<< "$weak"
echo "lab: ssh=$ssh_port telnet=$telnet_port http=$http_port ftp=$ftp_port (weak device, no lockout)"

# Wrong passwords only, so every attempt is a full failed login.
for i in $(seq 1 "$attempts"); do echo "wrong-$RANDOM-$i"; done > "$work/words.txt"

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

echo "== port inventory, TCP connect, 127.0.0.1 ports 1-65535 =="
for run in 1 2 3; do
  t=$(now); nmap -sT -n -Pn -p 1-65535 --max-retries 0 127.0.0.1 -oG - > "$work/nmap.txt"
  echo "nmap -sT run $run: $(elapsed "$t") s, open=$(grep -o '[0-9]*/open' "$work/nmap.txt" | wc -l)"
  "$java_bin" -cp "$cp" io.iotseal.probe.bench.ProbeBench scan 1 65535 256 | sed "s/^/iotseal run $run (256 connections): /"
done

echo "== credential attempts per second, $attempts wrong passwords =="
hydra_run() { # protocol port user tasks [extra]
  local t rc=0; t=$(now)
  # -w 1: hydra otherwise waits 32 s whenever the SSH simulator ends a session after 20 tries (MINA default).
  (cd "$work" && timeout 120 hydra -I -q -w 1 -l "$3" -P words.txt -t "$4" -s "$2" 127.0.0.1 "$1" ${5:-} > hydra.out 2>&1) || rc=$?
  local s; s=$(elapsed "$t")
  if [ "$rc" = 124 ]; then
    echo "hydra $1 -t $4: did not finish in 120 s ($(grep -o '[0-9]* tries in' "$work/hydra.out" | tail -1))"
  else
    echo "hydra $1 -t $4: $s s, $(echo "$attempts / $s" | bc -l | xargs printf '%.1f') attempts/s"
  fi
}
for tasks in 1 4 16; do
  hydra_run ssh "$ssh_port" root "$tasks"
  "$java_bin" -cp "$cp" io.iotseal.probe.bench.ProbeBench login ssh "$ssh_port" root "$work/words.txt" "$tasks"
  hydra_run telnet "$telnet_port" admin "$tasks"
  "$java_bin" -cp "$cp" io.iotseal.probe.bench.ProbeBench login telnet "$telnet_port" admin "$work/words.txt" "$tasks"
  hydra_run ftp "$ftp_port" admin "$tasks"
  "$java_bin" -cp "$cp" io.iotseal.probe.bench.ProbeBench login ftp "$ftp_port" admin "$work/words.txt" "$tasks"
  hydra_run http-get "$http_port" admin "$tasks" /
  "$java_bin" -cp "$cp" io.iotseal.probe.bench.ProbeBench login http "$http_port" admin "$work/words.txt" "$tasks"
done

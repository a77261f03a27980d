#!/usr/bin/env bash
# The probe against nmap and hydra on the same real daemons in one run (issue 15; ADR 0078, 0079):
#   1. the full TCP range: `nmap -sT -p-` against the probe's connect scan (PortScanner, as `iotseal probe`
#      runs it) and against `iotseal probe --checks open-services` end to end;
#   2. password guessing: hydra against the probe's login clients with the same list, the same user and
#      the same number of parallel sessions, on Dropbear (SSH) and lighttpd (HTTP Basic).
# The targets are two network namespaces this script creates (10.203.250.0/30 and .4/30) and removes.
# Needs root, iproute2, dropbear-bin, lighttpd, busybox-static, nmap, hydra, openssl, a JDK 21+ and Maven
# (.ci/services.sh installs them). Usage: [TASKS="1 4 8"] probe/bench/compare.sh [wrong-passwords (default 200)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
wrong="${1:-200}"
run="cmp$$"
work="$(mktemp -d)"
scan_ns="${run}s"
login_ns="${run}l"

cleanup() {
  for ns in "$scan_ns" "$login_ns"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip link del "${ns}h" 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "/etc/netns/$ns"
  done
  rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "compare: needs root for network namespaces" >&2; exit 1; }
for p in nmap hydra dropbear dropbearkey lighttpd openssl ip; do
  command -v "$p" >/dev/null || { echo "compare: $p is missing (run .ci/services.sh as root)" >&2; exit 1; }
done

java_bin=""
for j in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java_bin="$j/bin/java"; fi
done
[ -n "$java_bin" ] || { echo "compare: no JDK 21+ found" >&2; exit 1; }

echo "building (mvn package, no install) ..."
# The probe's test classpath (ProbeBench), then the CLI jar with its libraries in cli/target/lib.
mvn -B -q -DskipTests -pl probe -am package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
mvn -B -q -DskipTests -pl cli -am package >/dev/null
cp="probe/target/test-classes:probe/target/classes:$(cat "$work/cp.txt")"
iotseal() { "$java_bin" -jar cli/target/iotseal-cli.jar "$@"; }

# A namespace with a veth pair: host side 10.203.250.(N+1), device side 10.203.250.(N+2).
make_ns() { # name fourth-octet-base
  local ns=$1 base=$2
  ip netns add "$ns"
  ip link add "${ns}h" type veth peer name "${ns}d"
  ip link set "${ns}d" netns "$ns"
  ip addr add "10.203.250.$((base + 1))/30" dev "${ns}h"
  ip link set "${ns}h" up
  ip netns exec "$ns" ip addr add "10.203.250.$((base + 2))/30" dev "${ns}d"
  ip netns exec "$ns" ip link set "${ns}d" up
  ip netns exec "$ns" ip link set lo up
  mkdir -p "/etc/netns/$ns"
}
wait_port() { # ns port
  for _ in $(seq 1 100); do ip netns exec "$1" ss -Htln | grep -q ":$2 " && return 0; sleep 0.1; done
  echo "compare: nothing listens on $2 in $1" >&2; exit 1
}

make_ns "$scan_ns" 0
make_ns "$login_ns" 4
scan_ip=10.203.250.2
login_ip=10.203.250.6

# Users of the login device exist only inside its namespace (ip netns exec bind-mounts /etc/netns/NAME).
hash=$(openssl passwd -6 admin)
printf 'root:x:0:0:root:/root:/bin/sh\nadmin:x:1000:1000::%s:/bin/sh\n' "$work" > "/etc/netns/$login_ns/passwd"
printf 'root:*:19000:0:99999:7:::\nadmin:%s:19000:0:99999:7:::\n' "$hash" > "/etc/netns/$login_ns/shadow"
printf 'root:x:0:\nadmin:x:1000:\n' > "/etc/netns/$login_ns/group"
dropbearkey -t ed25519 -f "$work/hostkey" >/dev/null 2>&1
mkdir -p "$work/www"
printf 'admin:admin\n' > "$work/users"
cat > "$work/lighttpd.conf" <<EOF
server.document-root = "$work/www"
server.port = 80
server.modules = ( "mod_auth", "mod_authn_file" )
auth.backend = "plain"
auth.backend.plain.userfile = "$work/users"
auth.require = ( "/" => ( "method" => "basic", "realm" => "device", "require" => "valid-user" ) )
EOF
# Quiet daemons: no output per connection, no slowing log writes in the measurement.
ip netns exec "$login_ns" dropbear -F -r "$work/hostkey" -p 22 >/dev/null 2>&1 &
ip netns exec "$login_ns" lighttpd -D -f "$work/lighttpd.conf" >/dev/null 2>&1 &
wait_port "$login_ns" 22
wait_port "$login_ns" 80
# The scan device: the same two services plus a root shell on an odd port, as a device would have.
ip netns exec "$scan_ns" dropbear -F -r "$work/hostkey" -p 22 >/dev/null 2>&1 &
ip netns exec "$scan_ns" lighttpd -D -f "$work/lighttpd.conf" >/dev/null 2>&1 &
ip netns exec "$scan_ns" busybox telnetd -F -p 9527 -l /bin/sh >/dev/null 2>&1 &
wait_port "$scan_ns" 22; wait_port "$scan_ns" 80; wait_port "$scan_ns" 9527

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

echo "== full TCP range 1-65535, connect scan, $scan_ip (3 open: 22, 80, 9527) =="
for round in 1 2 3; do
  t=$(now); nmap -sT -n -Pn -p- "$scan_ip" -oG - > "$work/nmap.txt"
  echo "round $round: nmap -sT -n -Pn -p- $(elapsed "$t") s, open=$(grep -o '[0-9]*/open' "$work/nmap.txt" | tr '\n' ' ')"
  "$java_bin" -Dbench.host="$scan_ip" -cp "$cp" io.iotseal.probe.bench.ProbeBench scan 1 65535 256 \
    | sed "s/^/round $round: iotseal PortScanner (window 256): /"
  t=$(now); iotseal probe "$scan_ip" --checks open-services --quiet --json > "$work/probe.json" || true
  echo "round $round: iotseal probe $scan_ip --checks open-services (JVM start included) $(elapsed "$t") s, open=$(grep -o '"port" : [0-9]*' "$work/probe.json" | sort -u | grep -o '[0-9]*$' | tr '\n' ' ')"
done

# The same list for both: wrong passwords, then the right one last, so both must try everything.
for i in $(seq 1 "$wrong"); do echo "wrong-$i-$RANDOM"; done > "$work/words.txt"
echo admin >> "$work/words.txt"
attempts=$((wrong + 1))

echo "== password guessing, user admin, $attempts passwords (the right one last), $login_ip =="
hydra_run() { # service tasks [module-options]
  local t s; t=$(now)
  (cd "$work" && timeout 300 hydra -I -f -l admin -P words.txt -t "$2" "$1://$login_ip${3:-}" > hydra.out 2>&1) || true
  s=$(elapsed "$t")
  echo "hydra $1 -t $2: $s s, $(echo "$attempts / $s" | bc -l | xargs printf '%.1f') attempts/s, found: $(grep -c 'password: admin' "$work/hydra.out")"
}
for tasks in ${TASKS:-1 4 8}; do
  hydra_run ssh "$tasks"
  "$java_bin" -Dbench.host="$login_ip" -cp "$cp" io.iotseal.probe.bench.ProbeBench login ssh 22 admin "$work/words.txt" "$tasks"
  hydra_run http-get "$tasks" "/"
  "$java_bin" -Dbench.host="$login_ip" -cp "$cp" io.iotseal.probe.bench.ProbeBench login http 80 admin "$work/words.txt" "$tasks"
done

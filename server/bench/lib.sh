# Shared set-up of the benchmark scripts (sourced, not run): the JDK, a fresh PostgreSQL database, the
# server jar started and waited for, the seeded labels, the load average. Everything on 127.0.0.1.
# JAR= names another server jar (to measure two builds side by side); the default is the built one.
# BENCH_DB_SUFFIX= and BENCH_PORT_OFFSET= keep runs of several checkouts on one machine apart.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pg=(-h 127.0.0.1 -U postgres)
jar="${JAR:-$root/server/target/iotseal-server.jar}"

# The newest JDK 21+ under /usr/lib/jvm runs the server and the load drivers.
java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
  v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1); [ "${v:-0}" -ge 21 ] && echo "$v $j"
done | sort -n | tail -n1 | cut -d' ' -f2)

# A scratch folder, removed on exit; the processes in $pids (the server, receivers) are stopped then.
data=$(mktemp -d)
pids=()
bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$data"
}
trap bench_cleanup EXIT

# bench_db_name NAME: the database name with the suffix; bench_port PORT: the port with the offset.
bench_db_name() { echo "$1${BENCH_DB_SUFFIX:-}"; }
bench_port() { echo $(($1 + ${BENCH_PORT_OFFSET:-0})); }

# bench_db NAME: drops and creates a PostgreSQL database and points the server at it.
bench_db() {
  psql "${pg[@]}" -d postgres -q -c "drop database if exists $1" -c "create database $1"
  export IOTSEAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" IOTSEAL_DB_USER=postgres
}

# bench_start PORT [VAR=value...]: starts the jar (data folder in $data, log in $data/log) and waits until
# the label API answers; sets $url. Extra arguments are environment settings for the server.
bench_start() {
  url="http://127.0.0.1:$1"
  env IOTSEAL_PORT="$1" IOTSEAL_DATA_DIR="$data" "${@:2}" "$java_bin" ${JAVA_OPTS:-} -jar "$jar" >"$data/log" 2>&1 &
  server=$!
  pids+=("$server")
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$url/api/v1/labels" && return 0
    kill -0 "$server" 2>/dev/null || { cat "$data/log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not start" >&2; exit 1
}

# bench_seed_labels DB N: N products of seed.sql, every public one labelled (seed-labels.sql), vacuumed and
# analyzed as autovacuum leaves a settled database (so index-only scans need no heap visits).
bench_seed_labels() {
  psql "${pg[@]}" -d "$1" -q -v n="$2" -f "$root/server/bench/seed.sql" >/dev/null
  psql "${pg[@]}" -d "$1" -q -f "$root/server/bench/seed-labels.sql" >/dev/null
  psql "${pg[@]}" -d "$1" -q -c "vacuum analyze" >/dev/null
  echo "labels: $(psql "${pg[@]}" -d "$1" -tAq -c 'select count(*) from label')"
}

bench_load() {
  echo "load average $1: $(cut -d' ' -f1-3 /proc/loadavg)"
}

#!/usr/bin/env bash
# Makes sure the programs and services that the tests need are installed and running.
# Safe to run again: every step checks first. Used by .ci/run; developers may run it too.
set -euo pipefail

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL on 127.0.0.1:5432 with a database "test" that user postgres reaches without a password.
ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "services: installing PostgreSQL"
    apt_install postgresql
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "services: starting PostgreSQL"
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "services: PostgreSQL did not start" >&2; exit 1; }
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    # A fresh install: allow local trust logins for the test user and create the database.
    su postgres -c "psql -q -c \"alter user postgres password null\"" >/dev/null 2>&1 || true
    su postgres -c "createdb test" >/dev/null 2>&1 || true
  fi
  psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null \
    || { echo "services: cannot log in to PostgreSQL database test as postgres" >&2; exit 1; }
}

# Mosquitto for the device probe's tests: each test starts its own broker with its own configuration on a
# free loopback port, so only the binaries are needed (mosquitto and mosquitto_passwd, both in the
# mosquitto package), not a running service.
ensure_mosquitto() {
  if [ ! -x /usr/sbin/mosquitto ] || ! command -v mosquitto_passwd >/dev/null 2>&1; then
    echo "services: installing Mosquitto"
    apt_install mosquitto
  fi
}

ensure_postgres
ensure_mosquitto

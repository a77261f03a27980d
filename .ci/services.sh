#!/usr/bin/env bash
# Makes sure the programs and services that the tests need are installed and running: PostgreSQL on
# 127.0.0.1:5432 (database "test", user "postgres" without a password), the Mosquitto and nats-server binaries, the
# IPAex Gothic font, Chromium with chromedriver and the Noto CJK fonts for the browser tests, and Node.js with
# the CSAF validator and GnuPG for the CSAF tests. Safe to run again: every step checks first. Called by `./iotseal test`.
#
# As root on Debian or Ubuntu it installs what is missing with apt-get (CI does this). Anywhere else
# (no root, macOS, another distribution) it installs nothing: it lists what is missing and how to get
# it, and exits 1.
set -euo pipefail

can_install=""
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then can_install=yes; fi
missing=()

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL on 127.0.0.1:5432 with a database "test" that user postgres reaches without a password.
ensure_postgres() {
  if psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then return; fi
  if [ -z "$can_install" ]; then
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
      missing+=("PostgreSQL runs on 127.0.0.1:5432, but user postgres cannot open database test without a password:
      createdb -h 127.0.0.1 -U postgres test   and allow local 'trust' logins for postgres in pg_hba.conf")
    else
      missing+=("PostgreSQL on 127.0.0.1:5432 with database test, user postgres, no password
      (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@17 && brew services start postgresql@17;
       then: createdb -h 127.0.0.1 -U postgres test)")
    fi
    return
  fi
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
  if [ -x /usr/sbin/mosquitto ] && command -v mosquitto_passwd >/dev/null 2>&1; then return; fi
  if [ -z "$can_install" ]; then
    missing+=("Mosquitto at /usr/sbin/mosquitto and mosquitto_passwd on the PATH (Debian/Ubuntu: sudo apt-get install mosquitto;
      elsewhere the probe's MQTT tests are skipped, except under CI=true where they fail)")
    return
  fi
  echo "services: installing Mosquitto"
  apt_install mosquitto
}

# nats-server for the survey engine's tests (ADR 0104): each test starts its own server with JetStream on a
# free loopback port and its own store folder, so only the binary is needed, not the machine's service on 4222.
ensure_nats() {
  if command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; then return; fi
  if [ -z "$can_install" ]; then
    missing+=("nats-server (Debian/Ubuntu: sudo apt-get install nats-server; elsewhere https://github.com/nats-io/nats-server/releases;
      the survey engine's tests are skipped without it, except under CI=true where they fail)")
    return
  fi
  echo "services: installing nats-server"
  apt_install_without_starting nats-server
}

# A Japanese TrueType font for the Declaration of Conformity PDF (ADR 0044): IPAex Gothic, IPA Font
# License (OSI-approved); the server embeds a subset of it in each declaration.
ensure_japanese_font() {
  # The server reads the font from IOTSEAL_DECLARATION_FONT when it is set (README, "Assessments").
  local font="${IOTSEAL_DECLARATION_FONT:-/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf}"
  if [ -r "$font" ]; then return; fi
  if [ -z "$can_install" ]; then
    missing+=("the IPAex Gothic font at $font (Debian/Ubuntu: sudo apt-get install fonts-ipaexfont-gothic;
      macOS: download ipaexg.ttf from https://moji.or.jp/ipafont/ and set IOTSEAL_DECLARATION_FONT to its path)")
    return
  fi
  echo "services: installing the IPAex Gothic font"
  apt_install fonts-ipaexfont-gothic
}

# Chromium and its WebDriver for the server's browser tests (ADR 0074): Debian's packages, so Selenium
# downloads nothing; a Japanese font (Noto CJK) so the Japanese pages render in the screenshots.
ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
      && [ "$(fc-list 2>/dev/null | grep -ci 'Noto Sans CJK' || true)" != 0 ]; then return; fi
  if [ -z "$can_install" ]; then
    missing+=("Chromium at /usr/bin/chromium, its driver at /usr/bin/chromedriver and the Noto CJK fonts
      (Debian/Ubuntu: sudo apt-get install chromium chromium-driver fonts-noto-cjk; the browser tests fail without them)")
    return
  fi
  echo "services: installing Chromium, chromium-driver and the Noto CJK fonts"
  apt_install chromium chromium-driver fonts-noto-cjk
}

# The device probe's real-daemon tests (ADR 0078): each test device is a real Debian daemon in a network
# namespace the test creates (so root or CAP_NET_ADMIN, and iproute2), configured and started by the test;
# only the programs are needed, no running service. busybox-static, not busybox: Debian's dynamic busybox
# has no telnetd. nmap and hydra are for the probe's benchmark (probe/bench/compare.sh), snmp for its
# cross-check of SNMP answers.
ensure_real_daemons() {
  local wanted=(
    "/usr/sbin/sshd:openssh-server" "/usr/bin/ssh-keygen:openssh-client" "/usr/sbin/dropbear:dropbear-bin"
    "/usr/bin/dropbearkey:dropbear-bin" "/usr/sbin/vsftpd:vsftpd" "/usr/sbin/lighttpd:lighttpd"
    "/usr/sbin/snmpd:snmpd" "/usr/bin/snmpget:snmp" "/usr/sbin/nft:nftables" "/usr/sbin/ip:iproute2"
    "/usr/bin/ss:iproute2" "/usr/bin/openssl:openssl" "/bin/login:login" "/usr/bin/nmap:nmap" "/usr/bin/hydra:hydra"
  )
  # The UDP devices of ADR 0088: a CoAP server without DTLS and an mDNS responder (run without D-Bus).
  wanted+=("/usr/bin/coap-server-notls:libcoap3-bin")
  wanted+=("/usr/sbin/avahi-daemon:avahi-daemon")
  local packages=() entry
  for entry in "${wanted[@]}"; do
    [ -x "${entry%%:*}" ] || packages+=("${entry#*:}")
  done
  # Debian's busybox package lacks telnetd; busybox-static (which replaces it) has it.
  if ! /bin/busybox telnetd --help >/dev/null 2>&1 && ! /bin/busybox --list 2>/dev/null | grep -qx telnetd; then
    packages+=(busybox-static)
  fi
  if [ ${#packages[@]} -eq 0 ]; then return; fi
  mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
  if [ -z "$can_install" ]; then
    missing+=("the real-daemon test programs (Debian/Ubuntu: sudo apt-get install ${packages[*]};
      the tests also need root or CAP_NET_ADMIN for network namespaces, and fail without them)")
    return
  fi
  echo "services: installing the real-daemon test programs: ${packages[*]}"
  apt_install_without_starting "${packages[@]}"
}

# Installs packages without starting their services: the lab tests start each daemon themselves, in a
# namespace (policy-rc.d exit 101 tells Debian's maintainer scripts not to start anything).
apt_install_without_starting() {
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=yes
  fi
  apt_install "$@"
  if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
}

# The RTSP camera and the form-login device of the real-daemon lab (ADR 0089): GStreamer's RTSP server library
# with its Python bindings and the elements of the test stream, and PHP for lighttpd (php-cgi over FastCGI).
ensure_rtsp_and_form_daemons() {
  local packages=() pkg
  for pkg in gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good php-cgi; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || packages+=("$pkg")
  done
  if [ ${#packages[@]} -eq 0 ]; then return; fi
  if [ -z "$can_install" ]; then
    missing+=("the RTSP camera and form-login lab programs (Debian/Ubuntu: sudo apt-get install ${packages[*]})")
    return
  fi
  echo "services: installing the RTSP camera and form-login lab programs: ${packages[*]}"
  apt_install_without_starting --no-install-recommends "${packages[@]}"
}

# The BSI's reference CSAF 2.0 validator for the CSAF tests (ADR 0098): Node.js and npm from Debian, then the
# validator's locked npm dependencies in tools/csaf-validator (npm ci, only when node_modules is missing), and GnuPG,
# which checks the registry's OpenPGP signatures and decrypts what it encrypts.
ensure_csaf_validator() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 || ! command -v gpg >/dev/null 2>&1; then
    if [ -z "$can_install" ]; then
      missing+=("Node.js, npm and GnuPG for the CSAF tests (Debian/Ubuntu: sudo apt-get install nodejs npm gnupg;
      then: (cd $root/tools/csaf-validator && npm ci))")
      return
    fi
    echo "services: installing Node.js, npm and GnuPG"
    apt_install nodejs npm gnupg
  fi
  if [ -d "$root/tools/csaf-validator/node_modules/@secvisogram/csaf-validator-lib" ]; then return; fi
  echo "services: installing the CSAF validator (npm ci in tools/csaf-validator)"
  (cd "$root/tools/csaf-validator" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null) \
    || missing+=("the CSAF validator's npm packages: (cd $root/tools/csaf-validator && npm ci) failed")
}

ensure_postgres
ensure_mosquitto
ensure_nats
ensure_japanese_font
ensure_browser
ensure_real_daemons
ensure_rtsp_and_form_daemons
ensure_csaf_validator

if [ ${#missing[@]} -gt 0 ]; then
  echo "services: the tests need these, which are missing (run as root on Debian/Ubuntu to install them):" >&2
  for item in "${missing[@]}"; do echo "  - $item" >&2; done
  exit 1
fi

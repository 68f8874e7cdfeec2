#!/usr/bin/env bash
# What TradingLog needs on a machine, and how to get it. Sourced by scripts/test.sh and scripts/tradelog.
# As root (CI, a fresh container) missing packages are installed; otherwise the script says what to install.

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "TradingLog needs the .NET 10 SDK (dotnet) on PATH: https://dotnet.microsoft.com/download" >&2
    exit 1
  fi
  ensure_postgres
  ensure_npm
}

# The dashboard's chart library comes from the npm registry at build time (src/TradingLog.Dashboard/package.json).
ensure_npm() {
  command -v npm >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Node.js and npm (Debian packages nodejs, npm) for the dashboard's build..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "TradingLog's dashboard needs npm to restore its chart library when it is built: apt-get install nodejs npm" >&2
    exit 1
  fi
}

# The dashboard's end-to-end tests drive Debian's Chromium through its ChromeDriver.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium and ChromeDriver (Debian packages chromium, chromium-driver) for the dashboard's browser tests..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
  fi
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    echo "The dashboard's browser tests need Chromium and its driver: apt-get install chromium chromium-driver" >&2
    exit 1
  fi
}

# The alerting tests deliver to a real Prometheus Alertmanager (Debian package prometheus-alertmanager) on loopback.
ensure_alertmanager() {
  [ -x /usr/bin/prometheus-alertmanager ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Prometheus Alertmanager (Debian package prometheus-alertmanager) for the alerting tests..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus-alertmanager >&2
    # The package starts a system Alertmanager on :9093; the tests start their own.
    (command -v service >/dev/null 2>&1 && service prometheus-alertmanager stop >/dev/null 2>&1) || true
  fi
  if ! [ -x /usr/bin/prometheus-alertmanager ]; then
    echo "The alerting tests need Prometheus Alertmanager: apt-get install prometheus-alertmanager" >&2
    exit 1
  fi
}

# The metrics tests have a real Prometheus server (Debian package prometheus) scrape /metrics on loopback.
ensure_prometheus() {
  [ -x /usr/bin/prometheus ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Prometheus (Debian package prometheus) for the metrics tests..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >&2
    # The package starts a system Prometheus on :9090; the tests start their own.
    (command -v service >/dev/null 2>&1 && service prometheus stop >/dev/null 2>&1) || true
  fi
  if ! [ -x /usr/bin/prometheus ]; then
    echo "The metrics tests need Prometheus: apt-get install prometheus" >&2
    exit 1
  fi
}

has_postgres() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

ensure_postgres() {
  has_postgres && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian package postgresql)..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    # The package may start a cluster of its own on port 5432; TradingLog starts its own servers, so stop it.
    (command -v service >/dev/null 2>&1 && service postgresql stop >/dev/null 2>&1) || true
  fi
  if ! has_postgres; then
    echo "TradingLog needs PostgreSQL's server programs (initdb, pg_ctl): apt-get install postgresql" >&2
    exit 1
  fi
}

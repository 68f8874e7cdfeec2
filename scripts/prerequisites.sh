#!/usr/bin/env bash
# What TradingLog needs on a machine, and how to get it. Sourced by scripts/test.sh and scripts/tradelog.
# As root (CI, a fresh container) missing packages are installed; otherwise the script says what to install.

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "TradingLog needs the .NET 10 SDK (dotnet) on PATH: https://dotnet.microsoft.com/download" >&2
    exit 1
  fi
  ensure_postgres
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

#!/usr/bin/env bash
# What TradingLog needs on a machine, and how to get it. Sourced by scripts/test.sh and scripts/tradelog.

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "TradingLog needs the .NET 10 SDK (dotnet) on PATH: https://dotnet.microsoft.com/download" >&2
    exit 1
  fi
}

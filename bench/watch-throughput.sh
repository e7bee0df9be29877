#!/usr/bin/env bash
# One `watch` round over many loopback sources (bench/Marsad.WatchBench): SOURCES RSS feeds on HOSTS
# ports of 127.0.0.1 (each port a host to politeness and robots.txt), two article pages each, a fresh
# store; prints articles per second and requests per host per second.
# Usage: bench/watch-throughput.sh [SOURCES] [HOSTS] [PARALLEL] [PER_HOST_DELAY_MS]   (default 1000 20 16 0)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/bench/Marsad.WatchBench" -c Release --nologo -v quiet >/dev/null
dotnet "$root/bench/Marsad.WatchBench/bin/Release/net10.0/Marsad.WatchBench.dll" "${1:-1000}" "${2:-20}" "${3:-16}" "${4:-0}"

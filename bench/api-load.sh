#!/usr/bin/env bash
# Read load on the HTTP API: the seed reports in a fresh store, `./marsad serve` on loopback, then
# ApacheBench (Debian's apache2-utils, installed if missing) with 500 concurrent connections
# against a few read endpoints, accepting gzip as browsers do. Prints each endpoint's requests/s
# and its 50th/99th percentile.
# Usage: bench/api-load.sh [REQUESTS]   (default 20000 per endpoint)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requests="${1:-20000}"
command -v ab >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq apache2-utils >/dev/null; }
work="$(mktemp -d)"
port=5191
"$root/marsad" ingest "$root/../shared/corpus/seeds" --db "$work/store.db" >/dev/null
"$root/marsad" serve --db "$work/store.db" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/documents" >/dev/null && break; sleep 0.2; done
for path in "/api/documents?size=20" "/api/documents/000_056f64d75c95e8c1" "/api/claims?category=killed&size=50" "/api/tally?category=exited"; do
  ab -q -k -H "Accept-Encoding: gzip" -n "$requests" -c 500 "http://127.0.0.1:$port$path" >"$work/ab.txt" 2>&1
  rps=$(awk '/Requests per second/ {print $4}' "$work/ab.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/ab.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/ab.txt")
  failed=$(awk '/Failed requests/ {print $3}' "$work/ab.txt")
  non2xx=$(awk '/Non-2xx responses/ {print $3}' "$work/ab.txt")
  echo "$path: $rps requests/s, p50 ${p50} ms, p99 ${p99} ms, $failed failed, ${non2xx:-0} not 2xx (500 concurrent, $requests requests)"
done

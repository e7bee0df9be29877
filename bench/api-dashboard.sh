#!/usr/bin/env bash
# The dashboard's reads under load (issue 14): `marsad serve` on an existing store (build one with
# `bench/scale.sh COUNT DIR`, which leaves DIR/store.db), then ApacheBench (Debian's apache2-utils,
# installed if missing) with CONCURRENCY clients on each read the dashboard makes at start — the
# tally, the review queue, documents, claims, checks, labels. Each read is measured twice on a
# freshly started server: cold (its first CONCURRENCY requests, every client at once, nothing
# cached) and warm (REQUESTS more). Prints p50, p99 and the longest request of each, in ms.
# Usage: bench/api-dashboard.sh STORE [CONCURRENCY] [REQUESTS]   (default 500 clients, 5000 requests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
store="${1:?usage: bench/api-dashboard.sh STORE [CONCURRENCY] [REQUESTS]}"
clients="${2:-500}"
requests="${3:-5000}"
command -v ab >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq apache2-utils >/dev/null; }
"$root/marsad" --help >/dev/null  # build first, outside the timing
work="$(mktemp -d)"
port=5195
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

start() {
  dotnet "$root/.marsad/bin/marsad.dll" serve --db "$store" --port "$port" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 600); do grep -q "Marsad serves" "$work/serve.log" && break; sleep 0.1; done
}

# Runs ab and prints "p50 P ms, p99 Q ms, longest L ms, F failed, N not 2xx".
measure() {
  local total="$1" path="$2"
  ab -q -k -H "Accept-Encoding: gzip" -n "$total" -c "$clients" "http://127.0.0.1:$port$path" >"$work/ab.txt" 2>&1 || true
  awk '$1 == "50%" {p50=$2} $1 == "99%" {p99=$2} $1 == "100%" {max=$2} /Failed requests/ {failed=$3} /Non-2xx responses/ {non2xx=$3}
       END {printf "p50 %s ms, p99 %s ms, longest %s ms, %s failed, %s not 2xx", p50, p99, max, failed, (non2xx == "" ? 0 : non2xx)}' "$work/ab.txt"
}

echo "$clients concurrent clients; store $store"
for path in "/api/tally?category=killed" "/api/queue?size=20" "/api/documents?size=20" "/api/claims?size=50" "/api/checks" "/api/labels/en"; do
  start
  cold=$(measure "$clients" "$path")
  warm=$(measure "$requests" "$path")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "$path  cold: $cold  |  warm: $warm"
done

#!/usr/bin/env bash
# Whole-process scale run (issue 14): COUNT distinct generated reports of about 8 KB
# (bench/scale-corpus.py: the seeds' paragraphs with their figures and dates varied) streamed into
# one JSONL file in a temp folder (or DIR), then, each as a whole process with its wall time and
# peak resident memory (GNU time): a plain `extract` of the file, `ingest` into a fresh store, the
# store's size per report, `tally --format json`, `checks`, `export --format geojson`, and the
# first `/api/tally?category=killed` and first `/api/claims` after `serve` starts (each on a
# freshly started server). Prints one line a step; the ratio of ingest to the plain extract last
# (wall time: ingest may use every core, extract uses one).
# Usage: bench/scale.sh [COUNT] [DIR]   (default 20000, a temp folder removed afterwards)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-20000}"
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
if [ -n "${2:-}" ]; then work="$2"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
store="$work/store.db"
rm -f "$store" "$store-wal" "$store-shm"

"$root/marsad" --help >/dev/null  # build first, outside the timing; then the build itself is run, so an edit meanwhile times no build
marsad=(dotnet "$root/.marsad/bin/marsad.dll")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
corpus="$work/corpus-$count.jsonl"
[ -s "$corpus" ] || python3 "$root/bench/scale-corpus.py" "$count" "$root/../shared/corpus/seeds" > "$corpus"
megabytes=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.1f}')" "$corpus")
echo "$count reports, $megabytes MB of JSON lines"

# Runs a command under GNU time, its output into OUT; prints "STEP: S s, peak RSS M MB, CPU C s" (user and
# system time, steadier than the wall time on a shared machine) and keeps the seconds in $seconds and $cpu.
timed() {
  local step="$1" out="$2"; shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" > "$out"
  read -r seconds kilobytes user system < "$work/time"
  cpu=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.1f}')" "$user" "$system")
  echo "$step: $seconds s, peak RSS $((kilobytes / 1024)) MB, CPU $cpu s"
}

timed "extract (plain)" /dev/null "${marsad[@]}" extract "$corpus"
extract_seconds=$seconds extract_cpu=$cpu
timed "ingest" /dev/null "${marsad[@]}" ingest "$corpus" --db "$store"
ingest_seconds=$seconds ingest_cpu=$cpu
store_bytes=$(( $(stat -c %s "$store") + $( [ -f "$store-wal" ] && stat -c %s "$store-wal" || echo 0) ))
echo "store: $((store_bytes / 1000000)) MB, $((store_bytes / count)) bytes per report"
timed "tally --format json" "$work/tally.json" "${marsad[@]}" tally --db "$store" --format json
timed "checks" /dev/null "${marsad[@]}" checks --db "$store"
timed "export --format geojson" /dev/null "${marsad[@]}" export --db "$store" --format geojson

# The first answer of a freshly started server, timed from the moment it says it listens.
first_answer() {
  local path="$1" port=5194
  "${marsad[@]}" serve --db "$store" --port "$port" > "$work/serve.log" 2>&1 &
  local server=$!
  for _ in $(seq 600); do grep -q "Marsad serves" "$work/serve.log" && break; sleep 0.1; done
  local answer
  answer=$(curl -s -o /dev/null -w "%{http_code} %{time_total} %{size_download}" "http://127.0.0.1:$port$path")
  local rss
  rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$server/status" 2>/dev/null || echo "?")
  kill "$server"; wait "$server" 2>/dev/null || true
  read -r status total size <<< "$answer"
  echo "first $path after start: HTTP $status in $total s ($size bytes), server peak RSS $rss MB"
}
first_answer "/api/tally?category=killed"
first_answer "/api/claims"

python3 -c "import sys; a = [float(x) for x in sys.argv[1:]]; print(f'ingest / plain extract: {a[0] / a[1]:.2f}x wall time, {a[2] / a[3]:.2f}x CPU time')" \
  "$ingest_seconds" "$extract_seconds" "$ingest_cpu" "$extract_cpu"

#!/usr/bin/env bash
# Whole-process extraction throughput on one core, beside its floor. Reports are replicated into one
# JSONL file of at least MEGABYTES (in a temp folder, never in the repository): the five Arabic seeds,
# or with "en" the English reports of ../shared/corpus/dev. Then, alternated RUNS times each, niced and
# pinned to one core, timed end to end by GNU time (process start, reading, extraction, writing JSONL
# to /dev/null):
#   - `marsad extract` (the ./marsad build);
#   - the floor, bench/Marsad.ExtractFloor: a minimal .NET program that parses the same JSON lines and
#     reads every character of every text, the least any reader of the file must do;
#   - with EXTRACT_BASELINE=path/to/marsad.dll, another build of marsad (an older commit) to compare.
# Prints the median wall and CPU time (user + system, steadier on a shared machine) of each, MB/s,
# and the ratio of marsad to the floor.
# Usage: [EXTRACT_BASELINE=…/marsad.dll] bench/extract-throughput.sh [MEGABYTES] [ar|en] [RUNS]   (default 40 ar 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
megabytes="${1:-40}"
language="${2:-ar}"
runs="${3:-5}"
if [ "$language" = en ]; then corpus="$root/../shared/corpus/dev"; else corpus="$root/../shared/corpus/seeds"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

python3 - "$corpus" "$work/corpus.jsonl" "$megabytes" "$language" <<'PY'
import json, os, sys
corpus, out, megabytes, language = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def lang(name):
    meta = os.path.join(corpus, name[:-4] + ".meta.json")
    return json.load(open(meta)).get("lang", "ar") if os.path.exists(meta) else "ar"
texts = [open(os.path.join(corpus, f), encoding="utf-8").read() for f in sorted(os.listdir(corpus)) if f.endswith(".txt") and lang(f) == language]
target, written, n = megabytes * 1024 * 1024, 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        text = texts[n % len(texts)]
        line = json.dumps({"id": f"copy{n:06d}", "text": text}, ensure_ascii=False) + "\n"
        f.write(line); written += len(line.encode("utf-8")); n += 1
PY

# Both built first, outside the timing.
"$root/marsad" --help >/dev/null
dotnet build "$root/bench/Marsad.ExtractFloor" -c Release --nologo -v quiet >/dev/null
floor="$root/bench/Marsad.ExtractFloor/bin/Release/net10.0/Marsad.ExtractFloor.dll"
programs=("marsad:$root/.marsad/bin/marsad.dll extract" "floor:$floor")
if [ -n "${EXTRACT_BASELINE:-}" ]; then programs+=("baseline:$EXTRACT_BASELINE extract"); fi

pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
for _ in $(seq "$runs"); do
  for program in "${programs[@]}"; do
    name="${program%%:*}"
    /usr/bin/time -f "%e %U %S" -a -o "$work/$name.times" nice -n 5 $pin dotnet ${program#*:} "$work/corpus.jsonl" > /dev/null
  done
done

bytes=$(stat -c %s "$work/corpus.jsonl")
python3 - "$bytes" "$runs" "$work" "${programs[@]%%:*}" <<'PY'
import statistics, sys
size, runs, work, names = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
megabytes = size / 1e6
wall, cpu = {}, {}
print(f"{megabytes:.1f} MB, one core, medians of {runs} alternated runs:")
for name in names:
    times = [[float(x) for x in line.split()] for line in open(f"{work}/{name}.times")]
    wall[name] = statistics.median(t[0] for t in times)
    cpu[name] = statistics.median(t[1] + t[2] for t in times)
    print(f"  {name:9} {wall[name]:6.2f} s: {megabytes / wall[name]:6.1f} MB/s  ({cpu[name]:.2f} s of CPU: {megabytes / cpu[name]:.1f} MB/s of CPU time)")
print(f"  marsad takes {wall['marsad'] / wall['floor']:.1f}x the floor's wall time, {cpu['marsad'] / cpu['floor']:.1f}x its CPU time")
if "baseline" in wall:
    print(f"  the baseline takes {wall['baseline'] / wall['marsad']:.2f}x marsad's wall time, {cpu['baseline'] / cpu['marsad']:.2f}x its CPU time")
PY

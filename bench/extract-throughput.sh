#!/usr/bin/env bash
# Whole-process extraction throughput: the five seed reports replicated into one JSONL file of at
# least 40 MB (in a temp folder, never in the repository), then `./marsad extract` over it on one
# core, timed end to end (process start, reading, extraction, writing JSONL to /dev/null).
# Usage: bench/extract-throughput.sh [MEGABYTES]   (default 40)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
megabytes="${1:-40}"
seeds="$root/../shared/corpus/seeds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$seeds" "$work/corpus.jsonl" "$megabytes" <<'PY'
import json, os, sys
seeds, out, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(os.path.join(seeds, f), encoding="utf-8").read() for f in sorted(os.listdir(seeds)) if f.endswith(".txt")]
target, written, n = megabytes * 1024 * 1024, 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        text = texts[n % len(texts)]
        line = json.dumps({"id": f"copy{n:06d}", "text": text}, ensure_ascii=False) + "\n"
        f.write(line); written += len(line.encode("utf-8")); n += 1
PY

"$root/marsad" --help >/dev/null  # build first, outside the timing
bytes=$(stat -c %s "$work/corpus.jsonl")
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
start=$(date +%s.%N)
$pin "$root/marsad" extract "$work/corpus.jsonl" > /dev/null
end=$(date +%s.%N)
python3 - "$bytes" "$start" "$end" <<'PY'
import sys
size, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
seconds = end - start
print(f"{size / 1e6:.1f} MB in {seconds:.2f} s on one core: {size / 1e6 / seconds:.1f} MB/s")
PY

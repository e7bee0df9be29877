#!/usr/bin/env bash
# Whole-process extraction throughput: reports replicated into one JSONL file of at least 40 MB
# (in a temp folder, never in the repository), then `./marsad extract` over it on one core, timed
# end to end (process start, reading, extraction, writing JSONL to /dev/null) by GNU time: wall time,
# and CPU time (user and system), steadier on a shared machine. The reports are the five Arabic seeds, or with "en" the English reports of ../shared/corpus/dev.
# Usage: bench/extract-throughput.sh [MEGABYTES] [ar|en]   (default 40 ar)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
megabytes="${1:-40}"
language="${2:-ar}"
if [ "$language" = en ]; then corpus="$root/../shared/corpus/dev"; else corpus="$root/../shared/corpus/seeds"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

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

"$root/marsad" --help >/dev/null  # build first, outside the timing
bytes=$(stat -c %s "$work/corpus.jsonl")
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
/usr/bin/time -f "%e %U %S" -o "$work/time" $pin "$root/marsad" extract "$work/corpus.jsonl" > /dev/null
read -r seconds user system < "$work/time"
python3 - "$bytes" "$seconds" "$user" "$system" <<'PY'
import sys
size, seconds, cpu = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]) + float(sys.argv[4])
print(f"{size / 1e6:.1f} MB in {seconds:.2f} s on one core: {size / 1e6 / seconds:.1f} MB/s ({cpu:.2f} s of CPU: {size / 1e6 / cpu:.1f} MB/s of CPU time)")
PY

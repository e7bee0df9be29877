#!/usr/bin/env bash
# What size of a single report extraction handles in bounded time and memory: the five Arabic
# seeds joined into one report of each size given (in a temp folder, never in the repository),
# then `./marsad extract` over it as a whole process, with its wall time and peak resident memory
# (GNU time's maximum RSS). The per-report limit (ReportReader.MaxReportBytes) is set from this.
# Usage: bench/report-size.sh [MEGABYTES…]   (default 1 2 4 8)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 8)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

"$root/marsad" --help >/dev/null  # build first, outside the timing
for megabytes in "${sizes[@]}"; do
  python3 - "$root/../shared/corpus/seeds" "$work/report-$megabytes.txt" "$megabytes" <<'PY'
import os, sys
corpus, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
texts = [open(os.path.join(corpus, f), encoding="utf-8").read() for f in sorted(os.listdir(corpus)) if f.endswith(".txt")]
target, written, n = int(megabytes * 1024 * 1024), 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        text = texts[n % len(texts)] + "\n\n"
        f.write(text); written += len(text.encode("utf-8")); n += 1
PY
  /usr/bin/time -f "%e %M" -o "$work/time" "$root/marsad" extract "$work/report-$megabytes.txt" > "$work/claims.jsonl"
  read -r seconds kilobytes < "$work/time"
  claims=$(wc -l < "$work/claims.jsonl")
  echo "$megabytes MB report: $seconds s, peak RSS $((kilobytes / 1024)) MB, $claims claims"
done

#!/usr/bin/env bash
# Whole-process tally time over 100,000 stored claims: the seed reports copied (each copy made
# distinct by a line naming it) into one JSONL file until their claims pass 100,000, ingested into
# a fresh store in a temp folder, then `./marsad tally --format json` timed end to end (process
# start, reading every claim, building the series, writing JSON to /dev/null).
# Usage: bench/tally-throughput.sh [CLAIMS]   (default 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wanted="${1:-100000}"
seeds="$root/../shared/corpus/seeds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/marsad" --help >/dev/null  # build first, outside the timing
per_round=$("$root/marsad" extract "$seeds" | wc -l)
rounds=$(( (wanted + per_round - 1) / per_round ))
python3 - "$seeds" "$work/corpus.jsonl" "$rounds" <<'PY'
import json, os, sys
seeds, out, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(seeds) if f.endswith(".txt"))
texts = [open(os.path.join(seeds, f), encoding="utf-8").read() for f in names]
with open(out, "w", encoding="utf-8") as f:
    for n in range(rounds):
        for name, text in zip(names, texts):
            doc = f"{name[:-4]}-{n:05d}"
            f.write(json.dumps({"id": doc, "text": text + "\n" + doc}, ensure_ascii=False) + "\n")
PY
"$root/marsad" ingest "$work/corpus.jsonl" --db "$work/store.db" | tail -n 1
claims=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from claims').fetchone()[0])" "$work/store.db")
start=$(date +%s.%N)
"$root/marsad" tally --db "$work/store.db" --format json > "$work/tally.json"
end=$(date +%s.%N)
python3 - "$claims" "$start" "$end" "$work/tally.json" <<'PY'
import json, sys
claims, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
series = json.load(open(sys.argv[4]))
print(f"{claims} stored claims tallied into {len(series)} series in {end - start:.2f} s (whole process)")
PY

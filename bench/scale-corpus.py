#!/usr/bin/env python3
"""Distinct generated reports of about 8 KB for the scale benchmark (bench/scale.sh), streamed as
JSON lines to standard output, never into the repository.

Each report joins paragraphs of the seed reports (../shared/corpus/seeds), taken in turn from a
place that moves with the report's number, until it passes the target size; every figure and date
in it is varied (the same number of digits in the same script, days kept to 1-28 and years to
2012-2024 so that dates stay dates), and it gets a publication date and a source of its own. The
same COUNT and SEED give the same file.

Usage: scale-corpus.py COUNT [SEEDS_DIR] [--bytes N] [--seed N]
"""
import argparse
import json
import os
import random
import re
import sys

DIGIT_RUN = re.compile(r"[0-9]+|[\u0660-\u0669]+|[\u06F0-\u06F9]+")
ZEROS = {"0": 0x30, "\u0660": 0x660, "\u06F0": 0x6F0}


def varied(run, rng):
    zero = ZEROS[chr(0x30 if run[0] <= "9" else (0x660 if run[0] <= "\u0669" else 0x6F0))]
    value = int("".join(str(ord(c) - zero) for c in run))
    length = len(run)
    if length == 4 and 1990 <= value <= 2030:
        value = rng.randint(2012, 2024)
    elif length <= 2 and value <= 31:
        value = rng.randint(1, 28)
    elif length <= 2:
        value = rng.randint(32, 99)
    else:
        value = rng.randint(10 ** (length - 1), 10 ** length - 1)
    return "".join(chr(zero + int(d)) for d in str(value))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("seeds", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "seeds"))
    parser.add_argument("--bytes", type=int, default=6400)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()

    names = sorted(f for f in os.listdir(args.seeds) if f.endswith(".txt"))
    paragraphs = []
    for name in names:
        with open(os.path.join(args.seeds, name), encoding="utf-8") as f:
            paragraphs.extend(p.strip() for p in f.read().split("\n") if p.strip())
    sources = [f"source-{n:02d}" for n in range(12)]
    rng = random.Random(args.seed)
    out = sys.stdout
    for n in range(args.count):
        start = (n * 7919) % len(paragraphs)
        chosen, size, i = [], 0, start
        while size < args.bytes:
            paragraph = paragraphs[i % len(paragraphs)]
            chosen.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 1
            i += 1
        text = DIGIT_RUN.sub(lambda m: varied(m.group(0), rng), "\n".join(chosen))
        published = f"{rng.randint(2013, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        record = {"id": f"gen{n:07d}", "text": text, "published": published, "source": sources[n % len(sources)], "lang": "ar"}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

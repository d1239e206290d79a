#!/usr/bin/env python3
"""Writes src/main/resources/patrol/demo-tiers.csv: GENERATED TPS security tiers for the demo
regions, adding up per kecamatan to the demo TPS counts in src/main/resources/logistics/demo-figures.csv.

Seeded, so the same input gives the same file. Per TPS a draw decides its tier, at rates that keep
most TPS kurang rawan, a few rawan and very few sangat rawan (East Java 2024: 733 rawan and 87
sangat rawan of 60,751 TPS, about 1.2 % and 0.14 %; shared/domain.md section 6). Kota Palopo and
Mahakam Ulu, a priority area, are drawn at higher rates. Every region gets at least one sangat
rawan TPS so the guard plan meets all three tiers in the demo.

Usage: python3 scripts/generate-demo-tiers.py   (from the repository root)
"""
import csv
import random

SEED = 11
FIGURES = "src/main/resources/logistics/demo-figures.csv"
OUT = "src/main/resources/patrol/demo-tiers.csv"
# region: (share rawan, share sangat rawan)
RATES = {"35.07": (0.012, 0.0015), "73.73": (0.03, 0.005), "64.11": (0.08, 0.02)}

rng = random.Random(SEED)
with open(FIGURES, encoding="utf-8") as f:
    lines = [l for l in f if not l.startswith("#")]
rows = []
for r in csv.DictReader(lines):
    code, tps = r["kode_kecamatan"], int(r["jumlah_tps"])
    p_rawan, p_sangat = RATES[code[:5]]
    rawan = sangat = 0
    for _ in range(tps):
        x = rng.random()
        if x < p_sangat:
            sangat += 1
        elif x < p_sangat + p_rawan:
            rawan += 1
    rows.append([code, tps - rawan - sangat, rawan, sangat])
for region in RATES:
    mine = [r for r in rows if r[0].startswith(region)]
    if sum(r[3] for r in mine) == 0:
        largest = max(mine, key=lambda r: r[1])
        largest[1] -= 1
        largest[3] += 1
with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("# DATA DEMO: tingkat kerawanan TPS dibuat (generated) untuk demo Siaga Pilkada, BUKAN data resmi Polri.\n")
    f.write("# Demo data: generated TPS tiers adding up to the demo TPS counts, not Polri's"
            " (scripts/generate-demo-tiers.py, docs/processes/tps-security-plan.md).\n")
    f.write("kode_kecamatan,tps_kurang_rawan,tps_rawan,tps_sangat_rawan\n")
    for r in rows:
        f.write(",".join(map(str, r)) + "\n")

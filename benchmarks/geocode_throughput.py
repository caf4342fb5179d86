"""Geocoding throughput: a 100,000-row frame with about 3,000 distinct (name, country) pairs.

Names are drawn from the embedded gazetteer of several Middle East countries, with the
spellings sources use (feature words, no diacritics, Arabic script) and ~10% names found in
no gazetteer (they go through the fuzzy rung, the slowest). Figures printed:
- gazetteer load + index build (once per process),
- cold: empty geocode cache, every distinct name resolved,
- warm (disk): a new process's geocoder with the on-disk cache filled,
- warm (memory): the same geocoder again,
and the public Nominatim service's usage policy (1 request/s) for the same distinct names.

    .venv/bin/python benchmarks/geocode_throughput.py [--rows 100000] [--distinct 3000] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

COUNTRIES = ("IQ", "SY", "JO", "LB", "TR", "IR", "SA", "YE")


def make_queries(distinct: int, seed: int) -> list[tuple[str, str]]:
    from geodata.embedded import EmbeddedGazetteer
    from geodata.normalize import fold, is_arabic
    rng = random.Random(seed)
    embedded = EmbeddedGazetteer()
    pool: list[tuple[str, str]] = []
    for country in COUNTRIES:
        for p in embedded.places_in(country):
            arabic = [a for a in p.aliases if is_arabic(a)]
            variant = rng.choice([p.name, fold(p.name), f"{p.name} town", f"{p.name} village",
                                  arabic[0] if arabic else p.name, f"Al-{fold(p.name).title()}"])
            pool.append((variant, country))
    rng.shuffle(pool)
    queries = list(dict.fromkeys(pool))[: int(distinct * 0.9)]
    while len(queries) < distinct:               # names no gazetteer has
        word = "".join(rng.choice("bdfghklmnqrstz") + rng.choice("aeiou") for _ in range(4))
        queries.append((word.title(), rng.choice(COUNTRIES)))
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import numpy as np
    import pandas as pd

    from geodata.cache import GeocodeCache
    from geodata.curated import CuratedGazetteer
    from geodata.embedded import EmbeddedGazetteer
    from geodata.frame import geocode_frame
    from geodata.gazetteer import Gazetteer
    from geodata.geocoder import Geocoder
    from geodata.store import ImportedGazetteer

    embedded_path = EmbeddedGazetteer().store.path          # materialised once, outside the timing
    queries = make_queries(args.distinct, args.seed)
    rng = np.random.default_rng(args.seed)
    weights = 1.0 / np.arange(1, len(queries) + 1)           # Zipf-like: a few places dominate
    picks = rng.choice(len(queries), size=args.rows, p=weights / weights.sum())
    picks[: len(queries)] = np.arange(len(queries))          # every distinct name occurs
    frame = pd.DataFrame({"location": [queries[i][0] for i in picks], "country": [queries[i][1] for i in picks]})

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CONFLICTMAP_DATA_DIR"] = tmp
        (Path(tmp) / embedded_path.name).symlink_to(embedded_path)

        def new_geocoder() -> Geocoder:
            gazetteer = Gazetteer([CuratedGazetteer(), EmbeddedGazetteer(), ImportedGazetteer(Path(tmp) / "g.sqlite")])
            return Geocoder(gazetteer, GeocodeCache(Path(tmp) / "cache.sqlite"))

        geocoder = new_geocoder()
        started = time.perf_counter()
        for country in COUNTRIES:
            geocoder.gazetteer.index(country)
        load = time.perf_counter() - started

        started = time.perf_counter()
        cold = geocode_frame(frame, "location", "country", geocoder=geocoder)
        cold_s = time.perf_counter() - started

        warm_disk_geocoder = new_geocoder()                  # as a new process would: empty memo
        started = time.perf_counter()
        warm = geocode_frame(frame, "location", "country", geocoder=warm_disk_geocoder)
        warm_disk_s = time.perf_counter() - started

        started = time.perf_counter()
        geocode_frame(frame, "location", "country", geocoder=warm_disk_geocoder)
        warm_memory_s = time.perf_counter() - started
        assert warm.equals(cold)

    distinct = frame.drop_duplicates().shape[0]
    status = cold["geo_status"].value_counts().to_dict()
    figures = {
        "rows": len(frame), "distinct": distinct, "countries": len(COUNTRIES),
        "gazetteer_load_s": round(load, 3), "cold_s": round(cold_s, 3), "cold_total_s": round(load + cold_s, 3),
        "warm_disk_s": round(warm_disk_s, 3), "warm_memory_s": round(warm_memory_s, 3),
        "cold_rows_per_s": round(len(frame) / cold_s), "distinct_per_s_cold": round(distinct / cold_s),
        "nominatim_policy_s": distinct, "status_counts": status,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{figures['rows']:,} rows, {distinct:,} distinct (name, country) in {len(COUNTRIES)} countries")
    print(f"gazetteer load + index build: {load:.2f} s (once per process)")
    print(f"cold cache:   {cold_s:.2f} s  ({figures['cold_rows_per_s']:,} rows/s; "
          f"{figures['distinct_per_s_cold']:,} distinct names/s)")
    print(f"warm (disk):  {warm_disk_s:.2f} s  (a new process, cache on disk)")
    print(f"warm (memory): {warm_memory_s:.2f} s")
    print(f"Nominatim public API at its 1 request/s policy: {distinct:,} s ({distinct / 3600:.1f} h)")
    print(f"statuses: {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

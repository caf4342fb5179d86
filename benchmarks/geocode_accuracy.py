"""Geocoding accuracy on the UCDP Iraq dev set (real place strings with their true coordinates).

Prints coverage (share resolved), accuracy (share of resolved within --km of the truth), results
in a wrong country (must be 0) and the misses. --with-iom first imports the IOM DTM Iraq list into
a temporary data directory, to measure what a bring-your-own gazetteer adds. The dev set measures
the geocoder; it is never a source of gazetteer rows.

    .venv/bin/python benchmarks/geocode_accuracy.py [--with-iom] [--json] [--show-misses]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SHARED = Path(os.environ.get("CONFLICTMAP_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
DEVSET = SHARED / "devset_places_iq.csv"
IOM = SHARED / "iom_dtm_iraq_locations.csv"


def import_iom() -> float:
    from geodata.gazetteer import reset_default_gazetteer, store_path
    from geodata.imports.csv_list import import_csv
    from geodata.store import ImportedGazetteer
    started = time.perf_counter()
    report = import_csv(IOM, ImportedGazetteer(store_path()), name_column="location_name", lat_column="latitude",
                        lon_column="longitude", country="IQ", alias_columns=("arabic_name",),
                        admin1_column="governorate", id_column="location_id", source="csv:iom_dtm_iraq")
    reset_default_gazetteer()
    print(f"imported IOM DTM: {report.summary()}", file=sys.stderr)
    return time.perf_counter() - started


_IDS: dict[str, set] = {}


def _ids_in(country: str) -> set:
    if country not in _IDS:
        from geodata.gazetteer import default_gazetteer
        _IDS[country] = {(p.source, p.id) for p in default_gazetteer().index(country).places}
    return _IDS[country]


def measure(km: float) -> dict:
    from geodata import geocode
    from geodata.geo import distance_km
    from geodata.result import AMBIGUOUS, RESOLVED
    rows = list(csv.DictReader(open(DEVSET, encoding="utf-8")))
    resolved = within = ambiguous = wrong_country = 0
    misses, far = [], []
    started = time.perf_counter()
    for row in rows:
        result = geocode(row["query"], row["country"], row["admin1"] or None)
        places = [] if result.latitude is None else [(result.latitude, result.longitude)]
        if result.status == RESOLVED:
            resolved += 1
            d = distance_km(float(row["latitude"]), float(row["longitude"]), result.latitude, result.longitude)
            if d <= km:
                within += 1
            else:
                far.append((row["query"], result.name, result.source, round(d, 1)))
        else:
            ambiguous += result.status == AMBIGUOUS
            misses.append((row["query"], result.status))
        # Never a place in another country: every answer must be a place of the given country.
        for name, source, pid in [(result.name, result.source, result.id)] * (result.id is not None) + [
                (a.name, a.source, a.id) for a in result.alternatives]:
            wrong_country += (source, pid) not in _ids_in(row["country"])
        del places
    elapsed = time.perf_counter() - started
    return {"queries": len(rows), "resolved": resolved, "ambiguous": ambiguous,
            "coverage": round(resolved / len(rows), 4), "within_km": km,
            "accuracy": round(within / resolved, 4) if resolved else None,
            "wrong_country": wrong_country, "seconds": round(elapsed, 3),
            "far": far, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-iom", action="store_true", help="import the IOM DTM list into a temporary data dir first")
    parser.add_argument("--km", type=float, default=25.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if not DEVSET.exists():
        print(f"dev set not found: {DEVSET}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        # A fresh data dir: cold geocode cache, no imports but the one asked for. The embedded
        # base (materialised once, read-only) is linked in from the real data dir.
        from geodata.embedded import EmbeddedGazetteer
        embedded = EmbeddedGazetteer().store.path
        os.environ["CONFLICTMAP_DATA_DIR"] = tmp
        (Path(tmp) / embedded.name).symlink_to(embedded)
        if args.with_iom:
            import_seconds = import_iom()
        figures = measure(args.km)
        if args.with_iom:
            figures["iom_import_seconds"] = round(import_seconds, 3)
    figures["gazetteer"] = "embedded + curated + IOM DTM" if args.with_iom else "embedded + curated"
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"gazetteer: {figures['gazetteer']}")
    print(f"dev set: {figures['queries']} UCDP place strings (Iraq)")
    print(f"resolved: {figures['resolved']} ({figures['coverage']:.1%} coverage), ambiguous: {figures['ambiguous']}")
    if figures["accuracy"] is not None:
        print(f"within {args.km:g} km of the truth: {figures['accuracy']:.1%} of resolved")
    print(f"results in a wrong country: {figures['wrong_country']}")
    print(f"time: {figures['seconds']:.2f} s (cold cache: includes gazetteer load)")
    for query, name, source, d in figures["far"]:
        print(f"  far: {query!r} -> {name} ({source}) {d} km")
    if args.show_misses:
        for query, status in figures["misses"]:
            print(f"  {status}: {query!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

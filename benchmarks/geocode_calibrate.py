"""Fit the geocoder's confidence table on ONE dev set (default: the UCDP Iraq set).

For every query of the set, once with its name only and once with its admin1 (where the set has
one), the geocoder's best candidate and its class (``basis``, see geodata/calibration.py) are
recorded with whether the candidate lies within 25 km of the truth; the counts per class are
written to geodata/data/calibration.json. The other sets are never used here: accuracy on them is
what benchmarks/geocode_accuracy.py reports.

    .venv/bin/python benchmarks/geocode_calibrate.py [--set ucdp_iq] [--dry-run]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import geocode_devsets as devsets  # noqa: E402

KM = 25.0


def candidate(result):
    """(lat, lon) of the answer, or of the first alternative when there is no answer."""
    if result.latitude is not None:
        return result.latitude, result.longitude
    if result.alternatives:
        return result.alternatives[0].latitude, result.alternatives[0].longitude
    return None


def observations(cases, geocoder, with_admin1: bool):
    """(basis, within 25 km) for every query that got a class."""
    from geodata.geo import distance_km
    queries = [(c.query, c.country, c.admin1 if with_admin1 else "") for c in cases]
    out = []
    for case, result in zip(cases, geocoder.geocode_many(queries)):
        point = candidate(result)
        if result.basis and point:
            out.append((result.basis, distance_km(case.latitude, case.longitude, *point) <= KM))
    return out


def fresh_geocoder():
    from geodata.gazetteer import default_gazetteer
    from geodata.geocoder import Geocoder
    return Geocoder(default_gazetteer(), cache=None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="ucdp_iq", choices=sorted(devsets.SETS))
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write it")
    args = parser.parse_args()
    if not devsets.available():
        print(f"dev sets not found in {devsets.SHARED}", file=sys.stderr)
        return 2
    os.environ["CONFLICTMAP_DATA_DIR"] = tempfile.mkdtemp(prefix="calibrate-")
    from geodata import calibration
    cases = devsets.SETS[args.set]()
    geocoder = fresh_geocoder()
    obs = observations(cases, geocoder, False)
    if any(c.admin1 for c in cases):
        obs += observations(cases, geocoder, True)
    n, k = Counter(), Counter()
    for basis, within in obs:
        n[basis] += 1
        k[basis] += within
    counts = {b: (n[b], k[b]) for b in n}
    print(f"fitted on {args.set}: {len(obs)} answers, {len(counts)} classes")
    if not args.dry_run:
        calibration.write(counts, f"{args.set} ({len(obs)} answers: name only and with admin1)")
    for basis in sorted(counts, key=lambda b: -counts[b][0]):
        nn, kk = counts[basis]
        print(f"  {basis:32s} n={nn:4d} within={kk:4d} share={kk / nn:.3f} -> confidence "
              f"{calibration.confidence(basis):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

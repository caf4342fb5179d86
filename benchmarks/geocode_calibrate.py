"""Fit the geocoder's confidence table on named dev sets (default: the UCDP Iraq set alone).

For every query of the fit sets, once with its name only and once with its admin1 (where the set
has one), the geocoder's best candidate and its class (``basis``, see geodata/calibration.py) are
recorded with whether the candidate lies within 25 km of the truth; the counts per class are
written to geodata/data/calibration.json (``fit_sets`` names the sets). The other sets are never
used here: accuracy on them is what benchmarks/geocode_accuracy.py reports as held out.

It also prints a k-fold cross-validation INSIDE the fit sets (folds by query, so a name's
name-only and with-admin1 answers stay together): for each candidate prior weight of the
hierarchical smoothing, the held folds' log-loss, and precision / coverage of what they resolve.

    .venv/bin/python benchmarks/geocode_calibrate.py [--profile events|villages]
        [--set ucdp_iq@name ucdp_iq@admin1 iom_list@admin2 ...] [--out PATH]
        [--folds 5] [--dry-run]

``--out`` writes a what-if table elsewhere; ``geocode_accuracy.py --fit-on SETS`` does the same
refit in memory and reports every set with it.
"""
from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import geocode_devsets as devsets  # noqa: E402

KM = 25.0
PRIOR_WEIGHTS = (0.5, 1.0, 2.0, 4.0, 8.0)
# The sets each profile's table is fitted on (geodata.calibration.PROFILES). events: the UCDP Iraq set,
# plus the IOM DTM master list asked with its district (the "d-" classes, which only a district
# reaches); villages: the IOM DTM master list, English and Arabic names, every way it is asked. Every
# other set is held out (the IOM DTM returnee list of field/09 for villages).
DEFAULT_SETS = {"events": ["ucdp_iq@name", "ucdp_iq@admin1", "iom_list@admin2", "iom_list_ar@admin2", "admin2_seats"],
                "villages": ["iom_list", "iom_list_ar"]}


def candidate(result):
    """(lat, lon) of the answer, or of the first alternative when there is no answer."""
    if result.latitude is not None:
        return result.latitude, result.longitude
    if result.alternatives:
        return result.alternatives[0].latitude, result.alternatives[0].longitude
    return None


def observations(cases, geocoder, with_admin1: bool, tag: str = "", with_admin2: bool = False):
    """(case tag, basis, within 25 km) for every query that got a class."""
    from geodata.geo import distance_km
    queries = [devsets.query(c, with_admin1, with_admin2) for c in cases]
    out = []
    for case, result in zip(cases, geocoder.geocode_many(queries)):
        point = candidate(result)
        if result.basis and point:
            out.append((f"{tag}\t{case.query}\t{case.admin1}", result.basis,
                        distance_km(case.latitude, case.longitude, *point) <= KM))
    return out


def fresh_geocoder():
    from geodata.gazetteer import default_gazetteer
    from geodata.geocoder import Geocoder
    return Geocoder(default_gazetteer(), cache=None)


SPEC_MODES = {"name": "name only", "admin1": "with admin1", "admin2": "with admin1+admin2"}
# Not a list of queries but a measurement of one rule (geocoder._district_answer: a name that names a district and
# no place of the gazetteer is answered by the district's centre). The rule is only reached where the gazetteer lacks
# the district's seat, so it is measured where the gazetteer holds it: every admin2 polygon of the region whose
# name an exact place of the gazetteer carries inside it (or within SEAT_BUFFER_DEGREES) gives, name only and with
# its admin1, the class the rule would give and whether the district's centre lies within 25 km of that seat.
SEATS = "admin2_seats"
SEAT_BUFFER_DEGREES = 0.05
SEAT_COUNTRIES = ("SY", "IQ", "LB", "IL", "PS", "YE", "IR", "TR")     # the countries with admin2 polygons


def seat_observations():
    """(tag, basis, within 25 km) of the district rule on every district whose seat the gazetteer holds."""
    import shapely

    from geodata.admin2 import admin2_names
    from geodata.gazetteer import default_gazetteer
    from geodata.geo import distance_km
    from geodata.index import ALIAS, EXACT
    from geodata.normalize import parse_name

    gazetteer = default_gazetteer()
    out = []
    for country in SEAT_COUNTRIES:
        index = gazetteer.index(country)
        names = admin2_names(country)
        for (admin2, admin1), parts in sorted(names.divisions()):
            core = parse_name(admin2).core
            shape = shapely.union_all([g for g, _ in parts]).buffer(SEAT_BUFFER_DEGREES)
            seats = [m.place for m in index.lookup(core, fuzzy=False) if m.method in (EXACT, ALIAS)
                     and shape.contains(shapely.Point(index.longitudes[m.place], index.latitudes[m.place]))]
            if not seats:
                continue
            seat = max(seats, key=lambda i: (index.places[i].population, -i))
            lat, lon = index.latitudes[seat], index.longitudes[seat]
            districts = names.districts_named(core)
            if not districts:
                continue
            best = districts[0]
            basis = f"district|none|{best.size if len(districts) == 1 else 'contested'}"
            out.append((f"{SEATS}\t{country}\t{admin2}\t{admin1}", basis,
                        distance_km(lat, lon, best.latitude, best.longitude) <= KM))
            holder = index.geo_admin1[seat]
            inside = [d for d in districts if d.admin1 == holder]
            if holder and inside:
                best = inside[0]
                basis = f"district|agree|{best.size if len(inside) == 1 else 'contested'}"
                out.append((f"{SEATS}\t{country}\t{admin2}\t{admin1}", basis,
                            distance_km(lat, lon, best.latitude, best.longitude) <= KM))
    return out


def parse_spec(spec: str) -> tuple[str, str | None]:
    """"iom_list@admin2" -> ("iom_list", "with admin1+admin2"); "ucdp_iq" -> ("ucdp_iq", None): every mode."""
    name, _, mode = spec.partition("@")
    if name == SEATS and not mode:
        return name, None
    if name not in devsets.SETS or (mode and mode not in SPEC_MODES):
        raise SystemExit(f"unknown fit set {spec!r}: a set of {sorted(devsets.SETS)}, optionally "
                         f"@{'/@'.join(SPEC_MODES)} for one way of asking")
    return name, SPEC_MODES.get(mode)


def fit_observations(specs: list[str]):
    """Observations of every fit set (each of its modes, or the one named), from a fresh geocoder."""
    geocoder = fresh_geocoder()
    obs = []
    for spec in specs:
        name, only = parse_spec(spec)
        if name == SEATS:
            obs += seat_observations()
            continue
        cases = devsets.SETS[name]()
        for label, with_admin1, with_admin2 in devsets.modes(cases):
            if only in (None, label):
                obs += observations(cases, geocoder, with_admin1, name, with_admin2)
    return obs


def counts_of(obs) -> dict[str, tuple[int, int]]:
    n, k = Counter(), Counter()
    for _, basis, within in obs:
        n[basis] += 1
        k[basis] += within
    return {b: (n[b], k[b]) for b in n}


def cross_validate(obs, folds: int, weights=PRIOR_WEIGHTS, seed: int = 0) -> dict[float, dict]:
    """k-fold inside the fit observations: per prior weight, the held folds' log-loss of the
    confidence, and the precision and coverage (of answers with a class) of those at >= 0.95.
    ('differs' answers are never resolved, whatever their confidence.)"""
    from geodata import calibration
    tags = sorted({o[0] for o in obs})
    random.Random(seed).shuffle(tags)
    fold = {t: i % folds for i, t in enumerate(tags)}
    out = {}
    for weight in weights:
        loss = resolved = right = total = 0
        for f in range(folds):
            tables = calibration.levels(counts_of([o for o in obs if fold[o[0]] != f]))
            for _, basis, within in (o for o in obs if fold[o[0]] == f):
                p = min(max(calibration.smoothed(tables, basis, weight), 1e-3), 1 - 1e-3)
                loss -= math.log(p if within else 1 - p)
                total += 1
                if p >= calibration.RESOLVE_AT and basis.split("|")[1] != "differs":
                    resolved += 1
                    right += within
        out[weight] = {"log_loss": loss / total if total else None, "resolved": resolved,
                       "precision": right / resolved if resolved else None,
                       "coverage": resolved / total if total else None}
    return out


def describe(sets: list[str], obs) -> str:
    return (f"{' + '.join(sets)} ({len(obs)} answers; every way a set is asked unless @name/@admin1/@admin2 "
            f"names one)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs="+", default=None,
                        help="fit sets (geocode_devsets.SETS); SET@admin2 (or @admin1, @name) takes one way of asking "
                             "(default: the profile's own, DEFAULT_SETS)")
    parser.add_argument("--profile", choices=sorted(DEFAULT_SETS), default="events",
                        help="which table to fit: 'events' (geodata/data/calibration.json) or 'villages' "
                             "(calibration_villages.json, settlement lists)")
    parser.add_argument("--out", type=Path, help="write the table here instead of geodata/data/calibration.json")
    parser.add_argument("--folds", type=int, default=5, help="k of the cross-validation inside the fit sets")
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write it")
    args = parser.parse_args()
    if not devsets.available():
        print(f"dev sets not found in {devsets.SHARED}", file=sys.stderr)
        return 2
    args.set = args.set or DEFAULT_SETS[args.profile]
    os.environ["CONFLICTMAP_DATA_DIR"] = tempfile.mkdtemp(prefix="calibrate-")
    from geodata import calibration
    obs = fit_observations(args.set)
    counts = counts_of(obs)
    print(f"fitted on {' + '.join(args.set)}: {len(obs)} answers, {len(counts)} classes")
    if args.folds > 1:
        print(f"\n{args.folds}-fold cross-validation inside the fit sets (held folds; prior weight in use: "
              f"{calibration.PRIOR_WEIGHT:g})")
        cv = cross_validate(obs, args.folds)
        for weight, f in cv.items():
            prec = f"{f['precision']:.3f}" if f["precision"] is not None else "-"
            print(f"  prior weight {weight:4g}: log-loss {f['log_loss']:.4f}  resolved {f['resolved']:5d}  "
                  f"precision {prec}  coverage {f['coverage']:.3f}")
        best = min(cv, key=lambda w: cv[w]["log_loss"])
        print(f"  lowest log-loss: prior weight {best:g}")
    target = args.out or calibration.PROFILES[args.profile]
    if not args.dry_run:
        calibration.write(counts, describe(args.set, obs), target, sets=args.set)
        print(f"\nwritten: {target}")
    tables = calibration.levels(counts)
    print()
    for basis in sorted(counts, key=lambda b: -counts[b][0]):
        nn, kk = counts[basis]
        print(f"  {basis:32s} n={nn:4d} within={kk:4d} share={kk / nn:.3f} -> confidence "
              f"{calibration.smoothed(tables, basis):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

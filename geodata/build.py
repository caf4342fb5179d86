"""Build the embedded regional gazetteer and admin boundaries from the Who's On First extracts.

Reads ``wof_XX_localities.tsv.gz``, ``wof_XX_names_extra.tsv.gz`` and ``wof_XX_adm1/adm2.geojson.gz``
(the flattened Who's On First admin snapshots described in ``../shared/data/gazetteers/README.md``)
and writes three committed files under ``geodata/data/``:

- ``admin1.parquet``, ``admin2.parquet``: GeoParquet (WKB, zstd), one row per current admin1 /
  admin2 polygon, simplified with ``shapely.coverage_simplify`` (shared borders stay shared, so
  neighbours neither overlap nor leave gaps between them);
- ``wof_forms.parquet``: every name of those places already normalised (see index.name_info),
  valid for the name rules it was built with (``rules_digest``);
- ``wof_place_admin.parquet``: the admin1/admin2 polygon of every place as the geocoder's index
  asks for it, valid for the polygons, localities and locate code it was built with
  (``derived_digest``);
- ``wof_index.parquet``: the geocoder's index rows of those places (normalised form, key, role),
  valid for the name rules and code it was built with (``regional.entries_digest``);
- ``wof_localities.parquet``: one row per current locality / neighbourhood, deduplicated, with its
  names in every script the extract has, GeoNames feature code, population, a coarse ``kind`` and
  the admin1/admin2 that hold it by geometry (the same polygons, so ``boundaries.locate`` and the
  gazetteer agree).

Run it again when the extracts change::

    .venv/bin/python -m geodata.build ../shared/data/gazetteers

It prints what it kept and dropped per country and the size of each file. Nothing at run time
needs ``../shared``: the product reads only the files written here.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

COUNTRIES = ("SY", "IQ", "JO", "LB", "IL", "PS", "YE", "IR", "TR")
OUT = Path(__file__).parent / "data"
# Simplification tolerance in degrees (~0.01 deg = 1.1 km north-south): small enough that a town
# is not moved into the next district, large enough to keep the committed files a few MB.
TOLERANCE = {1: 0.01, 2: 0.006}
# GeoNames feature codes of places no longer lived in (abandoned, destroyed, historical):
# kept as names (reports still use them) but flagged, so ranking can demote them.
ABANDONED_CODES = frozenset({"PPLQ", "PPLW", "PPLH"})
NAME_COLUMNS = ("names_ar", "names_latin", "names_fas", "names_heb", "names_tur", "names_kur")
DUPLICATE_KM = 2.0      # two records with the same folded name this close are one place


def _read_geojson(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)["features"]


def _concordance(props: dict, key: str) -> str:
    return str((props.get("concordances") or {}).get(key) or "")


def build_boundaries(src: Path) -> dict[int, "object"]:
    """admin1 and admin2 GeoDataFrames (EPSG:4326) for COUNTRIES, simplified as one coverage."""
    import geopandas as gpd
    import shapely

    layers = {}
    admin1_by_id: dict[int, dict] = {}
    for level, suffix in ((1, "adm1"), (2, "adm2")):
        rows = []
        for country in COUNTRIES:
            path = src / f"wof_{country.lower()}_{suffix}.geojson.gz"
            if not path.exists():
                continue
            for feature in _read_geojson(path):
                props = feature["properties"]
                geometry = shapely.geometry.shape(feature["geometry"])
                row = {"country": country, "wof_id": int(props["wof_id"]),
                       "name_en": props.get("name_en") or props.get("name") or "",
                       "name_ar": props.get("name_ar") or "", "name_wof": props.get("name") or "",
                       "iso_code": _concordance(props, "iso:code"), "hasc": _concordance(props, "hasc:id"),
                       "geonameid": _concordance(props, "gn:id"), "wikidata": _concordance(props, "wd:id"),
                       "geometry": shapely.make_valid(geometry)}
                if level == 1:
                    admin1_by_id[row["wof_id"]] = row
                else:
                    row["admin1_wof_id"] = int(props.get("region_wof_id") or 0)
                rows.append(row)
        frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
        frame["geometry"] = shapely.coverage_simplify(frame.geometry.values, TOLERANCE[level])
        frame["geometry"] = shapely.make_valid(frame.geometry.values)
        layers[level] = frame
    admin1 = layers[1].rename(columns={"name_en": "admin1", "name_ar": "admin1_ar"})
    admin1 = admin1[["country", "admin1", "admin1_ar", "name_wof", "wof_id", "iso_code", "hasc", "geonameid",
                     "wikidata", "geometry"]]
    admin2 = layers[2].rename(columns={"name_en": "admin2", "name_ar": "admin2_ar"})
    parents = {i: (r["name_en"], r["name_ar"]) for i, r in admin1_by_id.items()}
    admin2["admin1"] = [parents.get(i, ("", ""))[0] for i in admin2["admin1_wof_id"]]
    admin2["admin1_ar"] = [parents.get(i, ("", ""))[1] for i in admin2["admin1_wof_id"]]
    admin2 = admin2[["country", "admin1", "admin1_ar", "admin2", "admin2_ar", "name_wof", "wof_id",
                     "admin1_wof_id", "hasc", "geonameid", "wikidata", "geometry"]]
    admin2 = own_names(own_country_parents(admin1, admin2))
    return {1: admin1.reset_index(drop=True), 2: admin2.reset_index(drop=True)}


def own_names(admin2):
    """``admin2`` (GeoDataFrame: country, admin2, name_wof) with every district named by its own Who's On First name
    where its English name (``name:eng``) is another district's WOF name in the same country: WOF labels the
    polygon named Cizre "Idil" (its neighbour), Demre "Kale", Pursaklar "Cubuk", and swaps Tirebolu and Gorele
    (15 of Turkey's 957; a new user saw "geocode Cizre" answer "in Idil, Sirnak"). Names that only spell the
    same district otherwise ("Dogubeyazit" for Doğubayazıt) are kept, and so is any row where either name is
    "Merkez" ("centre": the name of many a province's central district, no other district's own). Rows are
    otherwise unchanged."""
    from .normalize import fold

    admin2 = admin2.copy()
    others = {(c, fold(n)) for c, n in zip(admin2["country"], admin2["name_wof"])}
    wrong = [fold(a) != fold(w) and (c, fold(a)) in others and "merkez" not in (fold(a), fold(w))
             for c, a, w in zip(admin2["country"], admin2["admin2"], admin2["name_wof"])]
    admin2.loc[wrong, "admin2"] = admin2.loc[wrong, "name_wof"]
    return admin2


def own_country_parents(admin1, admin2):
    """``admin2`` (GeoDataFrame: country, admin1, admin1_ar, admin1_wof_id, geometry) with every district's
    admin1 taken from its own country: where WOF's ``region_wof_id`` names another country's admin1 (in the
    Golan, WOF parents Syria's Markaz Al-Qunaytrah under Israel's Northern District and Israel's Golan under
    Syria's Al Qunaytirah; a new user saw "Qahtaniyah ... in Markaz Al-Qunaytrah, Northern"), the admin1 of the
    district's country that overlaps it most (by area in degrees²). Rows are otherwise unchanged; a district
    no admin1 of its country overlaps keeps WOF's parent."""
    import shapely

    admin2 = admin2.copy()
    country_of = dict(zip(admin1["wof_id"], admin1["country"]))
    for row in admin2.index[[country_of.get(i) != c for i, c in zip(admin2["admin1_wof_id"], admin2["country"])]]:
        shape = admin2.at[row, "geometry"]
        own = admin1[admin1["country"] == admin2.at[row, "country"]]
        overlap = shapely.area(shapely.intersection(own.geometry.values, shape))
        if not len(overlap) or overlap.max() <= 0:
            continue
        best = own.iloc[int(np.argmax(overlap))]
        admin2.at[row, "admin1"], admin2.at[row, "admin1_ar"] = best["admin1"], best["admin1_ar"]
        admin2.at[row, "admin1_wof_id"] = int(best["wof_id"])
    return admin2


def _split(value: str) -> list[str]:
    return [v.strip() for v in str(value or "").split("|") if v.strip()]


def _kind(placetype: str, code: str, population: int) -> str:
    """Coarse kind (geodata.place.KINDS): neighbourhoods are quarters; settlements by population
    (GeoNames cities carry no class of their own) and seat codes (PPLA* are seats of a division)."""
    if placetype == "neighbourhood" or code == "PPLX":
        return "neighbourhood"
    if placetype == "localadmin":
        return "district"
    if population >= 100_000 or code in ("PPLC", "PPLA"):
        return "city"
    if population >= 10_000 or code in ("PPLA2",):
        return "town"
    return "village"


def read_localities(src: Path, country: str, log) -> pd.DataFrame:
    """One country's current localities, deduplicated, names joined per script."""
    from .normalize import fold

    path = src / f"wof_{country.lower()}_localities.tsv.gz"
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    extra_path = src / f"wof_{country.lower()}_names_extra.tsv.gz"
    if extra_path.exists():
        extra = pd.read_csv(extra_path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
        extra = extra.drop_duplicates("wof_id").set_index("wof_id")
        raw = raw.join(extra, on="wof_id")
    for column in ("names_fas", "names_heb", "names_tur", "names_kur"):
        raw[column] = raw[column].fillna("") if column in raw else ""
    total = len(raw)
    retired = (raw["is_current"] == "0") | (raw["deprecated"] != "")
    frame = raw[~retired & (raw["placetype"].isin(("locality", "neighbourhood", "localadmin")))].copy()
    frame["latitude"] = pd.to_numeric(frame["lat"], errors="coerce")
    frame["longitude"] = pd.to_numeric(frame["lon"], errors="coerce")
    frame = frame[frame["latitude"].between(-90, 90) & frame["longitude"].between(-180, 180)
                  & ((frame["latitude"] != 0) | (frame["longitude"] != 0))]
    frame["population"] = pd.to_numeric(frame["population"], errors="coerce").fillna(0).clip(0).astype("int64")
    frame["has_gn"] = frame["geonameid"] != ""
    frame["n_names"] = frame["names_latin"].str.count(r"\|") + frame["names_arabic"].str.count(r"\|")
    # Dedupe 1: two current records sharing one GeoNames id (PS quirk): keep the richer one,
    # with the other's names added.
    frame = frame.sort_values(["has_gn", "is_current", "n_names"], ascending=[False, False, False], kind="stable")
    frame["folded"] = [fold(n) for n in frame["name"]]
    groups = np.where(frame["has_gn"], "gn" + frame["geonameid"], "wof" + frame["wof_id"])
    frame["group"] = groups
    # Dedupe 2: the same folded name within DUPLICATE_KM (a WOF record with and one without its
    # GeoNames id, e.g. Al Qamishli): join the group of the first such record.
    cell = (frame["folded"] + "@" + (frame["latitude"] / 0.02).round().astype(int).astype(str) + ","
            + (frame["longitude"] / 0.02).round().astype(int).astype(str))
    first_of_cell: dict[str, str] = {}
    merged = []
    for key, group in zip(cell, frame["group"]):
        merged.append(first_of_cell.setdefault(key, group))
    frame["group"] = merged
    keep = ~frame["group"].duplicated()
    names_of = {}
    for column in ("names_arabic", "names_latin", "names_fas", "names_heb", "names_tur", "names_kur", "name"):
        names_of[column] = frame.groupby("group", sort=False)[column].agg(
            lambda values: "|".join(dict.fromkeys(n for v in values for n in _split(v))))
    out = frame[keep].copy()
    for column, joined in names_of.items():
        if column != "name":
            out[column] = out["group"].map(joined)
    # Other primary names of merged duplicates become Latin names of the kept record.
    out["names_latin"] = [
        "|".join(dict.fromkeys([*_split(latin), *(n for n in _split(names_of["name"][g]) if n != name)]))
        for latin, g, name in zip(out["names_latin"], out["group"], out["name"])]
    log(f"{country}: {total:,} records, {int(retired.sum()):,} retired dropped, "
        f"{len(frame) - len(out):,} duplicates merged, {len(out):,} kept")
    out["abandoned"] = out["gn_feature_code"].isin(ABANDONED_CODES)
    out["kind"] = [_kind(p, c, n) for p, c, n in zip(out["placetype"], out["gn_feature_code"], out["population"])]
    return pd.DataFrame({
        "wof_id": out["wof_id"].astype("int64"),
        "geonameid": pd.to_numeric(out["geonameid"], errors="coerce").astype("Int64"),
        "country": country, "name": out["name"], "kind": out["kind"], "placetype": out["placetype"],
        "feature_code": out["gn_feature_code"], "abandoned": out["abandoned"],
        "population": out["population"], "latitude": out["latitude"].round(5), "longitude": out["longitude"].round(5),
        "wof_region": out["region"], "wof_county": out["county"],
        "names_ar": out["names_arabic"], "names_latin": out["names_latin"], "names_fas": out["names_fas"],
        "names_heb": out["names_heb"], "names_tur": out["names_tur"], "names_kur": out["names_kur"],
    })


FORMS_SCHEMA = "2"      # bump when index.name_info's values change shape or meaning


def rules_digest() -> str:
    """Digest of the name rules (normalize.py, translit.py): the forms table is valid for these only."""
    import hashlib

    here = Path(__file__).parent
    parts = [FORMS_SCHEMA.encode(), *((here / f).read_bytes() for f in ("normalize.py", "translit.py"))]
    return hashlib.sha1(b"".join(parts)).hexdigest()[:16]


def build_forms(out: Path = OUT, log=print) -> int:
    """Precompute index.name_info for every name of the regional gazetteer into wof_forms.parquet
    (saves normalising ~700,000 names at each process start). Needs only wof_localities.parquet,
    not ../shared: run ``python -m geodata.build --forms`` after changing normalize.py/translit.py."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .index import name_info
    from .regional import NAME_COLUMNS

    places = pd.read_parquet(out / "wof_localities.parquet", columns=["country", "name", *NAME_COLUMNS])
    rows = []
    # How many places of the whole region carry each normalised name (namesakes, index.NAME_PLACES).
    core_places: dict[str, int] = {}
    for record in places.itertuples(index=False):
        cores = {name_info(n)[0] for column in ("name", *NAME_COLUMNS)
                 for n in str(getattr(record, column) or "").split("|") if n}
        for core in cores:
            core_places[core] = core_places.get(core, 0) + 1
    for country, group in places.groupby("country", observed=True, sort=True):
        raws = dict.fromkeys(n for column in ("name", *NAME_COLUMNS) for joined in group[column]
                             for n in str(joined or "").split("|") if n)
        for raw in raws:
            core, key, quarters, centre, hinted = name_info(raw)
            rows.append((str(country), raw, core, key, "|".join(sorted(quarters)), centre, hinted,
                         core_places.get(core, 0)))
    frame = pd.DataFrame(rows, columns=["country", "raw", "core", "key", "quarters", "centre", "hinted", "n_places"])
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"rules": rules_digest().encode()})
    pq.write_table(table, out / "wof_forms.parquet", compression="zstd", compression_level=19, row_group_size=100_000)
    log(f"wof_forms.parquet: {len(frame):,} names, {(out / 'wof_forms.parquet').stat().st_size / 1e6:.2f} MB")
    return len(frame)


PLACE_ADMIN = "wof_place_admin.parquet"


def derived_digest(out: Path = OUT) -> str:
    """Digest of what the admin1/admin2 of each place depend on: the locate code, the polygons
    and the localities (their order too). wof_place_admin.parquet is valid for this digest only."""
    import hashlib

    digest = hashlib.sha1()
    for path in (Path(__file__).parent / "boundaries.py", out / "admin1.parquet", out / "admin2.parquet",
                 out / "wof_localities.parquet"):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:16]


def build_place_admin(out: Path = OUT, log=print) -> int:
    """Write wof_place_admin.parquet: for each row of wof_localities.parquet (same order), the
    admin1/admin2 polygon holding it exactly as the geocoder's index asks for it
    (``boundaries.locate(..., countries=<its country>, snap_km=10)``), null where none, so a
    process reads them instead of building the polygon grid. Needs only geodata/data/."""
    import geopandas as gpd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .boundaries import Locator

    places = pd.read_parquet(out / "wof_localities.parquet", columns=["country", "latitude", "longitude"])
    locator = Locator(gpd.read_parquet(out / "admin1.parquet"), gpd.read_parquet(out / "admin2.parquet"))
    where = locator.locate(places["latitude"].to_numpy(), places["longitude"].to_numpy(),
                           countries=places["country"].astype(str).to_numpy(dtype=object), snap_km=10.0)
    table = pa.table({"country": pa.array(places["country"].astype(str)).dictionary_encode(),
                      "admin1": pa.array(where["admin1"].tolist(), pa.string()).dictionary_encode(),
                      "admin2": pa.array(where["admin2"].tolist(), pa.string()).dictionary_encode()})
    table = table.replace_schema_metadata({b"digest": derived_digest(out).encode()})
    pq.write_table(table, out / PLACE_ADMIN, compression="zstd", compression_level=19, row_group_size=20_000)
    log(f"{PLACE_ADMIN}: {len(table):,} places, {(out / PLACE_ADMIN).stat().st_size / 1e6:.2f} MB")
    return len(table)


def build_entries(out: Path = OUT, log=print) -> int:
    """wof_index.parquet (regional.build_entries): the geocoder's index rows, precomputed."""
    from .regional import build_entries as build_index_rows

    return build_index_rows(out, log)


OUTSIDE_KM = 25.0  # the distance the project counts as "right" (README, geocoder section); events.placement
# warns about an event row beyond the same distance from its country


def far_outside(places: pd.DataFrame, admin1: "pd.DataFrame", km: float = OUTSIDE_KM) -> np.ndarray:
    """Boolean mask over ``places`` (columns country, latitude, longitude in WGS84 degrees): True for a
    place lying more than ``km`` km outside the union of its own country's ``admin1`` polygons (a
    GeoDataFrame with country and geometry). Such a row names the wrong country or carries wrong
    coordinates: the IR extract holds about 50 places of Ireland (IE) and the YE extract 53 villages at
    about (0.25, 0.78), next to (0, 0). A country with no polygon is never flagged. The distance is a
    buffer in degrees at the km/degree of latitude 42.5 (the region's northern edge), so it errs on the
    side of keeping a place (``where.country_zone``, the line ``events.placement`` warns at too)."""
    import shapely

    from .where import country_zone

    out = np.zeros(len(places), dtype=bool)
    lats = places["latitude"].to_numpy(dtype=float)
    lons = places["longitude"].to_numpy(dtype=float)
    codes = places["country"].astype(str).to_numpy()
    for code in np.unique(codes):
        shapes = admin1.loc[admin1["country"] == code, "geometry"].to_numpy()
        if not len(shapes):
            continue
        zone = country_zone(shapes, km)
        rows = np.flatnonzero(codes == code)
        out[rows] = ~shapely.contains_xy(zone, lons[rows], lats[rows])
    return out


def build(src: Path, out: Path = OUT, log=print) -> dict[str, int]:
    """Write admin1.parquet, admin2.parquet and wof_localities.parquet into ``out``; returns
    {file name: size in bytes}. Raises FileNotFoundError when ``src`` holds no extracts."""
    from .boundaries import Locator

    if not any(src.glob("wof_*_localities.tsv.gz")):
        raise FileNotFoundError(f"no wof_*_localities.tsv.gz in {src}")
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    layers = build_boundaries(src)
    for level, frame in layers.items():
        frame.to_parquet(out / f"admin{level}.parquet", compression="zstd", index=False,
                         schema_version="1.0.0", write_covering_bbox=False)
        log(f"admin{level}: {len(frame)} polygons, {int(frame.geometry.count_coordinates().sum()):,} vertices")
    locator = Locator(layers[1], layers[2])
    frames = [read_localities(src, country, log) for country in COUNTRIES
              if (src / f"wof_{country.lower()}_localities.tsv.gz").exists()]
    places = pd.concat(frames, ignore_index=True)
    where = locator.locate(places["latitude"].to_numpy(), places["longitude"].to_numpy(),
                           countries=places["country"].to_numpy(), snap_km=10.0)
    for column in ("admin1", "admin1_ar", "admin2", "admin2_ar"):
        places[column] = where[column].fillna("").to_numpy()
    places["in_country"] = where["country"].notna().to_numpy()
    far = far_outside(places, layers[1])
    if far.any():
        shown = ", ".join(f"{r.name} ({r.country} {r.latitude:.2f},{r.longitude:.2f})"
                          for r in places[far].head(8).itertuples())
        log(f"localities: dropped {int(far.sum()):,} lying more than {OUTSIDE_KM:.0f} km outside their country's "
            f"polygons (a wrong country code or coordinates in the extract), e.g. {shown}")
        places = places[~far].reset_index(drop=True)
    log(f"localities: {len(places):,}; {int((~places['in_country']).sum()):,} outside their country's polygons "
        f"by 10-{OUTSIDE_KM:.0f} km (kept, admin1 from WOF's own region name only)")
    for column in ("country", "kind", "placetype", "feature_code"):
        places[column] = places[column].astype("category")
    places.to_parquet(out / "wof_localities.parquet", compression="zstd", compression_level=19, index=False,
                      row_group_size=50_000)
    build_forms(out, log)
    build_place_admin(out, log)
    build_entries(out, log)
    sizes = {p.name: p.stat().st_size for p in sorted(out.glob("*.parquet"))}
    for name, size in sizes.items():
        log(f"{name}: {size / 1e6:.2f} MB")
    log(f"built in {time.perf_counter() - started:.1f} s")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata.build", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, nargs="?",
                        help="folder with the wof_XX_* extracts (../shared/data/gazetteers)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--forms", action="store_true",
                        help="only recompute the derived tables wof_forms.parquet, wof_place_admin.parquet and "
                             "wof_index.parquet (after a change to the name rules, boundaries.py or index rows)")
    args = parser.parse_args(argv)
    if args.forms:
        build_forms(args.out)
        build_place_admin(args.out)
        build_entries(args.out)
        return 0
    if args.source is None:
        parser.error("the extracts folder is required (or --forms)")
    try:
        build(args.source, args.out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

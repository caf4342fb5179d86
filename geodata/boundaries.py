"""Admin1 / admin2 boundaries of the mapped region, embedded, and "which division holds this point".

The polygons are Who's On First's current admin1 (governorate / province) and admin2 (district /
county) polygons for SY, IQ, JO, LB, IL, PS, YE, IR and TR (mostly Mesoshapes, CC0; see
geodata/data/README.md), simplified as one coverage by ``geodata/build.py``. Jordan has no admin2
layer in the extract: its points get admin1 only.

    >>> from geodata.boundaries import admin_areas, locate
    >>> admin_areas(1, ["IQ"]).loc[:, ["country", "admin1", "admin1_ar"]].head(1)   # GeoDataFrame
    >>> locate([36.77], [42.63])      # DataFrame: country IQ, admin1 Ninawa, admin2 Telafar ...

``locate`` is vectorised (one STRtree bounding-box query, then prepared point-in-polygon tests
over the candidate pairs, on distinct coordinates only).
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

DATA = Path(__file__).parent / "data"
ADMIN_FILES = {1: DATA / "admin1.parquet", 2: DATA / "admin2.parquet"}
LOCATE_COLUMNS = ("country", "admin1", "admin1_ar", "admin2", "admin2_ar")
KM_PER_DEGREE = 111.2


@lru_cache(maxsize=2)
def _layer(level: int):
    """One level's polygons as a GeoDataFrame (what geopandas.read_parquet gives), sharing the
    geometries of ``_frame(level)``."""
    import geopandas as gpd
    import pyproj

    frame, crs = _frame(level)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=pyproj.CRS.from_json_dict(crs) if crs else None)


@lru_cache(maxsize=2)
def _frame(level: int) -> tuple[pd.DataFrame, dict | None]:
    """One level's polygons as a plain DataFrame (shapely geometries in ``geometry``) and the
    GeoParquet CRS: read with pyarrow + shapely, without importing geopandas/pyproj (the
    geocoder's index and the locator need nothing more)."""
    import json

    import pyarrow.parquet as pq

    if level not in ADMIN_FILES:
        raise ValueError(f"admin level must be 1 or 2, not {level!r}")
    table = pq.read_table(ADMIN_FILES[level])
    geo = json.loads((table.schema.metadata or {}).get(b"geo", b"{}") or b"{}")
    crs = geo.get("columns", {}).get("geometry", {}).get("crs")
    frame = table.drop(["geometry"]).to_pandas()
    frame["geometry"] = shapely.from_wkb(table["geometry"].to_numpy(zero_copy_only=False))
    return frame[list(table.column_names)], crs


def areas(level: int, countries=None) -> pd.DataFrame:
    """Like admin_areas, as a plain DataFrame (shapely geometries), not a copy: read-only use."""
    frame, _ = _frame(level)
    if countries is not None:
        wanted = {str(c).upper() for c in ([countries] if isinstance(countries, str) else countries)}
        frame = frame[frame["country"].isin(wanted)]
    return frame


def admin_areas(level: int, countries=None):
    """Admin polygons of one level as a GeoDataFrame (EPSG:4326, WGS84 degrees), a copy.

    level 1 columns: country (ISO 3166-1 alpha-2), admin1 (English name), admin1_ar (Arabic name,
    "" where WOF has none), name_wof (WOF's own name), wof_id, iso_code (ISO 3166-2 where known),
    hasc, geonameid, wikidata, geometry. level 2 adds admin2, admin2_ar and admin1_wof_id (the
    parent's wof_id). ``countries``: an iterable of alpha-2 codes to keep (None: all nine).
    ``frame.to_json()`` / ``__geo_interface__`` give GeoJSON. Raises ValueError for another level.
    """
    frame = _layer(level)
    if countries is not None:
        wanted = {str(c).upper() for c in ([countries] if isinstance(countries, str) else countries)}
        frame = frame[frame["country"].isin(wanted)]
    return frame.copy()


class _Layer:
    """One admin level: prepared polygons, an STRtree, and a grid of cells listing the polygons
    whose bounding box meets each cell (cells wholly inside one polygon answer without a test)."""

    CELL = 0.1     # degrees
    GRID_MIN_POINTS = 2_000   # fewer points are tested through the STRtree alone

    def __init__(self, frame):
        self.frame = frame.reset_index(drop=True)
        self.geoms = np.asarray(self.frame.geometry.values, dtype=object)
        shapely.prepare(self.geoms)
        self.tree = shapely.STRtree(self.geoms)
        self.country = self.frame["country"].to_numpy(dtype=object)
        self.trees: dict[str, tuple[np.ndarray, shapely.STRtree]] = {}
        self._grid_built = False

    def _grid(self) -> None:
        """Build the cell grid (about a second for the nine countries; only for big point sets)."""
        if self._grid_built:
            return
        x0, y0, x1, y1 = shapely.total_bounds(self.geoms) if len(self.geoms) else (0, 0, 0, 0)
        self.x0, self.y0 = np.floor(x0 / self.CELL) * self.CELL, np.floor(y0 / self.CELL) * self.CELL
        self.nx = int(np.ceil((x1 - self.x0) / self.CELL)) + 1
        self.ny = int(np.ceil((y1 - self.y0) / self.CELL)) + 1
        cx, cy = np.meshgrid(np.arange(self.nx), np.arange(self.ny))
        cx, cy = cx.ravel(), cy.ravel()
        boxes = shapely.box(self.x0 + cx * self.CELL, self.y0 + cy * self.CELL,
                            self.x0 + (cx + 1) * self.CELL, self.y0 + (cy + 1) * self.CELL)
        cell, poly = self.tree.query(boxes) if len(self.geoms) else (np.array([], int), np.array([], int))
        ncells = self.nx * self.ny
        order = np.lexsort((poly, cell))
        cell, poly = cell[order], poly[order]
        self.ptr = np.zeros(ncells + 1, dtype=np.int64)
        np.add.at(self.ptr, cell + 1, 1)
        self.ptr = np.cumsum(self.ptr)
        self.polys = poly.astype(np.int64)
        # A cell wholly inside a polygon is answered by that polygon (no point test).
        self.solid = np.full(ncells, -1, dtype=np.int64)
        if len(cell):
            inside = shapely.contains_properly(self.geoms[poly], boxes[cell])
            self.solid[cell[inside]] = poly[inside]
        self._grid_built = True

    def country_tree(self, country: str):
        if country not in self.trees:
            members = np.flatnonzero(self.country == country)
            self.trees[country] = (members, shapely.STRtree(self.geoms[members]))
        return self.trees[country]

    def hits(self, x: np.ndarray, y: np.ndarray, countries: np.ndarray | None, snap_km: float) -> np.ndarray:
        """Row of the polygon holding each point, -1 for none."""
        out = np.full(len(x), -1, dtype=np.int64)
        if not len(x) or not len(self.geoms):
            return out
        if len(x) < self.GRID_MIN_POINTS:
            # A few points (the curated places of one country): the STRtree alone, no grid.
            # "within" is contains_xy's test (a point on a polygon's boundary is in neither).
            pt, poly = self.tree.query(shapely.points(x, y), predicate="within")
            if countries is not None:
                keep = self.country[poly] == countries[pt]
                pt, poly = pt[keep], poly[keep]
            self._first(out, pt, poly)
            self._snap(out, x, y, countries, snap_km)
            return out
        self._grid()
        gx = np.floor((x - self.x0) / self.CELL).astype(np.int64)
        gy = np.floor((y - self.y0) / self.CELL).astype(np.int64)
        ok = (gx >= 0) & (gx < self.nx) & (gy >= 0) & (gy < self.ny)
        cell = np.where(ok, gy * self.nx + gx, 0)
        solid = np.where(ok, self.solid[cell], -1)
        if countries is not None:
            solid = np.where((solid >= 0) & (self.country[np.maximum(solid, 0)] == countries), solid, -1)
        out[solid >= 0] = solid[solid >= 0]
        todo = np.flatnonzero(ok & (solid < 0))
        counts = self.ptr[cell[todo] + 1] - self.ptr[cell[todo]]
        pt = np.repeat(todo, counts)
        if len(pt):
            starts = np.repeat(self.ptr[cell[todo]] - np.cumsum(counts) + counts, counts)
            poly = self.polys[starts + np.arange(len(pt))]
            inside = shapely.contains_xy(self.geoms[poly], x[pt], y[pt])       # prepared polygons
            if countries is not None:
                inside &= self.country[poly] == countries[pt]
            self._first(out, pt[inside], poly[inside])
        self._snap(out, x, y, countries, snap_km)
        return out

    @staticmethod
    def _first(out: np.ndarray, pt: np.ndarray, poly: np.ndarray) -> None:
        """Overlaps (IL/PS around Jerusalem, disputed lines): the first polygon in file order."""
        first = np.ones(len(pt), dtype=bool)
        order = np.lexsort((poly, pt))
        pt, poly = pt[order], poly[order]
        first[1:] = pt[1:] != pt[:-1]
        out[pt[first]] = poly[first]

    def _snap(self, out: np.ndarray, x: np.ndarray, y: np.ndarray, countries, snap_km: float) -> None:
        if snap_km > 0:
            missing = np.flatnonzero(out < 0)
            if len(missing):
                degrees = snap_km / KM_PER_DEGREE
                points = shapely.points(x[missing], y[missing])
                if countries is None:
                    found = self.tree.query_nearest(points, max_distance=degrees, all_matches=False)
                    out[missing[found[0]]] = found[1]
                else:
                    for country in pd.unique(countries[missing]):
                        if not isinstance(country, str):
                            continue
                        members, tree = self.country_tree(country)
                        if not len(members):
                            continue
                        sel = np.flatnonzero(countries[missing] == country)
                        found = tree.query_nearest(points[sel], max_distance=degrees, all_matches=False)
                        out[missing[sel[found[0]]]] = members[found[1]]


class Locator:
    """Point -> (country, admin1, admin2) over given admin1/admin2 GeoDataFrames. admin2 is found
    first and names its own admin1 (the pair always agrees); points no admin2 holds (Jordan, a
    layer gap) are looked up in the admin1 layer."""

    def __init__(self, admin1, admin2):
        self.admin1 = _Layer(admin1)
        self.admin2 = _Layer(admin2)
        row_of = {wid: i for i, wid in enumerate(self.admin1.frame["wof_id"])}
        self.parent = np.array([row_of.get(w, -1) for w in self.admin2.frame["admin1_wof_id"]], dtype=np.int64)

    def locate(self, lats, lons, countries=None, snap_km: float = 0.0) -> pd.DataFrame:
        lats = np.asarray(lats, dtype=float).reshape(-1)
        lons = np.asarray(lons, dtype=float).reshape(-1)
        if lats.shape != lons.shape:
            raise ValueError(f"lats and lons differ in length ({len(lats)} vs {len(lons)})")
        if countries is not None:
            countries = np.asarray(countries, dtype=object).reshape(-1)
            if countries.shape != lats.shape:
                raise ValueError(f"countries has {len(countries)} values for {len(lats)} points")
        n = len(lats)
        with np.errstate(invalid="ignore"):
            valid = np.isfinite(lats) & np.isfinite(lons) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180)
        idx = np.flatnonzero(valid)
        # Distinct coordinates only (events repeat places): 1e-6 degree (0.1 m) grid.
        keys = (np.round(lons[idx] * 1e6).astype(np.int64) * 1_000_000_000
                + np.round(lats[idx] * 1e6).astype(np.int64))
        if countries is not None:
            ccodes, _ = pd.factorize(pd.Series(countries[idx], dtype=object), use_na_sentinel=False)
            keys = keys * 1024 + ccodes
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        ux, uy = lons[idx][first], lats[idx][first]
        uc = countries[idx][first] if countries is not None else None
        h2 = self.admin2.hits(ux, uy, uc, snap_km)
        h1 = np.where(h2 >= 0, self.parent[np.maximum(h2, 0)], -1)
        rest = np.flatnonzero(h1 < 0)
        if len(rest):
            h1[rest] = self.admin1.hits(ux[rest], uy[rest], None if uc is None else uc[rest], snap_km)
        # An admin2 in another country than its admin1 (overlapping layers) is dropped.
        clash = (h2 >= 0) & (h1 >= 0)
        clash[clash] = self.admin2.country[h2[clash]] != self.admin1.country[h1[clash]]
        h2[clash] = -1
        columns = {}
        for layer, hits, names in ((self.admin1, h1, ("country", "admin1", "admin1_ar")),
                                   (self.admin2, h2, ("admin2", "admin2_ar"))):
            rows = np.full(n, -1, dtype=np.int64)
            rows[idx] = hits[inverse]
            found = rows >= 0
            for name in names:
                values = np.full(n, None, dtype=object)
                values[found] = layer.frame[name].to_numpy(dtype=object)[rows[found]]
                columns[name] = values
        return pd.DataFrame(columns)


_locator: Locator | None = None
_locator_lock = threading.Lock()


def locator() -> Locator:
    """The process's Locator over the embedded polygons (built on first use, ~0.2 s)."""
    global _locator
    with _locator_lock:
        if _locator is None:
            _locator = Locator(_frame(1)[0], _frame(2)[0])
        return _locator


def locate(lats, lons, countries=None, snap_km: float | None = None) -> pd.DataFrame:
    """Country, admin1 and admin2 holding each point (WGS84 degrees), vectorised.

    Returns a DataFrame with one row per point, in order, columns country (ISO alpha-2), admin1,
    admin1_ar, admin2, admin2_ar; None where no embedded polygon holds the point (outside the
    nine countries, invalid or NaN coordinates; admin2 for Jordan). ``countries``: optional
    alpha-2 code per point: only that country's polygons count, and a point within ``snap_km``
    (default 10 km when countries are given, else 0) of its country's border, e.g. on a coast the
    simplified polygon cuts, gets the nearest division. Raises ValueError when lengths differ.
    """
    if snap_km is None:
        snap_km = 10.0 if countries is not None else 0.0
    return locator().locate(lats, lons, countries=countries, snap_km=snap_km)


def _other_admin1(codes, given, found, empty) -> np.ndarray:
    """Rows whose own admin1 and the admin1 polygon holding their point are two known, different
    divisions (Al-Tanf, recorded in Homs, lies in WOF's Rif Dimashq: sources draw the governorates
    differently there). The district of that polygon belongs to the other governorate, so it is not
    given to the row: an event in "Homs, Duma district" would be filtered and counted under a district
    its governorate does not have. Spellings are compared by display name (``geodata.display``)."""
    from .display import admin1_display

    out = np.zeros(len(given), dtype=bool)
    rows = np.flatnonzero(~empty & pd.notna(found))
    if not len(rows):
        return out
    # one look-up per distinct (country, given, found): each column factorised, the three codes combined
    parts = [pd.factorize(pd.Series(col[rows], dtype=object).astype(str)) for col in (codes, given, found)]
    sizes = [len(uniques) + 1 for _, uniques in parts]
    combined = (parts[0][0].astype(np.int64) * sizes[1] + parts[1][0]) * sizes[2] + parts[2][0]
    keys, first = np.unique(combined, return_index=True)
    differs = np.array([(mine := admin1_display(parts[0][1][parts[0][0][i]], parts[1][1][parts[1][0][i]])) is not None
                        and (theirs := admin1_display(parts[0][1][parts[0][0][i]], parts[2][1][parts[2][0][i]]))
                        is not None and mine != theirs for i in first], dtype=bool)
    out[rows] = differs[np.searchsorted(keys, combined)]
    return out


def fill_admin(frame: pd.DataFrame, lat: str = "latitude", lon: str = "longitude", country: str = "country",
               admin1: str = "admin1", admin2: str = "admin2") -> pd.DataFrame:
    """Rows with coordinates get the admin1 (where theirs is empty) and admin2 of the embedded
    polygon of THEIR country that holds the point (within 10 km of its border counts: coasts);
    a point outside its own country's polygons keeps an empty admin1. Returns a copy with the
    ``admin2`` column added ("" where unknown). Vectorised on distinct coordinates; 1,000,000
    rows take about a second (benchmarks/geocode_throughput.py)."""
    out = frame.copy()
    n = len(out)
    filled2 = np.full(n, "", dtype=object)
    if n and {lat, lon, country} <= set(out.columns):
        lats = pd.to_numeric(out[lat], errors="coerce").to_numpy(dtype=float)
        lons = pd.to_numeric(out[lon], errors="coerce").to_numpy(dtype=float)
        codes = out[country].astype(object).where(out[country].notna(), None).to_numpy(dtype=object)
        rows = np.flatnonzero(np.isfinite(lats) & np.isfinite(lons) & pd.notna(codes))
        if len(rows):
            where = locate(lats[rows], lons[rows], countries=codes[rows])
            found1 = where["admin1"].to_numpy(dtype=object)
            found2 = where["admin2"].to_numpy(dtype=object)
            has2 = pd.notna(found2)
            if admin1 in out.columns:
                current = out[admin1].astype(object).to_numpy(dtype=object)
                empty = pd.isna(current[rows]) | (current[rows] == "")
                take = empty & pd.notna(found1)
                has2 &= ~_other_admin1(codes[rows], current[rows], found1, empty)
                current = current.copy()
                current[rows[take]] = found1[take]
                out[admin1] = current
            filled2[rows[has2]] = found2[has2]
    out[admin2] = filled2
    return out

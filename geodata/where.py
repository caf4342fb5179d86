"""Which of the nine countries holds a point: the embedded admin1 polygons (``geodata.boundaries``), the
admin1 layer only. Kept out of boundaries.py: the derived tables' digest covers that file's code
(``geodata.build.derived_digest``), and this adds nothing they depend on."""
from __future__ import annotations

import numpy as np
import shapely

from .boundaries import locator


def country_at(lats, lons, admin1: bool = False):
    """ISO 3166-1 alpha-2 code of the embedded admin1 polygon holding each point (WGS84 degrees).

    Returns an object array, one value per point, in order: the code, or None where none of the nine
    countries' polygons holds the point (elsewhere, at sea, invalid or NaN coordinates); with
    ``admin1=True`` a pair (codes, admin1 English names, None likewise). Where polygons overlap
    (IL/PS around Jerusalem) the first in file order answers, as in ``locate``. The admin1 layer only
    and no de-duplication: about 0.4 s for 1,000,000 scattered points once the cell grid is built
    (``locate`` also finds admin2: about 1.2 s). Raises ValueError when the lengths differ."""
    lats = np.asarray(lats, dtype=float).reshape(-1)
    lons = np.asarray(lons, dtype=float).reshape(-1)
    if lats.shape != lons.shape:
        raise ValueError(f"lats and lons differ in length ({len(lats)} vs {len(lons)})")
    codes = np.full(len(lats), None, dtype=object)
    names = np.full(len(lats), None, dtype=object)
    with np.errstate(invalid="ignore"):
        valid = np.flatnonzero(np.isfinite(lats) & np.isfinite(lons) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180))
    if len(valid):
        layer = locator().admin1
        hits = layer.hits(lons[valid], lats[valid], None, 0.0)
        found = hits >= 0
        codes[valid[found]] = layer.country[hits[found]]
        if admin1:
            names[valid[found]] = layer.frame["admin1"].to_numpy(dtype=object)[hits[found]]
    return (codes, names) if admin1 else codes


KM_PER_DEGREE_MIN = 111.2 * np.cos(np.radians(42.5))  # km per degree of longitude at the region's northern edge


def country_zone(shapes, km: float):
    """One country's admin1 polygons (shapely geometries, WGS84) as a single prepared shape grown by
    ``km`` km (shrunk when ``km`` is negative), without holes: the simplified shared borders of
    neighbouring admin1s leave slivers between them that a shrunk shape would widen into false
    "near the border" strips. The buffer is in degrees at the km per degree of longitude at latitude
    42.5 (the region's northern edge), the smallest in the region, so a grown zone errs wide and a
    shrunk one narrow. Used by ``geodata.build.far_outside`` (places dropped from the gazetteer) and
    ``events.placement`` (rows warned about), so both draw the same line."""
    parts = shapely.get_parts(shapely.union_all(np.asarray(shapes, dtype=object)))
    whole = shapely.union_all(shapely.polygons(shapely.get_exterior_ring(parts)))
    zone = shapely.buffer(whole, km / KM_PER_DEGREE_MIN)
    shapely.prepare(zone)
    return zone

"""Which of the nine countries holds a point: the embedded admin1 polygons (``geodata.boundaries``), the
admin1 layer only. Kept out of boundaries.py: the derived tables' digest covers that file's code
(``geodata.build.derived_digest``), and this adds nothing they depend on."""
from __future__ import annotations

import numpy as np

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

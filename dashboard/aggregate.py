"""Events counted into H3 hexagons on the server, so the map ships a bounded payload at any scale.

Above ``THRESHOLD`` events (in view), the map draws one hexagon per occupied cell, with its count
and fatalities, instead of one marker per event. h3 has no vectorised call (about 2.5 µs a point),
so points are first snapped with numpy to a grid ``SNAP`` times finer than the cell edge and h3
runs once per occupied grid point, not once per event; a point within a snap step of a cell edge
may land in its neighbour, which a density map does not show.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import h3
import numpy as np
import pandas as pd

THRESHOLD = 2_000  # more events than this (in view) and the map shows hexagons (~600 B each as markers)
MAX_CELLS = 3_000  # never more hexagons than this: a coarser resolution instead
SNAP = 8  # grid steps per cell edge
# Map zoom -> h3 resolution, so that a hexagon stays about 12-25 px across on screen.
RES_BY_ZOOM = {0: 0, 1: 1, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 5, 8: 6, 9: 7, 10: 7, 11: 8, 12: 9}
MAX_RES = 10
EDGE_DEG = {r: h3.average_hexagon_edge_length(r, unit="km") / 111.32 for r in range(MAX_RES + 1)}
# Sequential density colours (ColorBrewer YlOrRd, 6 classes), light = few events.
COLOURS = ("#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026")

Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))


@dataclass(frozen=True)
class Viewport:
    """What part of the map the user sees: bounds and zoom, either may be unknown (None)."""

    bounds: Bounds | None = None
    zoom: int | None = None

    def rounded(self) -> "Viewport":
        """The same view at a precision that keeps cache keys few while panning by a few pixels."""
        if self.bounds is None:
            return self
        (s, w), (n, e) = self.bounds
        step = max(n - s, e - w, 1e-6) / 20
        snap = [round(round(v / step) * step, 6) for v in (s, w, n, e)]
        return Viewport(((snap[0], snap[1]), (snap[2], snap[3])), self.zoom)


def resolution_for(zoom: int | None, bounds: Bounds | None = None) -> int:
    """h3 resolution for a zoom level; without a zoom, one that suits the extent of ``bounds``."""
    if zoom is None:
        if bounds is None:
            return 4
        (s, w), (n, e) = bounds
        span = max(n - s, (e - w) * 0.8, 1e-6)
        zoom = int(math.log2(360 / span * 3))  # a map ~800 px wide shows about 3 tiles of 256 px
    zoom = max(0, int(zoom))
    return RES_BY_ZOOM[zoom] if zoom in RES_BY_ZOOM else min(MAX_RES, RES_BY_ZOOM[12] + (zoom - 12) // 2)


def in_bounds(lat: np.ndarray, lon: np.ndarray, bounds: Bounds | None, pad: float = 0.25) -> np.ndarray:
    """Mask of points inside ``bounds`` widened by ``pad`` of its size on every side (all, without bounds)."""
    if bounds is None:
        return np.ones(len(lat), dtype=bool)
    (s, w), (n, e) = bounds
    dy, dx = (n - s) * pad, (e - w) * pad
    if e - w + 2 * dx >= 360:
        return (lat >= s - dy) & (lat <= n + dy)
    west, east = ((w - dx + 180) % 360) - 180, ((e + dx + 180) % 360) - 180
    inside_lon = (lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east)
    return (lat >= s - dy) & (lat <= n + dy) & inside_lon


def cell_codes(lat: np.ndarray, lon: np.ndarray, res: int) -> tuple[np.ndarray, np.ndarray]:
    """(code per point, h3 cell id per code): points snapped to a fine grid, h3 once per grid point."""
    if len(lat) == 0:
        return np.zeros(0, dtype=np.int64), np.array([], dtype=object)
    step = EDGE_DEG[res] / SNAP
    iy = np.round(np.asarray(lat, dtype="float64") / step).astype(np.int64)
    ix = np.round(np.asarray(lon, dtype="float64") / step).astype(np.int64)
    key_of_point, keys = pd.factorize(iy * 4_000_037 + ix, sort=False)  # |ix| < 2e6: keys are unique
    ky, kx = np.empty(len(keys), dtype=np.int64), np.empty(len(keys), dtype=np.int64)
    ky[key_of_point], kx[key_of_point] = iy, ix  # every point of a key has the same grid point
    key_cells = [h3.latlng_to_cell(a, b, res) for a, b in zip((ky * step).tolist(), (kx * step).tolist())]
    cell_of_key, cells = pd.factorize(np.asarray(key_cells, dtype=object))
    return cell_of_key[key_of_point], np.asarray(cells, dtype=object)


def hexagons(lat: np.ndarray, lon: np.ndarray, fatalities: np.ndarray, res: int,
             max_cells: int = MAX_CELLS) -> tuple[pd.DataFrame, int]:
    """Per occupied cell: ``cell``, ``events``, ``fatalities``, ``weight`` (heat), at ``res`` or coarser
    until there are at most ``max_cells``. Returns the table and the resolution used."""
    codes, cells = cell_codes(lat, lon, res)
    fat = np.nan_to_num(np.asarray(fatalities, dtype="float64"), nan=0.0)
    weight = 1 + np.log1p(fat)
    while len(cells) > max_cells and res > 0:
        res -= 1
        parent_code, cells = pd.factorize(np.asarray([h3.cell_to_parent(c, res) for c in cells], dtype=object))
        codes, cells = parent_code[codes], np.asarray(cells, dtype=object)
    size = len(cells)
    table = pd.DataFrame({
        "cell": cells,
        "events": np.bincount(codes, minlength=size).astype(np.int64),
        "fatalities": np.bincount(codes, weights=fat, minlength=size).round().astype(np.int64),
        "weight": np.bincount(codes, weights=weight, minlength=size),
    })
    return table.sort_values("events", ascending=False, kind="stable").reset_index(drop=True), res


def breaks(counts: np.ndarray) -> list[int]:
    """Lower bounds of the colour classes: log steps from 1 to the largest count (dense areas stand out)."""
    top = int(counts.max()) if len(counts) else 1
    edges = sorted({max(1, int(round(top ** (k / len(COLOURS))))) for k in range(len(COLOURS))})
    return edges


def legend_svg(title: str, lower: list[int]) -> str:
    """Colour swatches with their count ranges as an SVG image (a string): ``lower`` gives each
    class's lowest count (from ``breaks``), coloured with ``COLOURS`` in order. An image, so no HTML
    reaches the page; built from the fixed palette, integers and the caller's fixed ``title`` only."""
    parts = [f'<text x="0" y="14">{title}</text>']
    x = 7 * len(title) + 6
    for k, low in enumerate(lower):
        high = lower[k + 1] - 1 if k + 1 < len(lower) else None
        label = f"{low:,}+" if high is None else (f"{low:,}" if high == low else f"{low:,}–{high:,}")
        parts.append(f'<rect x="{x}" y="3" width="12" height="12" fill="{COLOURS[k]}" opacity="0.8"/>')
        parts.append(f'<text x="{x + 16}" y="14">{label}</text>')
        x += 16 + 8 * len(label) + 10
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{x}" height="20" font-family="sans-serif" '
            f'font-size="13" fill="#1B1F24">' + "".join(parts) + "</svg>")


def colour_index(counts: np.ndarray, lower: list[int]) -> np.ndarray:
    """Colour class of each count given the classes' lower bounds."""
    return np.searchsorted(np.asarray(lower), counts, side="right") - 1


def cell_features(table: pd.DataFrame, lower: list[int]) -> dict:
    """One GeoJSON polygon per cell, with its count, fatalities, colour and tooltip (numbers only)."""
    colours = np.asarray(COLOURS)[colour_index(table["events"].to_numpy(), lower)]
    features = []
    for cell, n, f, c in zip(table["cell"], table["events"], table["fatalities"], colours):
        ring = [[round(lng, 4), round(lat, 4)] for lat, lng in h3.cell_to_boundary(cell)]
        ring.append(ring[0])
        features.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                         "properties": {"n": int(n), "f": int(f), "c": str(c),
                                        "tip": f"{int(n):,} events · {int(f):,} fatalities"}})
    return {"type": "FeatureCollection", "features": features}


def heat_points(table: pd.DataFrame) -> list[list[float]]:
    """Heat at scale: one weighted point per cell centre, so the heat layer is bounded too."""
    centres = [h3.cell_to_latlng(c) for c in table["cell"]]
    return [[round(a, 4), round(b, 4), round(float(w), 2)] for (a, b), w in zip(centres, table["weight"])]

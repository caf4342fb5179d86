"""Admin-area choropleth: events or fatalities per admin1 (per admin2 when zoomed in) for the
selection. Plain logic: no Streamlit, no folium.

Events are placed in areas by their coordinates with geodata's embedded Who's On First polygons
(``geodata.boundaries.locate``), not by the free-text ``admin1`` a dataset carries, so every
placed event counts once in the area that holds it. Each area also lists the dataset's own
``admin1`` spellings of its events (``a1f``), which a click on it writes into the ``admin1``
filter (the link parameter's values are the data's).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import shapely

from . import aggregate
from .aggregate import COLOURS, breaks, colour_index

MEASURES = ("events", "fatalities")
ADMIN2_FROM = 8  # zoom from which areas are admin2 (districts) instead of admin1
SIMPLIFY = {1: 0.01, 2: 0.008}  # degrees


def locate_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The WOF area of each event: columns country_area, admin1_area, admin2_area (None outside the
    nine countries or without coordinates), on ``frame``'s index. About 1 s per million events."""
    from geodata.boundaries import locate

    found = locate(frame["latitude"].to_numpy(dtype="float64", na_value=np.nan),
                   frame["longitude"].to_numpy(dtype="float64", na_value=np.nan))
    return pd.DataFrame({"country_area": found["country"].to_numpy(), "admin1_area": found["admin1"].to_numpy(),
                         "admin2_area": found["admin2"].to_numpy()}, index=frame.index)


def level_for(zoom: int | None) -> int:
    return 2 if zoom is not None and zoom >= ADMIN2_FROM else 1


def counts(selection: pd.DataFrame, located: pd.DataFrame, level: int) -> pd.DataFrame:
    """Events and fatalities per area for ``selection`` (rows of the frame ``located`` describes).
    Columns: country, area, events, fatalities; areas without events left out."""
    where = located.loc[selection.index]
    key = f"admin{level}_area"
    table = pd.DataFrame({"country": where["country_area"].to_numpy(), "area": where[key].to_numpy(),
                          "fatalities": selection["fatalities"].to_numpy(dtype="float64", na_value=np.nan)})
    table = table[table["area"].notna()]
    grouped = table.groupby(["country", "area"], sort=True).agg(
        events=("area", "size"), fatalities=("fatalities", lambda s: int(np.nansum(s))))
    return grouped.reset_index()


def data_admin1(frame: pd.DataFrame, located: pd.DataFrame, level: int) -> dict[tuple[str, str], list[str]]:
    """For each (country, area): the dataset's own ``admin1`` values of its events (what the filter takes)."""
    key = f"admin{level}_area"
    pairs = pd.DataFrame({"country": located["country_area"].to_numpy(), "area": located[key].to_numpy(),
                          "admin1": frame["admin1"].astype("string").to_numpy()})
    pairs = pairs.dropna()
    pairs = pairs[pairs["admin1"] != ""]
    return {k: sorted(set(g["admin1"])) for k, g in pairs.groupby(["country", "area"])}


@lru_cache(maxsize=2)
def _shapes(level: int) -> dict[tuple[str, str], dict]:
    """(country, area name) -> simplified polygon as GeoJSON geometry (coordinates to 3 decimals)."""
    from geodata.boundaries import admin_areas

    areas = admin_areas(level)
    simple = shapely.coverage_simplify(np.asarray(areas.geometry.values), SIMPLIFY[level])
    simple = shapely.transform(simple, lambda c: np.round(c, 3))
    name = f"admin{level}"
    # Areas are keyed by name, as locate() names them: polygons WOF gives one name (Yemen's Raymah and
    # Sana'a, both "San`ar") are drawn as one area, as their events are counted together.
    parts: dict[tuple[str, str], list] = {}
    for c, n, g in zip(areas["country"], areas[name], simple):
        parts.setdefault((c, n), []).append(g)
    return {key: shapely.geometry.mapping(geoms[0] if len(geoms) == 1 else shapely.union_all(geoms))
            for key, geoms in parts.items()}


def features(table: pd.DataFrame, level: int, measure: str, filters: dict | None = None) -> tuple[dict, list[int]]:
    """A FeatureCollection of the areas in ``table`` (``counts``) coloured by ``measure`` ("events" or
    "fatalities"), and the colour classes' lower bounds. Properties: ``n`` events, ``f`` fatalities,
    ``c`` colour, ``tip`` (the area's name and its figures), ``a1f`` the admin1 values a click filters to."""
    from geodata.display import display_of_polygon

    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    shapes = _shapes(level)
    values = table[measure].to_numpy()
    lower = breaks(values[values > 0]) if (values > 0).any() else [1]
    colours = np.asarray(COLOURS)[np.clip(colour_index(values, lower), 0, len(COLOURS) - 1)]
    out = []
    for (country, area, n, f), colour, value in zip(
            table[["country", "area", "events", "fatalities"]].itertuples(index=False), colours, values):
        geometry = shapes.get((country, area))
        if geometry is None or value <= 0:
            continue
        shown = display_of_polygon(country, area) if level == 1 else area   # the name filters and popups use
        out.append({"type": "Feature", "geometry": geometry, "properties": {
            "n": int(n), "f": int(f), "c": str(colour), "area": str(area),
            "tip": f"{shown} ({country}): {int(n):,} event{'s' if n != 1 else ''}, {int(f):,} killed",
            "a1f": (filters or {}).get((country, area), []),
        }})
    return {"type": "FeatureCollection", "features": out}, lower


def legend_svg(lower: list[int], measure: str, level: int) -> str:
    """The choropleth's legend as an SVG image (see aggregate.legend_svg)."""
    title = f"{measure.capitalize()} per {'governorate / province' if level == 1 else 'district'}:"
    return aggregate.legend_svg(title, lower)

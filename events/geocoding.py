"""Fill missing coordinates from the place names, through ``geodata``.

Each distinct (location, country, admin1, admin2) is geocoded once; ``admin2``, the district, where
the file gives one (``events.schema.ADMIN2``): a village list's namesakes in other districts are
then not taken for the place (``geodata.geocoder``). Only ``resolved`` results place the
event. ``ambiguous`` ones keep their status and the best candidate's name (``geo_name``) but no
point: the geocoder measured less than 95% of such answers within 25 km (Tabqa drawn at Tulayfah,
340 km away, was the kind), and the CLI says "none placed" for them too. They and ``unresolved``
rows stay in the table, off the map, for the analyst to place.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from .facts import GIVEN, PLACED, carried_provenance, has_coordinates, keep_provenance
from .schema import ADMIN2


def add_coordinates(frame: pd.DataFrame, progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """``frame`` with latitude/longitude (and origin_*) filled and the GEO_COLUMNS set. A point whose
    provenance the rows carry (a geocoded export read back, the event store: ``events.facts.keep_provenance``)
    keeps it; any other point is "given" (source "file")."""
    from geodata import geocode_frame  # the gazetteer loads only when something needs geocoding

    frame = frame.copy()
    prior = carried_provenance(frame)
    given = has_coordinates(frame)
    frame["geo_status"] = GIVEN
    frame["geo_name"] = ""
    frame["geo_source"] = "file"
    frame["geo_confidence"] = 1.0
    keep_provenance(frame, prior)
    todo = ~given
    if todo.any():
        rows = frame.loc[todo]
        district = ADMIN2 if ADMIN2 in rows and rows[ADMIN2].ne("").any() else None
        result = geocode_frame(rows, "location", "country", "admin1", progress=progress,
                               place_ambiguous=True, admin2_col=district)   # the best guess's name, not its point
        placed = result["geo_status"].isin(PLACED)
        frame.loc[todo, "geo_status"] = result["geo_status"]
        frame.loc[todo, "geo_name"] = result["geo_name"].fillna("")
        frame.loc[todo, "geo_source"] = result["geo_source"].fillna("")
        frame.loc[todo, "geo_confidence"] = result["geo_confidence"].astype(float)
        idx = result.index[placed]
        frame.loc[idx, "latitude"] = result.loc[idx, "geo_latitude"].astype(float)
        frame.loc[idx, "longitude"] = result.loc[idx, "geo_longitude"].astype(float)
        precision = pd.to_numeric(result.loc[idx, "geo_precision"], errors="coerce").astype("Int8")
        missing = frame.loc[idx, "geo_precision"].isna()
        frame.loc[missing[missing].index, "geo_precision"] = precision[missing]
    origin_todo = (
        frame["origin_location"].ne("") & ~has_coordinates(frame, "origin_")
    )
    if origin_todo.any():
        origins = frame.loc[origin_todo].copy()
        origins["origin_country"] = origins["origin_country"].where(origins["origin_country"].ne(""), origins["country"])
        result = geocode_frame(origins, "origin_location", "origin_country")
        idx = result.index[result["geo_status"].isin(PLACED)]
        frame.loc[idx, "origin_latitude"] = result.loc[idx, "geo_latitude"].astype(float)
        frame.loc[idx, "origin_longitude"] = result.loc[idx, "geo_longitude"].astype(float)
    # A few distinct values over up to millions of rows: categoricals, not Python strings.
    for col in ("geo_status", "geo_name", "geo_source"):
        frame[col] = frame[col].astype("category")
    return frame

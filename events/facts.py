"""Facts about an event row that several modules need, said once.

``geo_status`` words (``events.schema.GEO_COLUMNS``):

* ``given``: the file carried the coordinates;
* ``resolved``: the geocoder found one place for the name;
* ``ambiguous``: several places fit; the best one's name is kept (``geo_name``) but the event is not
  drawn: it stays in the table, off the map, like an unresolved one;
* ``unresolved``: no place found; the event stays in the table, off the map;
* ``not geocoded``: the file was loaded without geocoding and had no coordinates.
"""
from __future__ import annotations

import pandas as pd

from geodata.result import AMBIGUOUS, RESOLVED, UNRESOLVED  # the geocoder's own words

GIVEN, NOT_GEOCODED = "given", "not geocoded"
GEO_STATUSES = (GIVEN, RESOLVED, AMBIGUOUS, UNRESOLVED, NOT_GEOCODED)
PLACED = (RESOLVED,)   # the geocoder put a point on the map (an ambiguous answer is not a point)
SURE = (GIVEN, RESOLVED)         # a point nobody needs to doubt


def has_coordinates(frame: pd.DataFrame, prefix: str = "") -> pd.Series:
    """True where the row has both latitude and longitude (``prefix="origin_"``: the origin's)."""
    return frame[f"{prefix}latitude"].notna() & frame[f"{prefix}longitude"].notna()


def is_sure(frame: pd.DataFrame) -> pd.Series:
    """True where the point is not in doubt: given by the file or resolved to one place."""
    return frame["geo_status"].isin(SURE)


def exact_place(frame: pd.DataFrame) -> pd.Series:
    """True where the point is the place itself: coordinates, geo_precision 1 (or not stated),
    and a sure geocode (``SURE``)."""
    precise = frame["geo_precision"].astype("float64").fillna(1).le(1)
    return has_coordinates(frame) & precise & is_sure(frame)


def mark_given(frame: pd.DataFrame, copy: bool = True) -> pd.DataFrame:
    """Without geocoding: the GEO_COLUMNS saying which rows carry their own coordinates
    (on a copy unless ``copy=False``: the caller's fresh frame, changed in place)."""
    if copy:
        frame = frame.copy()
    has = has_coordinates(frame)
    frame["geo_status"] = has.map({True: GIVEN, False: NOT_GEOCODED})
    frame["geo_name"] = ""
    frame["geo_source"] = has.map({True: "file", False: ""})
    frame["geo_confidence"] = has.astype(float).where(has)
    return frame

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

from .schema import GEO_PROVENANCE

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


def carried_provenance(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The geocoding provenance (``events.schema.GEO_PROVENANCE``) the rows carry before a load sets its
    own: read from a file that has the columns (our own geocoded export read back) or from the event
    store (migration 0003). Empty when the frame has no ``geo_status`` column."""
    if "geo_status" not in frame:
        return {}
    return {c: frame[c].copy() for c in GEO_PROVENANCE if c in frame}


def keep_provenance(frame: pd.DataFrame, prior: dict[str, pd.Series]) -> pd.DataFrame:
    """``frame`` (GEO_COLUMNS just set by the loader: "given"/"file" for every row with coordinates)
    with the carried provenance ``prior`` (``carried_provenance``) put back where the row has
    coordinates and the carried ``geo_status`` is a point's (``SURE``: given, or resolved by the
    geocoder): a geocoded point read again stays ``resolved`` with its gazetteer name, source and
    confidence; a point an analyst placed stays "given" with its source. Rows without coordinates, and
    carried words that are not a point's (ambiguous, unresolved, not geocoded, or anything else: text
    from a file is not trusted to say a point is sure), keep what the loader set. Changes ``frame`` in
    place and returns it."""
    if not prior:
        return frame
    status = prior["geo_status"].astype(object).where(prior["geo_status"].notna(), "").astype(str)
    keep = has_coordinates(frame) & status.isin(SURE)
    if not keep.any():
        return frame
    for col in ("geo_status", "geo_name", "geo_source"):
        carried = prior.get(col, pd.Series("", index=frame.index))
        carried = carried.astype(object).where(carried.notna(), "").astype(str)
        values = frame[col].astype(object)
        frame[col] = values.where(~keep, carried)
    if "geo_confidence" in prior:
        confidence = pd.to_numeric(prior["geo_confidence"].astype(object).replace("", None), errors="coerce")
        confidence = confidence.astype("float64").where(lambda c: c.between(0, 1))
        frame["geo_confidence"] = frame["geo_confidence"].astype("float64").where(
            ~(keep & confidence.notna()), confidence)
    return frame


def mark_given(frame: pd.DataFrame, copy: bool = True) -> pd.DataFrame:
    """Without geocoding: the GEO_COLUMNS saying which rows carry their own coordinates
    (on a copy unless ``copy=False``: the caller's fresh frame, changed in place); where the rows carry
    their provenance (``carried_provenance``), a point's is kept (``keep_provenance``)."""
    if copy:
        frame = frame.copy()
    prior = carried_provenance(frame)
    has = has_coordinates(frame)
    frame["geo_status"] = has.map({True: GIVEN, False: NOT_GEOCODED})
    frame["geo_name"] = ""
    frame["geo_source"] = has.map({True: "file", False: ""})
    frame["geo_confidence"] = has.astype(float).where(has)
    return keep_provenance(frame, prior)

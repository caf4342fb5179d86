"""ACLED exports in their real layouts (headers compared case-insensitively).

* ``acled``: the current lower-case export, 31 columns (event_id_cnty, event_date, year,
  time_precision, disorder_type, event_type, sub_event_type, ... iso, region, country, ...),
  also as re-saved by a spreadsheet (extra ``data_id``/``iso3``, dates like ``9-May-20``).
* ``acled-legacy``: releases before the 2019 codebook, lower-case (realtime API, 2016-2019)
  or upper-case (``GWNO``, ``EVENT_ID_CNTY``, ``ALLY_ACTOR_1``, dates like ``01-January-2015``):
  no sub_event_type, old event types such as "Remote violence" and "Riots/Protests".
* ``acled-reduced``: an upper-case export without event_id_cnty (ids made by ``content_ids``), notes, admin or precision
  columns, dates as ``01-Jan-22``.

Dates: ISO ``2024-04-21``, ``21 April 2024``, ``21-April-2024``, ``01-Jan-22``/``9-May-20``.
The legacy releases' numeric form is day first (``21/04/2016``, as ACLED's codebook of the time
documents it); no other numeric form is read, so day and month are never guessed.
Countries: the name (pycountry and UCDP/ACLED spellings), else ``iso`` (ISO 3166-1 numeric),
``iso3`` or the legacy ``gwno`` (Gleditsch-Ward).
"""
from __future__ import annotations

import pandas as pd

from ..schema import ADMIN2, COLUMNS
from .base import CLEAN, DISTRICT, Layout, arrow_text, empty_text, text_column
from .countries import CODES_DISAGREE, code_disagreements, from_iso_numeric, resolve

MODERN, LEGACY, REDUCED = "acled", "acled-legacy", "acled-reduced"
NAMED_DATES = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y")

# Pre-2019 event types -> (event_type, sub_event_type) of the current codebook. Where the
# old type does not say which sub-type, the sub-type is left empty rather than guessed.
LEGACY_TYPES = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", ""),
    "violence against civilians": ("Violence against civilians", ""),
    "strategic development": ("Strategic developments", ""),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}


def _legacy_types(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Old types to new; "Riots/Protests" splits by ACLED's inter1 code (5 rioters, 6 protesters)."""
    old = text_column(rows, "event_type")
    key = old.str.lower()
    mapped = key.map(lambda k: LEGACY_TYPES.get(k, (None, "")))
    event_type = mapped.map(lambda t: t[0])
    sub = mapped.map(lambda t: t[1])
    riots = key.eq("riots/protests")
    inter1 = text_column(rows, "inter1")
    event_type = event_type.mask(riots & inter1.eq("5"), "Riots").mask(riots & ~inter1.eq("5"), "Protests")
    return event_type.fillna(old), sub.fillna("")


READS = frozenset({
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "source", "notes", "country", "gwno", "iso",
    "iso3", "inter1",
})


# What names an event in a file without ids: its date, kind, actors and place name as ACLED wrote them. Not the
# toll, coordinates, source, notes or TIMESTAMP, which ACLED revises: a re-download with a revised toll or a
# point moved names the same events (a revised actor or place name does not: the id cannot know).
IDENTITY = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location")


def content_ids(rows: pd.DataFrame) -> pd.Series:
    """Ids for the rows of an export that carries none (ACLED's reduced layout): "H" and 12 hex digits of a
    BLAKE2b hash (48 bits) of the row's IDENTITY columns as written (date, types, actors, country,
    location), and "-2", "-3" ... for a second, third row saying the same thing in the file (both are kept). The same event gets the same id in any file
    and any order, so `db import` of a second export adds its events, and of a re-download with revised
    tolls finds them (``--on-conflict update``). Before, the id was "L" + the line in the file, and line
    2 of any two files collided (a new-user trial: 50 new events reported "already in the store")."""
    import hashlib

    import pyarrow as pa
    import pyarrow.compute as pc

    columns = [pa.array(arrow_text(rows, name).array) for name in IDENTITY]
    keys = pc.binary_join_element_wise(*columns, "\x1f").to_pylist()
    blake2b = hashlib.blake2b
    ids = pd.Series(["H" + blake2b(k.encode("utf-8"), digest_size=6).hexdigest() for k in keys],
                    index=rows.index, dtype=object)
    nth = ids.groupby(ids, sort=False).cumcount()
    return ids.where(nth.eq(0), ids + "-" + (nth + 1).astype(str))


def _mapper(layout: str):
    def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
        # Column by column, Arrow-backed where the reader was: no frame of NaN to fill, no copy.
        raw: dict[str, pd.Series] = {}
        raw["event_id"] = arrow_text(rows, "event_id_cnty") if "event_id_cnty" in rows else content_ids(rows)
        for ours, theirs in [
            ("event_date", "event_date"), ("date_precision", "time_precision"),
            ("event_type", "event_type"), ("sub_event_type", "sub_event_type"),
            ("actor1", "actor1"), ("actor2", "actor2"), ("admin1", "admin1"), ("location", "location"),
            ("latitude", "latitude"), ("longitude", "longitude"), ("geo_precision", "geo_precision"),
            ("fatalities", "fatalities"), ("source", "source"), ("notes", "notes"),
        ]:
            raw[ours] = arrow_text(rows, theirs)
        raw["country"] = resolve(arrow_text(rows, "country"), gw=[arrow_text(rows, "gwno")],
                                 iso_numeric=arrow_text(rows, "iso"), iso3=arrow_text(rows, "iso3"))
        if layout == LEGACY:
            raw["event_type"], raw["sub_event_type"] = _legacy_types(rows)
        empty = empty_text(rows.index)
        frame = pd.DataFrame({c: raw.get(c, empty) for c in COLUMNS}, index=rows.index, copy=False)
        if "iso" in rows:       # the event country's ISO numeric code against its name (warned, not used)
            frame["_country_written"] = arrow_text(rows, "country")
            frame[CODES_DISAGREE] = code_disagreements(
                arrow_text(rows, "country"), {"iso": (arrow_text(rows, "iso"), from_iso_numeric)})
        if "admin2" in rows:    # the current export and the legacy lower-case one: the district
            frame[ADMIN2] = arrow_text(rows, "admin2")
            frame.attrs[DISTRICT] = "admin2"
        frame.attrs[CLEAN] = True  # every column already stripped text: validation need not strip again
        return frame
    return to_raw


ACLED = Layout(
    MODERN, "ACLED export", frozenset({"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1"}),
    NAMED_DATES, _mapper(MODERN), reads=READS,
    mapping="event_id_cnty -> event_id, time_precision -> date_precision, the other columns by name (admin2 "
            "too, the district the geocoder uses for a row without coordinates); "
            "country from the name, else iso (numeric) or iso3",
)
ACLED_LEGACY = Layout(
    LEGACY, "ACLED (legacy, before 2019)", frozenset({"event_id_cnty", "event_date", "event_type", "actor1"}),
    (*NAMED_DATES, "%d/%m/%Y"), _mapper(LEGACY), excludes=frozenset({"sub_event_type"}), reads=READS,
    mapping="as acled; old event types mapped to the 2019 codebook (Riots/Protests split by inter1: "
            "5 rioters -> Riots, else Protests); country from the name, else gwno (Gleditsch-Ward)",
)
ACLED_REDUCED = Layout(
    REDUCED, "ACLED (reduced export)", frozenset({"event_date", "event_type", "actor1", "latitude", "longitude"}),
    ("%d-%b-%y", "%d-%B-%Y", "%d-%b-%Y", "%Y-%m-%d", "%d %B %Y"), _mapper(REDUCED),
    excludes=frozenset({"event_id_cnty", "event_id"}), reads=READS,
    mapping="as acled; no id column, so event_id is H + a hash of the row's date, types, actors, country "
            "and location (content_ids)",
)
LAYOUTS = (ACLED, ACLED_LEGACY, ACLED_REDUCED)

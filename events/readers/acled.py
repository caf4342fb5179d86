"""ACLED exports in their three real layouts.

* ``acled``: the modern 31-column lower-case export (event_id_cnty, event_date, year,
  time_precision, disorder_type, event_type, sub_event_type, ... iso, region, country, ...).
* ``acled-legacy``: the 26-column realtime API layout of 2016-2019 (alphabetical columns,
  ally_actor_1/2, gwno, no sub_event_type, old event types such as "Remote violence").
* ``acled-reduced``: an upper-case export without event_id_cnty, notes, admin or precision
  columns, with dates as ``01-Jan-22``.
"""
from __future__ import annotations

import pandas as pd

from geodata.countries import to_iso2

from ..schema import COLUMNS

MODERN, LEGACY, REDUCED = "acled", "acled-legacy", "acled-reduced"
DATE_FORMATS = {
    MODERN: ("%Y-%m-%d", "%d %B %Y"),
    LEGACY: ("%Y-%m-%d", "%d %B %Y", "%d/%m/%Y"),
    REDUCED: ("%d-%b-%y", "%d-%B-%Y", "%Y-%m-%d"),
}

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


def detect(header: list[str]) -> str | None:
    cols = set(header)
    if {"EVENT_DATE", "EVENT_TYPE", "ACTOR1", "LATITUDE", "LONGITUDE"} <= cols:
        return REDUCED
    if {"event_id_cnty", "event_date", "event_type", "actor1"} <= cols:
        return MODERN if "sub_event_type" in cols else LEGACY
    return None


def _col(rows: pd.DataFrame, name: str) -> pd.Series:
    return rows[name] if name in rows else pd.Series("", index=rows.index, dtype=object)


def _country(rows: pd.DataFrame) -> pd.Series:
    """ISO2 from the ``country`` name; the numeric ``iso`` code when the name is unknown.
    An unknown country stays as written, so validation names it."""
    names = _col(rows, "country").fillna("")
    mapping = {name: to_iso2(name) for name in names.unique()}
    iso = names.map(mapping)
    if "iso" in rows:
        numeric = rows["iso"].map(lambda v: to_iso2(v) if str(v).strip().isdigit() else None)
        iso = iso.fillna(numeric)
    return iso.fillna(names)


def _legacy_types(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Old types to new; "Riots/Protests" splits by ACLED's inter1 code (5 rioters, 6 protesters)."""
    old = _col(rows, "event_type").fillna("")
    key = old.str.strip().str.lower()
    mapped = key.map(lambda k: LEGACY_TYPES.get(k, (None, "")))
    event_type = mapped.map(lambda t: t[0])
    sub = mapped.map(lambda t: t[1])
    riots = key.eq("riots/protests")
    inter1 = _col(rows, "inter1").astype(str).str.strip()
    event_type = event_type.mask(riots & inter1.eq("5"), "Riots").mask(riots & ~inter1.eq("5"), "Protests")
    return event_type.fillna(old), sub.fillna("")


def to_raw(rows: pd.DataFrame, layout: str) -> pd.DataFrame:
    upper = layout == REDUCED
    if upper:
        rows = rows.rename(columns=lambda c: c if c.startswith("_") else c.lower())
    raw = pd.DataFrame(index=rows.index, columns=list(COLUMNS), dtype=object).fillna("")
    # The reduced layout has no id: the line in the file is the stable identity of a row there.
    raw["event_id"] = (
        "L" + rows["_line"].astype(str) if upper or "event_id_cnty" not in rows else rows["event_id_cnty"]
    )
    for ours, theirs in [
        ("event_date", "event_date"), ("date_precision", "time_precision"),
        ("event_type", "event_type"), ("sub_event_type", "sub_event_type"),
        ("actor1", "actor1"), ("actor2", "actor2"), ("admin1", "admin1"), ("location", "location"),
        ("latitude", "latitude"), ("longitude", "longitude"), ("geo_precision", "geo_precision"),
        ("fatalities", "fatalities"), ("source", "source"), ("notes", "notes"),
    ]:
        raw[ours] = _col(rows, theirs)
    raw["country"] = _country(rows)
    if layout == LEGACY:
        raw["event_type"], raw["sub_event_type"] = _legacy_types(rows)
    raw["_line"] = rows["_line"]
    raw["_extra_fields"] = rows.get("_extra_fields", 0)
    return raw

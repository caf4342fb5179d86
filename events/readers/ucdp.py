"""UCDP Georeferenced Event Dataset (GED) CSV, as UCDP and HDX export it.

Mapping (documented in the README too):

* ``id`` -> event_id; ``date_start`` -> event_date; ``date_prec`` 1 -> day (1), 2-3 -> week (2),
  4-5 -> month (3). A window longer than a day is written into notes.
* ``type_of_violence`` 1 state-based and 2 non-state -> Battles / Armed clash;
  3 one-sided -> Violence against civilians / Attack. (UCDP has no finer typology.)
* ``side_a`` / ``side_b`` -> actor1 / actor2; ``best`` -> fatalities.
* ``where_coordinates`` -> location (e.g. "Zummār town"); ``adm_1`` -> admin1.
* ``where_prec`` 1 exact -> 1; 2 within 25 km -> 2; 3-5 (admin area, linear feature) -> 3;
  6 country centroid and 7 international waters/airspace are kept, geo_precision 3, and
  flagged in notes as imprecise so no one reads the point as a place.
* source -> "UCDP GED" plus ``source_office``; notes -> ``source_headline``.
"""
from __future__ import annotations

import pandas as pd

from geodata.countries import to_iso2

from ..schema import COLUMNS

NAME = "ucdp"
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S")
TYPES = {
    "1": ("Battles", "Armed clash"),
    "2": ("Battles", "Armed clash"),
    "3": ("Violence against civilians", "Attack"),
}
DATE_PREC = {"1": "1", "2": "2", "3": "2", "4": "3", "5": "3"}
GEO_PREC = {"1": "1", "2": "2", "3": "3", "4": "3", "5": "3", "6": "3", "7": "3"}
IMPRECISE = {
    "6": "UCDP where_prec 6: only the country is known; the point is a country-level placeholder.",
    "7": "UCDP where_prec 7: international waters or airspace; the point is approximate.",
}


def matches(header: list[str]) -> bool:
    return {"where_coordinates", "where_prec", "date_start", "type_of_violence", "best"} <= set(header)


def _text(rows: pd.DataFrame, name: str) -> pd.Series:
    return rows[name].fillna("").astype(str).str.strip() if name in rows else pd.Series("", index=rows.index)


def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
    raw = pd.DataFrame(index=rows.index, columns=list(COLUMNS), dtype=object).fillna("")
    raw["event_id"] = _text(rows, "id")
    raw["event_date"] = _text(rows, "date_start").str.slice(0, 10)
    date_prec = _text(rows, "date_prec")
    raw["date_precision"] = date_prec.map(DATE_PREC).fillna(date_prec)
    violence = _text(rows, "type_of_violence")
    types = violence.map(TYPES)
    raw["event_type"] = types.map(lambda t: t[0] if isinstance(t, tuple) else None).fillna(
        "type_of_violence " + violence
    )
    raw["sub_event_type"] = types.map(lambda t: t[1] if isinstance(t, tuple) else "")
    raw["actor1"] = _text(rows, "side_a")
    raw["actor2"] = _text(rows, "side_b")
    names = _text(rows, "country")
    raw["country"] = names.map({n: to_iso2(n) for n in names.unique()}).fillna(names)
    raw["admin1"] = _text(rows, "adm_1")
    raw["location"] = _text(rows, "where_coordinates")
    raw["latitude"] = _text(rows, "latitude")
    raw["longitude"] = _text(rows, "longitude")
    where = _text(rows, "where_prec")
    raw["geo_precision"] = where.map(GEO_PREC).fillna(where)
    raw["fatalities"] = _text(rows, "best")
    office = _text(rows, "source_office")
    raw["source"] = ("UCDP GED; " + office).where(office != "", "UCDP GED")
    headline = _text(rows, "source_headline")
    notes = headline.where(headline.eq("") | headline.str[-1:].isin([".", "!", "?"]), headline + ".")
    end = _text(rows, "date_end").str.slice(0, 10)
    window = ("Between " + raw["event_date"] + " and " + end + ".").where(
        (end != "") & (end != raw["event_date"]), ""
    )
    flag = where.map(IMPRECISE).fillna("")
    raw["notes"] = (notes + " " + window + " " + flag).str.replace(r"\s+", " ", regex=True).str.strip()
    raw["_line"] = rows["_line"]
    raw["_extra_fields"] = rows.get("_extra_fields", 0)
    return raw

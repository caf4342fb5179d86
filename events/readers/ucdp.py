"""UCDP Georeferenced Event Dataset (GED) and UCDP Candidate events, as UCDP, its API and HDX
write them: the HDX/older export (with ``iso3``), the current layout of GED 22.1 and later
(49 columns: ``relid``, ``code_status``, ``*_dset_id``, ``where_description``, ``latitude``,
``longitude``, ``geom_wkt``, ``deaths_a/b/civilians/unknown``, ``event_clarity``,
``country_id``, ``gwnoa``/``gwnob`` last) and the monthly Candidate files in that same layout.

Mapping (documented in the README too):

* ``id`` -> event_id; ``date_start`` -> event_date (``2024-01-05``, also with a time, as the API
  writes it); ``date_prec`` 1 -> day (1), 2-3 -> week (2), 4-5 -> month (3). A window longer
  than a day is written into notes.
* ``type_of_violence`` 1 state-based and 2 non-state -> Battles / Armed clash;
  3 one-sided -> Violence against civilians / Attack. (UCDP has no finer typology.)
* ``side_a`` / ``side_b`` -> actor1 / actor2; ``best`` -> fatalities, and UCDP's ``low``-``high``
  range into notes when it differs from best.
* ``where_coordinates`` -> location (e.g. "Zummār town"); ``adm_1`` -> admin1; ``adm_2`` -> admin2
  (the district, e.g. "Qaḑā’ al Fallūjah", which the geocoder uses for a row without coordinates).
* ``where_prec`` 1 exact -> 1; 2 within 25 km -> 2; 3-5 (admin area, linear feature) -> 3;
  6 country centroid and 7 international waters/airspace are kept, geo_precision 3, and
  flagged in notes as imprecise so no one reads the point as a place; 5-7 ("Northern Iraq", a border,
  the country) get no admin1/admin2 filled from the point (``events.schema.VAGUE_POINT``).
* country from the name ("DR Congo (Zaire)" -> CD), else ``country_id`` / ``gwnoa``
  (Gleditsch-Ward). A ``country_id`` naming another country than the name does is kept out of the
  answer (the name wins) but warned about (``countries.code_disagreements``, ``events.validate``).
* source -> "UCDP GED" (or "UCDP Candidate") plus ``source_office``; notes -> ``source_headline``;
  a Candidate event's ``code_status`` other than "Clear" is said in notes (not yet vetted).
"""
from __future__ import annotations

import re

import pandas as pd

from ..schema import ADMIN2, COLUMNS, VAGUE_POINT
from .base import DISTRICT, Layout, text_column
from .countries import CODES_DISAGREE, code_disagreements, from_gw, resolve

GED, CANDIDATE = "ucdp", "ucdp-candidate"
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
TYPES = {
    "1": ("Battles", "Armed clash"),
    "2": ("Battles", "Armed clash"),
    "3": ("Violence against civilians", "Attack"),
}
DATE_PREC = {"1": "1", "2": "2", "3": "2", "4": "3", "5": "3"}
GEO_PREC = {"1": "1", "2": "2", "3": "3", "4": "3", "5": "3", "6": "3", "7": "3"}
# where_prec whose point is no place in one governorate (UCDP GED codebook: 5 linear feature or larger
# region, 6 country, 7 international waters/airspace): admin1/admin2 are not filled from it.
VAGUE = frozenset({"5", "6", "7"})
IMPRECISE = {
    "6": "UCDP where_prec 6: only the country is known; the point is a country-level placeholder.",
    "7": "UCDP where_prec 7: international waters or airspace; the point is approximate.",
}
# Candidate releases are numbered YY.0.M (e.g. GEDEvent_v25_0_9.csv); yearly GED is YY.1.
CANDIDATE_NAME = re.compile(r"candidate|gedevent_v\d+_0_\d+", re.IGNORECASE)


def _whole(values: pd.Series) -> pd.Series:
    """"8.0" -> "8" (UCDP's API and pandas write counts as floats)."""
    return values.str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)


def _mapper(dataset: str):
    def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
        raw = pd.DataFrame(index=rows.index, columns=list(COLUMNS), dtype=object).fillna("")
        raw["event_id"] = _whole(text_column(rows, "id"))
        raw["event_date"] = text_column(rows, "date_start")
        date_prec = _whole(text_column(rows, "date_prec"))
        raw["date_precision"] = date_prec.map(DATE_PREC).fillna(date_prec)
        violence = _whole(text_column(rows, "type_of_violence"))
        types = violence.map(TYPES)
        raw["event_type"] = types.map(lambda t: t[0] if isinstance(t, tuple) else None).fillna(
            "type_of_violence " + violence
        )
        raw["sub_event_type"] = types.map(lambda t: t[1] if isinstance(t, tuple) else "")
        raw["actor1"] = text_column(rows, "side_a")
        raw["actor2"] = text_column(rows, "side_b")
        raw["country"] = resolve(text_column(rows, "country"),
                                 gw=[text_column(rows, "country_id"), text_column(rows, "gwnoa")])
        if "country_id" in rows:    # the location's own country code (gwnoa is side A's state)
            raw["_country_written"] = text_column(rows, "country")
            raw[CODES_DISAGREE] = code_disagreements(
                text_column(rows, "country"), {"country_id": (text_column(rows, "country_id"), from_gw)})
        raw["admin1"] = text_column(rows, "adm_1")
        if "adm_2" in rows:
            raw[ADMIN2] = text_column(rows, "adm_2")
            raw.attrs[DISTRICT] = "adm_2"
        raw["location"] = text_column(rows, "where_coordinates")
        raw["latitude"] = text_column(rows, "latitude")
        raw["longitude"] = text_column(rows, "longitude")
        where = _whole(text_column(rows, "where_prec"))
        raw["geo_precision"] = where.map(GEO_PREC).fillna(where)
        raw[VAGUE_POINT] = where.isin(VAGUE)
        best, low, high = (_whole(text_column(rows, c)) for c in ("best", "low", "high"))
        raw["fatalities"] = best
        office = text_column(rows, "source_office")
        label = "UCDP Candidate" if dataset == CANDIDATE else "UCDP GED"
        raw["source"] = (label + "; " + office).where(office != "", label)
        headline = text_column(rows, "source_headline")
        notes = headline.where(headline.eq("") | headline.str[-1:].isin([".", "!", "?"]), headline + ".")
        start10, end = raw["event_date"].str.slice(0, 10), text_column(rows, "date_end").str.slice(0, 10)
        window = ("Between " + start10 + " and " + end + ".").where((end != "") & (end != start10), "")
        spread = (low != "") & (high != "") & ((low != best) | (high != best))
        deaths = ("UCDP deaths estimate: low " + low + ", best " + best + ", high " + high + ".").where(spread, "")
        status = text_column(rows, "code_status")
        vetted = ("UCDP code_status: " + status + " (candidate event, not yet vetted).").where(
            status.ne("") & status.str.lower().ne("clear"), "")
        flag = where.map(IMPRECISE).fillna("")
        raw["notes"] = (notes + " " + window + " " + deaths + " " + vetted + " " + flag).str.replace(
            r"\s+", " ", regex=True).str.strip()
        return raw
    return to_raw


RECOGNISED = frozenset({"id", "date_start", "type_of_violence", "best", "where_prec"})
UCDP_GED = Layout(
    GED, "UCDP GED", RECOGNISED, DATE_FORMATS, _mapper(GED),
    mapping="see events/readers/ucdp.py: id, date_start, type_of_violence -> ACLED types, side_a/side_b, "
            "best (low-high in notes), where_coordinates, adm_1/adm_2 -> admin1/admin2, where_prec -> geo_precision",
)
UCDP_CANDIDATE = Layout(
    CANDIDATE, "UCDP Candidate events (monthly)", RECOGNISED, DATE_FORMATS, _mapper(CANDIDATE),
    mapping="as ucdp; source UCDP Candidate; code_status other than Clear said in notes",
)
LAYOUTS = (UCDP_GED, UCDP_CANDIDATE)


def refine(rows_or_none, filename: str):
    """UCDP GED and Candidate share one header: a Candidate file is told by its name
    (``...candidate...``, ``GEDEvent_v25_0_9.csv``)."""
    return UCDP_CANDIDATE if CANDIDATE_NAME.search(filename or "") else UCDP_GED

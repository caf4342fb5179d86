"""GeoNames dumps (allCountries.txt, IQ.txt, or their .zip) -> the local store.

The dump is 19 tab-separated columns, no header, UTF-8. It is streamed line by line (allCountries
is 1.5 GB) and written in batches. Only features we can use become places: populated places,
military sites, airfields, oil/gas fields, dams, border posts, admin divisions; ADM1 rows also
give the code -> name table that names the admin1 of every other row.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..embedded import kind_for_population
from ..errors import GazetteerFileError, RowError
from ..place import Place
from ..rows import parse_latitude, parse_longitude
from ..store import PlaceStore
from .report import ImportReport

SOURCE = "geonames"
COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature class",
           "feature code", "country code", "cc2", "admin1 code", "admin2 code", "admin3 code", "admin4 code",
           "population", "elevation", "dem", "timezone", "modification date")

# feature code -> kind; populated places (class P) are handled by population, see kind_for().
FEATURE_KINDS = {
    "MILB": "military_base", "INSM": "military_base", "MIL": "military_base", "CMPMN": "outpost",
    "AIRB": "airfield", "AIRF": "airfield", "AIRH": "airfield", "AIRQ": "airfield", "AIRP": "airport",
    "OILF": "oil_field", "GASF": "gas_field", "OILR": "facility", "OILW": "facility", "PS": "facility",
    "PSH": "facility", "RSTN": "facility", "DAM": "dam", "DAMSB": "dam", "PSTB": "border_crossing",
    "ADM1": "region", "ADM1H": "region", "ADM2": "district", "ADM2H": "district", "ADM3": "district",
    "PPLX": "neighbourhood",
}


def kind_for(feature_class: str, feature_code: str, population: int) -> str | None:
    if feature_code in FEATURE_KINDS:
        return FEATURE_KINDS[feature_code]
    if feature_class == "P":
        return kind_for_population(population)
    return None


@contextmanager
def open_dump(path: Path) -> Iterator[TextIO]:
    """The dump's text, from a .txt or from the country file inside a GeoNames .zip."""
    if not path.exists():
        raise GazetteerFileError(str(path), "no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            if len(members) != 1:
                raise GazetteerFileError(str(path), f"expected one GeoNames .txt in the zip, found {members}")
            with archive.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    else:
        with open(path, encoding="utf-8", newline="\n") as fh:
            yield fh


def read_geonames(path: Path, report: ImportReport, admin1_rows: list) -> Iterator[Place]:
    name = str(path)
    with open_dump(path) as lines:
        for number, line in enumerate(lines, start=1):
            line = line.rstrip("\r\n")
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) != len(COLUMNS):
                report.errors.append(RowError(name, number, "(row)", line[:60],
                                              f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}"))
                continue
            try:
                place = _place(fields, admin1_rows)
            except _BadField as bad:
                report.errors.append(RowError(name, number, bad.column, fields[COLUMNS.index(bad.column)], bad.reason))
                continue
            if place is None:
                report.skipped += 1
                continue
            yield place


class _BadField(Exception):
    def __init__(self, column: str, reason: str):
        self.column, self.reason = column, reason


def _place(f: list[str], admin1_rows: list) -> Place | None:
    try:
        population = int(f[14] or 0)
    except ValueError:
        raise _BadField("population", "not an integer") from None
    kind = kind_for(f[6], f[7], population)
    if kind is None:
        return None
    if not f[0].strip():
        raise _BadField("geonameid", "empty id")
    if not f[1].strip():
        raise _BadField("name", "empty name")
    country = f[8].strip().upper()
    if len(country) != 2:
        raise _BadField("country code", "not an ISO 3166-1 alpha-2 code")
    try:
        latitude = parse_latitude(f[4])
    except ValueError as exc:
        raise _BadField("latitude", str(exc)) from None
    try:
        longitude = parse_longitude(f[5])
    except ValueError as exc:
        raise _BadField("longitude", str(exc)) from None
    if f[7] == "ADM1" and f[10]:
        admin1_rows.append((country, f[10], f[1]))
    aliases = dict.fromkeys(a.strip() for a in [f[2], *f[3].split(",")] if a.strip() and a.strip() != f[1])
    return Place(id=f[0].strip(), name=f[1].strip(), kind=kind, country=country, admin1="",
                 latitude=latitude, longitude=longitude, source=SOURCE, aliases=tuple(aliases),
                 population=population, admin1_code=f[10].strip())


def import_geonames(path: Path | str, store: PlaceStore, progress=None) -> ImportReport:
    """Stream one dump into ``store``; bad rows are reported, good rows imported."""
    path = Path(path)
    report = ImportReport(str(path))
    admin1_rows: list[tuple[str, str, str]] = []
    report.imported = store.add_places(read_geonames(path, report, admin1_rows), progress=progress)
    if admin1_rows:
        store.add_admin1_names(admin1_rows)
    return report

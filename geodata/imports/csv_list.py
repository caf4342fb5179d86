"""Humanitarian place lists (IOM DTM, OCHA P-code gazetteers ...) as CSV -> the local store.

Columns are named by the caller; each row needs a name and valid coordinates. A bad row is
reported (file, line as in the file, column, reason) and skipped; good rows still import.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import GazetteerFileError, RowError
from ..place import KINDS, Place
from ..rows import parse_country, parse_latitude, parse_longitude
from ..store import PlaceStore
from .report import ImportReport


def import_csv(path: Path | str, store: PlaceStore, *, name_column: str, lat_column: str, lon_column: str,
               country: str | None = None, country_column: str | None = None, alias_columns: tuple[str, ...] = (),
               admin1_column: str | None = None, id_column: str | None = None, kind: str = "village",
               source: str | None = None, delimiter: str | None = None) -> ImportReport:
    path = Path(path)
    file = str(path)
    if not path.exists():
        raise GazetteerFileError(file, "no such file")
    if kind not in KINDS:
        raise GazetteerFileError(file, f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    if not country and not country_column:
        raise GazetteerFileError(file, "give the country (--country CC) or a country column")
    fixed_country = None
    if country:
        try:
            fixed_country = parse_country(country)
        except ValueError as exc:
            raise GazetteerFileError(file, f"--country {country!r}: {exc}") from None
    source = source or f"csv:{path.stem}"
    report = ImportReport(file)

    def _place(row: dict, line: int, report: ImportReport) -> Place | None:
        def bad(column: str, reason: str) -> None:
            report.errors.append(RowError(file, line, column, row.get(column) or "", reason))

        name = (row.get(name_column) or "").strip()
        if not name:
            return bad(name_column, "empty name")
        values = {}
        for column, parse in ((lat_column, parse_latitude), (lon_column, parse_longitude)):
            try:
                values[column] = parse(row.get(column) or "")
            except ValueError as exc:
                return bad(column, str(exc))
        if fixed_country:
            code = fixed_country
        else:
            try:
                code = parse_country(row.get(country_column) or "")
            except ValueError as exc:
                return bad(country_column, str(exc))
        aliases = dict.fromkeys(a for c in alias_columns if (a := (row.get(c) or "").strip()) and a != name)
        pid = (row.get(id_column) or "").strip() if id_column else ""
        return Place(id=pid or f"line{line}", name=name, kind=kind, country=code,
                     admin1=(row.get(admin1_column) or "").strip() if admin1_column else "",
                     latitude=values[lat_column], longitude=values[lon_column], source=source,
                     aliases=tuple(aliases))

    with open(path, newline="", encoding="utf-8-sig") as fh:
        sample = fh.read(4096)
        fh.seek(0)
        delim = delimiter or (csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter if sample else ",")
        reader = csv.DictReader(fh, delimiter=delim)
        wanted = [name_column, lat_column, lon_column, *alias_columns,
                  *(c for c in (admin1_column, id_column, country_column) if c)]
        missing = [c for c in wanted if c not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerFileError(file, f"no column(s) {', '.join(map(repr, missing))}; "
                                           f"the header has {', '.join(reader.fieldnames or ())}")

        def places():
            line = 1
            for row in reader:
                start, line = line + 1, reader.line_num
                place = _place(row, start, report)
                if place is not None:
                    yield place

        report.imported = store.add_places(places())
    return report

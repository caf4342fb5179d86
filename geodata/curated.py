"""The curated regional gazetteer shipped with the package (geodata/data/places.csv).

Small and hand-checked: military sites, oil fields and towns that general gazetteers miss or
misspell. Bad rows are reported (RowError) and skipped; good rows still load.
"""
from __future__ import annotations

import csv
import hashlib
import warnings
from collections import defaultdict
from functools import cached_property
from pathlib import Path

from .errors import GazetteerFileError, RowError
from .place import KINDS, Place
from .rows import parse_country, parse_latitude, parse_longitude, split_aliases

DEFAULT_PATH = Path(__file__).parent / "data" / "places.csv"
COLUMNS = ("id", "name", "kind", "country", "admin1", "latitude", "longitude", "aliases", "source")
SOURCE = "curated"


def read_curated(path: Path) -> tuple[list[Place], list[RowError]]:
    """Parse a curated gazetteer CSV (header: COLUMNS) into places and row errors."""
    places, errors = [], []
    name = str(path)
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS[:7] if c not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerFileError(name, f"missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
        seen: set[str] = set()
        line = 1
        for row in reader:
            start, line = line + 1, reader.line_num
            try:
                places.append(_place(row, seen))
            except _BadField as bad:
                errors.append(RowError(name, start, bad.column, row.get(bad.column) or "", bad.reason))
    return places, errors


class _BadField(Exception):
    def __init__(self, column: str, reason: str):
        self.column, self.reason = column, reason


def _field(row: dict, column: str, parse):
    try:
        return parse(row.get(column) or "")
    except ValueError as exc:
        raise _BadField(column, str(exc)) from None


def _place(row: dict, seen: set[str]) -> Place:
    pid = (row.get("id") or "").strip()
    if not pid:
        raise _BadField("id", "empty id")
    if pid in seen:
        raise _BadField("id", "duplicate id")
    name = (row.get("name") or "").strip()
    if not name:
        raise _BadField("name", "empty name")
    kind = (row.get("kind") or "").strip()
    if kind not in KINDS:
        raise _BadField("kind", f"unknown kind; one of {', '.join(KINDS)}")
    place = Place(id=pid, name=name, kind=kind, country=_field(row, "country", parse_country),
                  admin1=(row.get("admin1") or "").strip(), latitude=_field(row, "latitude", parse_latitude),
                  longitude=_field(row, "longitude", parse_longitude), source=SOURCE,
                  aliases=split_aliases(row.get("aliases") or ""))
    seen.add(pid)
    return place


class CuratedGazetteer:
    """Place source over a curated CSV: loads the whole (small) file once."""

    name = SOURCE

    def __init__(self, path: Path | str = DEFAULT_PATH):
        self.path = Path(path)

    @cached_property
    def _by_country(self) -> dict[str, list[Place]]:
        if not self.path.exists():
            return {}
        places, errors = read_curated(self.path)
        for error in errors:
            warnings.warn(f"curated gazetteer row skipped: {error}", stacklevel=2)
        self.errors = errors
        grouped: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            grouped[place.country].append(place)
        return dict(grouped)

    def places_in(self, country: str) -> list[Place]:
        return self._by_country.get(country, [])

    def version(self) -> str:
        if not self.path.exists():
            return "curated:none"
        return "curated:" + hashlib.sha1(self.path.read_bytes()).hexdigest()[:12]

"""Load an event file of any supported layout into the one event table, plus its row errors.

``load`` reads a path, ``load_bytes`` an upload. Both validate, then (by default) geocode the
rows that name a place but carry no coordinates, then sort by date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
from pyarrow import BufferReader as pa_buffer

from . import formats
from .errors import LoadError, RowError
from .geocoding import add_coordinates
from .readers import acled, curated, geojson, parquet, ucdp
from .readers.table import decode, read_rows
from .schema import COLUMNS, GEO_COLUMNS
from .validate import validate, validate_typed

CURATED_PATH = Path(__file__).parent / "data" / "events.csv"
Progress = Callable[[int, int], None]


@dataclass
class LoadResult:
    frame: pd.DataFrame
    errors: list[RowError] = field(default_factory=list)
    format: str = ""
    rows: int = 0
    path: str = ""

    @property
    def rejected(self) -> int:
        """Rows rejected (a row with several problems counts once)."""
        return len({e.line for e in self.errors})


def empty_frame() -> pd.DataFrame:
    """The event table with no rows but every column and dtype."""
    raw = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    raw["_line"] = pd.Series(dtype=int)
    frame, _ = validate(raw, "", ("%Y-%m-%d",))
    for col in GEO_COLUMNS:
        frame[col] = pd.Series(dtype="float64" if col == "geo_confidence" else object)
    return frame


def load(path: str | Path, fmt: str | None = None, geocode: bool = True,
         progress: Progress | None = None) -> LoadResult:
    path = Path(path)
    try:
        if fmt == "parquet" or (fmt is None and _starts_with(path, parquet.MAGIC)):
            return _load_parquet(path, str(path), geocode, progress)
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), f"cannot read the file ({exc.strerror or exc})") from None
    return load_bytes(data, str(path), fmt=fmt, geocode=geocode, progress=progress)


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(magic)) == magic


def _finish(frame: pd.DataFrame, errors: list[RowError], layout: str, rows: int, filename: str,
            geocode: bool, progress: Progress | None) -> LoadResult:
    """Validated rows of any layout: coordinates (geocoded or marked as given), sorted by date."""
    frame = add_coordinates(frame, progress=progress) if geocode else _given_only(frame)
    if not frame["event_date"].is_monotonic_increasing:
        frame = frame.sort_values("event_date", kind="stable").reset_index(drop=True)
    return LoadResult(frame=frame, errors=errors, format=layout, rows=rows, path=filename)


def _load_parquet(source, filename: str, geocode: bool, progress: Progress | None,
                  max_rows: int | None = None) -> LoadResult:
    """Typed rows: the rules only, no text parsing."""
    table = parquet.read(source, filename, max_rows)
    frame, errors = validate_typed(table, filename)
    return _finish(frame, errors, "parquet", len(table), filename, geocode, progress)


def load_bytes(data: bytes, filename: str, fmt: str | None = None, geocode: bool = True,
               progress: Progress | None = None, max_rows: int | None = None) -> LoadResult:
    """``max_rows``: refuse (LoadError) a file with more records, before validating or geocoding any."""
    if fmt is not None and fmt not in formats.FORMATS:
        raise LoadError(filename, f"unknown format {fmt!r}; one of: {', '.join(formats.FORMATS)}")
    if fmt == "parquet" or (fmt is None and parquet.looks_like(data)):
        return _load_parquet(pa_buffer(data), filename, geocode, progress, max_rows)
    text = decode(data, filename)
    if fmt == "geojson" or (fmt is None and geojson.looks_like(text)):
        layout, raw = "geojson", geojson.to_raw(text, filename, max_rows)
    else:
        header, rows = read_rows(text, filename, max_rows)
        layout = fmt or formats.detect(header, filename)
        raw = _to_raw(layout, rows, header, filename)
    frame, errors = validate(raw, filename, formats.date_formats(layout))
    return _finish(frame, errors, layout, len(raw), filename, geocode, progress)


def _to_raw(layout: str, rows: pd.DataFrame, header: list[str], filename: str) -> pd.DataFrame:
    if layout in (acled.MODERN, acled.LEGACY, acled.REDUCED):
        needed = ["EVENT_DATE"] if layout == acled.REDUCED else ["event_date", "event_type"]
    elif layout == "ucdp":
        needed = ["id", "date_start", "type_of_violence"]
    else:
        needed = ["event_id", "event_date", "event_type"]
    missing = [c for c in needed if c not in header]
    if missing:
        raise LoadError(filename, f"not the {layout} layout: no column {', '.join(missing)}")
    if layout in (acled.MODERN, acled.LEGACY, acled.REDUCED):
        return acled.to_raw(rows, layout)
    if layout == "ucdp":
        return ucdp.to_raw(rows)
    return curated.to_raw(rows)


def _given_only(frame: pd.DataFrame) -> pd.DataFrame:
    """Without geocoding: mark which rows carry their own coordinates."""
    frame = frame.copy()
    has = frame["latitude"].notna() & frame["longitude"].notna()
    frame["geo_status"] = has.map({True: "given", False: "not geocoded"})
    frame["geo_name"] = ""
    frame["geo_source"] = has.map({True: "file", False: ""})
    frame["geo_confidence"] = has.astype(float).where(has)
    return frame

"""Load an event file of any supported layout into the one event table, plus its row errors.

``load`` reads a path, ``load_bytes`` an upload. The container (CSV, Excel, GeoJSON, GDELT,
zip, Parquet) is told from the bytes, the layout from the header through the registry in
``events.readers``; then rows are validated, (by default) geocoded where they name a place but
carry no coordinates, and sorted by date.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
from pyarrow import BufferReader as pa_buffer

from . import readers
from .errors import LoadError, RowError
from .facts import AMBIGUOUS, RESOLVED, UNRESOLVED, mark_given
from .geocoding import add_coordinates
from .readers import gdelt, parquet, xlsx
from .readers.base import DISTRICT, drop_hxl, normalise_header
from .readers.geojson import GeoJsonSource
from .readers.geojson import looks_like as looks_like_geojson
from .readers.table import CsvSource, check_text, decode, head_text
from .schema import ADMIN1_SOURCE, ADMIN2, ADMIN2_SOURCE, COLUMNS, GEO_COLUMNS, VAGUE, VAGUE_POINT
from .validate import validate, validate_typed

CURATED_PATH = Path(__file__).parent / "data" / "events.csv"
GEOCODED = (RESOLVED, AMBIGUOUS, UNRESOLVED)   # geo_status of a row the geocoder was asked about
Progress = Callable[[int, int], None]
HXL_ROW = "HXL hashtag row"


@dataclass
class LoadResult:
    """A loaded file: the valid rows (``frame``), one RowError per problem, the layout name,
    ``rows`` = records mapped and validated, ``district`` = the file's column read as admin2 (the
    district the geocoder is asked with for rows without coordinates, ``events.geocoding``), ``skipped`` = records left out on purpose and not
    errors (an HXL hashtag row, GDELT events outside the mapping), by reason; ``warnings`` = one
    RowError per doubt about a KEPT row (coordinates away from the row's country,
    ``events.placement``): the row loads as given."""

    frame: pd.DataFrame
    errors: list[RowError] = field(default_factory=list)
    format: str = ""
    rows: int = 0
    path: str = ""
    skipped: dict[str, int] = field(default_factory=dict)
    container: str = "csv"
    warnings: Sequence[RowError] = field(default_factory=list)
    district: str = ""      # the file's column read as the district (admin2); "" when its layout has none

    @property
    def rejected(self) -> int:
        """Rows rejected (a row with several problems counts once)."""
        return len({e.line for e in self.errors})

    @property
    def warned(self) -> int:
        """Rows kept with at least one warning."""
        rows = getattr(self.warnings, "rows", None)
        return rows() if rows is not None else len({w.line for w in self.warnings})

    def district_note(self) -> str:
        """What to tell the user when the file's district column helped place rows: "district column
        'qada' used to place the 12 events without coordinates" ("" when none was read or no row was
        geocoded)."""
        if not self.district or "geo_status" not in self.frame:
            return ""
        asked = int(self.frame["geo_status"].isin(GEOCODED).sum())
        if not asked:
            return ""
        return (f"district column '{self.district}' used to place the {asked} event(s) without coordinates "
                "(a village's namesake in another district is not taken for it)")

    @property
    def label(self) -> str:
        """The layout as a user reads it ("ACLED export", "curated event table (GeoJSON)")."""
        text = readers.label(self.format)
        if self.container not in ("csv", self.format):
            text += f" ({readers.label(self.container)})"
        return text


def empty_frame() -> pd.DataFrame:
    """The event table with no rows but every column and dtype."""
    raw = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    raw["_line"] = pd.Series(dtype=int)
    frame, _, _ = validate(raw, "", ("%Y-%m-%d",))
    for col in GEO_COLUMNS:
        frame[col] = pd.Series(dtype="float64" if col == "geo_confidence" else object)
    return frame


def load(path: str | Path, fmt: str | None = None, geocode: bool = True,
         progress: Progress | None = None) -> LoadResult:
    """Read the event file at ``path`` (any layout in ``events.readers``); ``fmt`` forces a layout.

    Raises LoadError when the file cannot be read at all; bad rows are in ``errors``."""
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


def _finish(frame: pd.DataFrame, errors: list[RowError], warnings: list[RowError], layout: str, rows: int,
            filename: str, geocode: bool, progress: Progress | None) -> LoadResult:
    """Validated rows of any layout: coordinates (geocoded or marked as given), sorted by date."""
    if VAGUE in frame:      # carried from one of our exports (text): the reader's flag, as a UCDP file's
        flag = frame.pop(VAGUE).astype(str).str.strip().str.lower().isin(("true", "1"))
        if VAGUE_POINT not in frame:
            frame[VAGUE_POINT] = flag.to_numpy(dtype=bool)
    vague = frame.pop(VAGUE_POINT).to_numpy(dtype=bool) if VAGUE_POINT in frame else None
    frame = place_events(frame, progress=progress, vague=vague) if geocode else mark_given(frame, copy=False)
    if vague is not None:   # kept (``VAGUE``): the event store keeps it, and a store load fills nothing from it
        frame[VAGUE] = vague
    if not frame["event_date"].is_monotonic_increasing:  # one take per column, the index set in place (no copy)
        frame = frame.take(np.argsort(frame["event_date"].to_numpy(), kind="stable"))
        frame.index = pd.RangeIndex(len(frame))
    return LoadResult(frame=frame, errors=errors, format=layout, rows=rows, path=filename, warnings=warnings)


def place_events(frame: pd.DataFrame, progress: Progress | None = None, vague=None) -> pd.DataFrame:
    """Validated rows placed as every load places them (a file's, or the store's, ``events.store.snapshot``):
    coordinates geocoded where missing, from location, country, admin1 and the district (``admin2``) where
    the rows have one (GEO_COLUMNS set); then admin1 (where empty) and admin2 (where empty) from the
    embedded polygons holding each point; ``admin1_source``/``admin2_source`` = admin1/admin2 as given, for the
    exports (as the file gave them when it has those columns: our own export read back).
    ``vague``: bool per row, the point stands for an area larger than a governorate (nothing filled from it)."""
    from geodata.boundaries import fill_admin

    frame = add_coordinates(frame, progress=progress)
    given2 = frame[ADMIN2] if ADMIN2 in frame else None
    given1 = frame["admin1"]
    frame = fill_admin(frame)
    if ADMIN1_SOURCE not in frame:      # else the file is one of our exports: its source spelling stays
        frame[ADMIN1_SOURCE] = given1   # the file's own spelling, for the exports (events.export)
    if ADMIN2_SOURCE not in frame:
        frame[ADMIN2_SOURCE] = given2 if given2 is not None else ""
    if given2 is not None:      # the file's own district is kept, as its admin1 is
        frame[ADMIN2] = given2.where(given2.ne(""), frame[ADMIN2])
    if vague is not None and vague.any():
        # a point standing for the country, a border or "Northern Iraq" is in no one governorate:
        # nothing is filled from it (a pivot on admin1 would count country-wide events in Anbar)
        frame["admin1"] = frame["admin1"].where(~vague, given1)
        frame[ADMIN2] = frame[ADMIN2].where(~vague, given2 if given2 is not None else "")
    return frame


def _load_parquet(source, filename: str, geocode: bool, progress: Progress | None,
                  max_rows: int | None = None) -> LoadResult:
    """Typed rows: the rules only, no text parsing."""
    table = parquet.read(source, filename, max_rows)
    frame, errors, warnings = validate_typed(table, filename)
    result = _finish(frame, errors, warnings, "parquet", len(table), filename, geocode, progress)
    result.container = "parquet"
    result.district = ADMIN2 if ADMIN2 in table else ""
    return result


def _source(data: bytes, filename: str, fmt: str | None, max_rows: int | None):
    """The container: an object with ``header``, ``rows(keep_na)`` and ``extra_date_formats``."""
    if fmt == "xlsx" or xlsx.looks_like(data):
        return xlsx.XlsxSource(data, filename, max_rows)
    check_text(data, filename)
    head = head_text(data, filename)  # the whole text is decoded only by the containers that need it
    if fmt == "geojson" or (fmt is None and looks_like_geojson(head)):
        return GeoJsonSource(decode(data, filename), filename, max_rows)
    if fmt in (None, gdelt.NAME) and gdelt.looks_like(head):
        return gdelt.GdeltSource(decode(data, filename), filename, max_rows)
    return CsvSource(None, filename, max_rows, data=data)


def load_bytes(data: bytes, filename: str, fmt: str | None = None, geocode: bool = True,
               progress: Progress | None = None, max_rows: int | None = None) -> LoadResult:
    """Like ``load`` for the bytes of a file called ``filename`` (an upload).

    ``max_rows``: refuse (TooManyRows, a LoadError) a file with more records, before validating
    or geocoding any."""
    if fmt is not None and fmt not in readers.FORMATS:
        raise LoadError(filename, f"unknown format {fmt!r}; one of: {', '.join(readers.FORMATS)}")
    if fmt == "parquet" or (fmt is None and parquet.looks_like(data)):
        return _load_parquet(pa_buffer(data), filename, geocode, progress, max_rows)
    inner = filename
    if data[:4] == xlsx.MAGIC and fmt != "xlsx" and not xlsx.looks_like(data):
        data, inner = gdelt.unzip(data, filename)
        if fmt is None and parquet.looks_like(data):
            return _load_parquet(pa_buffer(data), filename, geocode, progress, max_rows)
    source = _source(data, filename, fmt, max_rows)
    names, index_col = normalise_header(source.header)
    if index_col:
        names = names[1:]
    if fmt in readers.BY_NAME:
        layout = readers.get(fmt, filename)
        missing = layout.missing(names)
        if missing:
            raise LoadError(filename, f"not the {layout.name} layout: no column {', '.join(missing)}")
    else:
        layout = readers.detect(names, inner)
    rows = source.rows(layout.keeps_na, layout.reads)
    if index_col:
        rows = rows.drop(columns=rows.columns[0])
    rows = rows.loc[:, ~rows.columns.duplicated()]
    rows, hxl = drop_hxl(rows)
    skipped = {HXL_ROW: hxl} if hxl else {}
    if layout.name == gdelt.NAME:
        leave, counts = gdelt.skipped(rows)
        rows = rows.loc[~leave]
        skipped.update(counts)
    raw = layout.to_raw(rows)
    district = raw.attrs.get(DISTRICT, "")
    for col in ("_line", "_extra_fields", "_bad_geometry"):
        if col in rows:
            raw[col] = rows[col]
    if isinstance(source, xlsx.XlsxSource):
        raw["event_date"] = xlsx.excel_serials(raw["event_date"].astype(str).str.strip())
    formats = layout.date_formats + tuple(f for f in source.extra_date_formats if f not in layout.date_formats)
    frame, errors, warnings = validate(raw, filename, formats)
    result = _finish(frame, errors, warnings, layout.name, len(raw), filename, geocode, progress)
    result.skipped = skipped
    result.district = district
    result.container = source.NAME
    return result

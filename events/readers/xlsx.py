"""Excel workbooks (.xlsx, as ACLED's export tool writes them): the first sheet, read with
python-calamine (Rust, fast, read-only). The first non-empty row is the header; the same
layout detection, missing-value tokens and validation as CSV follow.

Cells become text the way a layout expects it: whole numbers without ``.0``, date cells as
``YYYY-MM-DD``. A date written as an Excel serial number in a cell not formatted as a date
(``45403``) is turned into its date by :func:`excel_serials` once the layout says which
column holds the date. A row's line is its row number in the sheet.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import LoadError, TooManyRows
from .base import blank_na, normalise_header

NAME, LABEL = "xlsx", "Excel workbook (.xlsx)"
MAGIC = b"PK\x03\x04"
# Excel's day 0 in the 1900 date system, after its leap-year bug (serial 60 = 1900-02-29).
EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def looks_like(data: bytes) -> bool:
    """A zip archive holding a workbook part (``xl/...``), from the zip's central directory."""
    if data[:4] != MAGIC:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.startswith("xl/") for name in archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return b"xl/" in data[:65536]  # a damaged workbook still says so early: let calamine explain


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class XlsxSource:
    """The first sheet of a workbook: ``header`` now, ``rows(keep_na)`` when asked."""

    NAME = "xlsx"

    extra_date_formats = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S")

    def __init__(self, data: bytes, name: str, max_rows: int | None = None):
        from python_calamine import CalamineWorkbook

        self.name = name
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheet = book.get_sheet_by_index(0)
            if max_rows is not None and sheet.height > max_rows + 1:
                raise TooManyRows(name, max_rows)
            cells = sheet.to_python(skip_empty_area=False)
        except TooManyRows:
            raise
        except Exception as exc:  # calamine raises its own error types and ValueError for bad zips
            raise LoadError(name, f"not a readable Excel workbook ({type(exc).__name__}: {exc})") from None
        start = next((i for i, row in enumerate(cells) if any(_text(v).strip() for v in row)), None)
        if start is None:
            raise LoadError(name, "the workbook's first sheet is empty")
        self.header = [_text(v).strip() for v in cells[start]]
        while self.header and not self.header[-1]:
            self.header.pop()
        if len(self.header) < 2:
            raise LoadError(name, "the first sheet's header row has fewer than two columns")
        self._cells, self._start = cells, start

    def rows(self, keep_na: frozenset[str] = frozenset(), only: frozenset[str] | None = None) -> pd.DataFrame:
        """Frame of text (columns: the normalised header; only the ``only`` columns, the first of
        a repeated name and the first column are turned into text), ``_line`` = the row in the
        sheet, ``_extra_fields`` = filled cells beyond the header. Blank rows are skipped.

        Worked column by column on one grid of the cells: a column of text cells becomes Arrow
        text as it is, a column of numbers is formatted in one numpy pass; only other columns
        (dates, mixed cells) go cell by cell."""
        names, _ = normalise_header(self.header)
        width = len(names)
        body = self._cells[self._start + 1:]
        grid = _grid(body, width)
        filled = np.zeros(len(body), dtype=bool)
        for i in range(grid.shape[1]):  # a row is blank when no cell has text; most rows show it in column 0
            todo = np.flatnonzero(~filled)
            if not todo.size:
                break
            filled[todo] = [not _is_blank(v) for v in grid[todo, i]]
        keep = np.flatnonzero(filled)
        extra = np.zeros(len(keep), dtype=np.int64)
        for i in range(width, grid.shape[1]):
            extra += np.array([not _is_blank(v) for v in grid[keep, i]], dtype=np.int64)
        wanted, seen = [], set()
        for i, name in enumerate(names):
            if i == 0 or name not in seen and (only is None or name in only):
                wanted.append(i)
            seen.add(name)
        index = pd.RangeIndex(len(keep))
        frame = pd.DataFrame({names[i]: _column_text(grid[keep, i], index) for i in wanted}, index=index, copy=False)
        frame["_line"] = (keep + self._start + 2).astype(int)
        frame["_extra_fields"] = extra
        return blank_na(frame, keep_na, only)


def _grid(body: list, width: int) -> np.ndarray:
    """The sheet's rows as one 2-D object array, at least ``width`` columns (short rows padded)."""
    longest = max(width, max(map(len, body), default=0))
    if body and all(len(row) == longest for row in body):
        grid = np.empty((len(body), longest), dtype=object)
        grid[:] = body
        return grid
    grid = np.full((len(body), longest), None, dtype=object)
    for r, row in enumerate(body):
        grid[r, :len(row)] = row
    return grid


def _is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return value != value
    return not _text(value).strip()


def _column_text(col: np.ndarray, index: pd.Index) -> pd.Series:
    """One sheet column's cells as text (``_text`` of each), Arrow-backed."""
    kinds = set(map(type, col))
    if kinds <= {str}:
        values = col
    elif kinds <= {float, type(None)}:
        numbers = col.astype(float)  # None -> NaN
        values = np.full(len(col), "", dtype=object)
        present = ~np.isnan(numbers)
        whole = present & (np.abs(numbers) < 1e15)
        whole[whole] = np.mod(numbers[whole], 1) == 0
        values[whole] = numbers[whole].astype(np.int64).astype(str).astype(object)
        rest = present & ~whole
        if rest.any():
            values[rest] = [repr(float(v)) for v in numbers[rest]]
    else:
        values = np.array([_text(v) for v in col], dtype=object)
    return pd.Series(pd.arrays.ArrowExtensionArray(pa.array(values, type=pa.string())), index=index)


def excel_serials(dates: pd.Series) -> pd.Series:
    """Dates written as Excel serial numbers (``45403`` or ``45403.0``, 1900 date system) -> ``YYYY-MM-DD``;
    every other value unchanged. Serials 1..2958465 (1900-01-01 .. 9999-12-31) only."""
    numbers = pd.to_numeric(dates.where(dates.str.fullmatch(r"\d{1,7}(\.\d+)?"), None), errors="coerce")
    ok = numbers.between(1, 2958465)
    if not ok.any():
        return dates
    out = dates.copy()
    out[ok] = (EXCEL_EPOCH + pd.to_timedelta(np.floor(numbers[ok].astype(float)).astype(int), unit="D")).dt.strftime("%Y-%m-%d")
    return out

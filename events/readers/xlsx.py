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
        names, _ = normalise_header(self.header)
        width = len(names)
        records, lines, extra = [], [], []
        for number, row in enumerate(self._cells[self._start + 1:], start=self._start + 2):
            values = [_text(v) for v in row]
            if not any(v.strip() for v in values):
                continue
            tail = values[width:]
            extra.append(sum(1 for v in tail if v.strip()))
            values = (values + [""] * width)[:width]
            records.append(values)
            lines.append(number)
        frame = pd.DataFrame(records, columns=range(width), dtype=object) if records else \
            pd.DataFrame(columns=range(width), dtype=object)
        frame.columns = names
        frame["_line"] = np.array(lines, dtype=int)
        frame["_extra_fields"] = extra
        return blank_na(frame, keep_na, only)


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

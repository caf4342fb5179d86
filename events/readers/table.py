"""Delimited text (CSV, semicolon or tab separated) -> header and rows of strings.

Rows keep their line *as in the file* (notes with embedded newlines make record number and
line number differ). Arrow's CSV reader reads the common case; a file it cannot read exactly
(rows longer than the header, blank lines or quoted newlines that shift line numbers) is read
again with the csv module, slower but exact, so no row is lost and every line number is right.
"""
from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from ..errors import LoadError, TooManyRows
from .base import blank_na, normalise_header

FIELD_LIMIT = 10 * 1024 * 1024  # one field (a note) larger than this is not an event file
csv.field_size_limit(FIELD_LIMIT)

NAME, LABEL = "csv", "CSV text"


def decode(data: bytes, name: str) -> str:
    """Bytes -> text, or one clear LoadError saying why the file is not readable text."""
    if not data or (len(data) < (1 << 20) and not data.strip()):  # no copy of a big file
        raise LoadError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise LoadError(name, "this is a binary file, not CSV, Excel (.xlsx) or GeoJSON")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"
        ) from None


class CsvSource:
    """A delimited text file: ``header`` (as written) now, ``rows(keep_na)`` when asked."""

    NAME = "csv"

    extra_date_formats: tuple[str, ...] = ()

    def __init__(self, text: str, name: str, max_rows: int | None = None, data: bytes | None = None):
        self.text, self.name, self.max_rows = text, name, max_rows
        self.data = data  # the same file as UTF-8 bytes: pandas parses them without a text copy
        first = text[:1 << 20].split("\n", 1)[0]
        try:
            self.delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
        except csv.Error:
            self.delimiter = ","
        try:
            header = next(csv.reader(io.StringIO(text[:1 << 20], newline=""), delimiter=self.delimiter))
        except (StopIteration, csv.Error) as exc:
            raise LoadError(name, f"not a CSV file ({exc or 'no header'})") from None
        if len(header) < 2:
            raise LoadError(name, "not a CSV file: the first line has fewer than two columns")
        self.header = [h.strip() for h in header]

    def rows(self, keep_na: frozenset[str] = frozenset(), only: frozenset[str] | None = None) -> pd.DataFrame:
        """Frame of strings (columns: the normalised header), ``_line`` = the record's first line,
        ``_extra_fields`` = fields beyond the header (a malformed row, reported, not dropped).
        Missing-value tokens become "" except in ``keep_na`` columns."""
        names, _ = normalise_header(self.header)
        frame = self._fast(names)
        if frame is None:
            frame = self._exact(names)
        return blank_na(frame, keep_na, only)

    def _check_limit(self, count: int) -> None:
        if self.max_rows is not None and count > self.max_rows:
            raise TooManyRows(self.name, self.max_rows)

    def _fast(self, names: list[str]) -> pd.DataFrame | None:
        text = self.text
        if "\n\n" in text or "\r\n\r\n" in text or ("\r" in text and "\r\n" not in text):
            return None
        if len(text) > FIELD_LIMIT:  # the exact reader refuses a line longer than any field may be
            ends = np.flatnonzero(np.frombuffer(text.encode("utf-8"), dtype=np.uint8) == 10)
            if np.diff(np.concatenate(([0], ends, [len(text)]))).max() > FIELD_LIMIT:
                return None
        width = len(names)
        data = self.data if self.data is not None else text.encode("utf-8")
        if data[:3] == b"\xef\xbb\xbf":
            data = data[3:]
        columns = [f"c{i}" for i in range(width)]
        try:
            # Arrow's CSV reader (C++, multithreaded): every column as text, empty stays "".
            table = pa_csv.read_csv(
                io.BytesIO(data),
                read_options=pa_csv.ReadOptions(column_names=columns, skip_rows=1),
                parse_options=pa_csv.ParseOptions(delimiter=self.delimiter, newlines_in_values=False),
                convert_options=pa_csv.ConvertOptions(column_types={c: pa.string() for c in columns},
                                                      strings_can_be_null=False, quoted_strings_can_be_null=False),
            )
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            return None  # ragged rows, quoted newlines, bad bytes: the exact reader says which line
        # Arrow-backed text: the trims, token checks and comparisons that follow run in C++.
        frame = table.to_pandas(types_mapper={pa.string(): pd.ArrowDtype(pa.string())}.get)
        del table
        self._check_limit(len(frame))
        newlines = text.count("\n") - (1 if text.endswith("\n") else 0)
        if newlines != len(frame):  # quoted newlines: line numbers need the exact reader
            return None
        frame.columns = names
        frame["_line"] = np.arange(2, len(frame) + 2)
        frame["_extra_fields"] = 0
        return frame

    def _exact(self, names: list[str]) -> pd.DataFrame:
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)
        next(reader)
        rows: list[list[str]] = []
        lines: list[int] = []
        extra: list[int] = []
        width = len(names)
        start = reader.line_num + 1
        try:
            for record in reader:
                if not record or (len(record) == 1 and not record[0].strip()):
                    start = reader.line_num + 1
                    continue
                self._check_limit(len(rows) + 1)
                extra.append(max(0, len(record) - width))
                if len(record) < width:
                    record = record + [""] * (width - len(record))
                rows.append(record[:width])
                lines.append(start)
                start = reader.line_num + 1
        except csv.Error as exc:
            raise LoadError(self.name, f"not a readable CSV file at line {reader.line_num}: {exc}") from None
        frame = pd.DataFrame(rows, columns=range(width), dtype=object) if rows else \
            pd.DataFrame(columns=range(width), dtype=object)
        frame.columns = names
        frame["_line"] = lines
        frame["_extra_fields"] = extra
        return frame

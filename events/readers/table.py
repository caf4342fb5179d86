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
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from ..errors import LoadError, TooManyRows
from .base import blank_na, normalise_header

FIELD_LIMIT = 10 * 1024 * 1024  # one field (a note) larger than this is not an event file
csv.field_size_limit(FIELD_LIMIT)

NAME, LABEL = "csv", "CSV text"


def check_text(data: bytes, name: str) -> None:
    """One clear LoadError when the bytes are empty or binary (from the first 8 KB only)."""
    if not data or (len(data) < (1 << 20) and not data.strip()):  # no copy of a big file
        raise LoadError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise LoadError(name, "this is a binary file, not CSV, Excel (.xlsx) or GeoJSON")


def decode(data: bytes, name: str) -> str:
    """Bytes -> text, or one clear LoadError saying why the file is not readable text."""
    check_text(data, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"
        ) from None


def head_text(data: bytes, name: str, size: int = 1 << 20) -> str:
    """The first ``size`` bytes as text, to recognise a container and read a header (a character
    cut at the end of them is dropped); LoadError as ``decode`` when they are not UTF-8."""
    part = data[:size]
    try:
        return part.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if len(data) > size and exc.start >= len(part) - 3 and exc.reason == "unexpected end of data":
            return part[:exc.start].decode("utf-8-sig")
        decode(data, name)  # raises the LoadError naming the byte and its line
        raise


def valid_utf8(data: bytes) -> bool:
    """Whether the bytes are UTF-8, checked in Arrow's C++ (about 4x faster than decoding them)."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64).tobytes())
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


class CsvSource:
    """A delimited text file: ``header`` (as written) now, ``rows(keep_na)`` when asked."""

    NAME = "csv"

    extra_date_formats: tuple[str, ...] = ()

    def __init__(self, text: str | None, name: str, max_rows: int | None = None, data: bytes | None = None):
        """``text`` (the decoded file) or ``data`` (its bytes, decoded only if the exact reader needs them)."""
        self._text, self.name, self.max_rows = text, name, max_rows
        self.data = data  # the same file as UTF-8 bytes: Arrow parses them without a text copy
        head = text[:1 << 20] if text is not None else head_text(data, name)
        first = head.split("\n", 1)[0]
        try:
            self.delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
        except csv.Error:
            self.delimiter = ","
        try:
            header = next(csv.reader(io.StringIO(head, newline=""), delimiter=self.delimiter))
        except (StopIteration, csv.Error) as exc:
            raise LoadError(name, f"not a CSV file ({exc or 'no header'})") from None
        if len(header) < 2:
            raise LoadError(name, "not a CSV file: the first line has fewer than two columns")
        self.header = [h.strip() for h in header]

    @property
    def text(self) -> str:
        """The whole file as text (decoded on first use; LoadError if it is not UTF-8)."""
        if self._text is None:
            self._text = decode(self.data, self.name)
        return self._text

    def rows(self, keep_na: frozenset[str] = frozenset(), only: frozenset[str] | None = None) -> pd.DataFrame:
        """Frame of strings (columns: the normalised header), ``_line`` = the record's first line,
        ``_extra_fields`` = fields beyond the header (a malformed row, reported, not dropped).
        Missing-value tokens become "" except in ``keep_na`` columns."""
        names, _ = normalise_header(self.header)
        frame = self._fast(names, only)
        if frame is None:
            frame = self._exact(names)
        return blank_na(frame, keep_na, only)

    def _check_limit(self, count: int) -> None:
        if self.max_rows is not None and count > self.max_rows:
            raise TooManyRows(self.name, self.max_rows)

    def _fast(self, names: list[str], only: frozenset[str] | None = None) -> pd.DataFrame | None:
        """Arrow's reader, or None when the file needs the exact reader. Blank lines, bare CR
        line ends and quoted newlines all make Arrow's record count differ from the file's
        line count, which is checked after the read (no extra pass over the text)."""
        width = len(names)
        data = self.data if self.data is not None else self._text.encode("utf-8")
        if data[:3] == b"\xef\xbb\xbf":
            data = data[3:]
        if self._text is None and not valid_utf8(data):
            return None  # the exact reader decodes the text and names the bad byte's line
        columns = [f"c{i}" for i in range(width)]
        keep = None
        if only is not None:  # parse only the columns the layout reads (the first of a repeated name)
            seen: set[str] = set()
            keep = []
            for i, name in enumerate(names):
                if name not in seen and (name in only or i == 0):
                    keep.append(columns[i])
                seen.add(name)
        try:
            # Arrow's CSV reader (C++, multithreaded): every column as text, empty stays "".
            table = pa_csv.read_csv(
                io.BytesIO(data),
                read_options=pa_csv.ReadOptions(column_names=columns, skip_rows=1),
                parse_options=pa_csv.ParseOptions(delimiter=self.delimiter, newlines_in_values=False),
                convert_options=pa_csv.ConvertOptions(column_types={c: pa.string() for c in columns},
                                                      include_columns=keep,
                                                      strings_can_be_null=False, quoted_strings_can_be_null=False),
            )
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            return None  # ragged rows, quoted newlines, bad bytes: the exact reader says which line
        self._check_limit(table.num_rows)
        newlines = data.count(b"\n") - (1 if data.endswith(b"\n") else 0)
        if newlines != table.num_rows:  # blank lines, CR-only line ends, quoted newlines
            return None
        for column in table.columns:  # the exact reader refuses a field longer than FIELD_LIMIT
            if table.num_rows and (pc.max(pc.binary_length(column)).as_py() or 0) > FIELD_LIMIT:
                return None
        # Arrow-backed text: the trims, token checks and comparisons that follow run in C++.
        frame = table.to_pandas(types_mapper={pa.string(): pd.ArrowDtype(pa.string())}.get)
        del table
        frame.columns = [names[int(c[1:])] for c in frame.columns]
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

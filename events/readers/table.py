"""Read a delimited text file into rows of strings, keeping each record's line number.

The csv module (not pandas) because a user needs the line *as in the file*, and notes with
embedded newlines make record number and line number differ.
"""
from __future__ import annotations

import csv
import io

import pandas as pd

from ..errors import LoadError, TooManyRows

csv.field_size_limit(10 * 1024 * 1024)


def decode(data: bytes, name: str) -> str:
    """Bytes -> text, or one clear LoadError saying why the file is not readable text."""
    if not data.strip():
        raise LoadError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise LoadError(name, "this is a binary file, not CSV or GeoJSON text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"
        ) from None


def read_rows(text: str, name: str, max_rows: int | None = None) -> tuple[list[str], pd.DataFrame]:
    """Header and a frame of strings (all columns) with ``_line`` = first line of each record
    and ``_extra_fields`` = fields beyond the header (a malformed row, reported, not dropped).
    With ``max_rows``, a file with more records is refused as soon as the reader passes the limit."""
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise LoadError(name, f"not a CSV file ({exc or 'no header'})") from None
    header = [h.strip() for h in header]
    if len(header) < 2:
        raise LoadError(name, "not a CSV file: the first line has fewer than two columns")
    rows: list[list[str]] = []
    lines: list[int] = []
    extra: list[int] = []
    width = len(header)
    start = reader.line_num + 1
    try:
        for record in reader:
            if not record or (len(record) == 1 and not record[0].strip()):
                start = reader.line_num + 1
                continue
            if max_rows is not None and len(rows) >= max_rows:
                raise TooManyRows(name, max_rows)
            extra.append(max(0, len(record) - width))
            if len(record) < width:
                record = record + [""] * (width - len(record))
            rows.append(record[:width])
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise LoadError(name, f"not a readable CSV file at line {reader.line_num}: {exc}") from None
    frame = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header, dtype=object)
    frame["_line"] = lines
    frame["_extra_fields"] = extra  # > 0: the row is malformed; validate reports it
    return header, frame

"""The one face every event layout shows the loader, and what all text inputs share.

A :class:`Layout` says how a table of text (from CSV, Excel or GeoJSON properties) is
recognised by its header and how its columns map to the event table
(``events.schema.COLUMNS``). Each layout lives in its own small module and registers itself
in ``events.readers.LAYOUTS``; detection, ``--format`` and the upload panel all read that list.

Header matching is case-insensitive and ignores a byte-order mark, surrounding spaces, a
leading pandas/R index column (named ``""``, ``Unnamed: 0`` or ``index``) and any unknown
extra columns. A layout's ``to_raw`` therefore always sees lower-case column names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Written for "no value" by R (NA), Excel (#N/A), SQL exports (NULL), pandas (nan, NaN, None)
# and others. Compared after stripping spaces, case-sensitively as tools write them.
NA_TOKENS: frozenset[str] = frozenset({
    "NA", "N/A", "n/a", "#N/A", "NULL", "null", "Null", "nan", "NaN", "NAN", "None", "none", "<NA>", "NaT",
})
INDEX_NAMES = frozenset({"", "unnamed: 0", "index"})
# ``frame.attrs[CLEAN]`` set by a layout's ``to_raw``: every column is already stripped text with
# no missing values (as ``clean_text`` gives), so validation does not strip it again.
CLEAN = "clean_text"
# ``frame.attrs[DISTRICT]`` set by a layout's ``to_raw`` that read a district column into ``admin2``:
# that column's name as the file writes it (lower case), for the loader to tell the user.
DISTRICT = "district_column"


@dataclass(frozen=True)
class Layout:
    """One file layout: name (the ``--format`` value), label (what a user reads), how it is recognised,
    its date forms (``strptime`` codes, tried in order; numeric day/month forms only where the
    source documents the order) and its mapping to the event table.

    ``recognised_by``: lower-case columns that must all be in the header. ``excludes``: columns
    that must not be (they mark another layout). ``keeps_na``: event-table columns where ``NA``
    is a value, not a missing one (the curated layout's ISO code of Namibia).
    """

    name: str
    label: str
    recognised_by: frozenset[str]
    date_formats: tuple[str, ...]
    to_raw: Callable[[pd.DataFrame], pd.DataFrame]
    mapping: str = ""
    excludes: frozenset[str] = frozenset()
    keeps_na: frozenset[str] = frozenset()
    required: tuple[str, ...] = field(default=())
    reads: frozenset[str] | None = None  # the columns to_raw reads (None: all); missing-value tokens are cleared there

    def matches(self, header: list[str]) -> bool:
        cols = set(header)
        return self.recognised_by <= cols and not (self.excludes & cols)

    def missing(self, header: list[str]) -> list[str]:
        """Columns this layout cannot do without that the header lacks (for a forced ``--format``)."""
        cols = set(header)
        return [c for c in (self.required or sorted(self.recognised_by)) if c not in cols]


def normalise_header(header: list[str]) -> tuple[list[str], bool]:
    """Header as layouts compare it (lower case, no BOM, stripped) and whether the first
    column is an index column written by pandas or R (to be dropped)."""
    names = [str(h).replace("\ufeff", "").strip().lower() for h in header]
    index_col = len(names) > 1 and names[0] in INDEX_NAMES
    return names, index_col


def clean_text(values: pd.Series) -> pd.Series:
    """A column as stripped text, missing -> "" (object dtype). Done in Arrow's C++ kernels: a
    million cells in a few tens of milliseconds, against seconds for ``.str.strip()``; a column
    with nothing to change is returned as it is. Arrow-backed text stays Arrow-backed."""
    if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_string(values.dtype.pyarrow_dtype):
        arr = values.array._pa_array
        out = pc.fill_null(pc.utf8_trim_whitespace(arr), "")
        return pd.Series(pd.arrays.ArrowExtensionArray(out), index=values.index)
    if values.dtype == object:
        try:
            arr = pa.array(values.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # numbers or other objects among the text
            return values.fillna("").astype(str).str.strip()
        trimmed = pc.utf8_trim_whitespace(arr)
        if arr.null_count == 0 and pc.all(pc.equal(trimmed, arr)).as_py() is not False:
            return values
        out = pc.fill_null(trimmed, "").to_numpy(zero_copy_only=False)
        return pd.Series(out.astype(object, copy=False), index=values.index, dtype=object)
    return values.fillna("").astype(str).str.strip()


def replace_tokens(values: pd.Series, tokens: frozenset[str] = NA_TOKENS) -> pd.Series:
    """Cells equal to a missing-value token -> "" (a column of text; others unchanged)."""
    if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_string(values.dtype.pyarrow_dtype):
        arr = values.array._pa_array
        hit = pc.is_in(arr, value_set=pa.array(sorted(tokens)))
        if not pc.any(hit).as_py():
            return values
        return pd.Series(pd.arrays.ArrowExtensionArray(pc.if_else(hit, "", arr)), index=values.index)
    if values.dtype != object or values.empty:
        return values
    try:
        arr = pa.array(values.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        hit = values.isin(list(tokens))
        return values.mask(hit, "") if hit.any() else values
    hit = pc.is_in(arr, value_set=pa.array(sorted(tokens)))
    if not pc.any(hit).as_py():
        return values
    return values.mask(np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool), "")


def text_column(rows: pd.DataFrame, name: str) -> pd.Series:
    """A column as stripped text ("" when absent or empty), as Python strings (object dtype) so
    layouts may use every pandas string method."""
    if name not in rows:
        return pd.Series("", index=rows.index, dtype=object)
    values = clean_text(rows[name])
    return values.astype(object) if isinstance(values.dtype, pd.ArrowDtype) else values


def arrow_text(rows: pd.DataFrame, name: str) -> pd.Series:
    """Like ``text_column`` but Arrow-backed (the trims, lookups and comparisons that follow stay
    in C++; ``pd.factorize`` of it costs a hash pass, not a million Python strings)."""
    if name not in rows:
        return empty_text(rows.index)
    values = clean_text(rows[name])
    if isinstance(values.dtype, pd.ArrowDtype):
        return values
    return pd.Series(pd.arrays.ArrowExtensionArray(pa.array(values.to_numpy(dtype=object), type=pa.string(),
                                                            from_pandas=True)), index=values.index)


def empty_text(index: pd.Index) -> pd.Series:
    """A column of "" on ``index``, Arrow-backed (no Python string per row)."""
    n = len(index)
    offsets = pa.py_buffer(np.zeros(n + 1, dtype=np.int32).tobytes())
    arr = pa.Array.from_buffers(pa.string(), n, [None, offsets, pa.py_buffer(b"")])
    return pd.Series(pd.arrays.ArrowExtensionArray(arr), index=index)


def to_python_text(values: pd.Series) -> pd.Series:
    """Arrow-backed text -> Python strings (object dtype), as the event table holds text. A column
    of few distinct values (types, countries, actors) is built from one string per value, not one
    per row: the same objects, less time and memory; other dtypes are returned as they are."""
    if not (isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_string(values.dtype.pyarrow_dtype)):
        return values
    arr = values.array._pa_array
    n = len(arr)
    if n and arr.null_count == 0 and (pc.max(pc.binary_length(arr)).as_py() or 0) == 0:
        out = np.full(n, "", dtype=object)
    else:
        encoded = pc.dictionary_encode(arr).combine_chunks()
        if len(encoded.dictionary) * 4 < n:
            words = encoded.dictionary.to_numpy(zero_copy_only=False).astype(object, copy=False)
            codes = encoded.indices.to_numpy(zero_copy_only=False)
            if encoded.indices.null_count:
                words = np.append(words, None)
                codes = np.where(np.isnan(codes.astype(float)), len(words) - 1, codes).astype(np.int64)
            out = words[codes]
        else:
            out = arr.to_numpy(zero_copy_only=False).astype(object, copy=False)
    return pd.Series(out, index=values.index, dtype=object)


def blank_na(rows: pd.DataFrame, keep: set[str] | frozenset[str] = frozenset(),
             only: frozenset[str] | None = None) -> pd.DataFrame:
    """Cells holding a missing-value token (``NA_TOKENS``) -> "" in every column but ``keep``
    (and, when ``only`` is given, only in those columns: the ones a layout reads)."""
    for col in rows.columns:
        if str(col).startswith("_") or col in keep or (only is not None and col not in only):
            continue
        rows[col] = replace_tokens(rows[col])
    return rows


def drop_hxl(rows: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Drop the HXL hashtag row that HDX puts under the header (``#date+start``, ``#adm1+name``).

    HXL (Humanitarian Exchange Language, hxlstandard.org) puts one row of hashtags directly
    below the header: every non-empty cell starts with ``#``. Returns (rows, 1) when the first
    row is such a row, else (rows, 0).
    """
    if rows.empty:
        return rows, 0
    cells = [str(v).strip() for c, v in rows.iloc[0].items() if not str(c).startswith("_")]
    filled = [v for v in cells if v and v.lower() not in ("nan", "none")]
    if filled and all(v.startswith("#") and len(v) > 1 and " " not in v for v in filled):
        return rows.iloc[1:], 1
    return rows, 0

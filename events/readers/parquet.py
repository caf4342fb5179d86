"""Parquet event files (what ``python -m events convert --to parquet`` and the benchmark
generator write): already typed, so they skip text coercion and only face the rules.
This is the fast path for large datasets: a million events load in about a second."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import LoadError, TooManyRows
from ..schema import CARRIED, COLUMNS

NAME = "parquet"
MAGIC = b"PAR1"
UNIQUE_TEXT = {"event_id", "notes"}


def looks_like(data: bytes) -> bool:
    return data[:4] == MAGIC


def read(source, name: str, max_rows: int | None = None) -> pd.DataFrame:
    """The schema's columns that the file has (and ``CARRIED``: the district, admin1_source), strings as categoricals (compact, fast isin).
    With ``max_rows``, a file with more rows is refused from its footer, before any data is read."""
    try:
        if max_rows is not None and pq.read_metadata(source).num_rows > max_rows:
            raise TooManyRows(name, max_rows)
        schema = pq.read_schema(source)
        columns = [c for c in (*COLUMNS, *CARRIED) if c in schema.names]   # and the district etc., where written
        if "event_date" not in columns:
            raise LoadError(name, "not an event Parquet file: no event_date column")
        table = pq.read_table(source, columns=columns)
    except (pa.ArrowException, OSError) as exc:
        raise LoadError(name, f"not a readable Parquet file ({exc})") from None
    strings = {f.name for f in table.schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)}
    # Few distinct values (types, actors, places): categoricals. Unique per row (ids, notes):
    # Arrow strings, one buffer instead of a million Python objects.
    table = table.cast(pa.schema([
        pa.field(f.name, pa.dictionary(pa.int32(), pa.string())) if f.name in strings - UNIQUE_TEXT else f
        for f in table.schema
    ]))
    return table.to_pandas(types_mapper={pa.string(): pd.ArrowDtype(pa.string()),
                                         pa.large_string(): pd.ArrowDtype(pa.string())}.get)

"""Conflict event records: one table, many input layouts, every bad row named.

>>> from events import load
>>> result = load("events/data/events.csv")
>>> result.frame, result.errors
"""
from .errors import LoadError, RowError, TooManyRows
from .load import CURATED_PATH, LoadResult, empty_frame, load, load_bytes
from .schema import COLUMNS, EVENT_TYPES, GEO_COLUMNS, SUB_EVENT_TYPES

__all__ = [
    "CURATED_PATH", "COLUMNS", "EVENT_TYPES", "GEO_COLUMNS", "SUB_EVENT_TYPES",
    "LoadError", "LoadResult", "RowError", "TooManyRows", "empty_frame", "load", "load_bytes",
]

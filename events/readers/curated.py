"""The project's own layout: exactly ``events.schema.COLUMNS`` (extra columns ignored).
Dates ISO ``2024-04-21`` only. ``NA`` in ``country``/``origin_country`` is Namibia's ISO code,
not a missing value."""
from __future__ import annotations

import pandas as pd

from ..schema import COLUMNS
from .base import Layout


def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({col: rows[col] if col in rows else "" for col in COLUMNS}, index=rows.index)


CURATED = Layout(
    "curated", "curated event table", frozenset({"event_id", "event_date", "event_type", "location"}),
    ("%Y-%m-%d",), to_raw, excludes=frozenset({"event_id_cnty"}),
    keeps_na=frozenset({"country", "origin_country"}),
    mapping="columns by name (events/schema.py)",
)
LAYOUTS = (CURATED,)

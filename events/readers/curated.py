"""The project's own layout: exactly ``events.schema.COLUMNS`` (extra columns ignored)."""
from __future__ import annotations

import pandas as pd

from ..schema import COLUMNS

NAME = "curated"
DATE_FORMATS = ("%Y-%m-%d",)


def matches(header: list[str]) -> bool:
    return {"event_id", "event_date", "event_type", "location"} <= set(header) and "event_id_cnty" not in header


def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
    raw = pd.DataFrame({col: rows[col] if col in rows else "" for col in COLUMNS})
    raw["_line"] = rows["_line"]
    raw["_extra_fields"] = rows.get("_extra_fields", 0)
    return raw

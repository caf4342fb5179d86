"""The selected event in full, beside the map. Plain text cells only; the link only if http(s)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from events.schema import COLUMNS, GEO_COLUMNS

from .map_layers import safe_url


def event_record(frame: pd.DataFrame, event_id: str | None) -> pd.Series | None:
    rows = frame[frame["event_id"] == event_id] if event_id else frame.iloc[0:0]
    return None if rows.empty else rows.iloc[0]


def record_table(row: pd.Series) -> pd.DataFrame:
    """Field / value pairs, empty fields left out."""
    items = []
    for col in (*COLUMNS, *GEO_COLUMNS):
        value = row.get(col)
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            continue
        if col == "event_date":
            value = f"{value:%Y-%m-%d}"
        items.append({"field": col, "value": str(value)})
    return pd.DataFrame(items, columns=["field", "value"])


def details_panel(frame: pd.DataFrame, event_id: str | None) -> bool:
    """Show the event; False when nothing (or an unknown id) is selected."""
    row = event_record(frame, event_id)
    if row is None:
        st.caption("Click a marker or a table row to see an event in full.")
        return False
    st.dataframe(record_table(row), hide_index=True, width="stretch", height=300)
    url = safe_url(row["source_url"])
    if url:
        st.link_button("Open the source ↗", url, width="stretch")
    return True

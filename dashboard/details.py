"""The selected event in full, beside the map. Plain text cells only; the link only if http(s)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from events.schema import COLUMNS, DATE_PRECISIONS, GEO_COLUMNS, GEO_PRECISIONS

from .map_layers import safe_url
from .safe_text import plain


def event_record(frame: pd.DataFrame, event_id: str | None) -> pd.Series | None:
    rows = frame[frame["event_id"] == event_id] if event_id else frame.iloc[0:0]
    return None if rows.empty else rows.iloc[0]


# What a reader calls each column; codes are spelt out below.
FIELD_LABELS = {
    "event_id": "Event", "event_date": "Date", "date_precision": "Date precision",
    "event_type": "Type", "sub_event_type": "Sub-type", "actor1": "Actor", "actor2": "Target / other actor",
    "country": "Country", "admin1": "Governorate / province", "location": "Place (as reported)",
    "latitude": "Latitude", "longitude": "Longitude", "geo_precision": "Location precision",
    "fatalities": "Fatalities", "source": "Source", "source_url": "Source address", "notes": "Notes",
    "origin_location": "Launched from", "origin_country": "Origin country",
    "origin_latitude": "Origin latitude", "origin_longitude": "Origin longitude",
    "geo_status": "Geocoding", "geo_name": "Gazetteer place (the best candidate if not resolved)", "geo_source": "Gazetteer",
    "geo_confidence": "Geocoding confidence",
}
CODED = {"date_precision": DATE_PRECISIONS, "geo_precision": GEO_PRECISIONS}


def record_table(row: pd.Series) -> pd.DataFrame:
    """Field / value pairs in a reader's words, empty fields left out."""
    items = []
    for col in (*COLUMNS, *GEO_COLUMNS):
        value = row.get(col)
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            continue
        if col == "event_date":
            value = f"{value:%Y-%m-%d}"
        elif col in CODED:
            value = CODED[col].get(int(value), value)
        items.append({"field": FIELD_LABELS.get(col, col), "value": str(value)})
    return pd.DataFrame(items, columns=["field", "value"])


def details_panel(frame: pd.DataFrame, event_id: str | None) -> bool:
    """Show the event; False when nothing (or an unknown id) is selected."""
    row = event_record(frame, event_id)
    if row is None:
        st.caption("Click a marker or a table row to see an event in full.")
        return False
    # A static table wraps long values (notes, sources) instead of cutting them; st.table reads
    # Markdown, so every value is escaped to stay literal text.
    shown = record_table(row)
    shown["value"] = shown["value"].map(lambda v: plain(v, 2000))
    st.table(shown, hide_index=True, hide_header=True, border="horizontal")
    url = safe_url(row["source_url"])
    if url:
        st.link_button("Open the source ↗", url, width="stretch")
    return True

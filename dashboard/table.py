"""The events table: the columns an analyst reads, the source as a link, one row per event.

``st.dataframe`` draws cells as text (no HTML), and links only for http(s) addresses.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from events.facts import exact_place, has_coordinates

from .map_layers import safe_url

MAX_ROWS = 5_000  # more than this and the table shows the latest; the downloads have them all

COLUMN_CONFIG = {
    "event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
    "event_type": st.column_config.TextColumn("Type"),
    "sub_event_type": st.column_config.TextColumn("Sub-type"),
    "actor1": st.column_config.TextColumn("Actor 1"),
    "actor2": st.column_config.TextColumn("Actor 2"),
    "country": st.column_config.TextColumn("Country", width="small"),
    "admin1": st.column_config.TextColumn("Admin1"),
    "location": st.column_config.TextColumn("Location"),
    "fatalities": st.column_config.NumberColumn("Fatalities", format="%d", width="small"),
    "precision": st.column_config.TextColumn("Place", help="exact, or why the point is approximate"),
    "source": st.column_config.TextColumn("Source"),
    "link": st.column_config.LinkColumn("Link", display_text="open ↗", width="small"),
    "event_id": st.column_config.TextColumn("Id", width="small"),
}


def precision_label(frame: pd.DataFrame) -> pd.Series:
    """"exact", "approximate", or "not on map" for each event."""
    placed = has_coordinates(frame)
    exact = exact_place(frame)
    label = pd.Series("approximate", index=frame.index)
    label[exact] = "exact"
    label[~placed] = "not on map"
    return label


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The selection as the table shows it (latest ``MAX_ROWS``), newest first."""
    rows = frame.iloc[-MAX_ROWS:].iloc[::-1]
    out = pd.DataFrame({
        "event_date": rows["event_date"],
        "event_type": rows["event_type"],
        "sub_event_type": rows["sub_event_type"],
        "actor1": rows["actor1"],
        "actor2": rows["actor2"],
        "country": rows["country"],
        "admin1": rows["admin1"],
        "location": rows["location"],
        "fatalities": rows["fatalities"],
        "precision": precision_label(rows),
        "source": rows["source"],
        "link": rows["source_url"].map(lambda u: safe_url(u) or None),
        "event_id": rows["event_id"],
    })
    return out.reset_index(drop=True)


def selected_event(table: pd.DataFrame, rows: list[int]) -> str | None:
    """The event id of the table row the user picked, if any."""
    if not rows or rows[0] >= len(table):
        return None
    return str(table["event_id"].iloc[rows[0]])


TABLE_KEY = "table"
LAST_ROWS = "_table_rows_seen"


def table_panel(frame: pd.DataFrame) -> None:
    """The table; picking a row selects that event and moves the map to it (one extra rerun)."""
    from . import state
    from .url_state import View

    shown = table_frame(frame)
    if len(frame) > MAX_ROWS:
        st.caption(f"Showing the latest {MAX_ROWS:,} of {len(frame):,} events; the downloads have them all.")
    picked = st.dataframe(shown, column_config=COLUMN_CONFIG, hide_index=True, width="stretch", height=360,
                          key=TABLE_KEY, on_select="rerun", selection_mode="single-row")
    rows = list(picked.selection.rows)
    if rows == st.session_state.get(LAST_ROWS, []):
        return
    st.session_state[LAST_ROWS] = rows
    event_id = selected_event(shown, rows)
    if event_id is None or event_id == state.selected_event():
        return
    row = frame[frame["event_id"] == event_id].iloc[-1]
    view = None
    if pd.notna(row["latitude"]) and pd.notna(row["longitude"]):
        current = state.current_view()
        view = View(float(row["latitude"]), float(row["longitude"]), max(9, current.zoom if current else 0))
    state.select_event(event_id, view=view)
    st.rerun()

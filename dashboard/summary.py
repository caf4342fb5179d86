"""Headline figures and counts by type for the current selection."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from events.facts import has_coordinates
from events.schema import EVENT_TYPES


@dataclass(frozen=True)
class Headline:
    events: int
    fatalities: int
    unknown_fatalities: int
    countries: int
    first: str
    last: str
    days: int
    off_map: int

    @property
    def span(self) -> str:
        if not self.events:
            return "—"
        return self.first if self.first == self.last else f"{self.first} → {self.last}"


def days_text(days: int) -> str:
    """"1 day", "12 days", "1,204 days"."""
    return f"{days:,} day" + ("" if days == 1 else "s")


def headline(frame: pd.DataFrame) -> Headline:
    dates = frame["event_date"]
    first = dates.min() if len(frame) else None
    last = dates.max() if len(frame) else None
    return Headline(
        events=len(frame),
        fatalities=int(frame["fatalities"].fillna(0).sum()),
        unknown_fatalities=int(frame["fatalities"].isna().sum()),
        countries=int(frame["country"].replace("", pd.NA).nunique()),
        first=f"{first:%Y-%m-%d}" if first is not None else "",
        last=f"{last:%Y-%m-%d}" if last is not None else "",
        days=(last - first).days + 1 if first is not None else 0,
        off_map=int((~has_coordinates(frame)).sum()),
    )


def headline_metrics(fig: Headline, total: int, opts) -> None:
    """The four headline figures in one compact row (inside the caller's horizontal container)."""
    st.metric("Events", f"{fig.events:,}", help=f"of {total:,} in the data, {opts.first} to {opts.last}")
    st.metric("Fatalities", f"{fig.fatalities:,}",
              help=f"{fig.unknown_fatalities} event(s) with unknown fatalities count as 0.")
    st.metric("Countries", fig.countries)
    st.metric(f"Span: {fig.span}", days_text(fig.days), help="First to last event in the selection.")


def counts_by_type(frame: pd.DataFrame) -> pd.DataFrame:
    """Events and fatalities per event type, ACLED's order, types with no events left out."""
    grouped = frame.groupby("event_type", observed=True).agg(
        events=("event_id", "size"), fatalities=("fatalities", lambda s: int(s.fillna(0).sum())))
    order = [t for t in EVENT_TYPES if t in grouped.index] + [t for t in grouped.index if t not in EVENT_TYPES]
    return grouped.reindex(order).reset_index().rename(columns={"event_type": "type"})


def counts_panel(frame: pd.DataFrame) -> None:
    """Counts by type as a compact table with bars (cells are text, never HTML)."""
    counts = counts_by_type(frame)
    if counts.empty:
        st.caption("No events selected.")
        return
    st.dataframe(counts, hide_index=True, width="stretch", row_height=30, column_config={
        "type": st.column_config.TextColumn("Type", width="medium"),
        "events": st.column_config.ProgressColumn("Events", format="%d", min_value=0, width="small",
                                                  max_value=int(counts["events"].max())),
        "fatalities": st.column_config.NumberColumn("Fatalities", format="%d", width="small"),
    })

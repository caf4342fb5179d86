"""The timeline under the map: bin size by span, the events/fatalities histogram, playback steps."""
from __future__ import annotations

import datetime as dt

import altair as alt
import numpy as np
import pandas as pd

# Bin by span: days for up to three months, weeks for up to two years, months beyond.
BINS = (("day", 92), ("week", 731), ("month", None))
STEP_DAYS = {"day": 1, "week": 7, "month": 30}
SPEEDS = {"slow": 2.0, "normal": 1.0, "fast": 0.5}  # seconds per playback step
PLAYBACK_STEPS = 10  # a full-span selection plays as a window of about a tenth of the span


def bin_for(first: dt.date, last: dt.date) -> str:
    span = (last - first).days + 1
    for name, max_days in BINS:
        if max_days is None or span <= max_days:
            return name
    return "month"


def bin_edges(first: dt.date, last: dt.date, bin_name: str) -> pd.DatetimeIndex:
    """Start of every bin from the one holding ``first`` to the one holding ``last``."""
    first_ts, last_ts = pd.Timestamp(first), pd.Timestamp(last)
    if bin_name == "day":
        return pd.date_range(first_ts, last_ts, freq="D")
    if bin_name == "week":
        return pd.date_range(first_ts - pd.Timedelta(days=first_ts.weekday()), last_ts, freq="7D")
    return pd.date_range(first_ts.replace(day=1), last_ts, freq="MS")


def histogram(frame: pd.DataFrame, first: dt.date, last: dt.date, window: tuple[dt.date, dt.date]) -> pd.DataFrame:
    """Events and fatalities per bin over the whole span, each bin marked in or out of the window.

    Columns: bin_start, events, fatalities, in_window. Empty bins are kept so lulls show.
    Vectorised (binary search + bincount), so a million events bin in milliseconds.
    """
    name = bin_for(first, last)
    edges = bin_edges(first, last, name)
    pos = (edges.searchsorted(frame["event_date"].to_numpy(), side="right") - 1).clip(0, len(edges) - 1)
    fatalities = np.nan_to_num(frame["fatalities"].to_numpy(dtype="float64", na_value=np.nan), nan=0.0)
    events = np.bincount(pos, minlength=len(edges))
    killed = np.bincount(pos, weights=fatalities, minlength=len(edges))
    step_days = pd.Timedelta(days=STEP_DAYS[name])
    lo, hi = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    return pd.DataFrame({
        "bin_start": edges,
        "events": events.astype(int),
        "fatalities": killed.round().astype(int),
        "in_window": (edges <= hi) & (edges + step_days > lo),
    })


def chart(hist: pd.DataFrame, bin_name: str) -> alt.LayerChart:
    """Bars of events per bin (the selected window highlighted) with a fatalities line on a second axis."""
    base = alt.Chart(hist).encode(x=alt.X("bin_start:T", title=None))
    bars = base.mark_bar(opacity=0.85).encode(
        y=alt.Y("events:Q", title=f"events per {bin_name}"),
        color=alt.condition("datum.in_window", alt.value("#0072B2"), alt.value("#C9D3DD")),
        tooltip=[alt.Tooltip("bin_start:T", title=f"{bin_name} from"), "events:Q", "fatalities:Q"],
    )
    line = base.mark_line(color="#B00020", point=True, strokeWidth=1.5).encode(
        y=alt.Y("fatalities:Q", title="fatalities", axis=alt.Axis(titleColor="#B00020")),
    )
    return alt.layer(bars, line).resolve_scale(y="independent").properties(height=150)


def spec(hist: pd.DataFrame, bin_name: str) -> dict:
    """``chart`` as a plain Vega-Lite spec with its data inline, written directly: the same marks,
    encodings and colours, without Altair's schema validation and data hashing, which cost more
    than the rest of a date change together. Dates go in as ISO text, as Altair writes them."""
    values = [{"bin_start": start.isoformat(), "events": int(events), "fatalities": int(killed), "in_window": bool(inside)}
              for start, events, killed, inside in zip(hist["bin_start"], hist["events"], hist["fatalities"],
                                                       hist["in_window"])]
    x = {"field": "bin_start", "type": "temporal", "title": None}
    return {
        "data": {"values": values},
        "height": 150,
        "layer": [
            {"mark": {"type": "bar", "opacity": 0.85},
             "encoding": {
                 "x": x,
                 "y": {"field": "events", "type": "quantitative", "title": f"events per {bin_name}"},
                 "color": {"condition": {"test": "datum.in_window", "value": "#0072B2"}, "value": "#C9D3DD"},
                 "tooltip": [{"field": "bin_start", "type": "temporal", "title": f"{bin_name} from"},
                             {"field": "events", "type": "quantitative"},
                             {"field": "fatalities", "type": "quantitative"}]}},
            {"mark": {"type": "line", "color": "#B00020", "point": True, "strokeWidth": 1.5},
             "encoding": {
                 "x": x,
                 "y": {"field": "fatalities", "type": "quantitative", "title": "fatalities",
                       "axis": {"titleColor": "#B00020"}}}},
        ],
        "resolve": {"scale": {"y": "independent"}},
    }


def playback_width(window: tuple[dt.date, dt.date], first: dt.date, last: dt.date) -> int:
    """Days the playback window spans: the current selection, unless that is the whole span."""
    width = (window[1] - window[0]).days + 1
    span = (last - first).days + 1
    if width >= span:
        width = max(STEP_DAYS[bin_for(first, last)], span // PLAYBACK_STEPS)
    return min(width, span)


def step(window: tuple[dt.date, dt.date], first: dt.date, last: dt.date,
         direction: int = 1) -> tuple[dt.date, dt.date] | None:
    """The window moved one bin forward (``direction`` 1) or back (-1), same width, inside the data;
    None when it is already at that end. A window over the whole span restarts at that end,
    narrowed to the playback width."""
    width = dt.timedelta(days=playback_width(window, first, last) - 1)
    if (window[1] - window[0]).days + 1 >= (last - first).days + 1:
        return (first, first + width) if direction > 0 else (last - width, last)
    if (direction > 0 and window[1] >= last) or (direction < 0 and window[0] <= first):
        return None
    shift = dt.timedelta(days=STEP_DAYS[bin_for(first, last)] * direction)
    start = min(max(window[0] + shift, first), last - width)
    return (start, start + width)

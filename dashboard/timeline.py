"""The timeline under the map: bin size by span, the events/fatalities histogram, playback steps."""
from __future__ import annotations

import datetime as dt

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


def svg(hist: pd.DataFrame, bin_name: str, width: int = 1000, height: int = 110) -> str:
    """The histogram as an SVG image: bars of events per bin (the selected window in blue, the rest grey),
    fatalities as a red line on their own scale, the first and last bin dated. Built from numbers and
    dates only, so no data text reaches the page; an image costs the browser no chart library."""
    n = max(len(hist), 1)
    top, bottom, left = 16, 18, 4
    plot_h = height - top - bottom
    bar_w = (width - 2 * left) / n
    most = max(int(hist["events"].max()) if len(hist) else 0, 1)
    killed = max(int(hist["fatalities"].max()) if len(hist) else 0, 1)
    parts = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']
    points = []
    for i, row in enumerate(hist.itertuples(index=False)):
        x = left + i * bar_w
        h = plot_h * row.events / most
        colour = "#0072B2" if row.in_window else "#C9D3DD"
        if row.events:
            parts.append(f'<rect x="{x + 0.5:.1f}" y="{top + plot_h - h:.1f}" width="{max(bar_w - 1, 0.8):.1f}" '
                         f'height="{h:.1f}" fill="{colour}"/>')
        points.append(f"{x + bar_w / 2:.1f},{top + plot_h - plot_h * row.fatalities / killed:.1f}")
    if len(points) > 1:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#B00020" stroke-width="1.5"/>')
    parts.append(f'<line x1="0" x2="{width}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#8A96A3"/>')
    if len(hist):
        parts.append(f'<text x="{left}" y="{height - 4}">{hist["bin_start"].iloc[0]:%Y-%m-%d}</text>')
        parts.append(f'<text x="{width - left}" y="{height - 4}" text-anchor="end">'
                     f'{hist["bin_start"].iloc[-1]:%Y-%m-%d}</text>')
    parts.append(f'<text x="{left}" y="11">Events per {bin_name} (bars, max {most:,})</text>')
    parts.append(f'<text x="{width - left}" y="11" text-anchor="end" fill="#B00020">'
                 f'fatalities (line, max {killed:,})</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" font-family="sans-serif" font-size="11" fill="#1B1F24">' + "".join(parts) + "</svg>")


def chart(hist: pd.DataFrame, bin_name: str):
    """Bars of events per bin (the selected window highlighted) with a fatalities line on a second axis,
    as an Altair chart (the reference ``spec`` is checked against; the page draws ``svg``)."""
    import altair as alt

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

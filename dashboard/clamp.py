"""Widget values a session holds that the data no longer allows: clamped, never a crash.

When the dataset is replaced under a running session (a new file whose dates start later, a
country that is gone), Streamlit would raise ``StreamlitValueBelowMinError`` (or refuse a
multiselect value missing from its options) the next time the widget is drawn. Call
``keep_in_bounds`` before drawing the filter widgets.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from .filters import Options

CHOICES = {"type": "types", "sub": "subs", "country": "countries", "admin1": "admin1", "admin2": "admin2"}


def clamp_window(value, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """``value`` (a (start, end) pair of dates) moved inside [first, last]; None if it is not such a pair."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    if not all(isinstance(v, dt.date) for v in value):
        return None
    start, end = (v.date() if isinstance(v, dt.datetime) else v for v in value)
    start, end = min(max(start, first), last), min(max(end, first), last)
    return start, end


BOUNDS = "_dates_bounds"   # session state: the timeline's (first, last) on the previous run
WHOLE = "dates (whole range)"
RESET = "dates (reset)"


def follow_window(held: tuple[dt.date, dt.date], before: tuple[dt.date, dt.date] | None,
                  first: dt.date, last: dt.date) -> tuple[tuple[dt.date, dt.date], str | None]:
    """The window to show once the timeline's bounds are [first, last], given the window ``held`` and
    the bounds ``before`` of the previous run (None on a session's first run). Returns (window, why):
    why is None when the window is only clamped (or unchanged), WHOLE when the held window was the
    whole previous range (it stays the whole range), RESET when the data changed and the held window
    lies entirely outside the new range (the whole new range is shown, and the page says so).

    A new user uploaded a 2022 file, picked 'Bundled only' (2023-2024) then 'Upload only': the
    bundled window, clamped onto the upload's range, collapsed to its last day (4 of 466 events, no
    notice). A link's window outside the data on a session's first run stays as the link asks
    (``url_state.read_dates``: nothing shown, with a notice)."""
    start, end = held
    changed_data = before is not None and tuple(before) != (first, last)
    if changed_data and (start, end) == tuple(before):
        return (first, last), WHOLE
    if changed_data and (end < first or start > last):
        return (first, last), RESET
    return clamp_window((start, end), first, last), None


def keep_in_bounds(opts: Options, first: dt.date, last: dt.date) -> list[str]:
    """Keep the ``dates`` window inside [first, last] as ``follow_window`` says and drop choices the
    data no longer has, in ``st.session_state``; returns the keys changed ("dates (reset)" when the
    window was moved to the whole range because it held none of the new data's days)."""
    changed = []
    held = clamp_window(st.session_state.get("dates"), dt.date.min, dt.date.max)  # normalised, not clamped
    before = st.session_state.get(BOUNDS)
    st.session_state[BOUNDS] = (first, last)
    if held is not None:
        window, why = follow_window(held, before, first, last)
        if window != held:
            st.session_state["dates"] = window
            changed.append(why or "dates")
    for key, field in CHOICES.items():
        chosen = st.session_state.get(key)
        if isinstance(chosen, (list, tuple)) and chosen:
            allowed = set(getattr(opts, field))
            kept = [v for v in chosen if v in allowed]
            if len(kept) != len(chosen):
                st.session_state[key] = kept
                changed.append(key)
    return changed

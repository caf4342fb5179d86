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


def keep_in_bounds(opts: Options, first: dt.date, last: dt.date) -> list[str]:
    """Clamp the ``dates`` window into [first, last] and drop choices the data no longer has,
    in ``st.session_state``; returns the keys changed."""
    changed = []
    held = st.session_state.get("dates")
    clamped = clamp_window(held, first, last)
    if clamped is not None and tuple(held) != clamped:
        st.session_state["dates"] = clamped
        changed.append("dates")
    for key, field in CHOICES.items():
        chosen = st.session_state.get(key)
        if isinstance(chosen, (list, tuple)) and chosen:
            allowed = set(getattr(opts, field))
            kept = [v for v in chosen if v in allowed]
            if len(kept) != len(chosen):
                st.session_state[key] = kept
                changed.append(key)
    return changed

"""Which pending drafts the map shows under the page's filters, and the line that says so beside the counts.

Pending drafts are never counted with the stored events (nu14/M2): they are filtered the way stored events are
(the date window, then every other filter: type, sub-type, actor, country, governorate, district, fatalities,
search) and the page says how many are drawn and how many are not, and why (nu14/M3, M1), instead of letting
a draft vanish unsaid. Plain functions: no Streamlit here.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .filters import Filters, date_window, mask


@dataclass(frozen=True)
class DraftsShown:
    """``shown``: the drafts within every filter (a frame, possibly empty); ``outside_dates``: how many lie
    outside the date window; ``outside_filters``: how many lie inside it but outside another filter."""

    shown: pd.DataFrame | None
    outside_dates: int = 0
    outside_filters: int = 0


def split(drafts: pd.DataFrame | None, filters: Filters) -> DraftsShown:
    """``drafts`` (sorted by date, as ``drafts_panel.pending_drafts`` gives them) under ``filters``."""
    if drafts is None or drafts.empty:
        return DraftsShown(None)
    start, end = filters.start, filters.end
    if start and end and start > end:
        start, end = end, start
    window = drafts.iloc[date_window(drafts, start, end)]
    keep = mask(window, filters.without_dates()) if len(window) else np.zeros(0, dtype=bool)
    shown = window[keep]
    return DraftsShown(shown, len(drafts) - len(window), int(len(window) - keep.sum()))


def _n(count: int, what: str = "draft") -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def caption(view: DraftsShown, unplaced: int = 0, refused: int = 0) -> str:
    """The line beside the headline figures ("" when there are no drafts): "+2 drafts, not yet accepted (on
    the map, not counted)", then those not on the map and why: "1 draft outside the dates shown (not on the
    map)". ``unplaced``: drafts without coordinates; ``refused``: drafts whose edited values the event table
    refuses (the drafts table says which). Numbers and fixed words only: no text from the data."""
    shown = 0 if view.shown is None else len(view.shown)
    said = []
    if shown:
        said.append(f"+{_n(shown)}, not yet accepted (on the map, not counted)")
    off = []
    if view.outside_dates:
        off.append(f"{_n(view.outside_dates)} outside the dates shown")
    if view.outside_filters:
        off.append(f"{_n(view.outside_filters)} outside the other filters")
    if unplaced:
        off.append(f"{_n(unplaced)} without coordinates")
    if refused:
        off.append(f"{_n(refused)} with values to correct in the drafts table")
    if off:
        said.append(", ".join(off) + " (not on the map)")
    return "; ".join(said)

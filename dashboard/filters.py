"""What the analyst asked to see, and the vectorised selection of those events.

``apply`` relies on the frame being sorted by ``event_date`` (every loader sorts it), so the
date window is two binary searches, not a scan. Text filters on categorical columns test each
category once, not each row, so a million events filter in well under a second.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from events.schema import EVENT_TYPES, SUB_EVENT_TYPES


@dataclass(frozen=True)
class Filters:
    """Empty tuples and strings mean "no restriction"; ``start``/``end`` are inclusive days."""

    start: dt.date | None = None
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    subs: tuple[str, ...] = ()
    actor: str = ""
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    min_fatalities: int = 0
    text: str = ""

    def without_dates(self) -> "Filters":
        return Filters(None, None, self.types, self.subs, self.actor, self.countries, self.admin1,
                       self.min_fatalities, self.text)


@dataclass(frozen=True)
class Options:
    """The values the filter widgets offer, taken from the data."""

    first: dt.date | None
    last: dt.date | None
    types: tuple[str, ...]
    subs: tuple[str, ...]
    countries: tuple[str, ...]
    admin1: tuple[str, ...]
    event_ids: "EventIds"


class EventIds:
    """``id in ids`` over the frame's event ids without a Python set of a million strings."""

    def __init__(self, ids: pd.Series):
        self._ids = ids

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and bool((self._ids == value).any())

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self):
        return iter(self._ids)


def options(frame: pd.DataFrame) -> Options:
    """Widget options in a stable order: ACLED's order for types, alphabetical otherwise."""
    present_types = set(frame["event_type"].unique())
    present_subs = set(frame["sub_event_type"].unique())
    dates = frame["event_date"]
    return Options(
        first=dates.min().date() if len(frame) else None,
        last=dates.max().date() if len(frame) else None,
        types=tuple(t for t in EVENT_TYPES if t in present_types),
        subs=tuple(s for s in SUB_EVENT_TYPES if s in present_subs),
        countries=tuple(sorted(c for c in frame["country"].unique() if c)),
        admin1=tuple(sorted(a for a in frame["admin1"].unique() if a)),
        event_ids=EventIds(frame["event_id"]),
    )


def date_window(frame: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> slice:
    """Row positions of events from ``start`` to ``end`` inclusive, by binary search on the sorted dates."""
    dates = frame["event_date"].to_numpy()
    lo = 0 if start is None else int(np.searchsorted(dates, np.datetime64(start, "ns"), side="left"))
    hi = len(frame) if end is None else int(
        np.searchsorted(dates, np.datetime64(end, "ns") + np.timedelta64(1, "D"), side="left"))
    return slice(lo, max(lo, hi))


TEXT_COLUMNS = ("location", "actor1", "actor2", "admin1", "notes", "geo_name")


def _contains(column: pd.Series, needle: str) -> np.ndarray:
    """Rows whose text contains ``needle`` (any case); missing text never matches."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        cats = column.cat.categories
        hits = cats.astype(str).str.contains(needle, case=False, regex=False) if len(cats) else np.zeros(0, bool)
        codes = column.cat.codes.to_numpy()
        return np.append(np.asarray(hits, dtype=bool), False)[codes]  # code -1 (missing) -> the False at the end
    if not (pd.api.types.is_string_dtype(column.dtype) and not pd.api.types.is_object_dtype(column.dtype)):
        column = column.astype("string")
    return column.str.contains(needle, case=False, regex=False).fillna(False).to_numpy(dtype=bool)


def mask(frame: pd.DataFrame, f: Filters) -> np.ndarray:
    """Boolean mask of the rows matching every filter except the dates."""
    keep = np.ones(len(frame), dtype=bool)
    if f.types:
        keep &= frame["event_type"].isin(f.types).to_numpy()
    if f.subs:
        keep &= frame["sub_event_type"].isin(f.subs).to_numpy()
    if f.countries:
        keep &= frame["country"].isin(f.countries).to_numpy()
    if f.admin1:
        keep &= frame["admin1"].isin(f.admin1).to_numpy()
    if f.min_fatalities > 0:
        keep &= (frame["fatalities"].fillna(-1) >= f.min_fatalities).to_numpy(dtype=bool)
    if f.actor.strip():
        needle = f.actor.strip()
        keep &= _contains(frame["actor1"], needle) | _contains(frame["actor2"], needle)
    for term in f.text.split():  # only the rows still in play are searched, column by column
        todo = np.flatnonzero(keep)
        hit = np.zeros(len(todo), dtype=bool)
        for col in TEXT_COLUMNS:
            if col in frame and not hit.all():
                rest = np.flatnonzero(~hit)
                hit[rest] = _contains(frame[col].iloc[todo[rest]], term)
        keep[todo[~hit]] = False
    return keep


def apply(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events matching ``f``, still sorted by date."""
    start, end = f.start, f.end
    if start and end and start > end:
        start, end = end, start
    window = frame.iloc[date_window(frame, start, end)]
    return window[mask(window, f)]

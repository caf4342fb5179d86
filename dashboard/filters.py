"""What the analyst asked to see, and the vectorised selection of those events.

``apply`` relies on the frame being sorted by ``event_date`` (every loader sorts it), so the
date window is two binary searches, not a scan. Text filters on categorical columns test each
category once, not each row, so a million events filter in well under a second.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from events.schema import EVENT_TYPES, SUB_EVENT_TYPES
from geodata.normalize import fold, strip_articles
from geodata.translit import translit_key

from .places import admin1_spellings_match, other_names


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
    admin2: tuple[str, ...] = ()      # districts, by display name (``places.display_admin``)

    def describe(self) -> str:
        return describe(self)

    def without_dates(self) -> "Filters":
        return Filters(None, None, self.types, self.subs, self.actor, self.countries, self.admin1,
                       self.min_fatalities, self.text, self.admin2)


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
    admin2: tuple[str, ...] = ()


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
        admin2=tuple(sorted(a for a in frame["admin2"].unique() if isinstance(a, str) and a))
        if "admin2" in frame else (),
    )


def date_window(frame: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> slice:
    """Row positions of events from ``start`` to ``end`` inclusive, by binary search on the sorted dates."""
    dates = frame["event_date"].to_numpy()
    lo = 0 if start is None else int(np.searchsorted(dates, np.datetime64(start, "ns"), side="left"))
    hi = len(frame) if end is None else int(
        np.searchsorted(dates, np.datetime64(end, "ns") + np.timedelta64(1, "D"), side="left"))
    return slice(lo, max(lo, hi))


TEXT_COLUMNS = ("location", "actor1", "actor2", "admin1", "notes", "geo_name")


MIN_KEY = 3  # a transliteration key this short ("rn") matches too much to count


@lru_cache(maxsize=500_000)
def text_forms(text: str) -> tuple[str, tuple[str, ...]]:
    """(folded text, one transliteration key per word) of a cell or a query.

    Folding is geodata's own (``normalize.fold`` then ``strip_articles``): case, diacritics and
    Arabic articles drop out, "Al Fallūjah town" -> "fallujah town". The keys are geodata's
    consonant skeletons (``translit.translit_key``): "Rumalyn", "Rmelan" and "رميلان" all give "rmln",
    "Hizballah" and "Hezbollah" "hzbl"."""
    folded = strip_articles(fold(text))
    return folded, tuple(translit_key(word) for word in folded.split())


def text_matches(cell: str, needle: str) -> bool:
    """Whether ``needle`` (a word or a phrase as typed) is in ``cell``: as a folded substring
    ("Fallu" finds "Al Fallūjah"), or word for word by transliteration key, in order
    ("Kata'ib Hizballah" finds "Kataib Hezbollah", "رميلان" finds "Rumalyn")."""
    cell_folded, cell_keys = text_forms(cell)
    folded, keys = text_forms(needle)
    if not folded:
        return True
    if folded in cell_folded:
        return True
    if not keys or any(len(k) < MIN_KEY for k in keys) or len(keys) > len(cell_keys):
        return False
    width = len(keys)
    return any(cell_keys[i:i + width] == keys for i in range(len(cell_keys) - width + 1))


def _contains(column: pd.Series, needle: str) -> np.ndarray:
    """Rows whose text matches ``needle`` (``text_matches``); missing text never matches. Each distinct
    value is tested once (categories, or the column's unique values), not each row."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        values, codes = column.cat.categories, column.cat.codes.to_numpy()
    else:
        codes, values = pd.factorize(column, use_na_sentinel=True)
    hits = np.fromiter((isinstance(v, str) and text_matches(v, needle) for v in values), dtype=bool,
                       count=len(values))
    return np.append(hits, False)[codes]  # code -1 (missing) -> the False at the end


def describe(f: "Filters") -> str:
    """The filters in words, for a caption or a file title: "2024-04-20 to 2024-04-21; type: Battles"
    ("all events" when nothing is restricted)."""
    parts = []
    if f.start and f.end:
        parts.append(f"{f.start} to {f.end}")
    for label, values in (("type", f.types), ("sub-type", f.subs), ("country", f.countries),
                          ("admin1", f.admin1), ("district", f.admin2)):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if f.actor:
        parts.append(f"actor contains “{f.actor}”")
    if f.min_fatalities:
        parts.append(f"at least {f.min_fatalities} killed")
    if f.text:
        parts.append(f"search “{f.text}”")
    return "; ".join(parts) or "all events"


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
    if f.admin2:
        keep &= frame["admin2"].isin(f.admin2).to_numpy() if "admin2" in frame else False
    if f.min_fatalities > 0:
        keep &= (frame["fatalities"].fillna(-1) >= f.min_fatalities).to_numpy(dtype=bool)
    if f.actor.strip():
        needle = f.actor.strip()
        keep &= _contains(frame["actor1"], needle) | _contains(frame["actor2"], needle)
    for term in f.text.split():  # only the rows still in play are searched, column by column
        todo = np.flatnonzero(keep)
        hit = np.zeros(len(todo), dtype=bool)
        # a place by another of its names ("Hawler" finds what "Erbil" finds, in every column: nu8 saw
        # 'Hawler' find 1 event and 'Erbil' 3, the other two in Erbil governorate)
        needles = (term, *other_names(term))
        for col in TEXT_COLUMNS:
            if col in frame and not hit.all():
                for needle in needles:
                    rest = np.flatnonzero(~hit)
                    hit[rest] = _contains(frame[col].iloc[todo[rest]], needle)
                    if col == "admin1":  # a governorate in another spelling ("Ninawa" finds "Nineveh")
                        rest = np.flatnonzero(~hit)
                        hit[rest] = admin1_spellings_match(frame[col].iloc[todo[rest]], needle)
        keep[todo[~hit]] = False
    return keep


def apply(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events matching ``f``, still sorted by date."""
    start, end = f.start, f.end
    if start and end and start > end:
        start, end = end, start
    window = frame.iloc[date_window(frame, start, end)]
    return window[mask(window, f)]

"""Place names as the app shows them: one display name per admin1 division (``geodata.display``).

Event files spell a governorate many ways ("Nineveh", "Ninewa", "Ninawa", "نينوى"), and the loader
fills an empty admin1 with Who's On First's name; the app shows each division under its one
display name in the filter, the popups, the table and the map's labels and area tooltips. A
spelling no embedded polygon of the row's country goes by is shown as the file gives it.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd


def display_admin1(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``admin1`` written as its display name (a shallow copy sharing every other column;
    ``frame`` itself when nothing changes). One lookup per distinct (country, admin1) pair."""
    from geodata.display import admin1_shown_values

    return _display_column(frame, "admin1", admin1_shown_values)


def display_admin2(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``admin2`` (the district) written as its display name, as the exports write it
    ("Qaḑā’ al Mawşil", "Mosul district" -> "Mosul"; ``geodata.display.admin2_shown``), for the district
    filter; ``frame`` itself when it has no district or nothing changes."""
    from geodata.display import admin2_shown_values

    return _display_column(frame, "admin2", admin2_shown_values)


def _display_column(frame: pd.DataFrame, column: str, shown_values) -> pd.DataFrame:
    """``frame`` with ``column`` replaced by ``shown_values(country, column)``; ``frame`` itself when it
    lacks either column or nothing changes, else a shallow copy."""
    if frame.empty or not {"country", column} <= set(frame.columns):
        return frame
    shown = shown_values(frame["country"], frame[column])
    if np.array_equal(shown, frame[column].astype(object).fillna("").to_numpy()):
        return frame
    out = frame.copy(deep=False)
    out[column] = shown
    return out


def admin1_spellings_match(values: pd.Series, needle: str) -> np.ndarray:
    """Rows whose (display) admin1 is a division ``needle`` names in another spelling ("Ninawa" finds
    "Nineveh")."""
    from geodata.display import displays_named

    names = displays_named(needle)
    return values.isin(names).to_numpy() if names else np.zeros(len(values), dtype=bool)


@lru_cache(maxsize=4096)
def other_names(term: str) -> tuple[str, ...]:
    """The names of the curated places (geodata/data/places.csv, each alias sourced there) that ``term``
    names by another of their names, folded (case, diacritics, script-neutral ``geodata.normalize.fold``):
    "Hawler" or "Hewlêr" -> ("Erbil",), "Tadmor" -> ("Palmyra",). Empty for a term that is a place's own
    name or names none. A search for a Kurdish, Syriac or Arabic name then finds the events a file
    records under the English one."""
    return _alias_table().get(_fold(term), ())


def _fold(text: str) -> str:
    from geodata.normalize import fold

    return fold(text or "").strip()


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, tuple[str, ...]]:
    from geodata.curated import CuratedGazetteer

    table: dict[str, set[str]] = {}
    for places in CuratedGazetteer()._by_country.values():
        for place in places:
            own = _fold(place.name)
            for alias in place.aliases:
                key = _fold(alias)
                if key and key != own:
                    table.setdefault(key, set()).add(place.name)
    return {k: tuple(sorted(v)) for k, v in table.items()}

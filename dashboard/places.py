"""Place names as the app shows them: one display name per admin1 division (``geodata.display``).

Event files spell a governorate many ways ("Nineveh", "Ninewa", "Ninawa", "نينوى"), and the loader
fills an empty admin1 with Who's On First's name; the app shows each division under its one
display name in the filter, the popups, the table and the map's labels and area tooltips. A
spelling no embedded polygon of the row's country goes by is shown as the file gives it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def display_admin1(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``admin1`` written as its display name (a shallow copy sharing every other column;
    ``frame`` itself when nothing changes). One lookup per distinct (country, admin1) pair."""
    from geodata.display import admin1_shown_values

    if frame.empty or not {"country", "admin1"} <= set(frame.columns):
        return frame
    shown = admin1_shown_values(frame["country"], frame["admin1"])
    if np.array_equal(shown, frame["admin1"].astype(object).fillna("").to_numpy()):
        return frame
    out = frame.copy(deep=False)
    out["admin1"] = shown
    return out


def admin1_spellings_match(values: pd.Series, needle: str) -> np.ndarray:
    """Rows whose (display) admin1 is a division ``needle`` names in another spelling ("Ninawa" finds
    "Nineveh")."""
    from geodata.display import displays_named

    names = displays_named(needle)
    return values.isin(names).to_numpy() if names else np.zeros(len(values), dtype=bool)

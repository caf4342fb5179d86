"""geocode_frame: geocode a DataFrame column, each distinct (name, country, admin1) once.

A million rows with a few thousand distinct places cost a factorize, a few thousand geocodes
(or cache reads) and a vectorised take back onto the rows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from .display import admin1_shown, place_display
from .geocoder import Geocoder, default_geocoder
from .result import RESOLVED, GeocodeResult

COLUMNS = ("geo_status", "geo_latitude", "geo_longitude", "geo_name", "geo_source", "geo_id",
           "geo_precision", "geo_confidence")
# detail=True adds these: where the answer lies, its calibration class, a hint (another country
# holds the name; the admin1 given names no division), and the candidates an analyst chooses among.
DETAIL_COLUMNS = ("geo_admin1", "geo_admin2", "geo_basis", "geo_hint", "geo_candidates")
MAX_CANDIDATES = 5


def geocode_frame(df: pd.DataFrame, name_col: str, country_col: str, admin1_col: str | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  geocoder: Geocoder | None = None, place_ambiguous: bool = False,
                  admin2_col: str | None = None, detail: bool = False, profile: str = "events") -> pd.DataFrame:
    """Columns geo_* (see COLUMNS), indexed like ``df``; blank names come back unresolved.

    ``detail``: also DETAIL_COLUMNS (text, "" where empty): geo_admin1/geo_admin2 of the place
    placed, geo_basis (calibration class), geo_hint, and geo_candidates, up to MAX_CANDIDATES
    places as "name (admin1) lat,lon" joined by "; " (degrees, 5 decimals): the candidates best
    first for an ambiguous/unresolved row, the runners-up for a resolved one.

    ``admin2_col``: a district column (humanitarian lists); it changes only the calibration class
    of each answer (Geocoder.geocode), so a namesake outside the district is not ``resolved``.

    ``profile``: what kind of names the column holds (``events`` or ``villages``, geodata.calibration),
    when no ``geocoder`` is given.

    ``progress(done, total)`` counts distinct queries, e.g. to feed a Streamlit progress bar.
    ``place_ambiguous``: give an ``ambiguous`` row, or an ``unresolved`` one that has a candidate, its
    best candidate's point and name (the status stays), for a map that draws it as uncertain or a table
    that names the candidate an analyst would check.
    """
    columns = [name_col, country_col, admin1_col] + ([admin2_col] if admin2_col else [])
    missing = [c for c in columns if c and c not in df.columns]
    if missing:
        raise KeyError(f"geocode_frame: no column(s) {', '.join(map(repr, missing))} in the frame")
    codes, queries = _distinct_queries(df, columns)
    results = (geocoder or default_geocoder(profile)).geocode_many(queries, progress)
    if place_ambiguous:
        results = [_best_candidate(r) for r in results]
    countries = [q[1] for q in queries]
    values = {
        "geo_status": np.array([r.status for r in results], dtype=object),
        "geo_latitude": np.array([np.nan if r.latitude is None else r.latitude for r in results], dtype=float),
        "geo_longitude": np.array([np.nan if r.longitude is None else r.longitude for r in results], dtype=float),
        "geo_name": np.array([place_display(r.name) if r.name else r.name for r in results], dtype=object),
        "geo_source": np.array([r.source for r in results], dtype=object),
        "geo_id": np.array([r.id for r in results], dtype=object),
        "geo_precision": np.array([np.nan if r.precision is None else r.precision for r in results], dtype=float),
        "geo_confidence": np.array([r.confidence for r in results], dtype=float),
    }
    if detail:
        values.update({
            "geo_admin1": np.array([admin1_shown(c, r.admin1) for c, r in zip(countries, results)], dtype=object),
            "geo_admin2": np.array([r.admin2 or "" for r in results], dtype=object),
            "geo_basis": np.array([r.basis or "" for r in results], dtype=object),
            "geo_hint": np.array([r.hint or "" for r in results], dtype=object),
            "geo_candidates": np.array([candidates_text(r, country=c) for c, r in zip(countries, results)],
                                       dtype=object),
        })
    out = pd.DataFrame({name: array[codes] if len(array) else array for name, array in values.items()},
                       index=df.index)
    out["geo_precision"] = out["geo_precision"].astype("Int64")
    return out


def candidates_text(result: GeocodeResult, limit: int = MAX_CANDIDATES, country: str | None = None) -> str:
    """"Tall Afar (Nineveh) 36.37667,42.44972; Tal Afar (Nineveh) ..." for a CSV cell ("" when none):
    names and admin1 as the app shows them (``geodata.display``; admin1 through the one display name
    when ``country`` is given); an unknown admin1 is "?"."""
    return "; ".join(f"{place_display(a.name)} ({admin1_shown(country, a.admin1) or '?'}) "
                     f"{a.latitude:.5f},{a.longitude:.5f}" for a in result.alternatives[:limit])


def _best_candidate(result: GeocodeResult) -> GeocodeResult:
    """An answer not resolved that has candidates, with its best candidate's point and name (status kept):
    ``ambiguous``, or ``unresolved`` with one candidate whose class measured below 0.95 ("الحويجة" asked
    in Kirkuk: Al Hawijah, the town, alone and not confirmed)."""
    if result.status == RESOLVED or not result.alternatives:
        return result
    best = result.alternatives[0]
    return replace(result, latitude=best.latitude, longitude=best.longitude, name=best.name,
                   source=best.source, id=best.id)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA else str(value).strip()


def _distinct_queries(df: pd.DataFrame, columns: list[str | None]) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Row -> distinct-query codes, and the distinct (name, country, admin1[, admin2]) queries
    (``columns`` in that order; None for a column not given: "").

    Each column is factorized on its raw values (fast), the per-column codes are combined into
    one integer per row and factorized again; text clean-up then runs on distinct values only.
    """
    combined = np.zeros(len(df), dtype=np.int64)
    per_column = []
    for column in columns:
        if column is None:
            per_column.append((None, None))
            continue
        col_codes, col_values = pd.factorize(df[column], use_na_sentinel=False)
        per_column.append((col_codes, col_values))
        combined = combined * (len(col_values) + 1) + col_codes
    codes, firsts = pd.factorize(combined)
    rows = np.full(len(firsts), 0, dtype=np.int64)
    rows[codes[::-1]] = np.arange(len(codes))[::-1]        # first row of each distinct query
    queries = []
    for row in rows:
        queries.append(tuple("" if col_codes is None else _text(values[col_codes[row]])
                             for col_codes, values in per_column))
    return codes, queries

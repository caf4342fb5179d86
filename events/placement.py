"""Coordinates against the row's own country: a warning per row, the row kept.

A row's ``latitude``/``longitude`` (and ``origin_latitude``/``origin_longitude`` against
``origin_country``) are tested against the embedded admin1 polygons of the nine mapped countries
(SY IQ JO LB IL PS YE IR TR; ``geodata.boundaries``). Only what those polygons can prove is said:

* **in another country**: the point lies inside country Y's polygons while the row names X != Y,
  and more than ``TOLERANCE_KM`` from X (when X is one of the nine) or more than ``TOLERANCE_KM``
  inside Y's outline (when X is not: its border is not embedded);
* **outside its country**: the row names one of the nine, no polygon of the nine holds the point,
  and it lies more than ``TOLERANCE_KM`` from that country's polygons (a place elsewhere, or far
  at sea).

Nothing is said of a point within the tolerance (border towns, coasts the simplified polygons cut,
the IL/PS overlap), nor of a point outside the nine countries in a row naming another country
(nothing embedded to test it against). The row is never rejected: the coordinates may be right and
the country wrong, or the reverse; the analyst decides.

Distances are measured in degrees and turned into km with the *smallest* km per degree in the
region (a degree of longitude at 42.5 N, the nine countries' northern edge: 82 km), so a flagged
point is always more than ``TOLERANCE_KM`` away (up to 1.35 times that north-south).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely

from .errors import RowError

TOLERANCE_KM = 25.0  # the accuracy the project counts as "right" for a place (README, geocoder section)
PAIRS = (("latitude", "longitude", "country"), ("origin_latitude", "origin_longitude", "origin_country"))


@lru_cache(maxsize=32)
def _zone(code: str, grow: bool):
    """The country's polygons grown (``grow``) or shrunk by the tolerance, prepared; None when the
    country is not embedded. A point is within the tolerance of the country when the grown shape
    holds it, more than the tolerance inside it when the shrunk one does (each built once per
    country, at most 0.4 s: Iraq)."""
    from geodata.boundaries import areas
    from geodata.where import country_zone

    shapes = areas(1, [code])["geometry"].to_numpy()
    if not len(shapes):
        return None
    return country_zone(shapes, TOLERANCE_KM if grow else -TOLERANCE_KM)


@lru_cache(maxsize=1)
def _embedded() -> frozenset[str]:
    from geodata.boundaries import areas

    return frozenset(areas(1)["country"].unique())


@lru_cache(maxsize=1024)
def _name(code: str) -> str:
    from geodata.countries import name_of

    return f"{name_of(code)} ({code})"


@lru_cache(maxsize=4096)
def _reason(said: str, where: str | None, admin1: str | None, country_col: str) -> str:
    if where is None:
        why = (f"the coordinates lie more than {TOLERANCE_KM:.0f} km outside {_name(said)}, "
               f"the row's {country_col}")
    else:
        from geodata.display import display_of_polygon

        place = f"{display_of_polygon(where, admin1)}, {_name(where)}" if admin1 else _name(where)
        why = f"the coordinates lie in {place}; the row's {country_col} is {_name(said)}"
    return why + " (the row is kept as given: check which is right)"


def country_warnings(frame: pd.DataFrame, lines, file: str) -> "Warnings":
    """One RowError per (row, coordinate pair) whose point the embedded boundaries place away from
    the row's country (see the module docstring for what counts), in line order, as ``Warnings`` (a
    sequence that makes each RowError when read).

    ``frame``: typed event rows (latitude/longitude floats in WGS84 degrees, NaN where empty; country
    columns ISO alpha-2 text, "" where empty); ``lines``: each row's line in the file (same length).
    Vectorised: one point-in-polygon pass over the admin1 layer for all rows, then, for the rows whose
    point is not in their own country, one against that country grown by the tolerance."""
    from geodata.where import country_at

    lines = np.asarray(lines)
    parts: list[tuple] = []   # per coordinate pair: lines, pair index, lat, lon, reason codes
    texts: list[str] = []
    for order, (lat_col, lon_col, country_col) in enumerate(PAIRS):
        if not {lat_col, lon_col, country_col} <= set(frame.columns) or not len(frame):
            continue
        lats = frame[lat_col].to_numpy(dtype=float, na_value=np.nan)
        lons = frame[lon_col].to_numpy(dtype=float, na_value=np.nan)
        codes = frame[country_col].astype(object).to_numpy(dtype=object)
        rows = np.flatnonzero(np.isfinite(lats) & np.isfinite(lons) & pd.notna(codes) & (codes != ""))
        if not len(rows):
            continue
        where, admin1 = country_at(lats[rows], lons[rows], admin1=True)
        embedded = list(_embedded())
        odd = np.flatnonzero(where != codes[rows])
        odd = odd[where[odd].astype(bool) | pd.Series(codes[rows][odd]).isin(embedded).to_numpy()]
        if not len(odd):
            continue
        rows, where, admin1, said = rows[odd], where[odd], admin1[odd], codes[rows][odd]
        x, y = lons[rows], lats[rows]
        flagged = np.zeros(len(rows), dtype=bool)
        for code in pd.unique(said):
            near = _zone(code, grow=True)
            if near is not None:   # far from the row's own country (inside another, or in none)
                sel = np.flatnonzero(said == code)
                flagged[sel] = ~shapely.contains_xy(near, x[sel], y[sel])
        elsewhere = np.flatnonzero(where.astype(bool) & ~pd.Series(said).isin(embedded).to_numpy())
        for code in pd.unique(where[elsewhere]):   # the row's country is not embedded: deep inside Y
            sel = elsewhere[where[elsewhere] == code]
            flagged[sel] = shapely.contains_xy(_zone(code, grow=False), x[sel], y[sel])
        keep = np.flatnonzero(flagged)
        if not len(keep):
            continue
        rows = rows[keep]
        # One reason per distinct (said, where, admin1): a code per row, the text made once each.
        keys, values = zip(*(pd.factorize(pd.Series(v[keep], dtype=object).fillna("")) for v in (said, where, admin1)))
        combined = (keys[0].astype(np.int64) * (len(values[1]) + 1) + keys[1]) * (len(values[2]) + 1) + keys[2]
        distinct, codes_ = np.unique(combined, return_inverse=True)
        reasons = []
        for key in distinct.tolist():
            key, a_ = divmod(key, len(values[2]) + 1)
            s_, w_ = divmod(key, len(values[1]) + 1)
            reasons.append(_reason(values[0][s_], values[1][w_] or None, values[2][a_] or None, country_col))
        parts.append((np.asarray(lines)[rows].astype(np.int64), np.full(len(rows), order), lats[rows], lons[rows],
                      np.asarray(codes_, dtype=np.int64) + len(texts)))
        texts.extend(reasons)
    return Warnings(file, parts, texts)


class _RowErrorSequence(Sequence):
    """A read-only sequence of RowError made one at a time by ``_item(i)`` (0 <= i < len): slices, negative
    indices, IndexError and comparison with a list are handled here once for every lazy warning list."""

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._item(i)

    def _item(self, i: int) -> RowError:
        raise NotImplementedError

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, tuple, Sequence)) and list(self) == list(other)


class Warnings(_RowErrorSequence):
    """The warnings of one file as a read-only sequence of RowError, in line order, each made only when
    read (a million-row file may carry a hundred thousand; the CLI prints fifty)."""

    def __init__(self, file: str, parts: list, reasons: list[str]):
        self.file, self.reasons = file, reasons
        if parts:
            line, pair, lat, lon, reason = (np.concatenate(a) for a in zip(*parts))
            order = np.lexsort((pair, line))
            self._line, self._pair, self._lat, self._lon, self._reason = \
                line[order], pair[order], lat[order], lon[order], reason[order]
        else:
            self._line = self._pair = self._reason = np.zeros(0, dtype=np.int64)
            self._lat = self._lon = np.zeros(0)

    def __len__(self) -> int:
        return len(self._line)

    def _item(self, i: int) -> RowError:
        lat_col, lon_col, _ = PAIRS[self._pair[i]]
        value = f"{float(self._lat[i])!r}, {float(self._lon[i])!r}"
        return RowError(self.file, int(self._line[i]), f"{lat_col}, {lon_col}", value, self.reasons[self._reason[i]])

    def rows(self) -> int:
        """Rows with at least one warning."""
        return int(len(np.unique(self._line)))

    def __repr__(self) -> str:
        return f"Warnings({self.file!r}, {len(self)} warnings)"


def code_warnings(kept: pd.DataFrame, said_by_codes: pd.Series, raw_names: pd.Series | None,
                  file: str) -> list[RowError]:
    """One RowError (column ``country``) per kept row whose own code for the event's country names
    another country than its country name (``said_by_codes``: "" or "ISO2<TAB>country_id 645", from
    ``events.readers.countries.code_disagreements``; aligned with ``kept``), saying where the
    coordinates lie when the embedded boundaries know: field/14's UCDP row "DR Congo (Zaire)" with
    country_id 645 and a point in Anbar. The row keeps its name's country: the name may be right."""
    from geodata.where import country_at

    flagged = np.flatnonzero(said_by_codes.to_numpy(dtype=object) != "")
    if not len(flagged):
        return []
    rows = kept.iloc[flagged]
    lats = rows["latitude"].to_numpy(dtype=float, na_value=np.nan)
    lons = rows["longitude"].to_numpy(dtype=float, na_value=np.nan)
    placed = np.isfinite(lats) & np.isfinite(lons)
    where = np.full(len(rows), "", dtype=object)
    if placed.any():
        where[placed] = country_at(lats[placed], lons[placed])
    out = []
    for i, (line, said, codes) in enumerate(zip(rows["_line"].to_numpy(), rows["country"].to_numpy(dtype=object),
                                                 said_by_codes.to_numpy(dtype=object)[flagged])):
        other, labels = codes.split("\t", 1)
        reason = f"the country column says {_name(said)}, but the row's {labels} is {_name(other)}"
        if where[i] == other:
            reason += f", and the coordinates lie in {_name(other)}"
        elif where[i]:
            reason += f"; the coordinates lie in {_name(where[i])}"
        reason += f" (kept as {said}, as the country column says: check which is right)"
        value = str(raw_names.iloc[flagged[i]]) if raw_names is not None else str(said)
        out.append(RowError(file, int(line), "country", value, reason))
    return out


class WithCodeWarnings(_RowErrorSequence):
    """Coordinate ``Warnings`` and a few country-code RowErrors as one sequence in line order
    (the coordinate warnings stay lazy)."""

    def __init__(self, coordinates: "Warnings", extra: list[RowError]):
        self.coordinates = coordinates
        self.extra = sorted(extra, key=lambda e: e.line)
        lines = coordinates._line
        # where each extra goes among the coordinate warnings: after those of the same line
        self._at = np.searchsorted(lines, [e.line for e in self.extra], "right") + np.arange(len(self.extra))

    def __len__(self) -> int:
        return len(self.coordinates) + len(self.extra)

    def _item(self, i: int) -> RowError:
        hit = np.flatnonzero(self._at == i)
        if len(hit):
            return self.extra[int(hit[0])]
        return self.coordinates[i - int(np.searchsorted(self._at, i))]

    def rows(self) -> int:
        """Rows with at least one warning."""
        return int(len(np.union1d(self.coordinates._line, [e.line for e in self.extra])))

    def __repr__(self) -> str:
        return f"WithCodeWarnings({self.coordinates!r}, {len(self.extra)} country-code warnings)"

"""Country names and codes as event datasets write them -> ISO 3166-1 alpha-2.

Tried in this order, once per distinct value:

1. the name, through ``geodata.countries`` (GeoNames' list plus the spellings ACLED and UCDP
   use) and then ``pycountry`` (ISO 3166-1 names, official and common names, alpha-3 codes);
2. UCDP's historical parentheses and suffixes: "DR Congo (Zaire)", "Kingdom of eSwatini
   (Swaziland)", "Yemen (North Yemen)", "Macedonia, FYR": each part alone;
3. the codes the row carries: UCDP's Gleditsch-Ward numbers (``country_id``, ``gwnoa``;
   table in ``events/data/gleditsch_ward.csv``, source there), ACLED's ISO 3166-1 numeric
   ``iso`` and its ``iso3``.

A value none of these knows stays as written, so validation names it ("unknown country").
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pycountry

from geodata.countries import to_iso2

GW_PATH = Path(__file__).resolve().parents[1] / "data" / "gleditsch_ward.csv"
# Raw column a reader may add: "" or "ISO2\tcountry_id 645" where the row's own code for the event's
# country names another country than its country name does (validation warns, the name's country kept).
CODES_DISAGREE = "_country_codes"


@lru_cache(maxsize=1)
def gleditsch_ward() -> dict[int, str]:
    """Gleditsch-Ward state number -> ISO2 (historical states -> today's state on their land)."""
    with GW_PATH.open(encoding="utf-8") as fh:
        return {int(row["gwno"]): row["iso2"] for row in csv.DictReader(fh)}


def _pycountry(text: str) -> str | None:
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


@lru_cache(maxsize=8192)
def from_name(name: str) -> str | None:
    """ISO2 for a country name or ISO code as written by ACLED, UCDP or a person; None if unknown.

    >>> from_name("DR Congo (Zaire)"), from_name("Macedonia, FYR"), from_name("Kingdom of eSwatini (Swaziland)")
    ('CD', 'MK', 'SZ')
    """
    text = str(name).strip()
    if not text or text.isdigit():
        return None
    code = to_iso2(text) or _pycountry(text)
    if code:
        return code
    # "DR Congo (Zaire)" -> "DR Congo", "Zaire"; "Macedonia, FYR" -> "Macedonia", "FYR".
    parts = [p.strip() for p in re.split(r"[(),]", text) if p.strip()]
    if len(parts) > 1:
        for part in parts:
            code = to_iso2(part) or _pycountry(part)
            if code:
                return code
    return None


def from_gw(value) -> str | None:
    """ISO2 for a Gleditsch-Ward number written as ``645``, ``645.0`` or ``"645"``; None if unknown."""
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    if not number.is_integer():
        return None
    return gleditsch_ward().get(int(number))


def from_iso_numeric(value) -> str | None:
    """ISO2 for an ISO 3166-1 numeric code (ACLED's ``iso``: ``368``, ``4``, ``004``)."""
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        return None
    country = pycountry.countries.get(numeric=text.zfill(3))
    return country.alpha_2 if country else to_iso2(text)


def _once(values: pd.Series, fn) -> pd.Series:
    """fn of each distinct value, spread back over the rows (object Series; None where fn says None)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    looked_up = np.array([fn(u) for u in np.asarray(uniques, dtype=object)] + [None], dtype=object)
    return pd.Series(looked_up[codes], index=values.index, dtype=object)


def resolve(names: pd.Series, *, gw: list[pd.Series] = (), iso_numeric: pd.Series | None = None,
            iso3: pd.Series | None = None) -> pd.Series:
    """ISO2 per row: from the name first, then the row's codes; the name as written if nothing knows it.

    ``names``, ``gw`` (Gleditsch-Ward columns, in order of trust), ``iso_numeric`` and ``iso3``
    are text Series on the same index. Each distinct value is looked up once.
    """
    iso = _once(names, from_name)
    for codes in gw:
        if iso.isna().any():
            iso = iso.fillna(_once(codes, from_gw))
    if iso_numeric is not None and iso.isna().any():
        iso = iso.fillna(_once(iso_numeric, from_iso_numeric))
    if iso3 is not None and iso.isna().any():
        iso = iso.fillna(_once(iso3, lambda v: _pycountry(v) if len(str(v).strip()) == 3 else None))
    if iso.isna().any():
        iso = iso.fillna(pd.Series(np.asarray(names, dtype=object), index=names.index))
    return iso


def code_disagreements(names: pd.Series, codes: dict[str, tuple[pd.Series, object]]) -> pd.Series:
    """Per row: "" or "ISO2<TAB>label value[, label value]" when the country ``names`` gives (through
    ``from_name``) differs from the one the row's own codes for the event's country give (``codes``:
    {column label: (text Series, lookup such as ``from_gw``)}), all of them naming the same one. Only
    codes of the event's location count (UCDP ``country_id``, not ``gwnoa``: side A's state, e.g.
    Turkey fighting in Iraq). Each distinct combination is looked up once."""
    if not codes or not len(names):
        return pd.Series("", index=names.index, dtype=object)
    labels = list(codes)
    lookups = [lookup for _, lookup in codes.values()]
    # one integer key per row over the distinct values of each column (pandas' hash factorize, no
    # Python per row): a million rows of a few countries take ~0.1 s
    key = np.zeros(len(names), dtype=np.int64)
    uniques = []
    for column in (names, *(series for series, _ in codes.values())):
        found, values = pd.factorize(column)           # NA -> -1, read as "" below
        values = ["", *(str(v) for v in values)]
        uniques.append(values)
        key = key * (len(values) + 1) + (np.asarray(found, dtype=np.int64) + 1)
    inverse, combos = pd.factorize(key)
    texts = np.empty(len(combos) + 1, dtype=object)
    texts[:] = ""
    for slot, combined in enumerate(combos.tolist()):
        parts = []
        for values in reversed(uniques):
            combined, at = divmod(combined, len(values) + 1)
            parts.append(str(values[at]))
        name, *row_codes = reversed(parts)
        said = from_name(name)
        if not said:
            continue
        others: dict[str, list[str]] = {}
        for label, lookup, value in zip(labels, lookups, row_codes):
            code = lookup(value) if value.strip() else None
            if code and code != said:
                others.setdefault(code, []).append(f"{label} {re.sub(r'[.]0+$', '', value.strip())}")
        if len(others) == 1:
            code, found_in = next(iter(others.items()))
            texts[slot] = f"{code}\t{', '.join(found_in)}"
    return pd.Series(texts[inverse], index=names.index, dtype=object)

"""Cross-border hint: a name unresolved in the given country but found in a neighbour says so.

The geocoder never answers with a place of another country; it only adds a ``hint`` such as
"not found in IQ; a place of this name is in SY: Rmelan (Al-Hasakah)". Neighbours are the
countries sharing a land border (CIA World Factbook, "Land boundaries"); only those covered by the
curated and regional gazetteers are searched. The search reads the precomputed name table
(wof_forms.parquet) once per process and keeps, beside it, its names' and keys' 64-bit hashes
sorted, so each look-up is a binary search, not a pass over the ~560,000 names.
"""
from __future__ import annotations

import threading

import numpy as np

from .translit import soft_form, translit_key

NEIGHBOURS = {
    "IQ": ("SY", "TR", "IR", "JO", "SA", "KW"), "SY": ("IQ", "TR", "JO", "LB", "IL"),
    "JO": ("SY", "IQ", "SA", "IL", "PS"), "LB": ("SY", "IL"), "IL": ("LB", "SY", "JO", "PS", "EG"),
    "PS": ("IL", "JO", "EG"), "YE": ("SA", "OM"), "IR": ("IQ", "TR", "AF", "PK", "AM", "AZ", "TM"),
    "TR": ("SY", "IQ", "IR", "GR", "BG", "GE", "AM", "AZ"),
}
MIN_LIKENESS = 0.9
_lookup = None
_lock = threading.Lock()


class _Lookup:
    """Name forms of every place the hint may name. Curated rows: ``by_core`` maps a normalised
    name to [(country, name, admin1)], ``by_key`` maps a transliteration key to [(country, name,
    admin1, core)]. Regional rows (~560,000): the Arrow table itself, with the hashes of its
    ``core`` and ``key`` columns sorted (built on the first unresolved name, ~0.5 s; no Python
    object per name is kept). Hits come curated first, then in table order."""

    def __init__(self):
        self.by_core: dict[str, list[tuple[str, str, str]]] = {}
        self.by_key: dict[str, list[tuple[str, str, str, str]]] = {}
        self._add_curated()
        table = _table()
        self.table = None if table is False else table
        self._sorted: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if self.table is not None:
            for column in ("core", "key"):
                # chunk by chunk: never the whole column as Python strings at once
                chunks = [_hashes(chunk.to_pylist()) for chunk in self.table[column].chunks]
                hashes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
                order = np.argsort(hashes, kind="stable")
                self._sorted[column] = (hashes[order], order)

    def _add(self, country: str, name: str, admin1: str, core: str, key: str) -> None:
        if core:
            self.by_core.setdefault(core, []).append((country, name, admin1))
        if key and len(key) >= 3:
            self.by_key.setdefault(key, []).append((country, name, admin1, core))

    def _add_curated(self) -> None:
        from .curated import CuratedGazetteer
        from .index import name_info

        source = CuratedGazetteer()
        for country in {c for cs in NEIGHBOURS.values() for c in cs} | set(NEIGHBOURS):
            for place in source.places_in(country):
                for raw in (place.name, *place.aliases):
                    form, form_key = name_info(raw)[:2]
                    self._add(country, place.name, place.admin1, form, form_key)

    def _rows(self, column: str, value: str) -> list[int]:
        """Regional table rows whose ``column`` equals ``value``, in table order."""
        if self.table is None or not value:
            return []
        hashes, order = self._sorted[column]
        h = hash(value)
        lo, hi = np.searchsorted(hashes, h, "left"), np.searchsorted(hashes, h, "right")
        values = self.table[column]
        return [int(r) for r in np.sort(order[lo:hi]) if values[int(r)].as_py() == value]

    def core_hits(self, core: str) -> list[tuple[str, str, str]]:
        hits = list(self.by_core.get(core, ()))
        for r in self._rows("core", core):
            hits.append((self.table["country"][r].as_py(), self.table["raw"][r].as_py(), ""))
        return hits

    def key_hits(self, key: str) -> list[tuple[str, str, str, str]]:
        if len(key) < 3:
            return []
        hits = list(self.by_key.get(key, ()))
        for r in self._rows("key", key):
            hits.append((self.table["country"][r].as_py(), self.table["raw"][r].as_py(), "",
                         self.table["core"][r].as_py()))
        return hits


def _hashes(values) -> np.ndarray:
    """Python's own string hash of each value: stable within the process, which is all the
    sorted table and its look-ups need (they never leave the process)."""
    return np.fromiter(map(hash, values), dtype=np.int64, count=len(values))


def _table():
    import pyarrow.parquet as pq

    from .regional import FORMS_PATH, prime_forms  # noqa: F401  (same file, same rules check)
    from .build import rules_digest
    if not FORMS_PATH.exists() or (pq.read_schema(FORMS_PATH).metadata or {}).get(b"rules", b"").decode() \
            != rules_digest():
        return False
    return pq.read_table(FORMS_PATH, columns=["country", "raw", "core", "key"])


def _get_lookup() -> _Lookup:
    global _lookup
    with _lock:
        if _lookup is None:
            _lookup = _Lookup()
        return _lookup


def _alike(a: str, b: str) -> bool:
    from rapidfuzz import fuzz
    return max(fuzz.ratio(a, b), fuzz.ratio(soft_form(a), soft_form(b))) / 100 >= MIN_LIKENESS


def cross_border_hint(core: str, country: str) -> str | None:
    """A sentence naming the neighbouring countries where a place of this (normalised) name
    exists, or None. ``core`` is normalize_name's form of the query."""
    neighbours = NEIGHBOURS.get(country, ())
    if not core or not neighbours:
        return None
    key = translit_key(core)
    lookup = _get_lookup()
    wanted = set(neighbours)
    hits = [h for h in lookup.core_hits(core) if h[0] in wanted]
    hits += [(c, name, admin1) for c, name, admin1, form in lookup.key_hits(key)
             if c in wanted and form != core and _alike(core, form)]
    if not hits:
        return None
    by_country: dict[str, list[str]] = {}
    for c, name, admin1 in hits:
        label = f"{name} ({admin1})" if admin1 else name
        if label not in by_country.setdefault(c, []):
            by_country[c].append(label)
    parts = [f"{c}: {', '.join(names[:3])}" for c, names in by_country.items()]
    return f"not found in {country}; a place of this name is in " + "; ".join(parts)

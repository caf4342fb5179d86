"""Cross-border hint: a name unresolved in the given country but found in a neighbour says so.

The geocoder never answers with a place of another country; it only adds a ``hint`` such as
"not found in IQ; a place of this name is in SY: Rmelan (Al-Hasakah)". Neighbours are the
countries sharing a land border (CIA World Factbook, "Land boundaries"); only those covered by the
curated and regional gazetteers are searched. The search reads the precomputed name table
(wof_forms.parquet) once per process into two dictionaries (by name, by transliteration key).
"""
from __future__ import annotations

import threading

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
    """Name forms of every place the hint may name, keyed once per process: ``by_core`` maps a
    normalised name to [(country, name, admin1)], ``by_key`` maps a transliteration key to
    [(country, name, admin1, core)]. Built on the first unresolved name (about 1 s for the
    regional table's ~560,000 forms); each later look-up is two dictionary reads."""

    def __init__(self):
        self.by_core: dict[str, list[tuple[str, str, str]]] = {}
        self.by_key: dict[str, list[tuple[str, str, str, str]]] = {}
        self._add_curated()
        self._add_regional()

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

    def _add_regional(self) -> None:
        table = _table()
        if table is False:
            return
        for country, raw, core, key in zip(*(table[c].to_pylist() for c in ("country", "raw", "core", "key"))):
            self._add(country, raw, "", core, key)


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
    hits = [h for h in lookup.by_core.get(core, ()) if h[0] in wanted]
    hits += [(c, name, admin1) for c, name, admin1, form in lookup.by_key.get(key, ())
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

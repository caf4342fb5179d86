"""Cross-border hint: a name unresolved in the given country but found in a neighbour says so.

The geocoder never answers with a place of another country; it only adds a ``hint`` such as
"not found in IQ; a place of this name is in SY: Rmelan (Al-Hasakah)". Neighbours are the
countries sharing a land border (CIA World Factbook, "Land boundaries"); only those covered by the
curated and regional gazetteers are searched. The search reads the precomputed name table
(wof_forms.parquet) with Arrow compute, so no neighbour index is built.
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
_forms = None
_lock = threading.Lock()


def _table():
    global _forms
    with _lock:
        if _forms is None:
            import pyarrow.parquet as pq

            from .regional import FORMS_PATH, prime_forms  # noqa: F401  (same file, same rules check)
            from .build import rules_digest
            if not FORMS_PATH.exists() or (pq.read_schema(FORMS_PATH).metadata or {}).get(b"rules", b"").decode() \
                    != rules_digest():
                _forms = False
            else:
                _forms = pq.read_table(FORMS_PATH, columns=["country", "raw", "core", "key"])
        return _forms


def _curated_hits(core: str, key: str, countries) -> list[tuple[str, str, str]]:
    from .curated import CuratedGazetteer
    from .index import name_info

    hits = []
    source = CuratedGazetteer()
    for country in countries:
        for place in source.places_in(country):
            for raw in (place.name, *place.aliases):
                form, form_key = name_info(raw)[:2]
                if form == core or (form_key == key and _alike(core, form)):
                    hits.append((country, place.name, place.admin1))
                    break
    return hits


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
    hits = _curated_hits(core, key, neighbours)
    table = _table()
    if table is not False and len(key) >= 3:
        import pyarrow as pa
        import pyarrow.compute as pc

        mask = pc.and_(pc.is_in(table["country"], value_set=pa.array(list(neighbours))),
                       pc.or_(pc.equal(table["core"], core), pc.equal(table["key"], key)))
        for row in table.filter(mask).to_pylist():
            if row["core"] == core or _alike(core, row["core"]):
                hits.append((row["country"], row["raw"], ""))
    if not hits:
        return None
    by_country: dict[str, list[str]] = {}
    for c, name, admin1 in hits:
        label = f"{name} ({admin1})" if admin1 else name
        if label not in by_country.setdefault(c, []):
            by_country[c].append(label)
    parts = [f"{c}: {', '.join(names[:3])}" for c, names in by_country.items()]
    return f"not found in {country}; a place of this name is in " + "; ".join(parts)

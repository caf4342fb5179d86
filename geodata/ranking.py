"""Scoring of candidate places: match quality, admin1 agreement, kind hints and prominence.

Scores sit roughly in [0, 1.1]; RESOLVE_MIN separates an answer from a guess. The weights are
small and few on purpose, so an exact name in the right admin1 always beats a fuzzy lookalike,
and prominence only breaks near-ties.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .curated import SOURCE as CURATED_SOURCE
from .index import ALIAS, EXACT, FUZZY, KEY, PART, Match
from .normalize import SETTLEMENT_WORDS
from .place import Place

RESOLVE_MIN = 0.6          # below: unresolved
AMBIGUITY_MARGIN = 0.05    # two far-apart candidates closer than this: ambiguous
SAME_PLACE_KM = 25.0
PART_QUALITY = 0.9         # exact part of a compound name; never above an alias (0.96) or exact (1.0)       # candidates closer than this are one place (e.g. town and its airstrip)

POPULATED = frozenset({"city", "town", "village", "neighbourhood"})
AREAS = frozenset({"region", "district"})
# Which kinds a generic word in the query ("air base", "oil field", "dam") asks for.
HINT_KINDS = {
    "military": {"military_base", "outpost", "airfield", "airport"},  # air bases often sit at airports (Erbil)
    "airfield": {"airfield", "airport", "military_base"},
    "airport": {"airport", "airfield"},
    "oil_field": {"oil_field", "gas_field"},
    "gas_field": {"gas_field", "oil_field"},
    "facility": {"facility", "oil_field", "gas_field", "dam"},
    "dam": {"dam"},
    "border_crossing": {"border_crossing"},
    "region": {"region"},
    "district": {"district", "region"},
}
_KIND_BONUS = {"city": 0.03, "town": 0.02, "village": 0.01}


def match_quality(match: Match) -> float:
    if match.method == EXACT:
        return 1.0
    if match.method == ALIAS:
        return 0.96
    if match.method == PART:
        # A part of a compound list name ("Karma" in "Albu Jasim-Karma"): the row is in or next
        # to the place, not the place itself, so below an alias, about a close key match.
        return PART_QUALITY - 0.6 * (1.0 - match.similarity)
    if match.method == KEY:
        return 0.92 - 0.6 * (1.0 - match.similarity)     # 1.0 -> 0.92, 0.8 -> 0.80
    assert match.method == FUZZY
    return 0.85 * match.similarity


@dataclass(frozen=True, slots=True)
class Scored:
    place: Place
    index: int
    score: float
    near_only: bool      # the match is a populated place standing in for a facility/region asked for
    method: str = EXACT  # the match rung (index.EXACT, ALIAS, PART, KEY, FUZZY)
    admin1: bool | None = None   # agrees with the admin1 given (None: none given, unknown, border)
    cross_script: bool = False   # Arabic-script query met a Latin-script name through the key only
    kind_mismatch: bool = False  # a quarter for a settlement, a town for a facility asked for ...
    form: str = ""               # the normalised gazetteer form that matched
    quarter_mismatch: bool = False   # a quarter for "X village"/"X town", or a village for "Hay X"
    arabic_query: bool = False
    quarter_query: bool = False
    similarity: float = 1.0          # of the matched form to the query (index.Match.similarity)
    settlement: str | None = None    # the settlement word of the query ("village", "town", "quarter")


# admin1 given and known in the country: agreeing candidates gain, others lose. A different
# admin1 usually means a different place with the same name (common for Arabic village names),
# so it costs enough to leave even an exact name unresolved; an unknown admin1 costs a little.
# An unknown admin1 costs a little for the exact name, more for a lookalike: an alias, key or
# fuzzy match that cannot be checked against the admin1 the source gives is a guess.
ADMIN1_AGREES, ADMIN1_DIFFERS, ADMIN1_UNKNOWN, ADMIN1_UNKNOWN_LOOKALIKE = 0.08, -0.45, -0.06, -0.25


# A source calling a place a "village" does not mean a city of 100,000 (GeoNames' "Bara" is
# an alternate name of Basrah); "town" is used for cities too, so only "village"/"hamlet" count.
SMALL_SETTLEMENT_WORDS = frozenset({"village", "hamlet"})
SMALL_SETTLEMENT_MISMATCH = {"city": -0.15, "town": -0.03}
# A source's "X town" / "X village" is a settlement of its own, not a quarter of another town
# that happens to carry the name ("Hay Al-Qadisiyah" in Najaf): a mismatch as strong as a
# different admin1, so a quarter alone leaves the name unresolved.
SETTLEMENTS = frozenset(SETTLEMENT_WORDS.values()) - {"quarter"}
QUARTER_FOR_SETTLEMENT = ADMIN1_DIFFERS


def prominence(place: Place) -> float:
    """0..1 from population; a curated row counts as prominent whatever its population, since it
    is there because conflict reporting keeps naming it (Rabia, not a village spelt alike)."""
    if place.source == CURATED_SOURCE:
        return 1.0
    return min(1.0, math.log10(place.population + 1) / 6)


def score(match: Match, place: Place, admin1_agrees: bool | None, kind_hint: str | None,
          admin1_unknown: bool = False, settlement: str | None = None, arabic_query: bool = False) -> Scored:
    """``admin1_agrees``: True/False, or None when either side's admin1 is unknown."""
    value = match_quality(match)
    if admin1_agrees is True:
        value += ADMIN1_AGREES
    elif admin1_agrees is False:
        value += ADMIN1_DIFFERS
    elif admin1_unknown:
        value += ADMIN1_UNKNOWN if match.method == EXACT else ADMIN1_UNKNOWN_LOOKALIKE
    near_only = False
    kind_mismatch = False
    if match.hinted and not kind_hint and place.kind not in POPULATED:
        # The name matched only with the kind word it is written with removed ("Qadisiyah
        # Airbase" for "Hay Al Qadissiyah", "Ar Rumaylah Air Base" for the town Ar Rumaylah):
        # a bare name means the populated place, so this is at most near it.
        value -= 0.12
        near_only = kind_mismatch = True
    elif kind_hint:
        if place.kind in HINT_KINDS.get(kind_hint, ()):
            value += 0.06
        else:
            value -= 0.12
            near_only = kind_mismatch = True
    elif settlement in SETTLEMENTS and place.kind not in POPULATED:
        # "Mosul town", "Karbala town" ask for the town, not the dam or the governorate that
        # carries its name: as far off as a wrong kind hint, and only near it if nothing better.
        value -= 0.12
        near_only = kind_mismatch = True
    elif place.kind in AREAS:
        value -= 0.06
    elif place.kind not in POPULATED:
        value -= 0.04         # a bare name means the town more often than its airstrip
    if settlement in SMALL_SETTLEMENT_WORDS:
        value += SMALL_SETTLEMENT_MISMATCH.get(place.kind, 0.0)
        kind_mismatch = kind_mismatch or place.kind == "city"     # "X village" is not a city
    quarter_mismatch = False
    if settlement in SETTLEMENTS and (match.quarter or place.kind == "neighbourhood"):
        value += QUARTER_FOR_SETTLEMENT
        kind_mismatch = quarter_mismatch = True
    elif settlement == "quarter" and place.kind != "neighbourhood" and not match.quarter:
        # "Hay X" is a quarter of some town: a village or base called X elsewhere is another place.
        value -= 0.12
        kind_mismatch = quarter_mismatch = True
    value += 0.04 * prominence(place) + _KIND_BONUS.get(place.kind, 0.0)
    return Scored(place, match.place, value, near_only, match.method, admin1_agrees,
                  cross_script=match.cross_script, kind_mismatch=kind_mismatch, form=match.form,
                  quarter_mismatch=quarter_mismatch, arabic_query=arabic_query,
                  quarter_query=settlement == "quarter", similarity=match.similarity, settlement=settlement)

"""What the drafting pipeline passes between its steps: the dataclasses ``PlaceRef`` (a place named in a
sentence), ``Mention`` (what one sentence says about an event), ``Event`` (mentions merged into one event)
and ``DraftResult`` (what ``draft.draft_report`` returns), with the small predicates on places that both the
sentence reader (``draft._Context``) and the event assembly (``assemble``) use: one place or two
(``_same_place``, ``_distinct_towns``, ``_apart``, ``_held``), how a name was found (``_spelled_only``,
``_spelled_unsure``) and how it is written (``_without_feature``, ``_key``, ``_names_province``,
``_same_admin1``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from geodata.geo import distance_km
from geodata.normalize import GENERIC_WORDS, fold

from .dates import ResolvedDate

SAME_PLACE_KM = 25.0
# A new event word at a town this far from the event told before is another event there, not the same
# one told again (one name spelled two ways resolves to points a few km apart at most)
DISTINCT_KM = 5.0


@dataclass
class PlaceRef:
    """A place named in a sentence, with what the words around it say."""
    text: str                     # as written, plus trailing feature words ("Kalsu military base")
    start: int                    # offsets in the report
    end: int
    countries: tuple[str, ...]    # report countries whose gazetteer has the name
    role: str                     # "location", "target", "near", "origin"
    sentence: int
    country: str | None = None    # chosen country (None: several, unresolved)
    result: object = None         # GeocodeResult in ``country``
    status: str = "unresolved"
    alternatives: tuple = ()
    flags: list[str] = field(default_factory=list)
    unsure: object = None         # the geocoder's ambiguous answer (its first alternative and confidence)
    pending: bool = False         # spelled another way and ambiguous: kept only if the report's provinces settle it
    label: str = ""               # the place's name when the report only describes it ("the Syrian capital")
    near_spelt: tuple = ()        # ((country, unresolved answer with near spellings),): a spelling found nowhere
    area: bool = False            # written as an area named after the place: "the district of Shingal", "the X area"
    within: str = ""              # folded name of the place the report says holds it: "the Mezzeh district of Damascus"
    far: bool = False             # said to lie more than LANDMARK_KM from the event ("110 miles southeast of Aden"):
    #                               a province context, never the event's place nor what holds it
    settled: bool = False         # chosen among namesakes or like spellings by the report's other words (a province,
    #                               a place near it, a direction): the 'ctx' class of confidence (events/drafts/confidence.py)
    heading: float | None = None  # a landmark's compass direction to the event ("west of Baghdad": 270 degrees)
    bound: tuple | None = None    # ((lat, lon), km): the landmark the report says it is near, when no candidate of the
    #                               name lies near it; no clue may place it farther than km from there

    @property
    def region(self) -> bool:
        """A province or governorate, not a place in it."""
        return self.result is not None and getattr(self.result, "precision", None) == 3

    @property
    def point(self) -> tuple[float, float] | None:
        r = self.result
        return (r.latitude, r.longitude) if r is not None and r.latitude is not None else None


@dataclass
class Mention:
    sentence: int
    family: str | None
    definite: bool
    new: bool
    cue_text: str
    date: ResolvedDate | None = None
    date_since: bool = False
    places: dict[str, PlaceRef] = field(default_factory=dict)           # role -> place
    more: list[PlaceRef] = field(default_factory=list)                  # "near A and near B": one event each
    country_slots: dict[str, str] = field(default_factory=dict)         # role -> country code
    admin1: str = ""
    fatalities: int | None = None
    deaths_at: list = field(default_factory=list)   # where the deaths are placed: PlaceRef or country code
    actor1: str = ""
    actor2: str = ""
    claim_actor: str = ""
    back_subject: str = ""            # "The Guards also said ...", "Jets also hit ...": the subject, referring back
                                      # to the attacker of the event told before
    said_date: object = None          # "officials said on Monday that ...": the statement's day
    after_date: object = None         # "mourners on Sunday buried fighters killed in a strike": a day after it
    next_day: int = 0                 # "the next day" (1), "two days later" (2): days after the event told before;
                                      # "three days earlier" (-3), "the previous day" (-1): days before it
    next_weeks: bool = False          # the offset was said in weeks ("a week earlier"): week precision
    prior_date: object = None         # the day the sentence before tells, event or not: what next_day counts from
                                      # when no event was told before ("Jets put Sanaa airport out of service on
                                      # Tuesday. A day earlier, strikes on Hodeidah ...")
    date_only: bool = False
    others_toll: bool = False     # "Six other people ... died": victims beside those told just before
    fill_only: bool = False       # may place the event told just before, never starts one
    targets_told: bool = False    # "The targets were ... near X and Y": each place one event of the one told before
    single: bool = True           # the sentence has one event cue
    answered: bool = False        # told in a clause "a day after ...", "in retaliation for ...": an earlier event
    intercepted: bool = False     # "air defences intercepted some missiles": the munitions of an attack told before
    earlier_told: bool = False    # "In the first raid, on October 7": an earlier event of the series told before
    days_before: int | None = None    # how many days before the event told first (None: not said)
    weeks_before: bool = False        # days_before counted in weeks ("a week after"): a week's precision
    anchor_date: object = None    # the date of the sentence's own first clause, if it has one
    near_toll: bool = False       # a toll told near a named place, with no event word: that place's event's
    refines: bool = False         # no event word, a town near which the story went on: may place a province-level event
    place_dates: dict = field(default_factory=dict)   # id(place in ``more``) -> the date its own clause gives
    place_families: dict = field(default_factory=dict)   # id(place in ``more``) -> the kind its own clause tells
    actor1_with: str = ""         # "US and British warplanes": the state acting with actor1 (ACLED assoc_actor_1)
    hit_here: bool = False        # no cue word, but the sentence says its place was hit ("X was also hit")


@dataclass
class Event:
    family: str | None
    sentences: list[int]
    date: ResolvedDate | None = None
    date_inherited: bool = False
    lead_dated: bool = False        # dated by the report's lead, which tells no event of its own (nu32 H3)
    location: PlaceRef | None = None
    location_country: str | None = None
    origin: PlaceRef | None = None
    origin_country: str | None = None
    admin1: str = ""
    fatalities: int | None = None
    actor1: str = ""
    actor2: str = ""
    actor1_with: str = ""
    type_sentence: int = -1
    said_date: object = None
    after_date: object = None
    toll_unplaced: bool = False     # the toll was told before the event had a place ("45 killed in Iraq")
    shared_toll: int | None = None  # a toll the report gives for this and other events together
    claimed: bool = False           # actor1 is who claimed the event, in the report's words
    actor1_before: str = ""         # actor1 taken from the event told before, by these words of the sentence
    flashback: bool = False         # dated by counting back from the event told before ("A day earlier, ...")


@dataclass
class DraftResult:
    """What ``draft_report`` returns: the drafts (dicts in the event table's columns plus evidence,
    confidence and the extra columns) and the countries the report was found to concern."""
    drafts: list[dict]
    countries: list[str]
    text: str
    # sentences that tell an event the drafter found no place for (its place may be missing from the gazetteer or
    # written another way: nu24 had "Khan Sheikhoun" and "Aita al-Shaab" vanish, unsaid), in report order
    unplaced: list[str] = field(default_factory=list)


def _without_feature(name: str) -> str:
    """A name without the feature words it ends with ("al-Shaddadi base" -> "al-Shaddadi")."""
    parts = name.split()
    while len(parts) > 1 and (parts[-1].lower() in GENERIC_WORDS or parts[-1].lower() in _FEATURE_EXTRA):
        parts.pop()
    return " ".join(parts)


_FEATURE_EXTRA = {"military", "air", "gas", "oil", "landing", "border", "forward", "operating", "support",
                  "sub-district", "subdistrict", "district", "area", "base", "airbase"}


def _same_place(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return False
    pa, pb = a.point, b.point
    if pa and pb:
        return distance_km(pa[0], pa[1], pb[0], pb[1]) <= SAME_PLACE_KM
    return fold(a.text) == fold(b.text)


def _apart(a: PlaceRef, b: PlaceRef) -> bool:
    """Two places named side by side ("in Binnish, Salqin and al-Atarib") are two events' places: not the
    same place (SAME_PLACE_KM), or two towns more than DISTINCT_KM apart (UA19: al-Atarib, 22 km from
    Binnish, had been taken for the same place and dropped)."""
    return not _same_place(a, b) or _distinct_towns(a, b)


def _held(inner: PlaceRef, outer: PlaceRef) -> bool:
    """Does the report say ``outer`` holds ``inner`` ("the Mezzeh district of western Damascus")?"""
    return bool(inner.within) and inner.within == fold(_without_feature(outer.text))


def _distinct_towns(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Two places both resolved to points (no province) more than DISTINCT_KM apart: "shot dead in the
    town of Mahja ... In the city of Jassem, a hand grenade ...", two events though 15 km apart."""
    if a is None or b is None or a.region or b.region or a.status != "resolved" or b.status != "resolved" \
            or a.role in ("near", "landmark"):
        return False      # "shelling on villages around Ain Issa ... Fatsa was among those shelled": the area's
    if _held(a, b) or _held(b, a):
        return False      # "... in Damascus. ... at the building in the Mezzeh district of western Damascus" (nu12)
    pa, pb = a.point, b.point
    return bool(pa and pb) and distance_km(pa[0], pa[1], pb[0], pb[1]) > DISTINCT_KM


def _key(name: str) -> str:
    """A name's letters only, without a leading Arabic article: "Şa‘dah" and "Sa`dah" are one key."""
    k = re.sub(r"[^a-z]", "", fold(name).replace(" ", ""))
    return re.sub(r"^(?:al|el|as|ash|ad|an|ar|az)(?=[a-z]{3})", "", k)


def _spelled_unsure(ref) -> bool:
    """An ambiguous name whose candidates all match it only by a like spelling (the geocoder's key/fuzzy
    rung): the place meant may be none of them."""
    basis = getattr(ref.unsure, "basis", None) or ""
    return basis.split("|")[0].split("-")[-1] in ("key", "xkey", "fuzzy")


def _spelled_only(ref) -> bool:
    """The place was found only by a like spelling of its name (a near spelling taken, or the geocoder's
    key/fuzzy rung): no ground to place another name near it (YA01: 'the Balanda valley', taken as
    Bilmanday by spelling, had placed 'Sidan' at the Sidan 61 km from it, 78 km from the real one)."""
    return bool(ref.near_spelt) or _spelling_rung(ref.result)


def _spelling_rung(result) -> bool:
    """Whether a geocoder answer (resolved or not) rests only on a like spelling of the name: its basis's first
    rung is the consonant key, the cross-script key or the fuzzy match."""
    basis = getattr(result, "basis", None) or ""
    return basis.split("|")[0].split("-")[-1] in ("key", "xkey", "fuzzy")


def _names_province(ref: PlaceRef) -> bool:
    """Whether a resolved place is written as its province's name ("in eastern Deir ez-Zor", "Kirkuk")."""
    from geodata.admin1 import same_admin1
    from geodata.display import admin1_display
    admin1 = getattr(ref.result, "admin1", None)
    if not admin1:
        return False
    written = _without_feature(ref.text)
    if same_admin1(fold(written), fold(admin1)):
        return True
    # "Aleppo" for the division the gazetteer spells "H'alab": the same division by the embedded names' spellings
    shown = admin1_display(ref.country, admin1) if ref.country else None
    return shown is not None and admin1_display(ref.country, written) == shown


def _same_admin1(a: PlaceRef, b: PlaceRef) -> bool:
    """Whether two resolved places lie in the same province (their geocoded admin1)."""
    x, y = getattr(a.result, "admin1", None), getattr(b.result, "admin1", None)
    return bool(x) and bool(y) and a.country == b.country and fold(x) == fold(y)

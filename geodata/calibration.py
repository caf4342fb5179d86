"""Calibrated confidence: the measured share of answers within 25 km of the truth, per class.

Every answer the geocoder could give falls in one class, its ``basis``: ``rung|admin1|rivals``:

- rung: how the name matched: ``curated`` (exact name or alias of a curated row), ``exact`` (name
  or alias, or the name in another romanisation: vowels, doubled letters; geocoder.same_romanisation), ``part`` (part of a compound list name, or the name without a leading feature word),
  ``key`` (same consonant skeleton, alike spelling), ``xkey`` (Arabic-script query meeting a
  Latin name through the skeleton only), ``fuzzy``; ``kind`` when the place is of another kind
  than the query asks for (a quarter for "X village", a town for "X air base");
- admin1: ``agree`` (the place lies in the admin1 given, by polygon), ``none`` (no admin1 given),
  ``unknown`` (an admin1 the country does not know, or a place within 15 km of its border),
  ``differs`` (another admin1: never resolved);
- rivals: ``alone`` (no other place scores close), ``common`` (alone in the country, but the name is
  carried by five or more places of the region: the one meant may be missing), ``dominant`` (the others are villages beside a
  city or a curated row), ``contested`` (namesakes or lookalikes elsewhere score close), ``elsewhere`` (an admin1 given holds only a
  like spelling while a town or city of exactly the name lies in another admin1: never resolved; session 15,
  nu16: "Diwaniyah" with admin1 Anbar had resolved to an Ad Diniyah there, 400 km from the city), ``seat`` (in place
  of contested or common: the place carries the name exactly and lies in the district of that name, session 25),
  ``district`` (never resolved: a place of the name of a district of its admin1 lying outside it), ``small`` /
  ``large`` (rung ``district``: a name only a district carries, answered by its centre; see geocoder._district_answer).

``geodata/data/calibration.json`` holds, per class, how many answers of the fit set fell in it and
how many of those lay within 25 km; ``benchmarks/geocode_calibrate.py`` writes it from the dev sets
named in the file (``fit_sets``; today the UCDP Iraq set alone), and
``benchmarks/geocode_accuracy.py`` reports the result on the others (held out).
Small classes are shrunk towards their parents (hierarchical smoothing with PRIOR_WEIGHT pseudo
answers): confidence(rung) = (within + 2 * 0.5) / (n + 2), confidence(rung|admin1) = (within + 2 *
confidence(rung)) / (n + 2), and the class likewise over its (rung|admin1): a class seen a few times
says little on its own, a class never seen takes its parent's value (the lower of its two parents:
rung|admin1, and rung|rivals over every admin1). An answer is ``resolved`` only
when that confidence is at least RESOLVE_AT.

One table per **profile**, the kind of names asked (``PROFILES``): the same class is not equally
sure on every kind of input. ``events`` (the default): places where reported events happened
(UCDP, ACLED, news), fitted on the UCDP Iraq set. ``villages``: a humanitarian settlement list such
as IOM DTM's, where a small village the gazetteer lacks meets a namesake or a lookalike in the same
governorate (on the IOM DTM master list asked with its governorate, "key|agree|alone" answers were
81% within 25 km against 9 of 9 on UCDP Iraq); fitted on the IOM DTM master list
(``calibration_villages.json``), held out on the IOM DTM returnee list of ``field/09``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).parent / "data" / "calibration.json"
EVENTS, VILLAGES = "events", "villages"
PROFILES = {EVENTS: PATH, VILLAGES: PATH.with_name("calibration_villages.json")}
PROFILE_HELP = {EVENTS: "places where reported events happened (UCDP, ACLED, news reports)",
                VILLAGES: "a settlement list such as IOM DTM's (villages, quarters)"}
RESOLVE_AT = 0.95
PRIOR = 0.5          # nothing measured: a coin toss, never resolved
PRIOR_WEIGHT = 2.0   # pseudo answers a parent's value counts for


@lru_cache(maxsize=4)
def _table(path: Path = PATH) -> dict:
    if not path.exists():
        return {"classes": {}}
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _levels(path: Path = PATH) -> tuple[dict, dict, dict, dict]:
    return levels({k: (int(v[0]), int(v[1])) for k, v in _table(path).get("classes", {}).items()})


def levels(classes: dict[str, tuple[int, int]]) -> tuple[dict, dict, dict, dict]:
    """{basis: (n, within)} -> the counts per class, per rung|admin1, per rung and per
    rung|rivals (keyed "rung||rivals")."""
    full = dict(classes)
    two: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    one: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    across: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for basis, (n, k) in full.items():
        rung, admin1, rivals = basis.split("|")
        for level, key in ((two, f"{rung}|{admin1}"), (one, rung), (across, f"{rung}||{rivals}")):
            level[key][0] += n
            level[key][1] += k
    return full, dict(two), dict(one), dict(across)


def smoothed(tables: tuple[dict, dict, dict, dict], basis: str, prior_weight: float = PRIOR_WEIGHT) -> float:
    """The hierarchical estimate of the module docstring, over ``levels(...)``. A class the fit
    never saw has two parents, its rung|admin1 and its rung with the same rivals over every
    admin1; it takes the lower (an exact name among close namesakes, asked with an admin1 the
    country does not know, is as unsure as such answers are elsewhere, not as sure as the few
    answers that admin1 state happened to have)."""
    full, two, one, across = tables
    rung, admin1, rivals = basis.split("|")

    def down(*levels_counts) -> float:
        value = PRIOR
        for counts in levels_counts:
            n, k = counts or (0, 0)
            value = (k + prior_weight * value) / (n + prior_weight)
        return value

    by_admin1 = down(one.get(rung), two.get(f"{rung}|{admin1}"), full.get(basis))
    if basis in full:
        return by_admin1
    return min(by_admin1, down(one.get(rung), across.get(f"{rung}||{rivals}")))


_active: dict[str, Path] = dict(PROFILES)


def profile_path(profile: str = EVENTS) -> Path:
    """The table read for ``profile`` (one of PROFILES); ValueError for another name."""
    if profile not in PROFILES:
        raise ValueError(f"unknown geocoding profile {profile!r}: one of {', '.join(PROFILES)}")
    return _active[profile]


def use(path: Path | None, profile: str = EVENTS) -> None:
    """Read ``profile``'s confidences from another table (a what-if refit in a benchmark); None: the shipped one."""
    profile_path(profile)
    _active[profile] = Path(path) if path else PROFILES[profile]


def confidence(basis: str, path: Path | None = None, profile: str = EVENTS) -> float:
    """Measured P(within 25 km) for an answer of this class, on names of this profile (see the module
    docstring); ``path``: another table."""
    return round(smoothed(_levels(path or profile_path(profile)), basis), 3)


def measured(basis: str, path: Path | None = None, profile: str = EVENTS) -> bool:
    """Did the fit see answers of this very class? (False: its confidence is its parents'.)"""
    return basis in _table(path or profile_path(profile)).get("classes", {})


def fitted_on(path: Path | None = None, profile: str = EVENTS) -> str:
    return str(_table(path or profile_path(profile)).get("fitted_on", "nothing (no calibration table)"))


def fit_sets(path: Path | None = None, profile: str = EVENTS) -> list[str]:
    """Names of the dev sets the table was fitted on (benchmarks/geocode_devsets.py)."""
    table = _table(path or profile_path(profile))
    return list(table.get("fit_sets") or table.get("fitted_on", "").split()[:1])


def write(counts: dict[str, tuple[int, int]], fitted: str, path: Path = PATH, sets: list[str] | None = None) -> None:
    """Write a calibration table: {basis: (n, within)} measured on the dev sets ``sets``,
    described by ``fitted``."""
    data = {"fitted_on": fitted, "fit_sets": list(sets or fitted.split()[:1]), "km": 25, "resolve_at": RESOLVE_AT,
            "classes": {k: list(v) for k, v in sorted(counts.items())}}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    _table.cache_clear()
    _levels.cache_clear()

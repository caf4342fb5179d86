"""Admin2 (district / county) names as sources write them -> the embedded admin2 polygons.

Humanitarian place lists (IOM DTM) give each village's district beside its governorate. A
namesake found in the district named is far more telling than one found somewhere in the
governorate, so the geocoder's calibration class says whether the chosen place lies in the admin2
given (geodata/geocoder.py, ``d-`` classes; measured like every other class). The polygons and
their English and Arabic names are Who's On First's (geodata/data/admin2.parquet, see
geodata/data/README.md); names compare as admin1 names do ("Al-Hamdaniya" = "Hamdaniya",
"Dohuk District" = "Dahuk", "الحمدانية").
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from .admin1 import same_admin1
from .normalize import normalize_admin1

# "Qaḍāʾ" (Arabic: district) leads district names in UCDP and GeoNames: "Qaḑā’ al Fallūjah".
_DISTRICT_WORD = re.compile(r"^(?:qada|qadaa|qadha|qaza|kaza)\s+(?:(?:al|el)\s+)?")


def normalize_admin2(text: str | None) -> str:
    """Comparable district name: "Qaḑā’ al Fallūjah" -> "fallujah", "Hīt district" -> "hit"."""
    name = normalize_admin1(text)
    return normalize_admin1(_DISTRICT_WORD.sub("", name)) if _DISTRICT_WORD.match(name) else name

_POLYGONS: dict[str, Admin2Names] = {}
_LOCK = threading.Lock()


# How far outside the district its name names a namesake may lie and still be taken for the district's seat: the
# issue's own 25 km (the polygons are simplified, and a town drawn across a district border is within the error the
# product accepts anyway)
DISTRICT_SEAT_KM = 25.0


# A district at most this large (km², its polygons summed) whose name names no place of the gazetteer is answered by its
# centre. Chosen on the districts whose seat the gazetteer does hold (benchmarks/geocode_calibrate.py, "admin2_seats",
# session 25), as the largest size at which the centre lies within 25 km of the seat for at least 98% of the districts
# of every country: 632 of 634 districts at most 1,250 km² (SY 24/24, IQ 14/14, LB 12/12, IL 10/10, PS 14/14, YE
# 129/130, IR 52/53, TR 377/377); at most 2,000 km² it was 770/789, IR 95/105 and IQ 29/31. The figures in use are the
# calibration table's (classes district|...|small and district|...|large).
SMALL_DISTRICT_KM2 = 1250.0


@dataclass(frozen=True, slots=True)
class District:
    """A district (admin2) as an answer: its English name, the admin1 polygon holding its centre, its centre
    (degrees: the centroid, or a point inside when the centroid falls outside), area in km², WOF id, and size:
    "small" (at most SMALL_DISTRICT_KM2) or "large"."""
    name: str
    admin1: str
    latitude: float
    longitude: float
    area_km2: float
    wof_id: str
    size: str


class Admin2Names:
    """The admin2 polygons of one country, by English name, with every name they go by."""

    def __init__(self, country: str):
        from .boundaries import areas

        try:
            frame = areas(2, [country])
        except (OSError, ValueError):
            frame = None
        self.names: dict[str, set[str]] = {}
        self.geoms: dict[str, list] = {}
        self.admin1s: dict[str, set[str]] = {}      # English admin2 name -> the admin1 polygons holding one so named
        self._exact: dict[str, set[str]] = {}       # a normalised name as written -> English admin2 names
        self._parts: dict[tuple[str, str], list] = {}   # (English admin2, admin1 of its row) -> [(geometry, wof_id)]
        self.country = country
        if frame is not None:
            for row in frame.itertuples():
                self._parts.setdefault((row.admin2, row.admin1), []).append((row.geometry, str(row.wof_id)))
                self.geoms.setdefault(row.admin2, []).append(row.geometry)
                self.admin1s.setdefault(row.admin2, set()).add(row.admin1)
                names = {normalize_admin2(n) for n in (row.admin2, row.admin2_ar, row.name_wof) if n}
                self.names.setdefault(row.admin2, set()).update(n for n in names if n)
                for n in names:
                    if n:
                        self._exact.setdefault(n, set()).add(row.admin2)
        self._memo: dict[str, frozenset[str] | None] = {}
        self._districts: dict[str, tuple[District, ...]] = {}

    def divisions(self):
        """Every district polygon group: ((English admin2 name, admin1 of its row), [(geometry, WOF id), ...]) pairs."""
        return self._parts.items()

    def districts_named(self, name: str | None) -> tuple[District, ...]:
        """The districts one of whose names is ``name`` once normalised (``named_exactly``), one District per
        English name and admin1 (a name two admin1s share gives two), largest first; () when none."""
        key = normalize_admin2(name)
        if key not in self._districts:
            found = []
            for english in sorted(self._exact.get(key, ())):
                for (admin2, admin1), parts in self.divisions():
                    if admin2 == english:
                        found.append(self._district(admin2, parts))
            self._districts[key] = tuple(sorted(found, key=lambda d: -d.area_km2))
        return self._districts[key]

    def _district(self, name: str, parts: list) -> District:
        import math

        import shapely

        from .boundaries import KM_PER_DEGREE, locate

        shape = shapely.union_all([g for g, _ in parts])
        centre = shape.centroid
        if not shape.contains(centre):
            centre = shape.representative_point()
        area = shape.area * KM_PER_DEGREE ** 2 * math.cos(math.radians(centre.y))
        holder = locate([centre.y], [centre.x], countries=[self.country]).iloc[0]
        biggest = max(parts, key=lambda p: p[0].area)
        return District(name, holder["admin1"] or "", round(centre.y, 5), round(centre.x, 5), round(area, 1),
                        biggest[1], "small" if area <= SMALL_DISTRICT_KM2 else "large")

    def seat_elsewhere(self, named: frozenset[str], here: str | None, region: str | None, latitude: float,
                       longitude: float) -> str | None:
        """Of the districts ``named`` (English admin2 names a place's name names), the first of ``region`` (the
        place's admin1) when the place, in district ``here`` at (``latitude``, ``longitude``) degrees, lies outside
        every one of them and more than DISTRICT_SEAT_KM from it; None otherwise (see ``district_elsewhere``)."""
        if not named or not here or not region or here in named:
            return None
        return next((d for d in sorted(named) if region in self.admin1s.get(d, ())
                     and not self.near(latitude, longitude, frozenset({d}), DISTRICT_SEAT_KM)), None)

    def named_exactly(self, name: str | None) -> frozenset[str]:
        """English names of the admin2 polygons one of whose names is ``name`` once normalised (no likeness:
        "Çukurca" = "Cukurca"; a dictionary look-up, cheap enough for every geocoder query)."""
        return frozenset(self._exact.get(normalize_admin2(name), ()))

    def matching(self, admin2: str | None) -> frozenset[str] | None:
        """Polygons (by English admin2 name, as ``boundaries.locate`` gives them) meaning the same
        division as ``admin2``; None when none of the country's polygons goes by that name."""
        query = normalize_admin2(admin2)
        if not query:
            return None
        if query not in self._memo:
            found = {p for p, names in self.names.items() if any(same_admin1(query, n) for n in names)}
            self._memo[query] = frozenset(found) or None
        return self._memo[query]


    def near(self, latitude: float, longitude: float, polygons: frozenset[str], km: float) -> bool:
        """Is the point (degrees) within ``km`` of one of ``polygons`` (English admin2 names)?
        Distances in degrees of latitude, ~111.2 km each."""
        import shapely

        point = shapely.Point(longitude, latitude)
        return any(shapely.dwithin(g, point, km / 111.2) for p in polygons for g in self.geoms.get(p, ()))


def admin2_names(country: str) -> Admin2Names:
    """The country's Admin2Names, built once per process."""
    found = _POLYGONS.get(country)
    if found is None:
        with _LOCK:
            found = _POLYGONS.get(country) or Admin2Names(country)
            _POLYGONS[country] = found
    return found


def district_elsewhere(country: str, name: str, latitude: float | None, longitude: float | None) -> str | None:
    """When ``name`` is the name of a district (admin2 polygon) of the admin1 holding the point (degrees) and the
    point lies outside every district so named: that district's English name (the point is a namesake of the
    district's seat, as the village Çukurca in Yüksekova is of the town Çukurca, seat of the Çukurca district of
    Hakkari); None otherwise, or when the country has no embedded admin2 polygons or the point is no number.
    Polygons: Who's On First (geodata/data/README.md)."""
    if latitude is None or longitude is None or not country:
        return None
    names = admin2_names(country)
    named = names.named_exactly(name)
    if not named:
        return None
    from .boundaries import locate
    row = locate([latitude], [longitude], countries=[country]).iloc[0]
    return names.seat_elsewhere(named, row["admin2"], row["admin1"], latitude, longitude)

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
        if frame is not None:
            for row in frame.itertuples():
                self.geoms.setdefault(row.admin2, []).append(row.geometry)
                self.admin1s.setdefault(row.admin2, set()).add(row.admin1)
                names = {normalize_admin2(n) for n in (row.admin2, row.admin2_ar, row.name_wof) if n}
                self.names.setdefault(row.admin2, set()).update(n for n in names if n)
                for n in names:
                    if n:
                        self._exact.setdefault(n, set()).add(row.admin2)
        self._memo: dict[str, frozenset[str] | None] = {}

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

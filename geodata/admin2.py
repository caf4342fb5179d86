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
        if frame is not None:
            for row in frame.itertuples():
                self.geoms.setdefault(row.admin2, []).append(row.geometry)
                names = {normalize_admin2(n) for n in (row.admin2, row.admin2_ar, row.name_wof) if n}
                self.names.setdefault(row.admin2, set()).update(n for n in names if n)
        self._memo: dict[str, frozenset[str] | None] = {}

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

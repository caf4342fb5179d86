"""Directions and country shapes for placing names: compass bearings ("south of Y": ``_bearing_of``,
``_bearing``, ``_angle_between``) and the countries' admin1 polygons from ``geodata.boundaries``
(``_country_shape``, ``_km_to_country``, ``_country_box``)."""
from __future__ import annotations

from functools import lru_cache


def _bearing_of(word: str) -> float:
    """Degrees clockwise from north for "north", "south-east", "southwest" ..."""
    w = word.lower().replace("-", "")
    return {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
            "west": 270, "northwest": 315}[w]


def _bearing(frm: tuple[float, float], to: tuple[float, float]) -> float:
    """Initial great-circle bearing from ``frm`` to ``to`` ((lat, lon) degrees), degrees clockwise from north."""
    import math
    la1, la2 = math.radians(frm[0]), math.radians(to[0])
    dl = math.radians(to[1] - frm[1])
    x = math.sin(dl) * math.cos(la2)
    y = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360


def _angle_between(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


@lru_cache(maxsize=16)
def _country_shape(code: str):
    import shapely
    from geodata.boundaries import areas
    shapes = areas(1, [code])["geometry"].to_numpy(dtype=object)
    if not len(shapes):
        return None
    whole = shapely.union_all(shapes)
    shapely.prepare(whole)
    return whole


def _km_to_country(lat: float, lon: float, code: str) -> float:
    """Approximate km from a point to a country's admin1 polygons (0 inside; degrees at 111 km, the
    longitude part shrunk by the cosine of the latitude); inf when the country has none embedded."""
    import math
    import shapely
    shape = _country_shape(code)
    if shape is None or lat is None or lon is None:
        return float("inf")
    k = math.cos(math.radians(lat))
    p = shapely.Point(lon, lat)
    if shape.contains(p):
        return 0.0
    q = shapely.ops.nearest_points(shape, p)[0] if hasattr(shapely, "ops") else None
    if q is None:
        from shapely.ops import nearest_points
        q = nearest_points(shape, p)[0]
    return math.hypot((q.x - lon) * 111.2 * k, (q.y - lat) * 111.2)


@lru_cache(maxsize=16)
def _country_box(code: str):
    shape = _country_shape(code)
    return None if shape is None else shape.bounds      # (min lon, min lat, max lon, max lat)

"""The curated layout as a GeoJSON FeatureCollection: Point geometry, the other columns as
properties. For GeoJSON, an error's ``line`` is the feature's number (1 = first feature)."""
from __future__ import annotations

import json

import pandas as pd

from ..errors import LoadError, TooManyRows
from ..schema import COLUMNS

NAME = "geojson"
DATE_FORMATS = ("%Y-%m-%d",)


def looks_like(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def _str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def to_raw(text: str, name: str, max_rows: int | None = None) -> pd.DataFrame:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(name, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise LoadError(name, "not a GeoJSON file: nested too deeply to read") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise LoadError(name, "not a GeoJSON FeatureCollection (expected {\"type\": \"FeatureCollection\", \"features\": [...]})")
    if max_rows is not None and len(doc["features"]) > max_rows:
        raise TooManyRows(name, max_rows, "features")
    records = []
    for number, feature in enumerate(doc["features"], start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        record = {col: _str(props.get(col)) for col in COLUMNS}
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if isinstance(geometry, dict) and geometry.get("type") == "Point" and not coords:
            pass  # an empty Point: the place may still be geocoded from its name
        elif isinstance(geometry, dict) and geometry.get("type") == "Point" and isinstance(coords, list) \
                and len(coords) >= 2:
            record["longitude"], record["latitude"] = _str(coords[0]), _str(coords[1])
        elif geometry is not None:
            record["latitude"] = record["longitude"] = ""
            record["_bad_geometry"] = str(geometry.get("type") if isinstance(geometry, dict) else geometry)
        record["_line"] = number
        records.append(record)
    raw = pd.DataFrame(records, columns=[*COLUMNS, "_line", "_bad_geometry"], dtype=object)
    raw["_line"] = raw["_line"].astype(int)
    raw["_extra_fields"] = 0
    return raw

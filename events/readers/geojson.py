"""GeoJSON FeatureCollections whose properties follow any tabular layout (the curated one,
ACLED's columns as geopandas writes an ACLED frame, UCDP GED ...). The property names are the
header (case-insensitive, as for CSV); a Point geometry gives ``latitude``/``longitude`` and
wins over properties of those names. For GeoJSON, an error's ``line`` is the feature's number
(1 = first feature)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ..errors import LoadError, TooManyRows
from .base import blank_na, normalise_header

NAME, LABEL = "geojson", "GeoJSON FeatureCollection"


def looks_like(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def _str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class GeoJsonSource:
    """Features as rows: ``header`` = property names in first-seen order plus latitude/longitude."""

    NAME = "geojson"

    # geopandas writes datetime columns as ISO timestamps.
    extra_date_formats = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")

    def __init__(self, text: str, name: str, max_rows: int | None = None):
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
        seen: dict[str, None] = {}
        records = []
        for number, feature in enumerate(doc["features"], start=1):
            props = feature.get("properties") if isinstance(feature, dict) else None
            props = props if isinstance(props, dict) else {}
            record = {str(k).replace("\ufeff", "").strip().lower(): _str(v) for k, v in props.items()}
            for key in record:
                seen.setdefault(key, None)
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
            record["_bad_geometry"] = ""
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
        seen.setdefault("latitude", None)
        seen.setdefault("longitude", None)
        self.header = list(seen)
        self._records = records

    def rows(self, keep_na: frozenset[str] = frozenset(), only: frozenset[str] | None = None) -> pd.DataFrame:
        names, _ = normalise_header(self.header)
        frame = pd.DataFrame(self._records, columns=[*names, "_line", "_bad_geometry"], dtype=object)
        for col in names:
            frame[col] = frame[col].fillna("")
        frame["_bad_geometry"] = frame["_bad_geometry"].fillna("")
        frame["_line"] = np.asarray(frame["_line"], dtype=int) if len(frame) else np.array([], dtype=int)
        frame["_extra_fields"] = 0
        return blank_na(frame, keep_na, only)

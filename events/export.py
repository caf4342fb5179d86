"""Write the event table out: CSV (safe to open in a spreadsheet), GeoJSON, Parquet."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from .facts import has_coordinates
from .schema import ADMIN1_SOURCE, ADMIN2, ADMIN2_SOURCE, COLUMNS, GEO_COLUMNS, VAGUE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _export_columns(frame: pd.DataFrame) -> list[str]:
    # the vague-point flag last, where the frame has it (a UCDP file, the event store): read back, a
    # country-wide point again fills no governorate
    return [c for c in (*COLUMNS, *GEO_COLUMNS, VAGUE) if c in frame.columns]


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns an export writes: the event table's, then the GEO_COLUMNS present, with ``admin1``
    under its one display name (``geodata.display.admin1_shown``, as the app and the CLI show it:
    "Nīnawá province" and "Ninawa" both "Nineveh", so a pivot on the column counts a governorate once)
    and ``admin1_source`` right after it: the spelling the file gave ("" where the loader filled it
    from the point; a frame that was not geocoded has only the file's own, so that). A spelling no
    embedded polygon of the row's country goes by is written as given in both. ``admin2`` (the district),
    where there is one, likewise: its display name (``geodata.display.admin2_shown``: "Mosul district",
    "Qaḑā’ al Mawşil" -> "Mosul") and ``admin2_source`` after it."""
    out = frame[_export_columns(frame)].copy()
    if "country" not in out.columns:
        return out
    from geodata.display import admin1_shown_values, admin2_shown_values

    for col, source_col, shown_values in (("admin1", ADMIN1_SOURCE, admin1_shown_values),
                                          (ADMIN2, ADMIN2_SOURCE, admin2_shown_values)):
        if col not in out.columns:
            continue
        source = frame[source_col] if source_col in frame.columns else frame[col]
        out[col] = shown_values(frame["country"], frame[col])
        out.insert(out.columns.get_loc(col) + 1, source_col, source.astype(object).where(source.notna(), "").to_numpy())
    return out


def neutralise_formula(value):
    """A text cell a spreadsheet would run as a formula is prefixed with ' so it shows as text
    (OWASP CSV injection). Numbers are left alone: -12.5 is a longitude, not a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame, bom: bool = False) -> bytes:
    """The export as CSV, UTF-8. ``bom``: start with a byte-order mark, which spreadsheet programs
    (Excel on Windows) need to read Arabic, Kurdish or Hebrew text as UTF-8 rather than as a legacy code
    page; every reader of this project, pandas and csv readers opened with ``utf-8-sig`` skip it. The
    command-line exports leave it out (scripts reading with plain ``utf-8`` would see it in the first
    column's name); the app's download, which analysts open in spreadsheets, has it."""
    out = export_frame(frame)
    out["event_date"] = pd.to_datetime(out["event_date"]).dt.strftime("%Y-%m-%d")
    for col in out.columns:
        # Text may be object, categorical or Arrow strings (Parquet input): every non-numeric column.
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype(object).map(neutralise_formula)
    return out.to_csv(index=False).encode("utf-8-sig" if bom else "utf-8")


def _json_value(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def to_geojson_dict(frame: pd.DataFrame) -> dict:
    frame = export_frame(frame)
    columns = [c for c in frame.columns if c not in ("latitude", "longitude")]
    features = []
    for row in frame.itertuples(index=False):
        rec = row._asdict()
        lat, lon = _json_value(rec["latitude"]), _json_value(rec["longitude"])
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        props = {c: _json_value(rec[c]) for c in columns}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def to_geojson_bytes(frame: pd.DataFrame) -> bytes:
    return json.dumps(to_geojson_dict(frame), ensure_ascii=False).encode("utf-8")


def to_parquet(frame: pd.DataFrame, path) -> None:
    export_frame(frame).to_parquet(path, index=False)


STDOUT = "-"  # ``--out -``: standard output, as Unix tools read it


class OutputError(ValueError):
    """The export cannot be written where it was asked to go; ``str()`` says what to do instead."""


def write(frame: pd.DataFrame, path: str | Path, to: str) -> None:
    """Write ``frame`` as ``to`` (csv, geojson, parquet) to ``path``; ``"-"`` is standard output (bytes).
    Raises OutputError for binary Parquet to a terminal."""
    if str(path) == STDOUT:
        import io
        import sys

        if to == "parquet":
            if sys.stdout.isatty():
                raise OutputError("Parquet is binary: redirect it (--out - > FILE.parquet) or give --out FILE")
            buf = io.BytesIO()
            to_parquet(frame, buf)
            data = buf.getvalue()
        elif to in ("csv", "geojson"):
            data = to_csv_bytes(frame) if to == "csv" else to_geojson_bytes(frame)
        else:
            raise ValueError(f"unknown export format {to!r}")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(path)
    if to == "csv":
        path.write_bytes(to_csv_bytes(frame))
    elif to == "geojson":
        path.write_bytes(to_geojson_bytes(frame))
    elif to == "parquet":
        to_parquet(frame, path)
    else:
        raise ValueError(f"unknown export format {to!r}")


def to_geodataframe(frame: pd.DataFrame):
    """The events as a geopandas GeoDataFrame (EPSG:4326 points; None where not placed), for
    notebooks and spatial joins. Imported lazily: loading events does not need geopandas."""
    import geopandas as gpd

    placed = has_coordinates(frame)
    geometry = gpd.points_from_xy(frame["longitude"].where(placed), frame["latitude"].where(placed))
    geometry = [g if ok else None for g, ok in zip(geometry, placed)]
    return gpd.GeoDataFrame(frame.copy(), geometry=geometry, crs="EPSG:4326")

"""Exports: formula-safe CSV, GeoJSON that loads back identically."""
import json

import pandas as pd

from events import load_bytes
from events.export import neutralise_formula, to_csv_bytes, to_geojson_bytes

from .conftest import curated_csv


def test_neutralise_formula():
    for cell in ("=1+1", "+1", "-1", "@x", "\tx", "\rx"):
        assert neutralise_formula(cell) == "'" + cell
    assert neutralise_formula("Zummar") == "Zummar"
    assert neutralise_formula(-1.5) == -1.5


def test_geojson_export_loads_back_with_the_same_events():
    frame = load_bytes(curated_csv({}, {"notes": "<b>x</b> ${y}", "fatalities": ""}), "e.csv", geocode=False).frame
    doc = json.loads(to_geojson_bytes(frame))
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [41.95, 37.0]}
    back = load_bytes(to_geojson_bytes(frame), "e.geojson", geocode=False)
    assert back.errors == []
    cols = ["event_id", "event_date", "notes", "fatalities", "latitude", "origin_longitude"]
    pd.testing.assert_frame_equal(back.frame[cols], frame[cols])


def test_csv_export_loads_back_with_the_same_events():
    frame = load_bytes(curated_csv({}, {"notes": "a, \"quoted\"\nnewline"}), "e.csv", geocode=False).frame
    back = load_bytes(to_csv_bytes(frame), "e.csv", geocode=False)
    assert back.errors == []
    pd.testing.assert_frame_equal(back.frame[["event_id", "notes", "latitude"]], frame[["event_id", "notes", "latitude"]])


def test_geodataframe_has_points_where_placed():
    from events.export import to_geodataframe
    frame = load_bytes(curated_csv({}, {"latitude": "", "longitude": ""}), "e.csv", geocode=False).frame
    gdf = to_geodataframe(frame)
    assert gdf.crs.to_epsg() == 4326
    assert (gdf.geometry.iloc[0].x, gdf.geometry.iloc[0].y) == (41.95, 37.0)
    assert gdf.geometry.iloc[1] is None

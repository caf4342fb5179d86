"""Uploads that are too big, too long or not event files at all: a clear error, never a stuck or crashed app."""
from __future__ import annotations

import gzip
import importlib
import io
import json
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import upload as upload_module
from dashboard.upload import MAX_UPLOAD_ROWS, read_upload

from .conftest import curated_csv, event

HEADER = b"event_id,event_date,event_type,location\n"


@pytest.fixture
def no_geocoding(monkeypatch):
    """Fail loudly if a refused file gets as far as validation or geocoding."""
    def refuse(*args, **kwargs):
        raise AssertionError("a file over the row limit reached validation/geocoding")

    loader = importlib.import_module("events.load")  # the module, not events.load() the function
    for name in ("validate", "add_coordinates", "_finish"):
        monkeypatch.setattr(loader, name, refuse)


def assert_refused(result, *words: str) -> None:
    assert result.result is None and result.frame is None
    for word in words:
        assert word in result.error, result.error


def test_the_row_limit_is_two_hundred_thousand():
    assert MAX_UPLOAD_ROWS == 200_000


def test_a_csv_of_millions_of_tiny_rows_is_refused_before_validation(no_geocoding):
    # ~3 million one-character rows in 12 MB: a "zip bomb" of rows, well under the size limit.
    data = HEADER + b"x,,,\n" * 3_000_000
    assert len(data) < upload_module.MAX_UPLOAD_BYTES
    result = read_upload(data, "bomb.csv")
    assert_refused(result, "bomb.csv", "more than 200,000", "at most 200,000", "Split the file")


def test_a_geojson_with_too_many_features_is_refused(no_geocoding):
    data = b'{"type": "FeatureCollection", "features": [' + b",".join([b"{}"] * (MAX_UPLOAD_ROWS + 1)) + b"]}"
    assert_refused(read_upload(data, "many.geojson"), "many.geojson", "more than 200,000")


def test_a_parquet_file_with_too_many_rows_is_refused_from_its_footer(no_geocoding):
    # A few kB on disk, 5 million rows once read: refused from the metadata, never decompressed.
    rows = 5_000_000
    table = pa.table({"event_id": pa.array(["same"] * 1).take([0] * rows),
                      "event_date": pa.array(["2024-01-01"] * 1).take([0] * rows)})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    assert len(buf.getvalue()) < 1_000_000
    assert_refused(read_upload(buf.getvalue(), "sneaky.parquet"), "more than 200,000")


def test_the_limit_counts_event_rows_not_lines(monkeypatch):
    # Notes spanning several lines are one row each; exactly the limit loads, one more is refused.
    monkeypatch.setattr(upload_module, "MAX_UPLOAD_ROWS", 3)
    rows = [event(event_id=f"L{i}", notes="line one\nline two\nline three") for i in range(3)]
    accepted = read_upload(curated_csv(*rows), "three.csv")
    assert accepted.error == "" and len(accepted.frame) == 3
    refused = read_upload(curated_csv(*rows, event(event_id="L9")), "four.csv")
    assert_refused(refused, "more than 3 events", "at most 3")


@pytest.mark.parametrize("name, data, words", [
    ("empty.csv", b"   \n\n", ["empty"]),
    ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ["binary"]),
    ("latin1.csv", HEADER + "E1,2024-01-01,Battles,Hom\xe7\n".encode("latin-1"), ["not UTF-8", "line 2"]),
    ("bomb.csv", gzip.compress(b"x,y\n" * 1_000_000, mtime=0), ["gzip-compressed", "Decompress"]),
    ("archive.csv", None, ["zip archive", "not CSV"]),  # a zip file, filled in below
    ("nested.geojson", b"[" * 200_000, ["could not be read", "nested"]),
    ("nested2.geojson", b'{"type": "FeatureCollection", "features": ' + b"[" * 200_000, ["could not be read"]),
    ("broken.geojson", b'{"type": "FeatureCollection", "features": [', ["not valid JSON"]),
    ("list.geojson", b"[1, 2, 3]", ["FeatureCollection"]),
    ("one-column.csv", b"hello\nworld\n", ["fewer than two columns"]),
    ("huge-field.csv", HEADER + b'E1,2024-01-01,Battles,"' + b"a" * (11 * 1024 * 1024) + b'"\n',
     ["could not be read"]),
    ("unknown.csv", b"a,b\n1,2\n", ["unknown layout"]),
])
def test_a_file_that_is_not_an_event_table_says_why(name, data, words):
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("events.csv", b"x,y\n" * 1_000_000)
        data = buf.getvalue()
    result = read_upload(data, name)
    assert_refused(result, name, *words)


@pytest.mark.parametrize("geometry", [
    {"type": "Point", "coordinates": 5},
    {"type": "Point", "coordinates": [36.0]},
    {"type": "Point", "coordinates": "36,41"},
    {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 0]]]},
    [36.0, 41.0],
])
def test_a_feature_with_a_malformed_geometry_is_a_rejected_row(geometry):
    good = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [41.97, 36.98]},
            "properties": {k: v for k, v in event(event_id="G1").items() if k not in ("latitude", "longitude")}}
    bad = {**good, "geometry": geometry, "properties": {**good["properties"], "event_id": "G2"}}
    doc = {"type": "FeatureCollection", "features": [good, bad]}
    result = read_upload(json.dumps(doc).encode(), "shapes.geojson")
    assert list(result.frame["event_id"]) == ["G1"]
    assert [(e.line, e.column) for e in result.result.errors][:1] == [(2, "geometry")]


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
feature_like = st.fixed_dictionaries({}, optional={
    "type": st.sampled_from(["Feature", "Point", "x"]) | json_values,
    "geometry": json_values | st.fixed_dictionaries(
        {"type": st.just("Point")}, optional={"coordinates": json_values}),
    "properties": json_values | st.dictionaries(st.sampled_from(list(event())), json_values, max_size=6),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(features=st.lists(feature_like | json_values, max_size=4))
def test_any_json_document_gives_rows_or_a_message_never_an_exception(features):
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    result = read_upload(data, "fuzz.geojson")
    assert result.error or result.frame is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_after_a_valid_header_give_rows_or_a_message(body):
    result = read_upload(curated_csv() + body, "fuzz.csv")
    assert result.error or result.frame is not None


def test_the_upload_notes_say_which_events_are_off_the_map_and_why():
    """An ambiguous place is not drawn (nu5: Tabqa drawn 340 km off in Al-Hasakah): the upload says so apart
    from the places not found, so the analyst knows which rows to place by hand."""
    off = dict(latitude="", longitude="", admin1="", origin_location="")
    rows = [event(event_id="A1", location="Tabqa", **off), event(event_id="A2", location="Qwxzvbn", **off),
            event(event_id="A3")]
    result = read_upload(curated_csv(*rows), "mixed.csv")
    assert result.error == "" and len(result.frame) == 3
    note = next(n for n in result.notes if "not on the map" in n)
    assert note.startswith("2 event(s) are in the table but not on the map: 1 name a place the gazetteer could "
                           "not find; 1 name a place that more than one place fits"), note
    tabqa = result.frame.set_index("event_id").loc["A1"]
    assert tabqa["geo_status"] == "ambiguous" and tabqa["admin1"] == ""


def test_a_place_found_but_not_confirmed_is_named_not_called_missing():
    """nu7: "الحويجة" in Kirkuk has one candidate, Al Hawijah (the town), whose class measured below the 95%
    placing needs; the upload said "a place the gazetteer could not find" and the table named nothing. The
    note now tells it apart and the table names the candidate; it is still not drawn."""
    off = dict(latitude="", longitude="", origin_location="")
    rows = [event(event_id="H1", location="الحويجة", admin1="Kirkuk", country="IQ", **off),
            event(event_id="H2", location="Qwxzvbn", admin1="", **off)]
    result = read_upload(curated_csv(*rows), "hawija.csv")
    note = next(n for n in result.notes if "not on the map" in n)
    assert "1 name a place the gazetteer could not find" in note, note
    assert "1 name a place the gazetteer has but could not confirm" in note, note
    hawija = result.frame.set_index("event_id").loc["H1"]
    assert hawija["geo_status"] == "unresolved" and "Hawij" in hawija["geo_name"]
    assert hawija["latitude"] != hawija["latitude"]     # NaN: not drawn
    assert result.frame.set_index("event_id").loc["H2", "geo_name"] == ""

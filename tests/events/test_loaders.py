"""Every loader on real-layout fixtures: detection, mapping, types."""
import json

import pandas as pd
import pytest

from events import COLUMNS, LoadError, load, load_bytes

from .conftest import FIXTURES, curated_csv


def test_curated_csv_loads_typed_columns():
    result = load_bytes(curated_csv({}, {"latitude": "", "longitude": "", "fatalities": ""}), "x.csv", geocode=False)
    assert result.format == "curated"
    assert result.errors == []
    frame = result.frame
    assert list(frame.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert frame["event_date"].dtype == "datetime64[ns]"
    assert frame.loc[0, "event_date"] == pd.Timestamp("2024-04-21")
    assert frame["fatalities"].isna().tolist() == [False, True]
    assert frame.loc[0, "origin_latitude"] == pytest.approx(36.76667)
    assert frame["geo_status"].tolist() == ["given", "not geocoded"]


def test_modern_acled_export_maps_columns_and_both_date_styles():
    result = load(FIXTURES / "acled_modern.csv", geocode=False)
    assert result.format == "acled"
    assert result.rows == 4
    frame = result.frame.set_index("event_id")
    assert set(frame.index) == {"IRQ33001", "SYR45002", "IRQ33003"}
    assert frame.loc["SYR45002", "event_date"] == pd.Timestamp("2024-04-21")  # "21 April 2024"
    assert frame.loc["IRQ33001", "country"] == "IQ" and frame.loc["SYR45002", "country"] == "SY"
    assert frame.loc["IRQ33003", "location"] == "Kalsu"
    assert frame.loc["SYR45002", "geo_precision"] == 2
    assert frame.loc["SYR45002", "notes"] == "Coalition aircraft struck, a note with a comma."
    # The broken row is reported, with the line as in the file (header is line 1).
    assert {(e.line, e.column) for e in result.errors} == {(5, "event_date"), (5, "fatalities")}


def test_legacy_acled_types_are_mapped_to_the_current_codebook():
    result = load(FIXTURES / "acled_legacy.csv", geocode=False)
    assert result.format == "acled-legacy"
    assert result.errors == []
    types = result.frame.set_index("event_id")[["event_type", "sub_event_type"]]
    assert tuple(types.loc["1RTA"]) == ("Protests", "")        # inter1 6 = protesters
    assert tuple(types.loc["2RTA"]) == ("Riots", "")           # inter1 5 = rioters
    assert tuple(types.loc["3RTA"]) == ("Explosions/Remote violence", "")
    assert tuple(types.loc["4RTA"]) == ("Battles", "Government regains territory")
    assert result.frame.set_index("event_id").loc["4RTA", "date_precision"] == 2


def test_reduced_acled_layout_with_short_dates():
    result = load(FIXTURES / "acled_reduced.csv", geocode=False)
    assert result.format == "acled-reduced"
    frame = result.frame
    assert frame["event_date"].tolist() == [pd.Timestamp("2022-01-01"), pd.Timestamp("2022-01-02")]
    # no id in this layout: the id is made from what the row says, so it names the event, not its line
    assert [len(i) for i in frame["event_id"]] == [13, 13] and frame["event_id"].str.startswith("H").all()
    assert frame["country"].tolist() == ["IQ", "SY"]
    assert [(e.line, e.column, e.value) for e in result.errors] == [(4, "event_date", "31-Feb-22")]


def test_ucdp_ged_mapping():
    result = load(FIXTURES / "ucdp_ged.csv", geocode=False)
    assert result.format == "ucdp"
    frame = result.frame.set_index("event_id")
    fallujah = frame.loc["114064"]
    assert (fallujah["event_type"], fallujah["sub_event_type"]) == ("Battles", "Armed clash")
    assert fallujah["location"] == "Al Fallūjah town" and fallujah["admin1"] == "Al Anbār province"
    assert fallujah["date_precision"] == 2 and fallujah["fatalities"] == 8
    assert "Between 2014-01-24 and 2014-01-25" in fallujah["notes"]
    zummar = frame.loc["62366"]
    assert zummar["event_type"] == "Violence against civilians" and zummar["actor1"] == "IS"
    country_level = frame.loc["176092"]  # where_prec 6: kept, marked imprecise
    assert country_level["geo_precision"] == 3 and "where_prec 6" in country_level["notes"]
    assert country_level["date_precision"] == 3
    assert [(e.line, e.column, e.value) for e in result.errors] == [(5, "fatalities", "-3")]


def test_geojson_feature_collection_round_trip():
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [41.95, 37.0]},
         "properties": {"event_id": "G1", "event_date": "2024-04-21", "event_type": "Battles",
                        "sub_event_type": "Armed clash", "actor1": "A", "country": "SY", "location": "Rmelan",
                        "source": "Reuters", "fatalities": 3}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
         "properties": {"event_id": "G2", "event_date": "2024-04-21", "event_type": "Battles",
                        "actor1": "A", "country": "SY", "location": "X", "source": "S"}},
    ]}
    result = load_bytes(json.dumps(doc).encode(), "x.geojson", geocode=False)
    assert (result.format, result.container) == ("curated", "geojson")
    assert result.label == "curated event table (GeoJSON)"
    assert result.frame.loc[0, "longitude"] == 41.95 and result.frame.loc[0, "fatalities"] == 3
    assert [(e.line, e.column) for e in result.errors] == [(2, "geometry")]


def test_format_flag_overrides_detection():
    with pytest.raises(LoadError, match="not the ucdp layout"):
        load(FIXTURES / "acled_modern.csv", fmt="ucdp", geocode=False)


def test_rows_are_sorted_by_date():
    data = curated_csv({"event_date": "2024-04-21"}, {"event_date": "2023-10-17"}, {"event_date": "2024-01-04"})
    frame = load_bytes(data, "x.csv", geocode=False).frame
    assert frame["event_id"].tolist() == ["T2", "T3", "T1"]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("event_id,event_date\nA,2024-01-01\n".encode("utf-16"), "binary"),
    ("caf\xe9,b\n1,2\n".encode("latin-1"), "not UTF-8"),
    (b"name,size\nfoo,1\n", "unknown layout"),
    (b"justoneword\n", "not a CSV"),
    (b'{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
    (b'{"type": ', "not valid JSON"),
])
def test_unreadable_files_are_one_clear_error(data, reason):
    with pytest.raises(LoadError) as info:
        load_bytes(data, "upload.csv", geocode=False)
    assert reason in str(info.value) and "upload.csv" in str(info.value)


def test_missing_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="cannot read"):
        load(tmp_path / "nope.csv")


def test_parquet_round_trip_keeps_events_and_checks_rules(tmp_path):
    from events.export import to_parquet
    frame = load_bytes(curated_csv({}, {"notes": "second"}), "e.csv", geocode=False).frame
    bad = frame.copy()
    bad.loc[1, "latitude"] = 123.0
    path = tmp_path / "e.parquet"
    to_parquet(bad, path)
    result = load(path, geocode=False)
    assert result.format == "parquet" and result.rows == 2
    assert result.frame["event_id"].tolist() == ["T1"]
    assert [(e.line, e.column, e.value) for e in result.errors] == [(2, "latitude", "123.0")]
    assert result.frame.loc[0, "event_date"] == pd.Timestamp("2024-04-21")
    assert load_bytes(path.read_bytes(), "upload.parquet", geocode=False).frame["event_id"].tolist() == ["T1"]


def test_parquet_with_dates_as_text_loads_them(tmp_path):
    frame = load_bytes(curated_csv({}, {"event_date": "2023-10-17"}), "e.csv", geocode=False).frame
    frame["event_date"] = frame["event_date"].dt.strftime("%Y-%m-%d").astype("category")
    path = tmp_path / "text-dates.parquet"
    frame[list(COLUMNS)].to_parquet(path)
    result = load(path, geocode=False)
    assert result.errors == [] and result.frame["event_date"].tolist() == [pd.Timestamp("2023-10-17"),
                                                                          pd.Timestamp("2024-04-21")]


def test_reduced_acled_ids_name_the_event_not_its_line_in_the_file():
    """A second id-less export (other events, re-sorted, or with a revised toll) must not reuse the
    first file's ids for other events: nu5 found `db import` reporting 50 new events as
    "already in the store" because both files' line 2 was "L2"."""
    lines = (FIXTURES / "acled_reduced.csv").read_text(encoding="utf-8").splitlines()
    header, first, second = lines[0], lines[1], lines[2]
    ids = load_bytes(("\n".join([header, first, second]) + "\n").encode(), "a.csv", geocode=False).frame["event_id"]
    # the same events in the other order, one toll revised (2 -> 3) and its point moved 11 m: the same ids
    revised = first.replace(",National,2,", ",National,3,").replace("34.328,44.726", "34.3281,44.726")
    assert revised != first.replace(",National,2,", ",National,3,")
    again = load_bytes(("\n".join([header, second, revised]) + "\n").encode(), "b.csv", geocode=False).frame
    assert again.set_index("location")["event_id"].to_dict() == {"As Safrah": ids.iloc[0], "Tal Tamr": ids.iloc[1]}
    # another event on the first line of another file gets its own id
    other = second.replace("Tal Tamr,36.6469,40.3722", "Ras al-Ayn,36.85,40.07")
    third = load_bytes(("\n".join([header, other]) + "\n").encode(), "c.csv", geocode=False).frame["event_id"]
    assert third.iloc[0] not in set(ids)
    # two rows that say the same thing are two events, both kept, with distinct ids
    twice = load_bytes(("\n".join([header, first, first]) + "\n").encode(), "d.csv", geocode=False).frame["event_id"]
    assert len(set(twice)) == 2 and twice.iloc[0] == ids.iloc[0]

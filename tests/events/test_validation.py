"""Every kind of bad row is rejected with file, line, column, value and reason; good rows load."""
import datetime as dt

import pytest

from events import load_bytes
from events.schema import COLUMNS

from .conftest import GOOD_ROW, curated_csv

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize("override, column, reason", [
    ({"event_date": "2024-02-30"}, "event_date", "unparsable or impossible date"),
    ({"event_date": "21/04/2024"}, "event_date", "unparsable or impossible date"),
    ({"event_date": TOMORROW}, "event_date", "date in the future"),
    ({"latitude": "91"}, "latitude", "out of range"),
    ({"longitude": "-180.5"}, "longitude", "out of range"),
    ({"latitude": "north"}, "latitude", "not a number"),
    ({"latitude": "37.0", "longitude": ""}, "longitude", "latitude is given but longitude is empty"),
    ({"latitude": "", "longitude": "", "location": ""}, "location", "no coordinates and no location"),
    ({"origin_latitude": "99"}, "origin_latitude", "out of range"),
    ({"event_type": "Rocket attack"}, "event_type", "unknown event type"),
    ({"sub_event_type": "Rocket attack"}, "sub_event_type", "unknown sub-event type"),
    ({"event_type": "Battles"}, "sub_event_type", "belongs to event type 'Explosions/Remote violence'"),
    ({"fatalities": "-1"}, "fatalities", "negative fatalities"),
    ({"fatalities": "two"}, "fatalities", "not a whole number"),
    ({"fatalities": "1.5"}, "fatalities", "not a whole number"),
    ({"source_url": "javascript:alert(1)"}, "source_url", "not an http(s) URL"),
    ({"source_url": "data:text/html,<b>x</b>"}, "source_url", "not an http(s) URL"),
    ({"source_url": "ftp://example.org/x"}, "source_url", "not an http(s) URL"),
    ({"source_url": "https://"}, "source_url", "not an http(s) URL"),
    ({"country": "XX"}, "country", "unknown country"),
    ({"origin_country": "Iraq"}, "origin_country", "unknown country"),
    ({"date_precision": "4"}, "date_precision", "must be 1, 2 or 3"),
    ({"geo_precision": "0"}, "geo_precision", "must be 1, 2 or 3"),
    ({"event_id": ""}, "event_id", "missing required field"),
    ({"source": ""}, "source", "missing required field"),
    ({"actor1": "  "}, "actor1", "missing required field"),
    ({"event_type": ""}, "event_type", "missing required field"),
])
def test_each_error_kind_names_line_column_value_and_reason(override, column, reason):
    data = curated_csv({}, override, {})
    result = load_bytes(data, "events.csv", geocode=False)
    assert result.frame["event_id"].tolist() == ["T1", "T3"]  # the good rows still load
    assert len(result.errors) == 1, result.errors
    error = result.errors[0]
    assert (error.file, error.line, error.column) == ("events.csv", 3, column)
    assert reason in error.reason
    assert error.value == str(override.get(column, GOOD_ROW.get(column, ""))).strip()


def test_duplicate_event_id_names_the_first_line():
    result = load_bytes(curated_csv({}, {}, {"event_id": "T1"}), "e.csv", geocode=False)
    assert result.frame["event_id"].tolist() == ["T1", "T2"]
    [error] = result.errors
    assert (error.line, error.column, error.value) == (4, "event_id", "T1")
    assert "duplicate event_id (first on line 2)" == error.reason


def test_a_row_with_several_problems_reports_each_and_counts_once():
    result = load_bytes(curated_csv({"event_date": "soon", "fatalities": "-4", "country": "ZZ"}), "e.csv",
                        geocode=False)
    assert {e.column for e in result.errors} == {"event_date", "fatalities", "country"}
    assert result.rejected == 1 and len(result.frame) == 0


def test_line_numbers_count_embedded_newlines():
    result = load_bytes(curated_csv({"notes": "line one\nline two\nline three"}, {"fatalities": "-1"}), "e.csv",
                        geocode=False)
    assert [e.line for e in result.errors] == [5]


def test_row_with_more_fields_than_the_header_is_reported_not_truncated():
    data = curated_csv({}).decode().rstrip("\r\n") + ",surplus\r\n"
    result = load_bytes(data.encode(), "e.csv", geocode=False)
    assert [(e.line, e.column) for e in result.errors] == [(2, "(row)")]
    assert "1 more field" in result.errors[0].reason


def test_missing_optional_columns_are_fine():
    required = ["event_id", "event_date", "event_type", "actor1", "country", "location", "source"]
    result = load_bytes(curated_csv({"event_type": "Battles"}, columns=required), "e.csv", geocode=False)
    assert result.errors == [] and len(result.frame) == 1
    assert list(result.frame.columns[: len(COLUMNS)]) == list(COLUMNS)


def test_lower_case_country_code_is_accepted_and_upper_cased():
    frame = load_bytes(curated_csv({"country": "sy"}), "e.csv", geocode=False).frame
    assert frame.loc[0, "country"] == "SY"
